// AuditScorePanel: the audit's answer at a glance. The readiness score, large; the verdict
// (ready or not against the target, and which readiness fields fall short); the score's three
// parts as the engine explains them; and the target, which the user may change.
#pragma once

#include <QFrame>

#include <memory>

#include "merch/audit.h"

class QLabel;
class QSpinBox;
class QVBoxLayout;

namespace merch::ui {

class AuditScorePanel : public QFrame {
    Q_OBJECT
public:
    explicit AuditScorePanel(QWidget* parent = nullptr);

    void setResult(const std::shared_ptr<const merch::AuditResult>& result);

    // The readiness target the spin box shows, as a share (0.5..1).
    double target() const;
    void setTarget(double share);
    QSpinBox* targetSpin() const { return m_target; }

    QString scoreText() const;   // "72"
    QString verdictText() const; // "Not ready"
    QString verdictDetail() const;
    QStringList explanationParts() const;

    // "72": how the panel writes a score (whole points, as the engine's CLI prints it).
    static QString formatScore(double score);
    // The engine's explanation split into its parts ("41.2 of 60 for ...").
    static QStringList splitExplanation(const std::string& explanation);

signals:
    // The user changed the target (share, 0.5..1).
    void targetChanged(double share);

private:
    QLabel* m_score;
    QLabel* m_verdict;
    QLabel* m_verdictDetail;
    QVBoxLayout* m_parts;
    QList<QLabel*> m_partLabels;
    QSpinBox* m_target;
};

} // namespace merch::ui
