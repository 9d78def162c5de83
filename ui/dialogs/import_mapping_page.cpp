#include "dialogs/import_mapping_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "dialogs/file_preview.h"

namespace merch::ui {

namespace {

struct Field {
    const char* label;
    std::string merch::CatalogColumnMapping::*member;
};

const Field kFields[] = {
    {"ID", &merch::CatalogColumnMapping::id},
    {"Title", &merch::CatalogColumnMapping::title},
    {"Price", &merch::CatalogColumnMapping::price},
    {"Category", &merch::CatalogColumnMapping::category},
    {"Subcategory", &merch::CatalogColumnMapping::subcategory},
    {"Brand", &merch::CatalogColumnMapping::brand},
    {"Color", &merch::CatalogColumnMapping::color},
    {"Size", &merch::CatalogColumnMapping::size},
    {"Material", &merch::CatalogColumnMapping::material},
    {"Description", &merch::CatalogColumnMapping::description},
    {"Image URL", &merch::CatalogColumnMapping::imageUrl},
    {"GTIN", &merch::CatalogColumnMapping::gtin},
    {"Tags", &merch::CatalogColumnMapping::tags},
    {"Group (parent) ID", &merch::CatalogColumnMapping::groupId},
    {"Variant SKU", &merch::CatalogColumnMapping::sku},
    {"Google category", &merch::CatalogColumnMapping::taxonomy},
    {"Status", &merch::CatalogColumnMapping::status},
    {"Inventory", &merch::CatalogColumnMapping::inventory},
};
constexpr int kPreviewRows = 8;
const QString kNone = QObject::tr("(not in the file)");

} // namespace

ImportMappingPage::ImportMappingPage(ImportWizardState* state, QWidget* parent)
    : QWizardPage(parent)
    , m_state(state) {
    setObjectName(QStringLiteral("importMappingPage"));
    setTitle(wizardTitle(tr("Which column is which?")));
    setSubTitle(tr("MerchSim guessed from the column names; correct any field, check the "
                   "preview, and save the mapping to reuse it for this store's next export."));
    auto* layout = new QVBoxLayout(this);
    auto* columns = new QHBoxLayout;
    auto* left = new QFormLayout;
    auto* right = new QFormLayout;
    const int half = int(std::size(kFields) + 1) / 2;
    for (int i = 0; i < int(std::size(kFields)); ++i) {
        auto* combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("mapping_%1").arg(i));
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
        m_combos.push_back(combo);
        (i < half ? left : right)->addRow(tr(kFields[i].label), combo);
    }
    columns->addLayout(left);
    columns->addLayout(right);
    layout->addLayout(columns);
    auto* tools = new QHBoxLayout;
    m_header = new QCheckBox(tr("The first row names the columns"), this);
    connect(m_header, &QCheckBox::toggled, this, [this] { initializePage(); });
    auto* save = new QPushButton(tr("Save Mapping…"), this);
    auto* load = new QPushButton(tr("Load Mapping…"), this);
    connect(save, &QPushButton::clicked, this, &ImportMappingPage::saveMapping);
    connect(load, &QPushButton::clicked, this, &ImportMappingPage::loadMapping);
    tools->addWidget(m_header);
    tools->addStretch();
    tools->addWidget(load);
    tools->addWidget(save);
    layout->addLayout(tools);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("mappingMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    layout->addWidget(m_message);
    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("mappingPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    layout->addWidget(m_preview, 1);
    m_header->setChecked(true);
}

void ImportMappingPage::initializePage() {
    const FilePreview file = readFilePreview(m_state->filePath, kPreviewRows + 1);
    m_rows = file.rows;
    m_columns.clear();
    if (m_header->isChecked()) {
        m_columns = file.header;
    } else {
        m_rows.prepend(file.header);
        for (int c = 0; c < file.header.size(); ++c)
            m_columns << QStringLiteral("#%1").arg(c + 1);
    }
    std::vector<std::string> header;
    for (const auto& name : m_columns)
        header.push_back(name.toStdString());
    for (auto* combo : m_combos) {
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(kNone);
        combo->addItems(m_columns);
    }
    auto guessed = merch::guessCatalogMapping(header);
    merch::CatalogColumnMapping start = guessed ? *guessed : merch::CatalogColumnMapping{};
    if (m_state->mapping && m_state->mapping->hasHeader == m_header->isChecked())
        start = *m_state->mapping;
    start.hasHeader = m_header->isChecked();
    setMapping(start);
}

merch::CatalogColumnMapping ImportMappingPage::mapping() const {
    merch::CatalogColumnMapping mapping;
    mapping.hasHeader = m_header->isChecked();
    for (std::size_t i = 0; i < m_combos.size(); ++i) {
        const int index = m_combos[i]->currentIndex();
        mapping.*(kFields[i].member) =
            index > 0 ? m_columns[index - 1].toStdString() : std::string();
    }
    return mapping;
}

void ImportMappingPage::setMapping(const merch::CatalogColumnMapping& mapping) {
    for (std::size_t i = 0; i < m_combos.size(); ++i) {
        const QString column = QString::fromStdString(mapping.*(kFields[i].member));
        int index = 0;
        for (int c = 0; c < m_columns.size(); ++c) {
            if (m_columns[c].compare(column.trimmed(), Qt::CaseInsensitive) == 0)
                index = c + 1;
        }
        const QSignalBlocker block(m_combos[i]);
        m_combos[i]->setCurrentIndex(index);
    }
    refresh();
}

QComboBox* ImportMappingPage::comboFor(const QString& field) const {
    for (std::size_t i = 0; i < m_combos.size(); ++i) {
        if (field == QLatin1String(kFields[i].label))
            return m_combos[i];
    }
    return nullptr;
}

void ImportMappingPage::refresh() {
    const merch::CatalogColumnMapping current = mapping();
    const merch::Status status = current.validate();
    m_message->setText(status.isOk() ? QString() : QString::fromStdString(status.message()));
    // The preview: mapped fields only, as the importer will read them.
    std::vector<std::pair<QString, int>> shown;
    for (std::size_t i = 0; i < m_combos.size(); ++i) {
        if (m_combos[i]->currentIndex() > 0)
            shown.push_back({tr(kFields[i].label), m_combos[i]->currentIndex() - 1});
    }
    m_preview->clear();
    m_preview->setColumnCount(int(shown.size()));
    m_preview->setRowCount(int(std::min<qsizetype>(m_rows.size(), kPreviewRows)));
    QStringList labels;
    for (const auto& [label, column] : shown)
        labels << label;
    m_preview->setHorizontalHeaderLabels(labels);
    for (int r = 0; r < m_preview->rowCount(); ++r) {
        for (int c = 0; c < int(shown.size()); ++c) {
            const QStringList& row = m_rows[r];
            const int column = shown[std::size_t(c)].second;
            m_preview->setItem(r, c,
                               new QTableWidgetItem(column < row.size() ? row[column] : QString()));
        }
    }
    m_preview->resizeColumnsToContents();
    emit completeChanged();
}

bool ImportMappingPage::isComplete() const {
    return mapping().validate().isOk();
}

bool ImportMappingPage::validatePage() {
    m_state->mapping = mapping();
    return true;
}

void ImportMappingPage::saveMapping() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Column Mapping"), QString(),
                                                      tr("Column mapping (*.json)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_message->setText(tr("Cannot write %1").arg(path));
        return;
    }
    file.write(QByteArray::fromStdString(merch::mappingToJson(mapping())));
}

void ImportMappingPage::loadMapping() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Column Mapping"), QString(),
                                                      tr("Column mapping (*.json)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_message->setText(tr("Cannot read %1").arg(path));
        return;
    }
    auto loaded = merch::mappingFromJson(file.readAll().toStdString());
    if (!loaded) {
        m_message->setText(QString::fromStdString(loaded.status().message()));
        return;
    }
    {
        const QSignalBlocker block(m_header);
        m_header->setChecked(loaded->hasHeader);
    }
    m_state->mapping = *loaded;
    initializePage();
}

} // namespace merch::ui
