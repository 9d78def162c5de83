#include "pages/lift_scenario_panel.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>

namespace merch::ui {
namespace {

QString check(const merch::ExperimentParams& params) {
    const merch::Status status = params.validate();
    return status ? QString() : QString::fromStdString(status.message());
}

} // namespace

LiftScenarioPanel::LiftScenarioPanel(QWidget* parent)
    : QWidget(parent)
    , m_treatment(new QComboBox(this))
    , m_split(new QDoubleSpinBox(this))
    , m_weeks(new QSpinBox(this))
    , m_sessions(new QDoubleSpinBox(this))
    , m_seed(new QSpinBox(this))
    , m_run(new QPushButton(tr("Run the test"), this)) {
    setObjectName(QStringLiteral("liftScenario"));
    const merch::ExperimentParams defaults;
    m_treatment->setObjectName(QStringLiteral("treatmentCombo"));
    m_treatment->addItem(tr("Personalized ranking"), QStringLiteral("ranking"));
    const QString later[][2] = {
        {tr("Recommendations"), QStringLiteral("recs")},
        {tr("Semantic search"), QStringLiteral("search")},
        {tr("Cart-abandonment timing"), QStringLiteral("abandonment")},
        {tr("Replenishment timing"), QStringLiteral("replenishment")},
    };
    auto* items = qobject_cast<QStandardItemModel*>(m_treatment->model());
    for (const auto& [label, key] : later) {
        m_treatment->addItem(tr("%1 (arrives with its model)").arg(label), key);
        if (items)
            items->item(m_treatment->count() - 1)->setEnabled(false);
    }
    // The spin boxes accept values beyond the valid ranges so that validate() explains them.
    m_split->setObjectName(QStringLiteral("splitSpin"));
    m_split->setRange(0.0, 100.0);
    m_split->setDecimals(0);
    m_split->setSuffix(tr("% treated"));
    m_split->setValue(defaults.split * 100.0);
    m_weeks->setObjectName(QStringLiteral("weeksSpin"));
    m_weeks->setRange(0, 104);
    m_weeks->setSuffix(tr(" weeks"));
    m_weeks->setValue(defaults.weeks);
    m_sessions->setObjectName(QStringLiteral("sessionsSpin"));
    m_sessions->setRange(0.0, 1000000.0);
    m_sessions->setDecimals(0);
    m_sessions->setGroupSeparatorShown(true);
    m_sessions->setValue(defaults.sessionsPerDay);
    m_seed->setObjectName(QStringLiteral("seedSpin"));
    m_seed->setRange(0, 2147483647);
    m_seed->setValue(42);
    m_run->setObjectName(QStringLiteral("primaryButton"));

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(2);
    addField(grid, 0, tr("Treatment"), m_treatment,
             tr("What the treated shoppers get; the control keeps the best-seller sort."));
    addField(grid, 2, tr("Split"), m_split,
             tr("Share of shoppers in the treatment; 5% to 95%. 50/50 is the fastest test."));
    addField(grid, 4, tr("Runway"), m_weeks, tr("How long the test runs; 1 to 52 weeks."));
    addField(grid, 6, tr("Sessions a day"), m_sessions,
             tr("Traffic during the test; 10 to 200,000. Defaults to the store's."));
    addField(grid, 8, tr("Seed"), m_seed,
             tr("Which shoppers land in which arm; the same seed gives the same test."));
    grid->setColumnStretch(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addLayout(grid);
    layout->addWidget(m_run);

    const auto revalidate = [this] { validate(); };
    connect(m_treatment, &QComboBox::currentIndexChanged, this, revalidate);
    connect(m_split, &QDoubleSpinBox::valueChanged, this, revalidate);
    connect(m_weeks, &QSpinBox::valueChanged, this, revalidate);
    connect(m_sessions, &QDoubleSpinBox::valueChanged, this, revalidate);
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (isValid())
            emit runRequested();
    });
    validate();
}

void LiftScenarioPanel::addField(QGridLayout* grid, int row, const QString& label, QWidget* widget,
                                 const QString& tip) {
    auto* caption = new QLabel(label, this);
    caption->setBuddy(widget);
    caption->setToolTip(tip);
    widget->setToolTip(tip);
    widget->setMinimumWidth(120);
    grid->addWidget(caption, row, 0);
    grid->addWidget(widget, row, 1);
    auto* error = new QLabel(this);
    error->setObjectName(QStringLiteral("fieldError"));
    error->setWordWrap(true);
    error->hide();
    grid->addWidget(error, row + 1, 0, 1, 2);
    m_errors[row / 2] = error;
}

merch::ExperimentParams LiftScenarioPanel::params() const {
    merch::ExperimentParams params;
    params.treatment = m_treatment->currentData().toString().toStdString();
    params.split = m_split->value() / 100.0;
    params.weeks = m_weeks->value();
    params.sessionsPerDay = m_sessions->value();
    return params;
}

std::uint64_t LiftScenarioPanel::seed() const {
    return static_cast<std::uint64_t>(m_seed->value());
}

void LiftScenarioPanel::setStoreDefaults(double sessionsPerDay, std::uint64_t seed) {
    m_sessions->setValue(sessionsPerDay);
    m_seed->setValue(static_cast<int>(seed % 2147483648ULL));
}

void LiftScenarioPanel::validate() {
    const merch::ExperimentParams all = params();
    merch::ExperimentParams treatment;
    treatment.treatment = all.treatment;
    merch::ExperimentParams split;
    split.split = all.split;
    merch::ExperimentParams weeks;
    weeks.weeks = all.weeks;
    merch::ExperimentParams sessions;
    sessions.sessionsPerDay = all.sessionsPerDay;
    const QString messages[FieldCount] = {check(treatment), check(split), check(weeks),
                                          check(sessions), QString()};
    for (int i = 0; i < FieldCount; ++i) {
        m_errors[i]->setText(messages[i]);
        m_errors[i]->setVisible(!messages[i].isEmpty());
    }
    m_run->setEnabled(isValid());
}

bool LiftScenarioPanel::isValid() const {
    return params().validate().isOk();
}

QString LiftScenarioPanel::errorFor(Field field) const {
    return m_errors[field]->text();
}

} // namespace merch::ui
