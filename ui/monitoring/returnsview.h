#pragma once

#include "core/common/ids.h"
#include "core/round/monitoring.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class DialogService;
class EditRunner;
class RoundDocument;

/**
 * Stage 6: the performance returns tab of MonitoringView. The returns received, in order, each
 * with its source, when it came, the months it covers, how many figures it holds, how many of
 * them correct earlier ones and how many later returns corrected (summariseReturn()). Below,
 * the figures of the return picked (narrowed by period, CPA, group and measure), and for the
 * figure picked its history (figureHistory()): every value the returns gave it, the one in
 * force and the superseded ones struck through.
 *
 * "Receive return…" reads a CSV file (readReturnCsv()), asks for an optional note, shows the
 * warnings the return brings before it is received, and receives it with one
 * Commands::receiveReturn() (undo removes it). The demo's illustrative returns are removed in
 * one step (Commands::removeIllustrativeReturns()), which must happen before a real return is
 * received.
 */
class ReturnsView : public QWidget
{
    Q_OBJECT

public:
    enum ReturnColumn {
        NumberColumn,
        SourceColumn,
        ReceivedColumn,
        MonthsColumn,
        FiguresColumn,
        CorrectionsColumn,
        SupersededColumn,
        NoteColumn,
        IllustrativeColumn,
        ReturnColumnCount
    };
    enum FigureColumn {
        FigurePeriodColumn,
        FigureCpaColumn,
        FigureGroupColumn,
        FigureMeasureColumn,
        FigureValueColumn,
        FigureColumnCount
    };
    enum HistoryColumn {
        HistoryReturnColumn,
        HistorySourceColumn,
        HistoryReceivedColumn,
        HistoryNoteColumn,
        HistoryValueColumn,
        HistoryStatusColumn,
        HistoryColumnCount
    };

    ReturnsView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~ReturnsView() override;

    void setDocument(RoundDocument *document);
    /** Reads the round again. */
    void refresh();

    /** The id of the return of the current row, or 0. */
    qint64 currentReturn() const;
    bool selectReturn(qint64 id);
    /** The figure of the current row of the figures table, if any. */
    std::optional<MonitoringFigure> currentFigure() const;
    /**
     * Narrows the figures of the current return to this one figure and picks it, so that its
     * history shows; false when the return does not hold it.
     */
    bool selectFigure(const QDate &period, CpaId cpa, const QString &group,
                      MonitoringMeasure measure);

    /** Asks for a CSV file and a note and receives the return as one undo step. */
    bool receiveReturn();
    /** Removes the illustrative returns once the user confirms (one undo step). */
    bool removeIllustrative();

    QLabel *summaryLabel() const { return m_summary; }
    QTableWidget *returnTable() const { return m_returnTable; }
    QPushButton *receiveButton() const { return m_receiveButton; }
    QPushButton *removeIllustrativeButton() const { return m_removeIllustrativeButton; }
    QLabel *figuresLabel() const { return m_figuresLabel; }
    QComboBox *periodCombo() const { return m_periodCombo; }
    QComboBox *cpaCombo() const { return m_cpaCombo; }
    QComboBox *groupCombo() const { return m_groupCombo; }
    QComboBox *measureCombo() const { return m_measureCombo; }
    QTableWidget *figureTable() const { return m_figureTable; }
    QLabel *historyLabel() const { return m_historyLabel; }
    QTableWidget *historyTable() const { return m_historyTable; }

private:
    void fillReturns();
    void fillPickers();
    void fillFigures();
    void fillHistory();
    void refreshState();
    QString whyFrozen() const;
    QString cpaName(CpaId cpa) const;
    QString groupName(const QString &key) const;

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    qint64 m_pickersFor = -1;               ///< the return the pickers were filled for
    QList<MonitoringFigure> m_shownFigures; ///< the rows of the figures table

    QLabel *m_summary;
    QTableWidget *m_returnTable;
    QPushButton *m_receiveButton;
    QPushButton *m_removeIllustrativeButton;
    QLabel *m_figuresHeading;
    QLabel *m_figuresLabel;
    QWidget *m_pickers;
    QComboBox *m_periodCombo;
    QComboBox *m_cpaCombo;
    QComboBox *m_groupCombo;
    QComboBox *m_measureCombo;
    QTableWidget *m_figureTable;
    QLabel *m_historyHeading;
    QLabel *m_historyLabel;
    QTableWidget *m_historyTable;
};

} // namespace CoCommission
