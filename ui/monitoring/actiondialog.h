#pragma once

#include "core/round/monitoring.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace CoCommission {

class NoticeBox;

/**
 * Asks for one entry of the board's actions and issues log: action or issue, what it says, the
 * meeting that raised it (or "between meetings"), its owner (a member of the board or anyone
 * else), an optional due date, its status and a note. action() keeps the entry's id. accept()
 * asks the validator first: a problem is shown in the dialog, which stays open.
 */
class ActionDialog : public QDialog
{
    Q_OBJECT

public:
    /** Returns a translated problem with \a action, or an empty string when it may be stored. */
    using Validator = std::function<QString(const BoardAction &action)>;

    ActionDialog(const ProgrammeBoard &board, const BoardAction &action, bool isNew,
                 QWidget *parent = nullptr);

    BoardAction action() const;
    void setValidator(Validator validator) { m_validator = std::move(validator); }

    QComboBox *kindCombo() const { return m_kindCombo; }
    QPlainTextEdit *textEdit() const { return m_textEdit; }
    /** "Between meetings" (0), then the board's meetings, latest first; data: the meeting id. */
    QComboBox *meetingCombo() const { return m_meetingCombo; }
    /** Editable: the board's members are offered, any name may be typed. */
    QComboBox *ownerCombo() const { return m_ownerCombo; }
    QCheckBox *dueCheck() const { return m_dueCheck; }
    QDateEdit *dueEdit() const { return m_dueEdit; }
    QComboBox *statusCombo() const { return m_statusCombo; }
    QLineEdit *noteEdit() const { return m_noteEdit; }
    NoticeBox *errorBox() const { return m_errorBox; }
    QPushButton *okButton() const { return m_okButton; }

    void accept() override;

private:
    void updateAcceptable();

    BoardAction m_original;
    Validator m_validator;
    QComboBox *m_kindCombo;
    QPlainTextEdit *m_textEdit;
    QComboBox *m_meetingCombo;
    QComboBox *m_ownerCombo;
    QCheckBox *m_dueCheck;
    QDateEdit *m_dueEdit;
    QComboBox *m_statusCombo;
    QLineEdit *m_noteEdit;
    NoticeBox *m_errorBox;
    QDialogButtonBox *m_buttons;
    QPushButton *m_okButton;
};

} // namespace CoCommission
