#include "pages/recommendation_playground.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QCompleter>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTableView>

#include <algorithm>

#include "models/recommendation_list_model.h"

namespace merch::ui {

QString nameItemsInExplanation(const std::string& why, const merch::SessionData& sessions,
                               const std::function<QString(int item)>& title) {
    static const QRegularExpression itemRef(QStringLiteral("\\bitem (\\d+)"));
    QString text = QString::fromStdString(why);
    QString out;
    qsizetype last = 0;
    auto it = itemRef.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const int item = match.captured(1).toInt();
        out += text.mid(last, match.capturedStart() - last);
        out += item >= 0 && item < sessions.itemCount() ? QStringLiteral("“%1”").arg(title(item))
                                                        : match.captured(0);
        last = match.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

RecommendationPlayground::RecommendationPlayground(QWidget* parent)
    : QWidget(parent)
    , m_product(new QComboBox(this))
    , m_model(new QComboBox(this))
    , m_description(new QLabel(this))
    , m_note(new QLabel(this))
    , m_list(new RecommendationListModel(this))
    , m_table(new QTableView(this)) {
    setObjectName(QStringLiteral("recommendationPlayground"));
    m_product->setObjectName(QStringLiteral("productCombo"));
    m_product->setEditable(true);
    m_product->setInsertPolicy(QComboBox::NoInsert);
    m_product->setMinimumWidth(240);
    m_product->setMaxVisibleItems(15);
    m_product->completer()->setFilterMode(Qt::MatchContains);
    m_product->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_product->lineEdit()->setPlaceholderText(tr("Type to search products…"));
    m_model->setObjectName(QStringLiteral("modelCombo"));
    m_model->setMinimumWidth(170);
    m_description->setObjectName(QStringLiteral("cardNote"));
    m_description->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("notice"));
    m_note->setWordWrap(true);
    m_note->hide();

    m_table->setObjectName(QStringLiteral("recommendationTable"));
    m_table->setModel(m_list);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(32);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(RecommendationListModel::Rank, 44);
    m_table->setColumnWidth(RecommendationListModel::Product, 360);
    m_table->setColumnWidth(RecommendationListModel::Score, 80);

    auto* pickers = new QHBoxLayout;
    pickers->setSpacing(10);
    pickers->addWidget(new QLabel(tr("Viewing"), this));
    pickers->addWidget(m_product, 2);
    pickers->addSpacing(12);
    pickers->addWidget(new QLabel(tr("Model"), this));
    pickers->addWidget(m_model, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addLayout(pickers);
    layout->addWidget(m_description);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);

    connect(m_product, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_model, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
}

void RecommendationPlayground::setResult(ModelsPtr result) {
    m_result = std::move(result);
    m_titles.clear();
    const QSignalBlocker productBlocker(m_product);
    const QSignalBlocker modelBlocker(m_model);
    const QString previousModel = m_model->currentData().toString();
    m_product->clear();
    m_model->clear();
    if (m_result) {
        for (const merch::Product& p : *m_result->products)
            m_titles.insert(QString::fromStdString(p.id), QString::fromStdString(p.title));
        const merch::SessionData& sessions = *m_result->sessions;
        // Sorted by title: the list is searched by typing.
        std::vector<std::pair<QString, int>> items;
        items.reserve(static_cast<std::size_t>(sessions.itemCount()));
        for (int i = 0; i < sessions.itemCount(); ++i)
            items.emplace_back(itemTitle(i), i);
        std::sort(items.begin(), items.end());
        for (const auto& [title, item] : items)
            m_product->addItem(title, item);
        for (const std::string& name : m_result->names)
            m_model->addItem(modelLabel(name), QString::fromStdString(name));
        const int model = m_model->findData(previousModel.isEmpty() ? QStringLiteral("sknn_plus")
                                                                    : previousModel);
        m_model->setCurrentIndex(std::max(0, model));
    }
    refresh();
}

void RecommendationPlayground::showFor(int item, const QString& model) {
    const QSignalBlocker blocker(m_product);
    m_product->setCurrentIndex(m_product->findData(item));
    m_model->setCurrentIndex(m_model->findData(model)); // refreshes
    refresh();
}

QString RecommendationPlayground::itemTitle(int item) const {
    const QString id = QString::fromStdString(m_result->sessions->itemId(item));
    const auto it = m_titles.constFind(id);
    return it != m_titles.constEnd() && !it->isEmpty() ? *it : id;
}

QString RecommendationPlayground::note() const {
    return m_note->isVisible() ? m_note->text() : QString();
}

void RecommendationPlayground::refresh() {
    m_note->hide();
    const merch::Recommender* model =
        m_result ? m_result->model(m_model->currentData().toString().toStdString()) : nullptr;
    const QVariant itemData = m_product->currentData();
    m_description->setText(model ? QString::fromStdString(model->description()) : QString());
    if (!model || !itemData.isValid()) {
        m_list->setRows({});
        return;
    }
    const int session[] = {itemData.toInt()};
    std::vector<merch::ScoredItem> scored;
    model->recommend(session, kCount, scored);
    std::vector<RecommendationRow> rows;
    rows.reserve(scored.size());
    const auto title = [this](int item) { return itemTitle(item); };
    for (const merch::ScoredItem& s : scored) {
        RecommendationRow row;
        row.productId = QString::fromStdString(m_result->sessions->itemId(s.item));
        row.title = itemTitle(s.item);
        row.score = s.score;
        row.why =
            nameItemsInExplanation(model->explain(session, s.item), *m_result->sessions, title);
        rows.push_back(std::move(row));
    }
    if (rows.empty()) {
        m_note->setText(
            tr("%1 has nothing to recommend after this product.").arg(m_model->currentText()));
        m_note->show();
    }
    m_list->setRows(std::move(rows));
}

} // namespace merch::ui
