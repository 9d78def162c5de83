// LiftExplanationPanel: the Lift page's plain-language reading of one metric: what the
// measured lift and its interval mean next to the world's true lift, what significance does
// and does not say, what daily peeking does (days to p < alpha vs the sequential interval),
// the sample-ratio check, the brief's verdict, the vendor-reported lift (short window, winner's
// curse, click-then-buy attribution) with the peeking false-positive rates from the replicates,
// and what each switched-on pitfall did.
#pragma once

#include <QWidget>

#include <memory>

#include "merch/experiment.h"

class QLabel;

namespace merch::ui {

class LiftExplanationPanel : public QWidget {
    Q_OBJECT
public:
    explicit LiftExplanationPanel(QWidget* parent = nullptr);

    // Explains result->metrics[metric]; a null result shows what the panel will explain.
    void setResult(std::shared_ptr<const merch::ExperimentResult> result, int metric);
    // The panel's text without markup.
    QString plainText() const;

    // The paragraphs for `metric` of `result`, as HTML (one <p> each).
    static QString explain(const merch::ExperimentResult& result, int metric);

private:
    QLabel* m_text;
};

} // namespace merch::ui
