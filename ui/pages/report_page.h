// ReportPage: what does the consultant hand over? The cover's details, then Build Report (run
// on the first visit too) gathers everything (audit, models, the simulated A/B test, costs) in the
// background with progress and Cancel, shows every page of the PDF as it will print, and Export PDF
// writes it.
#pragma once

#include <QWidget>

#include <memory>

#include "jobs/report_runner.h"
#include "jobs/store_snapshot.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace merch::ui {

class EmptyState;
class ProgressPanel;
class ReportRenderer;

class ReportPage : public QWidget {
    Q_OBJECT
public:
    explicit ReportPage(QWidget* parent = nullptr);
    ~ReportPage() override;

    void setSnapshot(SnapshotPtr snapshot);
    void build();
    merch::Status exportPdf(const QString& path) const;

    bool isBusy() const { return m_runner->isRunning(); }
    ReportRunner* runner() const { return m_runner; }
    int previewPageCount() const;
    QPushButton* buildButton() const { return m_build; }
    QPushButton* exportButton() const { return m_export; }
    QLineEdit* storeNameEdit() const { return m_storeName; }
    QString state() const; // "empty", "progress" or "content"

signals:
    void reportShown();

protected:
    void showEvent(QShowEvent* event) override; // the first visit builds the report

private:
    void onFinished(const ReportPtr& report);
    void showEmpty(const QString& title, const QString& text);
    void chooseExportFile();

    ReportRunner* m_runner;
    SnapshotPtr m_snapshot;
    std::unique_ptr<ReportRenderer> m_renderer;
    QLineEdit* m_storeName;
    QLineEdit* m_preparedFor;
    QLineEdit* m_date;
    QPushButton* m_build;
    QPushButton* m_export;
    QLabel* m_notes;
    QStackedWidget* m_states;
    EmptyState* m_empty;
    ProgressPanel* m_progress;
    QWidget* m_pages;
    QVBoxLayout* m_pagesLayout;
};

} // namespace merch::ui
