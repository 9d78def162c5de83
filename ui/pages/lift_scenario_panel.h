// LiftScenarioPanel: the A/B test scenario form (treatment, split, runway in weeks, sessions
// per day, seed), the pitfall switches (daily peeking, novelty and its half-life, tracking loss
// in the treatment arm, contamination of the control, outlier orders, revenue capping), the
// vendor's window and the number of Monte Carlo replicates, and the "Run the test" button.
// Treatments whose models have not landed are listed, disabled, with "arrives with its model". Each
// value is checked by the engine's ExperimentParams::validate() and its message is shown right
// under the widget.
#pragma once

#include <QWidget>

#include <cstdint>

#include "merch/experiment.h"

class QCheckBox;
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
    enum Field { Treatment, Split, Weeks, SessionsPerDay, Seed, Pitfalls, FieldCount };

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
    QCheckBox* peekingCheck() const { return m_peeking; }
    QDoubleSpinBox* noveltySpin() const { return m_novelty; }             // percent on day 1
    QDoubleSpinBox* halfLifeSpin() const { return m_halfLife; }           // days
    QDoubleSpinBox* trackingLossSpin() const { return m_trackingLoss; }   // percent
    QDoubleSpinBox* contaminationSpin() const { return m_contamination; } // percent
    QDoubleSpinBox* outliersSpin() const { return m_outliers; }           // percent of orders
    QDoubleSpinBox* capSpin() const { return m_cap; }                     // percentile, 0 = off
    QSpinBox* vendorWindowSpin() const { return m_vendorWindow; }         // days
    QSpinBox* replicatesSpin() const { return m_replicates; }

signals:
    void runRequested();

private:
    void addField(QGridLayout* grid, int row, const QString& label, QWidget* widget,
                  const QString& tip);
    void validate();
    QWidget* createPitfalls();

    QComboBox* m_treatment;
    QDoubleSpinBox* m_split;
    QSpinBox* m_weeks;
    QDoubleSpinBox* m_sessions;
    QSpinBox* m_seed;
    QCheckBox* m_peeking;
    QDoubleSpinBox* m_novelty;
    QDoubleSpinBox* m_halfLife;
    QDoubleSpinBox* m_trackingLoss;
    QDoubleSpinBox* m_contamination;
    QDoubleSpinBox* m_outliers;
    QDoubleSpinBox* m_cap;
    QSpinBox* m_vendorWindow;
    QSpinBox* m_replicates;
    QPushButton* m_run;
    QLabel* m_errors[FieldCount] = {};
};

} // namespace merch::ui
