// ImportModePage: how the data goes in. Into the open store, appended (the default) or
// replacing the store's catalog or events, which asks for confirmation; or, when no store is
// open, into a new store file the user names. Its Next button starts the import.
#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QRadioButton;
class QStackedWidget;

namespace merch::ui {

struct ImportWizardState;

class ImportModePage : public QWizardPage {
    Q_OBJECT
public:
    ImportModePage(ImportWizardState* state, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    QRadioButton* appendButton() const { return m_append; }
    QRadioButton* replaceButton() const { return m_replace; }
    QLineEdit* newStorePathEdit() const { return m_newPath; }
    QString pathProblem() const;

    // Documents/<file name>.merchsim, numbered when taken.
    static QString suggestedStorePath(const QString& importedFile);

private:
    QWidget* createModeChoice();
    QWidget* createNewStore();
    void browse();
    void onPathChanged();

    ImportWizardState* m_state;
    QStackedWidget* m_stack;
    QRadioButton* m_append;
    QRadioButton* m_replace;
    QLabel* m_appendText;
    QLabel* m_replaceText;
    QLabel* m_newStoreText;
    QLineEdit* m_newPath;
    QLabel* m_pathError;
};

} // namespace merch::ui
