#include "widgets/navigation_bar.h"

#include <QFontMetrics>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include "page_catalog.h"
#include "resources.h"
#include "widgets/navigation_delegate.h"

namespace merch::ui {

NavigationBar::NavigationBar(QWidget* parent)
    : QFrame(parent)
    , m_list(new QListWidget(this))
    , m_storeName(new QLabel(this))
    , m_storeDetail(new QLabel(this)) {
    setObjectName(QStringLiteral("navigationBar"));
    setFixedWidth(236);

    auto* logo = new QLabel(this);
    logo->setPixmap(appLogo(40, devicePixelRatioF()));
    auto* name = new QLabel(QStringLiteral("MerchSim"), this);
    name->setObjectName(QStringLiteral("appName"));
    auto* tagline = new QLabel(tr("Merchandising simulator"), this);
    tagline->setObjectName(QStringLiteral("appTagline"));
    auto* titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(name);
    titles->addWidget(tagline);
    auto* header = new QHBoxLayout;
    header->setContentsMargins(20, 20, 16, 12);
    header->setSpacing(12);
    header->addWidget(logo);
    header->addLayout(titles, 1);

    auto* section = new QLabel(tr("WORKFLOW"), this);
    section->setObjectName(QStringLiteral("sidebarSection"));
    section->setContentsMargins(22, 14, 0, 4);

    m_list->setObjectName(QStringLiteral("navigationList"));
    m_list->setItemDelegate(new NavigationDelegate(m_list));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setMouseTracking(true);
    m_list->setFocusPolicy(Qt::StrongFocus);
    const auto& pages = pageCatalog();
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const PageInfo& page = pages[i];
        auto* item = new QListWidgetItem(page.name, m_list);
        item->setData(NavigationDelegate::StepRole, static_cast<int>(i) + 1);
        item->setData(NavigationDelegate::IssueRole, page.issue);
        item->setData(NavigationDelegate::AvailableRole, page.available);
        item->setToolTip(page.available ? tr("%1 (Ctrl+%2)").arg(page.name).arg(i + 1)
                                        : tr("%1 (Ctrl+%2): arrives with issue #%3, %4")
                                              .arg(page.name)
                                              .arg(i + 1)
                                              .arg(page.issue)
                                              .arg(page.issueTitle));
    }
    connect(m_list, &QListWidget::currentRowChanged, this, &NavigationBar::currentPageChanged);

    m_storeName->setObjectName(QStringLiteral("sidebarStoreName"));
    m_storeDetail->setObjectName(QStringLiteral("sidebarStoreDetail"));
    m_storeName->setWordWrap(false); // a file name has no spaces to wrap at: elide instead
    auto* store = new QVBoxLayout;
    store->setContentsMargins(22, 12, 16, 20);
    store->setSpacing(2);
    auto* storeSection = new QLabel(tr("OPEN STORE"), this);
    storeSection->setObjectName(QStringLiteral("sidebarSection"));
    store->addWidget(storeSection);
    store->addWidget(m_storeName);
    store->addWidget(m_storeDetail);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(section);
    layout->addWidget(m_list, 1);
    layout->addLayout(store);
    setStore({}, {});
}

int NavigationBar::currentPage() const {
    return m_list->currentRow();
}

void NavigationBar::setCurrentPage(int index) {
    m_list->setCurrentRow(index);
}

void NavigationBar::setStore(const QString& name, const QString& detail) {
    const QString full = name.isEmpty() ? tr("No store open") : name;
    // The sidebar is fixed-width: a long file name is elided in the middle, whole in the tooltip.
    const int room = width() - 2 * 22;
    m_storeName->setText(m_storeName->fontMetrics().elidedText(full, Qt::ElideMiddle, room));
    m_storeName->setToolTip(full);
    m_storeDetail->setText(m_storeDetail->fontMetrics().elidedText(detail, Qt::ElideRight, room));
    m_storeDetail->setToolTip(detail);
    m_storeDetail->setVisible(!detail.isEmpty());
}

} // namespace merch::ui
