// NewDemoDialog: the parameters of a new demo store (seed, products, days, sessions per day,
// with the WorldParams defaults) and where to save it. WorldParams::validate() decides what is
// valid; its message is shown under the field it names.
#pragma once

#include <QDialog>

#include "jobs/store_jobs.h"

class QDialogButtonBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace merch::ui {

class NewDemoDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewDemoDialog(QWidget* parent = nullptr);

    DemoRequest request() const;
    void setPath(const QString& path);
    // The validation message shown, if any (empty when the parameters are valid).
    QString errorText() const;

    QSpinBox* seedBox() const { return m_seed; }
    QSpinBox* productsBox() const { return m_products; }
    QSpinBox* daysBox() const { return m_days; }
    QSpinBox* sessionsBox() const { return m_sessions; }

    static QString defaultPath();

private:
    QLabel* addField(QGridLayout* grid, int row, const QString& label, QWidget* field,
                     const QString& hint);
    void browse();
    void validate();

    QSpinBox* m_seed;
    QSpinBox* m_products;
    QSpinBox* m_days;
    QSpinBox* m_sessions;
    QLineEdit* m_path;
    QLabel* m_seedError;
    QLabel* m_productsError;
    QLabel* m_daysError;
    QLabel* m_sessionsError;
    QLabel* m_pathError;
    QLabel* m_pathNote; // not an error: the file there will be replaced
    QLabel* m_total;
    QDialogButtonBox* m_buttons;
};

} // namespace merch::ui
