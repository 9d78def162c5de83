// ImportFilePage: the wizard's first step. The file, the format the engine recognises in it
// (which the user may override with any format of the table, catalog or events), and a preview
// of its first rows.
#pragma once

#include <QWizardPage>

#include <memory>

#include "dialogs/file_preview.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace merch::ui {

class FilePreviewModel;
struct ImportWizardState;

class ImportFilePage : public QWizardPage {
    Q_OBJECT
public:
    ImportFilePage(ImportWizardState* state, QWidget* parent = nullptr);

    void setFile(const QString& path);
    // Chooses the format called `name` of `kind` as the user would in the combo box.
    bool chooseFormat(const QString& name, merch::ImportKind kind);

    bool isComplete() const override;

    QLineEdit* pathEdit() const { return m_path; }
    QComboBox* formatCombo() const { return m_format; }
    QTableView* previewTable() const { return m_table; }
    QString detectedText() const;
    const FilePreview* preview() const { return m_preview.get(); }

private:
    void browse();
    void loadPreview();
    void onFormatChosen();
    void fillFormats();
    int comboIndexOf(const merch::ImportFormat* format) const;

    ImportWizardState* m_state;
    QLineEdit* m_path;
    QLabel* m_detected;
    QComboBox* m_format;
    QLabel* m_previewNote;
    QLabel* m_problem;
    QTableView* m_table;
    FilePreviewModel* m_model;
    std::shared_ptr<const FilePreview> m_preview;
};

} // namespace merch::ui
