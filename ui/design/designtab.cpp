#include "ui/design/designtab.h"

#include "core/commands/designcommands.h"
#include "core/round/design.h"
#include "core/round/rounddocument.h"
#include "ui/editrunner.h"
#include "ui/pagewidgets.h"
#include "ui/uiutil.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace CoCommission {

namespace DesignFormat {

QString money(double pounds)
{
    // Avoids "£-0" for a tiny negative rounding residue.
    const double whole = std::round(pounds);
    const QString digits = UiUtil::numberLocale().toString(std::abs(whole), 'f', 0);
    return (whole < 0 ? QStringLiteral("\u2212\u00a3") : QStringLiteral("\u00a3")) + digits;
}

QString number(double value, int decimals)
{
    QString text = UiUtil::numberLocale().toString(value, 'f', decimals);
    const QChar point = UiUtil::numberLocale().decimalPoint().front();
    if (decimals > 0 && text.contains(point)) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

QString percent(double value, int decimals)
{
    return number(value, decimals) + u'%';
}

QString makeKey(const QString &name, const QStringList &taken)
{
    QString key;
    for (const QChar c : name.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            key += c;
        else if (!key.isEmpty() && !key.endsWith(u'_'))
            key += u'_';
    }
    while (key.endsWith(u'_'))
        key.chop(1);
    if (key.isEmpty())
        key = QStringLiteral("item");
    QString unique = key;
    for (int n = 2; taken.contains(unique); ++n)
        unique = QStringLiteral("%1_%2").arg(key).arg(n);
    return unique;
}

} // namespace DesignFormat

RowKeys::RowKeys(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
    view->installEventFilter(this);
    connect(view, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { emit editRequested(index.row()); });
}

bool RowKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
        if (row >= 0 && key->modifiers() == Qt::NoModifier) {
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                emit editRequested(row);
                return true;
            }
            if (key->key() == Qt::Key_Delete) {
                emit removeRequested(row);
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

RowFitter::RowFitter(QAbstractItemView *view, std::function<void()> fit)
    : QObject(view)
    , m_fit(std::move(fit))
{
    view->installEventFilter(this);
}

bool RowFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        const int width = static_cast<QResizeEvent *>(event)->size().width();
        if (width != m_width && !m_pending) {
            m_width = width;
            m_pending = true;
            // After the view has handled the resize and stretched its columns.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_pending = false;
                    m_fit();
                },
                Qt::QueuedConnection);
        }
    }
    return QObject::eventFilter(watched, event);
}

QTableWidget *makeRowTable(const QStringList &headers, const QString &accessibleName,
                           const QString &description, const QString &objectName, int stretch,
                           QWidget *parent)
{
    QTableWidget *table = UiUtil::makeTable(headers, parent);
    table->setAccessibleName(accessibleName);
    table->setAccessibleDescription(description);
    table->setObjectName(objectName);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (stretch >= 0)
        header->setSectionResizeMode(stretch, QHeaderView::Stretch);
    new RowKeys(table);
    table->setWordWrap(true);
    new RowFitter(table, [table] { fitRows(table); });
    UiUtil::fitTableHeight(table);
    return table;
}

namespace {

/** Rows as tall as their wrapped text with some air, never below the default height. */
void fitRowHeights(QTableView *view)
{
    const int minimum = view->verticalHeader()->defaultSectionSize();
    const int rows = view->model() ? view->model()->rowCount() : 0;
    // QTableView makes sizeHintForRow() protected; QAbstractItemView has it public.
    const QAbstractItemView *asView = view;
    for (int row = 0; row < rows; ++row)
        view->setRowHeight(row, std::max(minimum, asView->sizeHintForRow(row) + 8));
}

} // namespace

void fitRows(QTableWidget *table)
{
    fitRowHeights(table);
    UiUtil::fitTableHeight(table);
}

int selectedRow(const QTableWidget *table)
{
    const QList<QTableWidgetItem *> items = table->selectedItems();
    return items.isEmpty() ? -1 : items.first()->row();
}

void fitViewHeight(QTableView *view)
{
    fitRowHeights(view);
    int height = 2 * view->frameWidth();
    if (!view->horizontalHeader()->isHidden())
        height += view->horizontalHeader()->sizeHint().height();
    const int rows = view->model() ? view->model()->rowCount() : 0;
    for (int row = 0; row < rows; ++row)
        height += view->rowHeight(row);
    if (view->horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOff)
        height += view->horizontalScrollBar()->sizeHint().height();
    view->setFixedHeight(height);
}

