#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class BoardMemberDialog;
class DialogService;
class EditRunner;
class MeetingDialog;
class PageSpinBox;
class RoundDocument;
struct ProgrammeBoard;

/**
 * Stage 6: the programme board tab of MonitoringView. The members (name, role, organisation,
 * voting or advisory) with add, edit and remove through BoardMemberDialog; the quorum and the
 * thresholds of the RAG ratings the board sets; and the meetings (date, title, attendance and
 * whether each was quorate, in words and colour) through MeetingDialog.
 *
 * Every change builds the whole new ProgrammeBoard and stores it with one Commands::setBoard()
 * through the EditRunner, so that it is one undo step (the spin boxes merge their steps) and a
 * refused change alters nothing. Renaming a member renames them in the meetings' attendance and
 * as the owner of actions. A member who attended a meeting, or a meeting that raised actions,
 * is not removed: the view says why before trying. The dialogs are window-modal but not
 * exec()'d, so the screen stays scriptable.
 */
class BoardView : public QWidget
{
    Q_OBJECT

public:
    enum MemberColumn {
        MemberNameColumn,
        MemberRoleColumn,
        MemberOrganisationColumn,
        MemberVotingColumn,
        MemberColumnCount
    };
    enum MeetingColumn {
        MeetingDateColumn,
        MeetingTitleColumn,
        MeetingAttendeesColumn,
        MeetingVotingColumn,
        MeetingQuorateColumn,
        MeetingColumnCount
    };

    BoardView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~BoardView() override;

    void setDocument(RoundDocument *document);
    /** Reads the round again. */
    void refresh();

    /** The name of the member of the current row, or an empty string. */
    QString currentMember() const;
    bool selectMember(const QString &name);
    /** The id of the meeting of the current row, or 0. */
    int currentMeeting() const;
    bool selectMeeting(int id);

    /** Opens the dialog for a new member; false when the board cannot change now. */
    bool addMember();
    bool editMember();
    /** Removes the current member once the user confirms; explains a refusal first. */
    bool removeMember();
    bool addMeeting();
    bool editMeeting();
    bool removeMeeting();

    BoardMemberDialog *memberDialog() const;
    MeetingDialog *meetingDialog() const;

    QTableWidget *memberTable() const { return m_memberTable; }
    QTableWidget *meetingTable() const { return m_meetingTable; }
    QLabel *memberSummary() const { return m_memberSummary; }
    QLabel *quorumLabel() const { return m_quorumLabel; }
    QLabel *meetingSummary() const { return m_meetingSummary; }
    PageSpinBox *quorumSpin() const { return m_quorumSpin; }
    PageSpinBox *greenSpin() const { return m_greenSpin; }
    PageSpinBox *amberSpin() const { return m_amberSpin; }
    QPushButton *addMemberButton() const { return m_addMember; }
    QPushButton *editMemberButton() const { return m_editMember; }
    QPushButton *removeMemberButton() const { return m_removeMember; }
    QPushButton *addMeetingButton() const { return m_addMeeting; }
    QPushButton *editMeetingButton() const { return m_editMeeting; }
    QPushButton *removeMeetingButton() const { return m_removeMeeting; }

private:
    void fillMembers();
    void fillMeetings();
    void fillSettings();
    void refreshState();
    QString whyFrozen() const;
    void openMemberDialog(const QString &original);
    void openMeetingDialog(int original);
    void onQuorumChanged(double value);
    void onThresholdChanged();
    /**
     * Applies \a change to a copy of the board and stores it as one undo step named
     * \a undoText (merging with the last under a non-empty \a mergeKey); nothing is stored
     * when \a change returns false. A refusal is shown and the stored board shown again.
     */
    bool store(const QString &errorTitle, const QString &undoText,
               const std::function<bool(ProgrammeBoard &board)> &change,
               const QString &mergeKey = {});

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    QPointer<BoardMemberDialog> m_memberDialog;
    QPointer<MeetingDialog> m_meetingDialog;

    QLabel *m_memberSummary;
    QTableWidget *m_memberTable;
    QPushButton *m_addMember;
    QPushButton *m_editMember;
    QPushButton *m_removeMember;
    PageSpinBox *m_quorumSpin;
    QLabel *m_quorumLabel;
    PageSpinBox *m_greenSpin;
    PageSpinBox *m_amberSpin;
    QLabel *m_ragLabel;
    QLabel *m_meetingSummary;
    QTableWidget *m_meetingTable;
    QPushButton *m_addMeeting;
    QPushButton *m_editMeeting;
    QPushButton *m_removeMeeting;
};

} // namespace CoCommission
