// LiftScenarioPanel: the A/B test scenario form (treatment, split, runway in weeks, sessions
// per day, seed) and the "Run the test" button. Treatments whose models have not landed are
// listed, disabled, with "arrives with its model". Each value is checked by the engine's
// ExperimentParams::validate() and its message is shown right under the widget.
#pragma once

#include <QWidget>

#include <cstdint>

#include "merch/experiment.h"

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;

namespace merch::ui {

class LiftScenarioPanel : public QWidget {
    Q_OBJECT
public:
    enum Field { Treatment, Split, Weeks, SessionsPerDay, Seed, FieldCount };

    explicit LiftScenarioPanel(QWidget* parent = nullptr);

    merch::ExperimentParams params() const;
    std::uint64_t seed() const;
    bool isValid() const;
    QString errorFor(Field field) const;
    // The store's traffic and seed become the form's values.
    void setStoreDefaults(double sessionsPerDay, std::uint64_t seed);

    QComboBox* treatmentCombo() const { return m_treatment; }
    QDoubleSpinBox* splitSpin() const { return m_split; }
    QSpinBox* weeksSpin() const { return m_weeks; }
    QDoubleSpinBox* sessionsSpin() const { return m_sessions; }
    QSpinBox* seedSpin() const { return m_seed; }
    QPushButton* runButton() const { return m_run; }

signals:
    void runRequested();

private:
    void addField(QGridLayout* grid, int row, const QString& label, QWidget* widget,
                  const QString& tip);
    void validate();

    QComboBox* m_treatment;
    QDoubleSpinBox* m_split;
    QSpinBox* m_weeks;
    QDoubleSpinBox* m_sessions;
    QSpinBox* m_seed;
    QPushButton* m_run;
    QLabel* m_errors[FieldCount] = {};
};

} // namespace merch::ui