QTableWidgetItem *makeCell(const QString &text, bool figure)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment((figure ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    item->setToolTip(text);
    return item;
}

RecordDialog::RecordDialog(const QString &title, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    setAccessibleName(title);
    setObjectName(QStringLiteral("designRecordDialog"));
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = m_buttons->button(QDialogButtonBox::Ok);
    m_okButton->setObjectName(QStringLiteral("recordOkButton"));
    m_okButton->setAccessibleName(tr("Save"));
    m_okButton->setAccessibleDescription(
        tr("Records the values in the design; a value that is refused is named here."));
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("recordCancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setAccessibleDescription(tr("Closes the dialog and changes nothing."));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RecordDialog::onOk);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

void RecordDialog::addField(const QString &key, const QString &label, const QString &description,
                            QWidget *field)
{
    field->setObjectName(key);
    QString accessible = label;
    accessible.remove(u'&');
    if (accessible.endsWith(u':'))
        accessible.chop(1);
    field->setAccessibleName(accessible);
    field->setAccessibleDescription(description);
    auto *buddy = new QLabel(label, this);
    buddy->setBuddy(field);
    m_form->addRow(buddy, field);
    m_fields.insert(key, field);
}

QLineEdit *RecordDialog::addLine(const QString &key, const QString &label,
                                 const QString &description, const QString &value)
{
    auto *edit = new QLineEdit(value, this);
    addField(key, label, description, edit);
    return edit;
}

QPlainTextEdit *RecordDialog::addText(const QString &key, const QString &label,
                                      const QString &description, const QString &value)
{
    auto *edit = new QPlainTextEdit(value, this);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
    addField(key, label, description + QLatin1Char(' ') + tr("Tab moves on."), edit);
    return edit;
}

QComboBox *RecordDialog::addChoice(const QString &key, const QString &label,
                                   const QString &description, const QList<KeyName> &choices,
                                   const QString &current)
{
    auto *combo = new QComboBox(this);
    for (const KeyName &choice : choices)
        combo->addItem(choice.name, choice.key);
    const int index = combo->findData(current);
    combo->setCurrentIndex(index >= 0 ? index : (combo->count() > 0 ? 0 : -1));
    addField(key, label, description, combo);
    return combo;
}

QDoubleSpinBox *RecordDialog::addNumber(const QString &key, const QString &label,
                                        const QString &description, double min, double max,
                                        int decimals, double value, const QString &prefix,
                                        const QString &suffix)
{
    auto *spin = new QDoubleSpinBox(this);
    spin->setLocale(UiUtil::numberLocale());
    spin->setGroupSeparatorShown(true);
    spin->setRange(min, max);
    spin->setDecimals(decimals);
    spin->setPrefix(prefix);
    spin->setSuffix(suffix);
    spin->setAlignment(Qt::AlignRight);
    spin->setValue(value);
    addField(key, label, description, spin);
    return spin;
}

QLabel *RecordDialog::addNote(const QString &text)
{
    QLabel *note = UiUtil::makeText(this, true);
    note->setText(text);
    m_form->addRow(note);
    return note;
}

QString RecordDialog::text(const QString &key) const
{
    QWidget *widget = field(key);
    if (auto *line = qobject_cast<QLineEdit *>(widget))
        return line->text().trimmed();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
        return plain->toPlainText().trimmed();
    return {};
}

QString RecordDialog::choice(const QString &key) const
{
    auto *combo = qobject_cast<QComboBox *>(field(key));
    return combo ? combo->currentData().toString() : QString();
}

double RecordDialog::number(const QString &key) const
{
    auto *spin = qobject_cast<QDoubleSpinBox *>(field(key));
    return spin ? spin->value() : 0.0;
}

void RecordDialog::onOk()
{
    if (!m_apply || m_apply())
        accept();
}

DesignTab::DesignTab(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{}

DesignTab::~DesignTab()
{
    // refresh() is gone with the derived class; an editor committing on its way out must not
    // reach it.
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    if (m_dialog)
        m_dialog->reject();
}

void DesignTab::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    if (m_dialog)
        m_dialog->reject();
    m_document = document;
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, [this] { refresh(); });
    refresh();
}

RoundDocument *DesignTab::document() const
{
    return m_document;
}

RecordDialog *DesignTab::dialog() const
{
    // A closed dialog is deleted later; it is no longer the one open.
    return m_dialog && m_dialog->isVisible() ? m_dialog.data() : nullptr;
}

bool DesignTab::hasDocument() const
{
    return m_document != nullptr;
}

const Round &DesignTab::round() const
{
    Q_ASSERT(m_document);
    return m_document->round();
}

const ServiceDesign &DesignTab::design() const
{
    return round().design;
}

QString DesignTab::whyFrozen() const
{
    if (!m_document)
        return tr("No round is open.");
    return m_document->whyDesignFrozen();
}

bool DesignTab::apply(const ServiceDesign &design, const QString &text, const QString &mergeKey)
{
    if (!m_document)
        return false;
    RoundDocument *document = m_document;
    const bool done = m_edits->run(tr("The design was not changed"), [&] {
        return Commands::setDesign(document, design, text, mergeKey);
    });
    if (!done)
        refresh(); // the controls show the stored value again
    return done;
}

void DesignTab::openDialog(RecordDialog *dialog, std::function<bool()> onOk)
{
    if (m_dialog)
        m_dialog->reject();
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setApply(std::move(onOk));
    m_dialog = dialog;
    // Window-modal, not exec(): nothing waits on it, so the window stays scriptable.
    dialog->open();
}

QPushButton *DesignTab::makeEditButton(const QString &text, const QString &accessibleName,
                                       const QString &toolTip, const QString &objectName,
                                       QWidget *parent)
{
    QPushButton *button = UiUtil::makeButton(text, accessibleName, objectName, parent);
    button->setToolTip(toolTip);
    m_editButtonTips.insert(button, toolTip);
    return button;
}

void DesignTab::showWhyFrozen(const QString &frozen)
{
    for (auto it = m_editButtonTips.cbegin(); it != m_editButtonTips.cend(); ++it)
        it.key()->setToolTip(frozen.isEmpty() ? it.value() : frozen);
}

} // namespace CoCommission
