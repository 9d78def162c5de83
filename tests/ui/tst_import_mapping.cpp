// The import wizard's column-mapping step for catalog CSVs of any layout: the engine's guess
// fills the fields, the preview shows the mapped rows, a field left unmapped blocks the step
// with the engine's message, and the import reads the file with the mapping chosen.
#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "dialogs/import_file_page.h"
#include "dialogs/import_mapping_page.h"
#include "dialogs/import_wizard.h"
#include "import_test_support.h"
#include "jobs/store_snapshot.h"
#include "merch/workspace.h"

using merch::ui::ImportWizard;
using namespace merch::test;

class TestImportMapping : public QObject {
    Q_OBJECT

private slots:
    void guessesPreviewsAndImportsWithTheMapping();
    void otherFormatsSkipTheStep();

private:
    QTemporaryDir m_dir;
};

namespace {
void clickButton(ImportWizard& wizard, QWizard::WizardButton which) {
    QAbstractButton* button = wizard.button(which);
    QVERIFY(button->isVisible() && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}
} // namespace

void TestImportMapping::guessesPreviewsAndImportsWithTheMapping() {
    const QString csv = m_dir.filePath("artikel.csv");
    QVERIFY(writeFile(csv, "Artikelnummer;Bezeichnung;Preis;Farbe;Lager\n"
                           "A1;Tee;12,50;Navy;3\nA2;Mug;7,00;;9\nA3;Cap;abc;Red;1\n"));
    const auto store = newStore(m_dir.filePath("mapped.merchsim"));
    QVERIFY(store);
    ImportWizard wizard(store);
    wizard.setFile(csv);
    QVERIFY(wizard.filePage()->chooseFormat(QStringLiteral("csv"), merch::ImportKind::Catalog));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    clickButton(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPageId));

    auto* page = wizard.mappingPage();
    const merch::CatalogColumnMapping guessed = page->mapping();
    QCOMPARE(guessed.id, std::string("Artikelnummer"));
    QCOMPARE(guessed.title, std::string("Bezeichnung"));
    QCOMPARE(guessed.price, std::string("Preis"));
    QCOMPARE(page->preview()->rowCount(), 3);
    QVERIFY(page->preview()->columnCount() >= 3);
    QCOMPARE(page->preview()->item(0, 1)->text(), QStringLiteral("Tee"));
    saveShot(&wizard, QStringLiteral("import-1b-mapping"));

    // Unmapping the title blocks the step with the engine's reason.
    page->comboFor(QStringLiteral("Title"))->setCurrentIndex(0);
    QVERIFY(!page->isComplete());
    QVERIFY(page->message()->text().contains(QStringLiteral("title")));
    page->comboFor(QStringLiteral("Title"))->setCurrentText(QStringLiteral("Bezeichnung"));
    page->comboFor(QStringLiteral("Color"))->setCurrentText(QStringLiteral("Farbe"));
    QVERIFY(page->isComplete());

    clickButton(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::ModePageId));
    clickButton(wizard, QWizard::CommitButton);
    QVERIFY(
        QTest::qWaitFor([&] { return wizard.currentId() == ImportWizard::ResultPageId; }, 60000));
    QCOMPARE(productCount(store->path), 2); // A3's price "abc" is a rejected row
    auto workspace = merch::Workspace::open(store->path.toStdString());
    QVERIFY(workspace.isOk());
    auto products = (*workspace)->loadProducts();
    QVERIFY(products.isOk());
    QCOMPARE(products->front().color, std::string("Navy"));
    QCOMPARE(products->front().price, 12.5);
}

void TestImportMapping::otherFormatsSkipTheStep() {
    const QString csv = m_dir.filePath("shopify.csv");
    QVERIFY(writeFile(csv, kShopifyCsv));
    ImportWizard wizard(newStore(m_dir.filePath("plain.merchsim")));
    wizard.setFile(csv);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    clickButton(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(ImportWizard::ModePageId));
}

QTEST_MAIN(TestImportMapping)
#include "tst_import_mapping.moc"
