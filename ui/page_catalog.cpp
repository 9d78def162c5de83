#include "page_catalog.h"

#include <QBoxLayout>
#include <QLabel>
#include <QStringList>

namespace merch::ui {

const std::vector<PageInfo>& pageCatalog() {
    static const std::vector<PageInfo> pages = {
        {QStringLiteral("Store"), 2, QStringLiteral("The desktop shell and the demo store"),
         QStringLiteral("What is in this store: its products, its shoppers' sessions and events, "
                        "day by day?"),
         true},
        {QStringLiteral("Audit"), 3,
         QStringLiteral("Import real store data, and audit the catalog"),
         QStringLiteral("Is the catalog clean enough to personalize, with category, color, size, "
                        "material and price filled for at least 95% of SKUs?"),
         true},
        {QStringLiteral("Models"), 4,
         QStringLiteral("Recommendations and personalized category ranking"),
         QStringLiteral("Would personalized ranking and recommendations beat best-sellers here?"),
         true},
        {QStringLiteral("Search"), 5, QStringLiteral("Smart search"),
         QStringLiteral("How many searches find nothing today, and how many would semantic, "
                        "typo-tolerant search rescue?"),
         true},
        {QStringLiteral("Messaging"), 8, QStringLiteral("Triggered messaging"),
         QStringLiteral("When should each cart-recovery or replenishment message go out, and how "
                        "many more shoppers come back than with fixed 1/24/72-hour emails?"),
         true},
        {QStringLiteral("Lift"), 6, QStringLiteral("Lift simulator"),
         QStringLiteral("What lift would a clean A/B test measure, and what would a vendor "
                        "claim?"),
         true},
        {QStringLiteral("Costs"), 7, QStringLiteral("Build vs buy vs hybrid"),
         QStringLiteral("What do build, buy and hybrid cost in year one and over three years, "
                        "and in which week does each pay back?"),
         true},
        {QStringLiteral("Report"), 9, QStringLiteral("The scoping-session deliverable"),
         QStringLiteral("What does the consultant hand over: a PDF of the findings, from the "
                        "audit to the recommended path and a 90-day plan?"),
         true},
    };
    return pages;
}

int pageIndex(const QString& name) {
    const auto& pages = pageCatalog();
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (pages[i].name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    }
    return -1;
}

QString pageNameList() {
    QStringList names;
    for (const auto& page : pageCatalog())
        names << page.name;
    return names.join(QStringLiteral(", "));
}

QHBoxLayout* createPageHeader(QWidget* page, const QString& name) {
    auto* title = new QLabel(name, page);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto* subtitle =
        new QLabel(pageCatalog()[static_cast<std::size_t>(pageIndex(name))].question, page);
    subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    subtitle->setWordWrap(true);
    auto* header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(title, 0, Qt::AlignBaseline);
    header->addWidget(subtitle, 1, Qt::AlignBaseline);
    return header;
}

} // namespace merch::ui
