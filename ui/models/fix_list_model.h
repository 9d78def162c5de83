// FixListModel: the audit's ranked fix list as a table (rank, issue, affected SKUs, products,
// why it matters), read straight from the immutable AuditResult.
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "merch/audit.h"

namespace merch::ui {

class FixListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Rank, Issue, Skus, Products, WhyItMatters, ColumnCount };
    enum Role {
        IssueIdRole = Qt::UserRole + 1, // "missing_color", ...
        SortRole,                       // numbers for the numeric columns
    };

    using AuditPtr = std::shared_ptr<const merch::AuditResult>;

    explicit FixListModel(QObject* parent = nullptr);

    void setResult(AuditPtr result);
    const AuditPtr& result() const { return m_result; }
    // The fix shown in `row`, or null.
    const merch::AuditIssue* fix(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    AuditPtr m_result;
};

} // namespace merch::ui
