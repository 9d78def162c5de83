#include "pages/lift_scenario_panel.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>

#include <algorithm>

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
    , m_peeking(new QCheckBox(tr("Peek daily, stop at p < 0.05"), this))
    , m_novelty(new QDoubleSpinBox(this))
    , m_halfLife(new QDoubleSpinBox(this))
    , m_trackingLoss(new QDoubleSpinBox(this))
    , m_contamination(new QDoubleSpinBox(this))
    , m_outliers(new QDoubleSpinBox(this))
    , m_cap(new QDoubleSpinBox(this))
    , m_vendorWindow(new QSpinBox(this))
    , m_replicates(new QSpinBox(this))
    , m_run(new QPushButton(tr("Run the test"), this)) {
    setObjectName(QStringLiteral("liftScenario"));
    const merch::ExperimentParams defaults;
    m_treatment->setObjectName(QStringLiteral("treatmentCombo"));
    // Item data "treatment" or "treatment:option" (the search method of a search test).
    const QString treatments[][2] = {
        {tr("Personalized ranking"), QStringLiteral("ranking")},
        {tr("Recommendations (item-kNN vs best-seller block)"), QStringLiteral("recs")},
        {tr("Search: hybrid vs native search"), QStringLiteral("search:hybrid")},
        {tr("Search: hybrid + learned clicks vs native search"),
         QStringLiteral("search:hybrid_clicks")},
        {tr("Predictive messaging (cart and replenishment timing)"), QStringLiteral("messaging")},
        {tr("Predictive cart-email timing only"), QStringLiteral("abandonment")},
        {tr("Predictive replenishment reminders only"), QStringLiteral("replenishment")},
    };
    for (const auto& [label, key] : treatments)
        m_treatment->addItem(label, key);
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
    layout->addWidget(createPitfalls());
    layout->addWidget(m_run);

    const auto revalidate = [this] { validate(); };
    connect(m_treatment, &QComboBox::currentIndexChanged, this, revalidate);
    connect(m_split, &QDoubleSpinBox::valueChanged, this, revalidate);
    connect(m_weeks, &QSpinBox::valueChanged, this, revalidate);
    connect(m_sessions, &QDoubleSpinBox::valueChanged, this, revalidate);
    for (QDoubleSpinBox* spin :
         {m_novelty, m_halfLife, m_trackingLoss, m_contamination, m_outliers, m_cap})
        connect(spin, &QDoubleSpinBox::valueChanged, this, revalidate);
    connect(m_vendorWindow, &QSpinBox::valueChanged, this, revalidate);
    connect(m_replicates, &QSpinBox::valueChanged, this, revalidate);
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

QWidget* LiftScenarioPanel::createPitfalls() {
    const merch::ExperimentParams defaults;
    const merch::ExperimentPitfalls& p = defaults.pitfalls;
    // Ranges reach past the valid ones so that validate() explains a bad value.
    const auto percent = [](QDoubleSpinBox* spin, const char* name, double max, double value,
                            int decimals) {
        spin->setObjectName(QString::fromLatin1(name));
        spin->setRange(0.0, max);
        spin->setDecimals(decimals);
        spin->setSuffix(QStringLiteral("%"));
        spin->setValue(value);
    };
    m_peeking->setObjectName(QStringLiteral("peekingCheck"));
    m_peeking->setChecked(p.peeking);
    percent(m_novelty, "noveltySpin", 1000.0, p.noveltyLift * 100.0, 0);
    percent(m_trackingLoss, "trackingLossSpin", 100.0, p.trackingLoss * 100.0, 0);
    percent(m_contamination, "contaminationSpin", 100.0, p.contamination * 100.0, 0);
    percent(m_outliers, "outliersSpin", 100.0, p.outlierRate * 100.0, 1);
    m_halfLife->setObjectName(QStringLiteral("halfLifeSpin"));
    m_halfLife->setRange(0.0, 365.0);
    m_halfLife->setDecimals(1);
    m_halfLife->setSuffix(tr(" d"));
    m_halfLife->setValue(p.noveltyHalfLifeDays);
    m_cap->setObjectName(QStringLiteral("capSpin"));
    m_cap->setRange(0.0, 100.0);
    m_cap->setDecimals(1);
    m_cap->setSpecialValueText(tr("off"));
    m_cap->setPrefix(tr("p"));
    m_cap->setValue(p.revenueCapPercentile);
    m_vendorWindow->setObjectName(QStringLiteral("vendorWindowSpin"));
    m_vendorWindow->setRange(0, 400);
    m_vendorWindow->setSuffix(tr(" d"));
    m_vendorWindow->setValue(defaults.vendorWindowDays);
    m_replicates->setObjectName(QStringLiteral("replicatesSpin"));
    m_replicates->setRange(0, 1000000);
    m_replicates->setSingleStep(1000);
    m_replicates->setGroupSeparatorShown(true);
    m_replicates->setSpecialValueText(tr("off"));
    m_replicates->setValue(defaults.replicates);

    auto* box = new QWidget(this);
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 4, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    auto* heading = new QLabel(tr("Pitfalls and the vendor's view"), box);
    heading->setObjectName(QStringLiteral("sectionHeading"));
    grid->addWidget(heading, 0, 0, 1, 4);
    m_peeking->setToolTip(tr("Read the fixed-horizon p-value every day and stop at the first "
                             "p < 0.05: the reported lift is that day's."));
    grid->addWidget(m_peeking, 1, 0, 1, 4);
    const struct {
        QString label;
        QWidget* widget;
        QString tip;
    } fields[] = {
        {tr("Novelty"), m_novelty,
         tr("Extra add-to-cart in the treatment on day 1 (0 to 200%), fading; assumed to move "
            "engagement, not orders.")},
        {tr("Half-life"), m_halfLife, tr("Days for the novelty boost to halve; 0.5 to 60.")},
        {tr("Lost tags"), m_trackingLoss,
         tr("Share of the treatment's visits without an add-to-cart that are never recorded "
            "(0 to 50%): the sample-ratio check should fire.")},
        {tr("Contamin."), m_contamination,
         tr("Share of control shoppers shown the treatment anyway (0 to 100%).")},
        {tr("Outliers"), m_outliers,
         tr("Share of orders that are bulk orders worth 20 times (0 to 5%).")},
        {tr("Cap"), m_cap,
         tr("Cap each visit's revenue at this percentile of the pre-period's orders; off, or "
            "50 to 99.99.")},
        {tr("Vendor"), m_vendorWindow,
         tr("Days the vendor reads the test over before publishing (1 to the runway).")},
        {tr("Replicates"), m_replicates,
         tr("Monte Carlo replicate tests for the peeking false-positive rate, the power and "
            "the distribution of lifts (0 = off, up to 200,000).")},
    };
    int index = 0;
    for (const auto& field : fields) {
        const int row = 2 + index / 2, column = (index % 2) * 2;
        auto* caption = new QLabel(field.label, box);
        caption->setBuddy(field.widget);
        caption->setToolTip(field.tip);
        field.widget->setToolTip(field.tip);
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(field.widget))
            spin->setButtonSymbols(QAbstractSpinBox::NoButtons); // room for the value
        field.widget->setMinimumWidth(64);
        grid->addWidget(caption, row, column);
        grid->addWidget(field.widget, row, column + 1);
        ++index;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    auto* error = new QLabel(box);
    error->setObjectName(QStringLiteral("fieldError"));
    error->setWordWrap(true);
    error->hide();
    grid->addWidget(error, 2 + (index + 1) / 2, 0, 1, 4);
    m_errors[Pitfalls] = error;
    return box;
}

merch::ExperimentParams LiftScenarioPanel::params() const {
    merch::ExperimentParams params;
    const QString treatment = m_treatment->currentData().toString();
    params.treatment = treatment.section(QLatin1Char(':'), 0, 0).toStdString();
    if (treatment.contains(QLatin1Char(':')))
        params.searchMethod = treatment.section(QLatin1Char(':'), 1).toStdString();
    params.split = m_split->value() / 100.0;
    params.weeks = m_weeks->value();
    params.sessionsPerDay = m_sessions->value();
    merch::ExperimentPitfalls& p = params.pitfalls;
    p.peeking = m_peeking->isChecked();
    p.noveltyLift = m_novelty->value() / 100.0;
    p.noveltyHalfLifeDays = m_halfLife->value();
    p.trackingLoss = m_trackingLoss->value() / 100.0;
    p.contamination = m_contamination->value() / 100.0;
    p.outlierRate = m_outliers->value() / 100.0;
    p.revenueCapPercentile = m_cap->value();
    params.vendorWindowDays = m_vendorWindow->value();
    params.replicates = m_replicates->value();
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
    treatment.searchMethod = all.searchMethod;
    merch::ExperimentParams split;
    split.split = all.split;
    merch::ExperimentParams weeks;
    weeks.weeks = all.weeks;
    merch::ExperimentParams sessions;
    sessions.sessionsPerDay = all.sessionsPerDay;
    merch::ExperimentParams pitfalls;
    pitfalls.weeks = std::clamp(all.weeks, 1, 52);
    pitfalls.pitfalls = all.pitfalls;
    pitfalls.vendorWindowDays = all.vendorWindowDays;
    pitfalls.replicates = all.replicates;
    const QString messages[FieldCount] = {check(treatment), check(split), check(weeks),
                                          check(sessions),  QString(),    check(pitfalls)};
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
