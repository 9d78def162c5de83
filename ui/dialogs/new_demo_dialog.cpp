#include "dialogs/new_demo_dialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>

#include <cmath>
#include <limits>

#include "format.h"

namespace merch::ui {
namespace {

// Wide enough never to clamp silently: WorldParams::validate() is the one judge of a range.
constexpr int kSpinMaximum = 100'000'000;

QSpinBox* spinBox(int value, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(0, kSpinMaximum);
    box->setGroupSeparatorShown(true);
    box->setValue(value);
    box->setMinimumWidth(160);
    box->setAlignment(Qt::AlignRight);
    return box;
}

} // namespace

NewDemoDialog::NewDemoDialog(QWidget* parent)
    : QDialog(parent)
    , m_seed(spinBox(static_cast<int>(merch::RunControl{}.seed), this))
    , m_products(spinBox(merch::WorldParams{}.products, this))
    , m_days(spinBox(merch::WorldParams{}.days, this))
    , m_sessions(spinBox(static_cast<int>(std::lround(merch::WorldParams{}.sessionsPerDay)), this))
    , m_path(new QLineEdit(this))
    , m_seedError(nullptr)
    , m_productsError(nullptr)
    , m_daysError(nullptr)
    , m_sessionsError(nullptr)
    , m_pathError(nullptr)
    , m_pathNote(new QLabel(this))
    , m_total(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("New Demo Store"));
    setObjectName(QStringLiteral("newDemoDialog"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setGroupSeparatorShown(false);

    auto* intro = new QLabel(tr("A simulated store with known ground truth: a catalog with "
                                "deliberate data defects and shoppers logged under a "
                                "best-seller policy. The same seed builds the same store."),
                             this);
    intro->setWordWrap(true);
    intro->setObjectName(QStringLiteral("cardNote"));

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(4);
    m_seedError = addField(grid, 0, tr("Seed"), m_seed, tr("any whole number"));
    m_productsError = addField(grid, 2, tr("Products"), m_products, tr("catalog size"));
    m_daysError = addField(grid, 4, tr("Days"), m_days, tr("days of traffic"));
    m_sessionsError =
        addField(grid, 6, tr("Sessions per day"), m_sessions, tr("mean browsing sessions"));

    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    m_path->setObjectName(QStringLiteral("demoPath"));
    m_path->setMinimumWidth(380);
    grid->addWidget(new QLabel(tr("Save as"), this), 8, 0);
    grid->addLayout(pathRow, 8, 1, 1, 2);
    m_pathError = new QLabel(this);
    m_pathError->setObjectName(QStringLiteral("fieldError"));
    m_pathError->setWordWrap(true);
    grid->addWidget(m_pathError, 9, 1, 1, 2);
    m_pathNote->setObjectName(QStringLiteral("cardNote"));
    m_pathNote->setWordWrap(true);
    grid->addWidget(m_pathNote, 10, 1, 1, 2);

    m_total->setObjectName(QStringLiteral("cardNote"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Build Demo Store"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("primaryButton"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(14);
    layout->addWidget(intro);
    layout->addLayout(grid);
    layout->addWidget(m_total);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, &NewDemoDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QSpinBox* box : {m_seed, m_products, m_days, m_sessions})
        connect(box, &QSpinBox::valueChanged, this, &NewDemoDialog::validate);
    connect(m_path, &QLineEdit::textChanged, this, &NewDemoDialog::validate);
    setPath(defaultPath());
}

QLabel* NewDemoDialog::addField(QGridLayout* grid, int row, const QString& label, QWidget* field,
                                const QString& hint) {
    auto* hintLabel = new QLabel(hint, this);
    hintLabel->setObjectName(QStringLiteral("cardNote"));
    grid->addWidget(new QLabel(label, this), row, 0);
    grid->addWidget(field, row, 1);
    grid->addWidget(hintLabel, row, 2);
    auto* error = new QLabel(this);
    error->setObjectName(QStringLiteral("fieldError"));
    error->setWordWrap(true);
    error->hide();
    grid->addWidget(error, row + 1, 1, 1, 2);
    return error;
}

QString NewDemoDialog::defaultPath() {
    const QDir dir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    QString path = dir.filePath(QStringLiteral("demo-store.merchsim"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.filePath(QStringLiteral("demo-store-%1.merchsim").arg(n));
    return path;
}

void NewDemoDialog::setPath(const QString& path) {
    m_path->setText(QDir::toNativeSeparators(path));
    validate();
}

DemoRequest NewDemoDialog::request() const {
    DemoRequest request;
    request.path = QFileInfo(QDir::fromNativeSeparators(m_path->text().trimmed()))
                       .absoluteFilePath()
                       .toStdString();
    request.params.world.products = m_products->value();
    request.params.world.days = m_days->value();
    request.params.world.sessionsPerDay = m_sessions->value();
    request.seed = static_cast<std::uint64_t>(m_seed->value());
    return request;
}

QString NewDemoDialog::errorText() const {
    for (const QLabel* label :
         {m_seedError, m_productsError, m_daysError, m_sessionsError, m_pathError}) {
        if (!label->text().isEmpty())
            return label->text();
    }
    return {};
}

void NewDemoDialog::browse() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save the Demo Store As"), m_path->text(),
                                                tr("MerchSim workspace (*.merchsim)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".merchsim"), Qt::CaseInsensitive))
        path += QStringLiteral(".merchsim");
    setPath(path);
}

void NewDemoDialog::validate() {
    const DemoRequest current = request();
    const merch::Status status = current.params.world.validate();
    const QString message = QString::fromStdString(status.message());

    // The message names the field; show it under that field (sessions first: its name
    // contains "day").
    QLabel* target = nullptr;
    if (!status.isOk()) {
        const QString lower = message.toLower();
        if (lower.contains(QStringLiteral("session")))
            target = m_sessionsError;
        else if (lower.contains(QStringLiteral("product")))
            target = m_productsError;
        else if (lower.contains(QStringLiteral("day")))
            target = m_daysError;
        else
            target = m_pathError;
    }
    for (QLabel* label : {m_seedError, m_productsError, m_daysError, m_sessionsError}) {
        label->setText(label == target ? message : QString());
        label->setVisible(label == target);
    }

    QString pathProblem;
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        pathProblem = tr("Choose where to save the demo store.");
    else if (QFileInfo(path).isDir())
        pathProblem = tr("That is a folder; choose a file name.");
    m_pathError->setText(target == m_pathError ? message : pathProblem);
    m_pathError->setVisible(!m_pathError->text().isEmpty());
    const bool replaces = pathProblem.isEmpty() && QFileInfo(path).isFile();
    m_pathNote->setText(replaces ? tr("A file with this name exists. It will be replaced once "
                                      "the new store is complete.")
                                 : QString());
    m_pathNote->setVisible(replaces);

    m_total->setText(
        tr("About %1 sessions in all.")
            .arg(formatCount(static_cast<std::int64_t>(m_days->value()) * m_sessions->value())));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(status.isOk() && pathProblem.isEmpty());
}

} // namespace merch::ui
