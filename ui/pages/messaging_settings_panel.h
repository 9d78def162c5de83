// MessagingSettingsPanel: the editable policy and evaluation settings of the Messaging page,
// turned into merch::MessagingAnalysisParams; the engine's validate() message is shown under
// the form and Run stays off while it fails.
#pragma once

#include <QWidget>

#include "merch/messaging_analysis.h"

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace merch::ui {

class MessagingSettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit MessagingSettingsPanel(QWidget* parent = nullptr);

    merch::MessagingAnalysisParams params() const;
    QString validationMessage() const; // empty when valid

    QSpinBox* testDays() const { return m_testDays; }
    QSpinBox* replicates() const { return m_replicates; }
    QSpinBox* simDays() const { return m_simDays; }
    QSpinBox* emailsPerCart() const { return m_emails; }
    QDoubleSpinBox* minProbability() const { return m_minProbability; }
    QDoubleSpinBox* leadDays() const { return m_lead; }
    QSpinBox* maxMessages() const { return m_cap; }
    QPushButton* runButton() const { return m_run; }

signals:
    void runRequested();

private:
    void revalidate();

    QSpinBox* m_testDays;
    QSpinBox* m_historyDays;
    QSpinBox* m_simDays;
    QSpinBox* m_replicates;
    QSpinBox* m_emails;
    QDoubleSpinBox* m_minProbability;
    QDoubleSpinBox* m_lead;
    QSpinBox* m_cap;
    QLabel* m_error;
    QPushButton* m_run;
};

} // namespace merch::ui
