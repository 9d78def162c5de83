// NavigationBar: the sidebar. The app's name, the workflow steps from pageCatalog() and, at the
// bottom, the store that is open.
#pragma once

#include <QFrame>

class QLabel;
class QListWidget;

namespace merch::ui {

class NavigationBar : public QFrame {
    Q_OBJECT
public:
    explicit NavigationBar(QWidget* parent = nullptr);

    int currentPage() const;
    void setCurrentPage(int index);
    // The open store's file name and a one-line description ("2,000 products"); empty: none.
    void setStore(const QString& name, const QString& detail);
    QListWidget* list() const { return m_list; }

signals:
    void currentPageChanged(int index);

private:
    QListWidget* m_list;
    QLabel* m_storeName;
    QLabel* m_storeDetail;
};

} // namespace merch::ui
