#pragma once

#include "core/common/ids.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class DialogService;
class EditRunner;
class RoundDocument;

/**
 * Stage 5, the Moderation tab: for the bids of one lot, each bid against each scored criterion
 * with the panel's individual scores and comments, their spread (flagged in words and colour at
 * two points or more), the provisional value that stands until the panel agrees (the mean), and
 * the consensus: a score and the rationale every consensus needs, recorded as one undo step.
 * Above them, how far the panel agrees per criterion (Krippendorff's alpha) and how many cells
 * are agreed.
 *
 * Before moderation opens scoring is blind, and the tab shows no score at all, only that.
 * Every figure comes from core (moderationRows(), interRaterAgreement(), tenderStatus()).
 */
class ModerationView : public QWidget
{
    Q_OBJECT

public:
    /** Which cells the table lists. */
    enum class Filter { All, NotAgreed, Flagged };

    ModerationView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~ModerationView() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;
    void setLot(CpaId lot);
    CpaId lot() const;

    void setFilter(Filter filter);
    /** Makes the cell of \a bidId against \a criterionId current; false when it is not listed. */
    bool selectCell(const QString &bidId, const QString &criterionId);
    QString currentBid() const;
    QString currentCriterion() const;

    /** Records the consensus in the editor for the current cell, as one undo step. */
    bool recordConsensus();
    /** Removes the consensus of the current cell (reopens it), as one undo step. */
    bool removeConsensus();

    QLabel *blindLabel() const { return m_blindLabel; }
    QLabel *progressLabel() const { return m_progressLabel; }
    QProgressBar *progressBar() const { return m_progressBar; }
    QTableWidget *agreementTable() const { return m_agreementTable; }
    QComboBox *filterCombo() const { return m_filterCombo; }
    QTableWidget *cellTable() const { return m_cellTable; }
    QLabel *cellHeading() const { return m_cellHeading; }
    QTableWidget *scoresTable() const { return m_scoresTable; }
    QLabel *cellSummaryLabel() const { return m_cellSummary; }
    QDoubleSpinBox *consensusSpin() const { return m_consensusSpin; }
    QComboBox *passFailCombo() const { return m_passFailCombo; }
    QPlainTextEdit *rationaleEdit() const { return m_rationaleEdit; }
    QPushButton *recordButton() const { return m_recordButton; }
    QPushButton *removeButton() const { return m_removeButton; }
    QLabel *consensusHint() const { return m_consensusHint; }

    /** Columns of cellTable(). */
    enum CellColumn {
        BidColumn,
        CriterionColumn,
        ScoresColumn,
        SpreadColumn,
        FlagColumn,
        ProvisionalColumn,
        ConsensusColumn,
        CellColumnCount
    };

private:
    void refresh();
    void refreshCells();
    void refreshEditor();
    void refreshButtons();
    /** Whether the consensus can change now; the reason when not. */
    QString whyNotModerate() const;

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    CpaId m_requestedLot;
    CpaId m_lot;
    bool m_updating = false;
    QString m_editorCell;     ///< the cell (and consensus) the editor was last loaded for
    bool m_cellShown = false; ///< a cell is selected and its details are shown
    bool m_passFail = false;  ///< the selected cell's criterion is pass/fail

    QLabel *m_emptyLabel;
    QLabel *m_blindLabel;
    QWidget *m_content;
    QLabel *m_progressLabel;
    QProgressBar *m_progressBar;
    QLabel *m_agreementIntro;
    QTableWidget *m_agreementTable;
    QComboBox *m_filterCombo;
    QTableWidget *m_cellTable;
    QLabel *m_filterEmpty;
    QLabel *m_cellHeading;
    QTableWidget *m_scoresTable;
    QLabel *m_cellSummary;
    QLabel *m_consensusLabel;
    QDoubleSpinBox *m_consensusSpin;
    QComboBox *m_passFailCombo;
    QLabel *m_descriptorLabel;
    QPlainTextEdit *m_rationaleEdit;
    QPushButton *m_recordButton;
    QPushButton *m_removeButton;
    QLabel *m_consensusHint;
};

} // namespace CoCommission
