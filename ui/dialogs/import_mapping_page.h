// ImportMappingPage: for a catalog CSV of any layout, which column feeds each product field.
// Starts from the engine's guess (guessCatalogMapping), previews the first rows as they will be
// read, and saves or loads the mapping as JSON so it can be reused.
#pragma once

#include <QWizardPage>

#include <vector>

#include "dialogs/import_wizard_state.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;

namespace merch::ui {

class ImportMappingPage : public QWizardPage {
    Q_OBJECT
public:
    ImportMappingPage(ImportWizardState* state, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // The mapping the widgets show now.
    merch::CatalogColumnMapping mapping() const;
    void setMapping(const merch::CatalogColumnMapping& mapping);
    QComboBox* comboFor(const QString& field) const; // by label ("ID", "Title", ...), for tests
    QTableWidget* preview() const { return m_preview; }
    QLabel* message() const { return m_message; }

private:
    void refresh();
    void saveMapping();
    void loadMapping();

    ImportWizardState* m_state;
    QStringList m_columns;            // the file's column names (or "#N" without a header)
    QList<QStringList> m_rows;        // the first rows, for the preview
    std::vector<QComboBox*> m_combos; // one per field of kFields (mapping page .cpp)
    QCheckBox* m_header = nullptr;
    QTableWidget* m_preview = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace merch::ui
