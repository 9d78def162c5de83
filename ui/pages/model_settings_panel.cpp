#include "pages/model_settings_panel.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace merch::ui {
namespace {

// The engine's message for one field alone: every other field at its default.
QString checkEvaluation(const merch::EvaluationParams& params) {
    const merch::Status status = params.validate();
    return status ? QString() : QString::fromStdString(status.message());
}

QString checkRecommender(const merch::RecommenderParams& params) {
    const merch::Status status = params.validate();
    return status ? QString() : QString::fromStdString(status.message());
}

} // namespace

ModelSettingsPanel::ModelSettingsPanel(QWidget* parent)
    : QWidget(parent)
    , m_k(new QSpinBox(this))
    , m_testDays(new QDoubleSpinBox(this))
    , m_currentItem(new QCheckBox(tr("Count the current item as a hit"), this))
    , m_window(new QSpinBox(this))
    , m_shrinkage(new QDoubleSpinBox(this))
    , m_neighbours(new QSpinBox(this))
    , m_train(new QPushButton(tr("Train and evaluate"), this)) {
    setObjectName(QStringLiteral("modelSettings"));
    const merch::EvaluationParams evaluation;
    const merch::RecommenderParams recommender;
    // The spin boxes accept a little beyond the valid ranges so that the engine's validate()
    // (not a silently clamped value) tells the user what is allowed.
    m_k->setObjectName(QStringLiteral("kSpin"));
    m_k->setRange(0, 10000);
    m_k->setValue(evaluation.k);
    m_testDays->setObjectName(QStringLiteral("testDaysSpin"));
    m_testDays->setRange(0.0, 10000.0);
    m_testDays->setDecimals(1);
    m_testDays->setSuffix(tr(" days"));
    m_testDays->setValue(evaluation.testDays);
    m_currentItem->setObjectName(QStringLiteral("currentItemCheck"));
    m_currentItem->setChecked(evaluation.allowCurrentItem);
    m_window->setObjectName(QStringLiteral("windowSpin"));
    m_window->setRange(0, 10000);
    m_window->setValue(recommender.itemKnnWindow);
    m_shrinkage->setObjectName(QStringLiteral("shrinkageSpin"));
    m_shrinkage->setRange(-1.0, 100000.0);
    m_shrinkage->setDecimals(1);
    m_shrinkage->setValue(recommender.itemKnnShrinkage);
    m_neighbours->setObjectName(QStringLiteral("neighboursSpin"));
    m_neighbours->setRange(0, 1000000);
    m_neighbours->setValue(recommender.sknnNeighbours);
    m_train->setObjectName(QStringLiteral("primaryButton"));
    m_train->setAccessibleName(QStringLiteral("trainButton"));

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(2);
    addField(grid, 0, tr("List length k"), m_k, tr("Recommendations per list; 1 to 1000."));
    addField(grid, 2, tr("Test period"), m_testDays,
             tr("The last days of sessions are held out as the test set; 0.01 to 3650."));
    addField(grid, 4, tr("Item-kNN window"), m_window,
             tr("Items co-occur when within this many positions of a session; 1 to 1000."));
    addField(grid, 6, tr("Item-kNN shrinkage"), m_shrinkage,
             tr("Damps similarities of rarely seen items; 0 to 1000."));
    addField(grid, 8, tr("Session-kNN\nneighbours"), m_neighbours,
             tr("Similar past sessions kept per query; 1 to 10000."));
    m_currentItem->setToolTip(tr("Off: items already in the session are never counted as hits."));
    grid->addWidget(m_currentItem, 10, 0, 1, 2);
    grid->setColumnStretch(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addLayout(grid);
    layout->addWidget(m_train);
    layout->addStretch(1);

    const auto revalidate = [this] { validate(); };
    connect(m_k, &QSpinBox::valueChanged, this, revalidate);
    connect(m_testDays, &QDoubleSpinBox::valueChanged, this, revalidate);
    connect(m_window, &QSpinBox::valueChanged, this, revalidate);
    connect(m_shrinkage, &QDoubleSpinBox::valueChanged, this, revalidate);
    connect(m_neighbours, &QSpinBox::valueChanged, this, revalidate);
    connect(m_train, &QPushButton::clicked, this, [this] {
        if (isValid())
            emit trainRequested();
    });
    validate();
}

void ModelSettingsPanel::addField(QGridLayout* grid, int row, const QString& label, QWidget* widget,
                                  const QString& tip) {
    auto* caption = new QLabel(label, this);
    caption->setBuddy(widget);
    caption->setToolTip(tip);
    widget->setToolTip(tip);
    widget->setMinimumWidth(110);
    grid->addWidget(caption, row, 0);
    grid->addWidget(widget, row, 1);
    auto* error = new QLabel(this);
    error->setObjectName(QStringLiteral("fieldError"));
    error->setWordWrap(true);
    error->hide();
    grid->addWidget(error, row + 1, 0, 1, 2);
    m_errors[row / 2] = error;
}

merch::EvaluationParams ModelSettingsPanel::evaluationParams() const {
    merch::EvaluationParams params;
    params.k = m_k->value();
    params.testDays = m_testDays->value();
    params.allowCurrentItem = m_currentItem->isChecked();
    return params;
}

merch::RecommenderParams ModelSettingsPanel::recommenderParams() const {
    merch::RecommenderParams params;
    params.itemKnnWindow = m_window->value();
    params.itemKnnShrinkage = m_shrinkage->value();
    params.sknnNeighbours = m_neighbours->value();
    return params;
}

void ModelSettingsPanel::validate() {
    merch::EvaluationParams k;
    k.k = m_k->value();
    merch::EvaluationParams days;
    days.testDays = m_testDays->value();
    merch::RecommenderParams window;
    window.itemKnnWindow = m_window->value();
    merch::RecommenderParams shrinkage;
    shrinkage.itemKnnShrinkage = m_shrinkage->value();
    merch::RecommenderParams neighbours;
    neighbours.sknnNeighbours = m_neighbours->value();
    const QString messages[FieldCount] = {checkEvaluation(k), checkEvaluation(days),
                                          checkRecommender(window), checkRecommender(shrinkage),
                                          checkRecommender(neighbours)};
    for (int i = 0; i < FieldCount; ++i) {
        m_errors[i]->setText(messages[i]);
        m_errors[i]->setVisible(!messages[i].isEmpty());
    }
    m_train->setEnabled(isValid());
}

bool ModelSettingsPanel::isValid() const {
    return evaluationParams().validate().isOk() && recommenderParams().validate().isOk();
}

QString ModelSettingsPanel::errorFor(Field field) const {
    return m_errors[field]->text();
}

} // namespace merch::ui
