#pragma once

#include "core/round/monitoring.h"

#include <QDialog>

#include <functional>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace CoCommission {

class NoticeBox;

/**
 * Asks for one meeting of the programme board: its date, title, notes and who attended (a
 * checkable list of the board's members). A line under the list says, as the boxes are ticked,
 * how many voting members are present, how many the quorum needs and so whether the meeting is
 * quorate. meeting() keeps the meeting's id and lists the attendees in the board's order.
 * accept() asks the validator first: a problem is shown in the dialog, which stays open.
 */
class MeetingDialog : public QDialog
{
    Q_OBJECT

public:
    /** Returns a translated problem with \a meeting, or an empty string when it may be stored. */
    using Validator = std::function<QString(const BoardMeeting &meeting)>;

    MeetingDialog(const ProgrammeBoard &board, const BoardMeeting &meeting, bool isNew,
                  QWidget *parent = nullptr);

    BoardMeeting meeting() const;
    void setValidator(Validator validator) { m_validator = std::move(validator); }

    /** Ticks or clears member \a name; false when the board has no such member. */
    bool setAttended(const QString &name, bool attended);

    QDateEdit *dateEdit() const { return m_dateEdit; }
    QLineEdit *titleEdit() const { return m_titleEdit; }
    QPlainTextEdit *notesEdit() const { return m_notesEdit; }
    QListWidget *attendanceList() const { return m_attendanceList; }
    /** "4 voting members present of the 5 needed: not quorate." */
    QLabel *quorumLabel() const { return m_quorumLabel; }
    NoticeBox *errorBox() const { return m_errorBox; }
    QPushButton *okButton() const { return m_okButton; }

    void accept() override;

private:
    void updateQuorum();

    ProgrammeBoard m_board;
    BoardMeeting m_original;
    Validator m_validator;
    QDateEdit *m_dateEdit;
    QLineEdit *m_titleEdit;
    QPlainTextEdit *m_notesEdit;
    QListWidget *m_attendanceList;
    QLabel *m_quorumLabel;
    NoticeBox *m_errorBox;
    QDialogButtonBox *m_buttons;
    QPushButton *m_okButton;
};

} // namespace CoCommission
