#pragma once

#include "core/common/ids.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QDialog;
class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class DialogService;
class EditRunner;
class NoticeBox;
class RoundDocument;
struct Evaluation;
struct LotResult;
enum class PriceFormula;

/**
 * Stage 5, the Results tab: the evaluation of one lot as core computes it (evaluateTender()),
 * read-only apart from the award's signatures.
 *
 * It shows the ranking with each bid's total, quality, social value and price marks, its status
 * (or why it was eliminated), abnormally low prices, ties and the winning margin; how sensitive
 * the award is to each weight and to a single score; charts of the weighted marks, the scores by
 * criterion and quality against price; each bidder's assessment summary for the award notice;
 * the standstill end date for an award notice date; and the co-decision: every party that must
 * sign the award recommendation, signed or with a "Sign…" button. A signature is final: it is
 * not an undo step.
 *
 * While some score is not agreed, everything is marked provisional. The price formula can be
 * switched for a what-if view of the table and charts only; the summaries and the award always
 * use the tender's published formula.
 */
class ResultsView : public QWidget
{
    Q_OBJECT

public:
    ResultsView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~ResultsView() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;
    void setLot(CpaId lot);
    CpaId lot() const;

    /** Shows the results with \a formula (what-if); nullopt: the tender's own. */
    void setPriceFormula(std::optional<PriceFormula> formula);
    /** Shows the assessment summary of \a bidId; false when it is not a bid of the lot. */
    bool showSummary(const QString &bidId);
    /** Copies the summary shown to the clipboard. */
    void copySummary();
    void setAwardNoticeDate(const QDate &date);

    /**
     * Opens the signature dialog for \a party (window-modal, not blocking); on OK the signature
     * is confirmed and recorded through recordSignature(). False when \a party cannot sign now.
     */
    bool signAward(const QString &party);
    /** Asks for confirmation (a signature is final) and records it; false when not recorded. */
    bool recordSignature(const QString &party, const QString &name, const QString &role,
                         const QString &rationale);

    NoticeBox *provisionalNotice() const { return m_provisionalNotice; }
    NoticeBox *whatIfNotice() const { return m_whatIfNotice; }
    QLabel *emptyLabel() const { return m_emptyLabel; }
    QComboBox *formulaCombo() const { return m_formulaCombo; }
    QLabel *headlineLabel() const { return m_headline; }
    QTableWidget *resultsTable() const { return m_resultsTable; }
    QTableWidget *sensitivityTable() const { return m_sensitivityTable; }
    QLabel *scoreChangeLabel() const { return m_scoreChange; }
    QChartView *marksChartView() const { return m_marksView; }
    QChartView *scoresChartView() const { return m_scoresView; }
    QChartView *valueChartView() const { return m_valueView; }
    QComboBox *summaryCombo() const { return m_summaryCombo; }
    QPlainTextEdit *summaryText() const { return m_summaryText; }
    QPushButton *copySummaryButton() const { return m_copyButton; }
    QDateEdit *noticeDateEdit() const { return m_noticeDate; }
    QLabel *standstillLabel() const { return m_standstill; }
    QLabel *awardStatusLabel() const { return m_awardStatus; }
    /** The "Sign…" button of \a party, or nullptr when it has signed or must not sign. */
    QPushButton *signButton(const QString &party) const;
    /** The text shown for \a party in the co-decision. */
    QString partyStatus(const QString &party) const;
    /** The signature dialog while it is open, else nullptr. */
    QDialog *signDialog() const;

    /** Columns of resultsTable(). */
    enum ResultColumn {
        RankColumn,
        BidColumn,
        BidderColumn,
        TotalColumn,
        QualityColumn,
        SocialValueColumn,
        PriceMarksColumn,
        PriceColumn,
        StatusColumn,
        AbnormallyLowColumn,
        ResultColumnCount
    };

private:
    void refresh();
    void refreshResults(const LotResult &result);
    void refreshSensitivity(const LotResult &result);
    void refreshCharts(const LotResult &result);
    void refreshSummary();
    void refreshStandstill();
    void refreshAward();
    void clearCharts();

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    CpaId m_requestedLot;
    CpaId m_lot;
    std::unique_ptr<Evaluation> m_published; ///< with the tender's formula, when it evaluates
    bool m_updating = false;
    QPointer<QDialog> m_signDialog;

    QLabel *m_emptyLabel;
    QWidget *m_content;
    NoticeBox *m_provisionalNotice;
    QComboBox *m_formulaCombo;
    NoticeBox *m_whatIfNotice;
    QLabel *m_headline;
    QTableWidget *m_resultsTable;
    QLabel *m_sensitivityIntro;
    QTableWidget *m_sensitivityTable;
    QLabel *m_scoreChange;
    QChart *m_marksChart;
    QChartView *m_marksView;
    QLabel *m_marksCaption;
    QChart *m_scoresChart;
    QChartView *m_scoresView;
    QChart *m_valueChart;
    QChartView *m_valueView;
    QLabel *m_valueCaption;
    QComboBox *m_summaryCombo;
    QPlainTextEdit *m_summaryText;
    QPushButton *m_copyButton;
    QDateEdit *m_noticeDate;
    QLabel *m_standstill;
    QLabel *m_awardStatus;
    QGridLayout *m_partyGrid;
    QHash<QString, QPushButton *> m_signButtons;
    QHash<QString, QLabel *> m_partyLabels;
};

} // namespace CoCommission
