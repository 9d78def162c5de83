#include "pages/recommendation_playground.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
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
    , m_table(new QTableView(this))
    , m_outOfStock(new QCheckBox(tr("Hide out of stock"), this))
    , m_purchasedBy(new QComboBox(this))
    , m_cap(new QSpinBox(this))
    , m_killSwitch(new QCheckBox(tr("Kill switch"), this))
    , m_clearPins(new QPushButton(tr("Clear pins"), this))
    , m_rulesSummary(new QLabel(this)) {
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
    layout->addWidget(createRulesRow());
    layout->addWidget(m_description);
    layout->addWidget(m_note);
    layout->addWidget(m_rulesSummary);
    layout->addWidget(m_table, 1);

    connect(m_product, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_model, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
}

QWidget* RecommendationPlayground::createRulesRow() {
    auto* row = new QWidget(this);
    row->setObjectName(QStringLiteral("businessRules"));
    m_outOfStock->setObjectName(QStringLiteral("excludeOutOfStock"));
    m_outOfStock->setToolTip(tr("Drop products whose every variant has no inventory."));
    m_purchasedBy->setObjectName(QStringLiteral("purchasedByCombo"));
    m_purchasedBy->setToolTip(
        tr("Drop what this shopper bought in the last 30 days of the workspace."));
    m_purchasedBy->setMinimumWidth(150);
    m_cap->setObjectName(QStringLiteral("capPerCategory"));
    m_cap->setRange(0, 100);
    m_cap->setSpecialValueText(tr("no cap"));
    m_cap->setToolTip(tr("At most this many products per category > subcategory (0: no cap)."));
    m_killSwitch->setObjectName(QStringLiteral("killSwitch"));
    m_killSwitch->setToolTip(tr("Switch this model off: the best-seller list answers instead."));
    m_clearPins->setObjectName(QStringLiteral("clearPins"));
    m_clearPins->setToolTip(tr("Right-click a row to pin it to the top or bury it."));
    m_clearPins->setEnabled(false);
    m_rulesSummary->setObjectName(QStringLiteral("cardNote"));
    m_rulesSummary->setWordWrap(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);

    // Two short lines, so the row never widens the window.
    auto* layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto* first = new QHBoxLayout;
    first->setSpacing(10);
    auto* caption = new QLabel(tr("Business rules"), row);
    caption->setObjectName(QStringLiteral("sectionCaption"));
    first->addWidget(caption);
    first->addWidget(m_outOfStock);
    first->addSpacing(6);
    first->addWidget(new QLabel(tr("Hide purchases of"), row));
    first->addWidget(m_purchasedBy, 1);
    first->addStretch(1);
    auto* second = new QHBoxLayout;
    second->setSpacing(10);
    second->addWidget(new QLabel(tr("Max per category"), row));
    second->addWidget(m_cap);
    second->addSpacing(6);
    second->addWidget(m_killSwitch);
    second->addWidget(m_clearPins);
    second->addStretch(1);
    layout->addLayout(first);
    layout->addLayout(second);

    connect(m_outOfStock, &QCheckBox::toggled, this, [this] { refresh(); });
    connect(m_killSwitch, &QCheckBox::toggled, this, [this] { refresh(); });
    connect(m_purchasedBy, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_cap, &QSpinBox::valueChanged, this, [this] { refresh(); });
    connect(m_clearPins, &QPushButton::clicked, this, [this] { clearPinsAndBurials(); });
    connect(m_table, &QWidget::customContextMenuRequested, this,
            &RecommendationPlayground::showRowMenu);
    return row;
}

void RecommendationPlayground::showRowMenu(const QPoint& at) {
    const QModelIndex index = m_table->indexAt(at);
    if (!index.isValid())
        return;
    const QString id = m_list->rows()[static_cast<std::size_t>(index.row())].productId;
    QMenu menu(this);
    menu.addAction(tr("Pin to the top"), this, [this, id] { pinProduct(id); });
    menu.addAction(tr("Bury (move to the end)"), this, [this, id] { buryProduct(id); });
    if (m_pinned.contains(id) || m_buried.contains(id))
        menu.addAction(tr("Clear this pin or burial"), this, [this, id] {
            m_pinned.removeAll(id);
            m_buried.removeAll(id);
            refresh();
        });
    menu.exec(m_table->viewport()->mapToGlobal(at));
}

void RecommendationPlayground::pinProduct(const QString& productId) {
    m_buried.removeAll(productId);
    if (!m_pinned.contains(productId))
        m_pinned << productId;
    refresh();
}

void RecommendationPlayground::buryProduct(const QString& productId) {
    m_pinned.removeAll(productId);
    if (!m_buried.contains(productId))
        m_buried << productId;
    refresh();
}

void RecommendationPlayground::clearPinsAndBurials() {
    m_pinned.clear();
    m_buried.clear();
    refresh();
}

QString RecommendationPlayground::rulesSummary() const {
    return m_rulesSummary->text();
}

void RecommendationPlayground::setResult(ModelsPtr result) {
    m_result = std::move(result);
    m_titles.clear();
    const QSignalBlocker productBlocker(m_product);
    const QSignalBlocker modelBlocker(m_model);
    const QString previousModel = m_model->currentData().toString();
    const QSignalBlocker purchasedBlocker(m_purchasedBy);
    m_product->clear();
    m_model->clear();
    m_purchasedBy->clear();
    m_purchasedBy->addItem(tr("no one"), QVariant());
    m_pinned.clear();
    m_buried.clear();
    if (m_result) {
        for (std::size_t i = 0; i < m_result->recentPurchases.size(); ++i) {
            const auto& [who, items] = m_result->recentPurchases[i];
            m_purchasedBy->addItem(tr("%1 (%n products)", nullptr, static_cast<int>(items.size()))
                                       .arg(QString::fromStdString(who)),
                                   static_cast<int>(i));
        }
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
    m_rulesSummary->clear();
    m_clearPins->setEnabled(!m_pinned.isEmpty() || !m_buried.isEmpty());
    const std::string modelName = m_model->currentData().toString().toStdString();
    const merch::Recommender* model = m_result ? m_result->model(modelName) : nullptr;
    const QVariant itemData = m_product->currentData();
    m_description->setText(model ? QString::fromStdString(model->description()) : QString());
    if (!model || !itemData.isValid()) {
        m_list->setRows({});
        return;
    }
    merch::BusinessRules rules;
    rules.excludeOutOfStock = m_outOfStock->isChecked();
    std::vector<int> purchased;
    const QVariant customer = m_purchasedBy->currentData();
    rules.excludeJustPurchased = customer.isValid();
    if (customer.isValid())
        purchased = m_result->recentPurchases[static_cast<std::size_t>(customer.toInt())].second;
    rules.maxPerCategory = m_cap->value();
    for (const QString& id : m_pinned)
        rules.pinned.push_back(id.toStdString());
    for (const QString& id : m_buried)
        rules.buried.insert(id.toStdString());
    const merch::Recommender* baseline = m_result->model("best_seller");
    const bool killed = m_killSwitch->isChecked() && baseline;
    if (killed)
        rules.killedModels.insert(modelName);

    const int session[] = {itemData.toInt()};
    const int asked = kCount * 4 + 50; // the rules may drop some
    std::vector<merch::ScoredItem> scored, fallback;
    if (killed)
        baseline->recommend(session, asked, fallback);
    else
        model->recommend(session, asked, scored);
    merch::RuleCounts counts;
    const auto ruled = merch::applyBusinessRules(scored, fallback, modelName, kCount, rules,
                                                 m_result->ruleCatalog, purchased, counts);
    const merch::Recommender& answering = killed ? *baseline : *model;
    std::vector<RecommendationRow> rows;
    rows.reserve(ruled.size());
    const auto title = [this](int item) { return itemTitle(item); };
    for (const merch::RuledItem& r : ruled) {
        RecommendationRow row;
        row.productId = QString::fromStdString(m_result->sessions->itemId(r.item));
        row.title = itemTitle(r.item);
        row.score = r.score;
        const QString reason =
            nameItemsInExplanation(answering.explain(session, r.item), *m_result->sessions, title);
        row.why = QString::fromStdString(merch::ruledReason(r, killed, reason.toStdString()));
        rows.push_back(std::move(row));
    }
    if (rows.empty()) {
        m_note->setText(
            tr("%1 has nothing to recommend after this product.").arg(m_model->currentText()));
        m_note->show();
    }
    const std::string summary = merch::describeRuleCounts(counts);
    m_rulesSummary->setText(
        summary.empty() ? QString() : tr("Rules: %1.").arg(QString::fromStdString(summary)));
    m_list->setRows(std::move(rows));
}

} // namespace merch::ui
