#pragma once

// The score sheet one assessor fills in: the same widget in the round (the Scoring tab, over a
// RoundDocument) and on the assessor's own desktop (the pack window, over a PackSession). The
// sheet knows neither: it shows a ScoreSheetContent and hands every change to its
// ScoreSheetBackend, which records it (an undo step, or the session) and reports a refusal to
// the user. After each change the sheet reads the content again.

#include "core/round/tender.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace CoCommission {

/** Whether one assessor may score one bid now, and why not. */
enum class ScoreAccess {
    Open,       ///< may score
    Undeclared, ///< must first declare whether they have a conflict with the bidder
    Conflicted, ///< declared a conflict with the bidder: blocked
    Locked,     ///< may not score for another reason (moderation open, frozen, read-only)
};

/** One bid as the score sheet shows it, with whether the assessor may score it. */
struct ScoreSheetBid
{
    QString id;
    QString bidder;
    QString lotName;
    double price = 0;
    ScoreAccess access = ScoreAccess::Locked;
    QString reason; ///< translated: why it cannot be scored; empty when Open
};

/**
 * What the sheet shows: ONE assessor's own scores (scoring is blind) for some bids against the
 * scored leaves of the criteria. criteria is a valid CriteriaTree's list when scoredCriteria is
 * not empty.
 */
struct ScoreSheetContent
{
    QString assessor;
    QList<Criterion> criteria;
    QStringList scoredCriteria; ///< leaf ids in tree order: quality, pass/fail, social value
    QList<ScoreSheetBid> bids;
    QList<IndividualScore> scores; ///< the assessor's own only
    QString emptyReason;           ///< translated: why there is nothing to score, when there is not
};

/** Where the sheet's content comes from and where its changes go. */
class ScoreSheetBackend
{
public:
    virtual ~ScoreSheetBackend() = default;

    virtual ScoreSheetContent sheetContent() const = 0;
    /** Records a score; shows a refusal to the user and returns false. */
    virtual bool saveScore(const QString &bidId, const QString &criterionId, double score,
                           const QString &comment) = 0;
    virtual bool withdrawScore(const QString &bidId, const QString &criterionId) = 0;
    /**
     * Asks the user to confirm a declaration about \a bidder (for a conflict: the interest) and
     * records it; false when cancelled or refused.
     */
    virtual bool declare(const QString &bidder, bool conflicted) = 0;
};

/**
 * A table of scored criteria (rows) by bids (columns) with an editor for the selected cell: the
 * score, chosen from the scale's levels with their descriptors, and the comment every score
 * needs. A cell of a bid the assessor may not score says why in words (a declared conflict is
 * "Blocked"), and a bidder the assessor has not declared about is offered the declaration.
 *
 * An edit not yet saved is kept per cell while the user looks at other cells, and marked
 * "not saved" in its cell; it is dropped when saved or reverted, or when the sheet is shown for
 * another assessor (setBackend() or clearDrafts()).
 */
class ScoreSheet : public QWidget
{
    Q_OBJECT

public:
    explicit ScoreSheet(QWidget *parent = nullptr);
    ~ScoreSheet() override;

    /** \a backend is not owned; nullptr shows nothing. */
    void setBackend(ScoreSheetBackend *backend);
    /** Reads the content again from the backend, keeping the current cell and drafts. */
    void refresh();
    void clearDrafts();

    /** Makes the cell of \a bidId against \a criterionId current; false when there is none. */
    bool selectCell(const QString &bidId, const QString &criterionId);
    QString currentBid() const;
    QString currentCriterion() const;

    /** Chooses \a score in the editor (a level of the scale); false when it is not one. */
    bool chooseScore(double score);
    void setComment(const QString &comment);
    /** Saves the editor's score and comment for the current cell. */
    bool saveCurrent();
    bool withdrawCurrent();
    void revertCurrent();
    /** Offers the declaration about the current bid's bidder. */
    bool declareCurrent(bool conflicted);

    /** The text of the cell of \a bidId against \a criterionId, or an empty string. */
    QString cellText(const QString &bidId, const QString &criterionId) const;
    bool hasDraft(const QString &bidId, const QString &criterionId) const;
    bool hasDrafts() const { return !m_drafts.isEmpty(); }
    const ScoreSheetContent &content() const { return m_content; }

    QTableWidget *table() const { return m_table; }
    QLabel *emptyLabel() const { return m_emptyLabel; }
    QLabel *bidsLegend() const { return m_bidsLegend; }
    QLabel *progressLabel() const { return m_progressLabel; }
    QLabel *cellHeading() const { return m_cellHeading; }
    QLabel *reasonLabel() const { return m_reasonLabel; }
    QPushButton *declareNoneButton() const { return m_declareNoneButton; }
    QPushButton *declareConflictButton() const { return m_declareConflictButton; }
    QComboBox *scoreCombo() const { return m_scoreCombo; }
    QPlainTextEdit *commentEdit() const { return m_commentEdit; }
    QPushButton *saveButton() const { return m_saveButton; }
    QPushButton *withdrawButton() const { return m_withdrawButton; }
    QPushButton *revertButton() const { return m_revertButton; }
    QLabel *editorHint() const { return m_editorHint; }

signals:
    /** A score or declaration was recorded through the backend. */
    void changed();

private:
    struct Draft
    {
        int level = -1; ///< -1: none chosen
        QString comment;
    };

    void rebuildTable();
    void loadEditor();
    void onEditorEdited();
    void refreshButtons();
    const ScoreSheetBid *bid(const QString &id) const;
    const Criterion *criterion(const QString &id) const;
    const IndividualScore *storedScore(const QString &bidId, const QString &criterionId) const;
    /** The draft key of a cell. */
    static QString key(const QString &bidId, const QString &criterionId);
    static QString draftText(const Criterion &criterion, const Draft &draft);
    /** The editor's score and comment as a draft. */
    Draft editorDraft() const;
    /** Whether \a draft differs from what is recorded for the cell. */
    bool differsFromStored(const QString &bidId, const QString &criterionId,
                           const Draft &draft) const;

    ScoreSheetBackend *m_backend = nullptr;
    ScoreSheetContent m_content;
    QHash<QString, Draft> m_drafts;
    bool m_updating = false;

    QLabel *m_emptyLabel;
    QWidget *m_body;
    QLabel *m_bidsLegend;
    QTableWidget *m_table;
    QLabel *m_progressLabel;
    QLabel *m_cellHeading;
    QLabel *m_reasonLabel;
    QPushButton *m_declareNoneButton;
    QPushButton *m_declareConflictButton;
    QLabel *m_scoreLabel;
    QComboBox *m_scoreCombo;
    QLabel *m_commentLabel;
    QPlainTextEdit *m_commentEdit;
    QPushButton *m_saveButton;
    QPushButton *m_withdrawButton;
    QPushButton *m_revertButton;
    QLabel *m_editorHint;
};

} // namespace CoCommission
