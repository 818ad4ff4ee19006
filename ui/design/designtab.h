#pragma once

// The pieces the tabs of the stage 3 screen share: the base class every tab derives from (the
// document, the one way to change the design, the edit dialog), a table that takes Enter and
// Delete, a form dialog for one row of a table, and the formatting of money and percentages.

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QAbstractItemView;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTableWidget;
class QTableWidgetItem;

namespace CoCommission {

class DialogService;
class EditRunner;
class RoundDocument;
struct KeyName;
struct Round;
struct ServiceDesign;

namespace DesignFormat {
/** "£1,234" in the user's locale, whole pounds. */
QString money(double pounds);
/** "35%" or "12.5%": at most \a decimals decimals, trailing zeros dropped. */
QString percent(double value, int decimals = 1);
/** "1,234" or "12.5": at most \a decimals decimals, trailing zeros dropped. */
QString number(double value, int decimals = 1);
/** A stable key made from \a name ("ESA WRAG" → "esa_wrag"), unique among \a taken. */
QString makeKey(const QString &name, const QStringList &taken);
} // namespace DesignFormat

/**
 * Sends Enter (or Return) and Delete on a table to the tab that owns it, as "edit the row" and
 * "remove the row", and a double click as "edit". Installed on a view; an open cell editor
 * keeps its own keys.
 */
class RowKeys : public QObject
{
    Q_OBJECT

public:
    explicit RowKeys(QAbstractItemView *view);

signals:
    void editRequested(int row);
    void removeRequested(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
};

/**
 * Fits a table's rows to their wrapped text again whenever its width changes (after the
 * table has laid out its columns): the wrapping depends on the width the page gives it.
 */
class RowFitter : public QObject
{
    Q_OBJECT

public:
    /** Calls \a fit on \a view after each change of its width. */
    RowFitter(QAbstractItemView *view, std::function<void()> fit);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::function<void()> m_fit;
    int m_width = -1;
    bool m_pending = false;
};

/**
 * A read-only table of whole rows (UiUtil::makeTable) with RowKeys; the \a stretch column takes
 * the width left and its text wraps (fill it, then call fitRows()). \a description says what
 * the table lists, for assistive technology (a table's tool tip is not its description).
 */
QTableWidget *makeRowTable(const QStringList &headers, const QString &accessibleName,
                           const QString &description, const QString &objectName, int stretch,
                           QWidget *parent);
/**
 * Makes \a table's rows as tall as their wrapped text and the table as tall as its rows
 * (UiUtil::fitTableHeight()); again whenever a column's width changes.
 */
void fitRows(QTableWidget *table);
/** The selected row of \a table, or -1. */
int selectedRow(const QTableWidget *table);
/** Fits \a view's rows to their text and the view to its header and rows (as fitRows()). */
void fitViewHeight(QTableView *view);
/** A read-only cell, aligned right for figures. */
QTableWidgetItem *makeCell(const QString &text, bool figure = false);

/**
 * A small form for one row of a table: a labelled field per value, OK and Cancel. OK calls
 * the apply function, which records the change; the dialog closes only when it succeeded, so
 * that a refused value can be corrected in place. Each field's object name is its key.
 */
class RecordDialog : public QDialog
{
    Q_OBJECT

public:
    RecordDialog(const QString &title, QWidget *parent = nullptr);

    // Each field: its key (also its object name), its label (with mnemonic, which names it for
    // assistive technology) and its description, which a screen reader reads after the name.
    QLineEdit *addLine(const QString &key, const QString &label, const QString &description,
                       const QString &value);
    QPlainTextEdit *addText(const QString &key, const QString &label, const QString &description,
                            const QString &value);
    QComboBox *addChoice(const QString &key, const QString &label, const QString &description,
                         const QList<KeyName> &choices, const QString &current);
    QDoubleSpinBox *addNumber(const QString &key, const QString &label, const QString &description,
                              double min, double max, int decimals, double value,
                              const QString &prefix = {}, const QString &suffix = {});
    /** A line of explanation under the fields. */
    QLabel *addNote(const QString &text);

    QWidget *field(const QString &key) const { return m_fields.value(key); }
    QString text(const QString &key) const;
    QString choice(const QString &key) const;
    double number(const QString &key) const;

    /** Called on OK; true closes the dialog. */
    void setApply(std::function<bool()> apply) { m_apply = std::move(apply); }
    QPushButton *okButton() const { return m_okButton; }

private:
    void addField(const QString &key, const QString &label, const QString &description,
                  QWidget *field);
    void onOk();

    QFormLayout *m_form;
    QDialogButtonBox *m_buttons;
    QPushButton *m_okButton;
    QHash<QString, QWidget *> m_fields;
    std::function<bool()> m_apply;
};

/**
 * One tab of the design screen. It reads RoundDocument::round() and shows it again after every
 * change of the round (refresh()); it changes the design only through apply(), which builds on
 * the Commands facade and the EditRunner, so that every change is one undo step (or merges with
 * the last one under the same key) and a refusal is shown once and leaves the stored value on
 * screen.
 */
class DesignTab : public QWidget
{
    Q_OBJECT
    Q_MOC_INCLUDE("core/round/rounddocument.h")

public:
    DesignTab(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~DesignTab() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;

    /** The edit dialog open on this tab, or null. */
    RecordDialog *dialog() const;

    /** Shows the round as stored: after every change and after a refused edit. */
    virtual void refresh() = 0;

protected:
    bool hasDocument() const;
    const Round &round() const;
    const ServiceDesign &design() const;
    /** Why the design cannot change now (also with no document), or "". */
    QString whyFrozen() const;
    bool isEditable() const { return whyFrozen().isEmpty(); }

    /**
     * Records \a design as the round's design, named \a text in the undo history; edits with
     * the same non-empty \a mergeKey in a row merge. On refusal the reason is shown once and
     * the tab refreshed; false then.
     */
    bool apply(const ServiceDesign &design, const QString &text, const QString &mergeKey = {});

    /** Shows \a dialog window-modal (nothing waits on it) with \a onOk as its apply. */
    void openDialog(RecordDialog *dialog, std::function<bool()> onOk);

    /**
     * A button (UiUtil::makeButton) that changes the design. Its tool tip, which assistive
     * technology reads as its description, says what it does (\a toolTip) while the design can
     * change and why not while it is frozen: see showWhyFrozen().
     */
    QPushButton *makeEditButton(const QString &text, const QString &accessibleName,
                                const QString &toolTip, const QString &objectName, QWidget *parent);
    /** Gives each makeEditButton() button \a frozen as its tool tip, or its own if "". */
    void showWhyFrozen(const QString &frozen);

    EditRunner *m_edits;
    DialogService *m_dialogs;

private:
    QPointer<RoundDocument> m_document;
    QPointer<RecordDialog> m_dialog;
    QHash<QPushButton *, QString> m_editButtonTips; // children of this tab, so never dangling
};

} // namespace CoCommission
