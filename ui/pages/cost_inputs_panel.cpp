#include "pages/cost_inputs_panel.h"

#include <QBoxLayout>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

#include "format.h"
#include "merch/price_points.h"

namespace merch::ui {

namespace {

using merch::CostInputs;
using merch::CostPath;

// The published source behind a default, for the tooltip ("" when none).
QString priceSource(const std::string& key) {
    for (const merch::PricePoint& point : merch::publishedPricePoints()) {
        if (point.key == key)
            return QObject::tr("Default %1 %2: %3 (%4, %5)")
                .arg(point.value)
                .arg(QString::fromStdString(point.unit), QString::fromStdString(point.what),
                     QString::fromStdString(point.source), QString::fromStdString(point.date));
    }
    return {};
}

// A setter writing `value` to every path in `paths`.
template <typename Member>
std::function<void(CostInputs&, double)> setPaths(Member member, std::vector<CostPath> paths) {
    return [member, paths](CostInputs& in, double v) {
        for (CostPath p : paths)
            in.path(p).*member = v;
    };
}

} // namespace

CostInputsPanel::CostInputsPanel(QWidget* parent)
    : QWidget(parent)
    , m_liftSource(new QLabel(this))
    , m_aov(new QLabel(this))
    , m_useSimulated(new QPushButton(tr("Use the simulated lift"), this))
    , m_resetStore(new QPushButton(tr("Reset to the store's figures"), this)) {
    setObjectName(QStringLiteral("costInputsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    addLiftSection();
    addTeamSection();
    addStoreSection();
    addPriceSection();
    layout->addStretch(1);
    m_useSimulated->setEnabled(false);
    connect(m_useSimulated, &QPushButton::clicked, this, [this] {
        if (!m_simulatedLift)
            return;
        m_inputs.lift = *m_simulatedLift;
        refreshBoxes();
        emit inputsChanged();
    });
    connect(m_resetStore, &QPushButton::clicked, this, [this] {
        m_inputs.store = m_storeDefaults;
        refreshBoxes();
        emit inputsChanged();
    });
    refreshBoxes();
}

QWidget* CostInputsPanel::section(const QString& title) {
    auto* label = new QLabel(title, this);
    label->setObjectName(QStringLiteral("sectionTitle"));
    label->setWordWrap(true);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    auto* box = new QWidget(this);
    auto* layout = qobject_cast<QVBoxLayout*>(this->layout());
    layout->addWidget(label);
    layout->addWidget(box);
    return box;
}

QDoubleSpinBox* CostInputsPanel::addField(const QString& key, double min, double max, int decimals,
                                          const QString& suffix, double scale,
                                          std::function<double(const CostInputs&)> get,
                                          std::function<void(CostInputs&, double)> set) {
    auto* box = new QDoubleSpinBox(this);
    box->setObjectName(key);
    box->setRange(min * scale, max * scale);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    box->setGroupSeparatorShown(true);
    box->setAlignment(Qt::AlignRight);
    box->setMinimumWidth(72);
    box->setMaximumWidth(130);
    m_fields.push_back({key, box, std::move(get), std::move(set), scale});
    const std::size_t index = m_fields.size() - 1;
    connect(box, &QDoubleSpinBox::valueChanged, this,
            [this, index](double shown) { onEdited(m_fields[index], shown); });
    return box;
}

void CostInputsPanel::addRow(QFormLayout* form, const QString& label, QDoubleSpinBox* box,
                             const QString& tip) {
    if (!tip.isEmpty())
        box->setToolTip(tip);
    form->addRow(label, box);
}

void CostInputsPanel::addLiftSection() {
    auto* form = new QFormLayout(section(tr("Lift (from the clean test, not a vendor)")));
    form->setContentsMargins(0, 0, 0, 0);
    const auto liftField = [this](const char* key, double merch::LiftAssumption::*member) {
        return addField(
            QString::fromUtf8(key), -0.5, 2, 1, QStringLiteral(" %"), 100,
            [member](const CostInputs& in) { return in.lift.*member; },
            [member](CostInputs& in, double v) {
                in.lift.*member = v;
                in.lift.source = "entered";
            });
    };
    addRow(form, tr("Revenue lift"),
           liftField("lift.revenueLift", &merch::LiftAssumption::revenueLift),
           tr("Relative lift in revenue on the pages the models touch."));
    addRow(form, tr("Low"), liftField("lift.low", &merch::LiftAssumption::low),
           tr("Low end of the plausible range (the Monte Carlo draws from low..high)."));
    addRow(form, tr("High"), liftField("lift.high", &merch::LiftAssumption::high));
    addRow(form, tr("Revenue touched"),
           addField(
               QStringLiteral("lift.affectedRevenueShare"), 0, 1, 0, QStringLiteral(" %"), 100,
               [](const CostInputs& in) { return in.lift.affectedRevenueShare; },
               [](CostInputs& in, double v) { in.lift.affectedRevenueShare = v; }));
    m_liftSource->setWordWrap(true);
    m_liftSource->setObjectName(QStringLiteral("liftSource"));
    form->addRow(m_liftSource);
    form->addRow(m_useSimulated);
}

void CostInputsPanel::addTeamSection() {
    auto* box = section(tr("Team: engineering time dominates a build"));
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    addRow(form, tr("Day rate"),
           addField(
               QStringLiteral("rates.dayRate"), 0, 1e5, 0, QString(), 1,
               [](const CostInputs& in) { return in.rates.dayRate; },
               [](CostInputs& in, double v) { in.rates.dayRate = v; }),
           tr("Dollars per person-day, blended engineer and data scientist."));
    layout->addLayout(form);
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(6);
    int column = 1;
    for (const QString& label : {tr("SaaS"), tr("Hybrid"), tr("Custom")})
        grid->addWidget(new QLabel(label, box), 0, column++, Qt::AlignRight);
    struct Row {
        const char* key;
        QString label;
        double merch::PathCosts::*member;
        double max;
        int decimals;
        QString suffix;
        double scale;
    };
    const std::vector<Row> rows = {
        {"buildPeople", tr("Build people"), &merch::PathCosts::buildPeople, 50, 1, QString(), 1},
        {"buildMonths", tr("Build months"), &merch::PathCosts::buildMonths, 36, 2, QString(), 1},
        {"runPeople", tr("Run people"), &merch::PathCosts::runPeople, 20, 2, QString(), 1},
        {"liftCapture", tr("Lift captured"), &merch::PathCosts::liftCapture, 1.5, 0,
         QStringLiteral(" %"), 100}};
    int row = 1;
    for (const Row& r : rows) {
        grid->addWidget(new QLabel(r.label, box), row, 0);
        column = 1;
        for (CostPath p : merch::allCostPaths()) {
            const auto member = r.member;
            auto* spin = addField(
                QStringLiteral("paths.%1.%2")
                    .arg(QString::fromUtf8(merch::costPathKey(p)), QString::fromUtf8(r.key)),
                0, r.max, r.decimals, r.suffix, r.scale,
                [p, member](const CostInputs& in) { return in.path(p).*member; },
                setPaths(member, {p}));
            spin->setMinimumWidth(50);
            spin->setMaximumWidth(80);
            spin->setButtonSymbols(QAbstractSpinBox::NoButtons); // arrows keys and wheel still step
            grid->addWidget(spin, row, column++);
        }
        ++row;
    }
    layout->addLayout(grid);
}

void CostInputsPanel::addStoreSection() {
    auto* form = new QFormLayout(section(tr("Store (measured from the workspace)")));
    form->setContentsMargins(0, 0, 0, 0);
    struct Row {
        const char* key;
        QString label;
        double merch::StoreEconomics::*member;
        double min, max;
        int decimals;
        QString suffix;
        double scale;
    };
    const std::vector<Row> rows = {
        {"store.annualRevenue", tr("Annual revenue ($)"), &merch::StoreEconomics::annualRevenue, 0,
         1e11, 0, QString(), 1},
        {"store.sessionsPerMonth", tr("Sessions / month"), &merch::StoreEconomics::sessionsPerMonth,
         0, 1e10, 0, QString(), 1},
        {"store.ordersPerMonth", tr("Orders / month"), &merch::StoreEconomics::ordersPerMonth, 0,
         1e9, 0, QString(), 1},
        {"store.grossMargin", tr("Gross margin"), &merch::StoreEconomics::grossMargin, 0.01, 1, 0,
         QStringLiteral(" %"), 100},
        {"store.catalogSize", tr("Catalog (SKUs)"), &merch::StoreEconomics::catalogSize, 1, 1e7, 0,
         QString(), 1},
        {"store.recImpressionsPerDay", tr("Rec. impressions / day"),
         &merch::StoreEconomics::recImpressionsPerDay, 0, 1e10, 0, QString(), 1},
        {"store.searchRequestsPerMonth", tr("Searches / month"),
         &merch::StoreEconomics::searchRequestsPerMonth, 0, 1e10, 0, QString(), 1}};
    for (const Row& r : rows) {
        const auto member = r.member;
        addRow(form, r.label,
               addField(
                   QString::fromUtf8(r.key), r.min, r.max, r.decimals, r.suffix, r.scale,
                   [member](const CostInputs& in) { return in.store.*member; },
                   [member](CostInputs& in, double v) { in.store.*member = v; }));
    }
    m_aov->setObjectName(QStringLiteral("averageOrderValue"));
    form->addRow(tr("Average order (derived)"), m_aov);
    form->addRow(m_resetStore);
}

void CostInputsPanel::addPriceSection() {
    auto* form = new QFormLayout(section(tr("Prices (published defaults; hover for sources)")));
    form->setContentsMargins(0, 0, 0, 0);
    const std::vector<CostPath> saasAndHybrid = {CostPath::Saas, CostPath::Hybrid};
    const std::vector<CostPath> built = {CostPath::Hybrid, CostPath::Custom};
    addRow(form, tr("SaaS share of attributed revenue"),
           addField(
               QStringLiteral("paths.saas.saasRevenueShare"), 0, 0.5, 1, QStringLiteral(" %"), 100,
               [](const CostInputs& in) { return in.path(CostPath::Saas).saasRevenueShare; },
               setPaths(&merch::PathCosts::saasRevenueShare, {CostPath::Saas})),
           priceSource("saasRevenueShare"));
    addRow(form, tr("Vendor-attributed revenue"),
           addField(
               QStringLiteral("rates.attributedRevenueShare"), 0, 1, 0, QStringLiteral(" %"), 100,
               [](const CostInputs& in) { return in.rates.attributedRevenueShare; },
               [](CostInputs& in, double v) { in.rates.attributedRevenueShare = v; }),
           tr("Share of revenue a vendor dashboard attributes to itself: the base of a "
              "revenue-share fee (same-session click-then-buy at gross revenue)."));
    addRow(form, tr("SaaS minimum ($/month)"),
           addField(
               QStringLiteral("paths.saas.saasMinimumMonthly"), 0, 1e7, 0, QString(), 1,
               [](const CostInputs& in) { return in.path(CostPath::Saas).saasMinimumMonthly; },
               setPaths(&merch::PathCosts::saasMinimumMonthly, {CostPath::Saas})),
           priceSource("saasMinimumMonthly"));
    addRow(form, tr("Hosted search ($/1k requests)"),
           addField(
               QStringLiteral("prices.saasPer1kSearches"), 0, 100, 2, QString(), 1,
               [](const CostInputs& in) { return in.path(CostPath::Saas).saasPer1kSearches; },
               setPaths(&merch::PathCosts::saasPer1kSearches, saasAndHybrid)),
           priceSource("saasPer1kSearches"));
    addRow(form, tr("VM ($/hour)"),
           addField(
               QStringLiteral("rates.vmPerHour"), 0, 100, 3, QString(), 1,
               [](const CostInputs& in) { return in.rates.vmPerHour; },
               [](CostInputs& in, double v) { in.rates.vmPerHour = v; }),
           priceSource("vmPerHour"));
    addRow(form, tr("Managed cache ($/month)"),
           addField(
               QStringLiteral("prices.cacheMonthly"), 0, 1e6, 0, QString(), 1,
               [](const CostInputs& in) { return in.path(CostPath::Hybrid).cacheMonthly; },
               setPaths(&merch::PathCosts::cacheMonthly, built)),
           priceSource("cacheMonthly"));
    addRow(form, tr("Inference ($/1k impressions)"),
           addField(
               QStringLiteral("prices.inferencePer1kImpressions"), 0, 10, 3, QString(), 1,
               [](const CostInputs& in) {
                   return in.path(CostPath::Hybrid).inferencePer1kImpressions;
               },
               setPaths(&merch::PathCosts::inferencePer1kImpressions, built)),
           tr("Compute to serve one recommendation block, on your own VMs."));
    addRow(form, tr("Cache hit rate"),
           addField(
               QStringLiteral("prices.cacheHitRate"), 0, 0.99, 0, QStringLiteral(" %"), 100,
               [](const CostInputs& in) { return in.path(CostPath::Hybrid).cacheHitRate; },
               setPaths(&merch::PathCosts::cacheHitRate, built)),
           tr("Share of impressions served from the cache: set from the replay at a 1-hour TTL "
              "(see the Cache tab)."));
    addRow(form, tr("Embeddings ($/1M tokens)"),
           addField(
               QStringLiteral("rates.embeddingPer1MTokens"), 0, 100, 3, QString(), 1,
               [](const CostInputs& in) { return in.rates.embeddingPer1MTokens; },
               [](CostInputs& in, double v) { in.rates.embeddingPer1MTokens = v; }),
           priceSource("embeddingPer1MTokens"));
    addRow(form, tr("Discount rate (NPV)"),
           addField(
               QStringLiteral("rates.discountRate"), 0, 1, 0, QStringLiteral(" %"), 100,
               [](const CostInputs& in) { return in.rates.discountRate; },
               [](CostInputs& in, double v) { in.rates.discountRate = v; }));
}

void CostInputsPanel::setInputs(const merch::CostInputs& inputs) {
    m_inputs = inputs;
    refreshBoxes();
}

void CostInputsPanel::setStoreDefaults(const merch::StoreEconomics& store) {
    m_storeDefaults = store;
}

void CostInputsPanel::setSimulatedLift(const std::optional<merch::LiftAssumption>& lift) {
    m_simulatedLift = lift;
    m_useSimulated->setEnabled(lift.has_value());
    m_useSimulated->setToolTip(lift ? QString::fromStdString(lift->source) : QString());
}

QDoubleSpinBox* CostInputsPanel::field(const QString& key) const {
    for (const Field& f : m_fields) {
        if (f.key == key)
            return f.box;
    }
    return nullptr;
}

void CostInputsPanel::onEdited(const Field& field, double shown) {
    if (m_refreshing)
        return;
    field.set(m_inputs, shown / field.scale);
    if (field.key.startsWith(QStringLiteral("lift."))) { // keep low <= lift <= high
        m_inputs.lift.low = std::min(m_inputs.lift.low, m_inputs.lift.revenueLift);
        m_inputs.lift.high = std::max(m_inputs.lift.high, m_inputs.lift.revenueLift);
        refreshBoxes();
    }
    refreshLabels();
    emit inputsChanged();
}

void CostInputsPanel::refreshBoxes() {
    m_refreshing = true;
    for (const Field& f : m_fields)
        f.box->setValue(f.get(m_inputs) * f.scale);
    m_refreshing = false;
    refreshLabels();
}

void CostInputsPanel::refreshLabels() {
    m_liftSource->setText(tr("Source: %1").arg(QString::fromStdString(m_inputs.lift.source)));
    m_aov->setText(formatDollars(m_inputs.store.averageOrderValue()));
}

} // namespace merch::ui
