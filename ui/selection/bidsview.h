#pragma once

#include "core/common/ids.h"
#include "core/round/tender.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class DialogService;
class EditRunner;
class RoundDocument;

/**
 * The bids of one lot (stage 5): each bid's id, bidder, price and supply chain, with the
 * abnormally-low flag once the evaluation can tell; and, for the bid picked, a form with its
 * bidder, price, local service integration plan, supply chain (name, sector, SME, specialisms
 * of each subcontractor), the evidence it gives for each local service, and core's summary of
 * its supply chain (shares of specialists, voluntary-sector and SME organisations, and the
 * lot's priority groups left without a specialist).
 *
 * The form is a draft: "Save bid" records it through Commands::setBid as one undo step.
 * While it holds unsaved edits, picking another bid is disabled (modifiedChanged() lets the
 * screen hold the lot too); untouched, it follows the document. Bids are fixed once moderation
 * opens, when the tender is frozen and when the round is read-only.
 */
class BidsView : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        BidderColumn,
        PriceColumn,
        SupplyChainColumn, ///< how many subcontractors
        AbnormallyLowColumn,
        ColumnCount
    };

    BidsView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~BidsView() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;
    void setLot(CpaId lot);
    CpaId lot() const { return m_lot; }

    /** Shows bid \a id of the lot in the form; false when the lot has no such bid. */
    bool selectBid(const QString &id);
    /** The bid in the form (being added, or picked in the table). */
    const TenderBid &draft() const { return m_draft; }
    bool isNewBid() const { return m_isNew; }
    bool isModified() const { return m_modified; }

    /** Starts a new bid for the lot in the form, with the next free id. */
    void newBid();
    /** Records the form as one undo step; false (and a message) when refused. */
    bool save();
    /** Puts back what is recorded. */
    void revert();
    /** Asks for confirmation and removes the bid picked. */
    bool removeBid();
    /** Asks for a name (DialogService) and adds a subcontractor to the draft's supply chain. */
    void addSubcontractor();
    void removeSubcontractor();
    /** Picks subcontractor \a row of the draft's supply chain. */
    void selectSubcontractor(int row);

    QLabel *lockLabel() const { return m_lockLabel; }
    QLabel *emptyLabel() const { return m_emptyLabel; }
    QTableWidget *bidsTable() const { return m_bidsTable; }
    QLabel *abnormalLabel() const { return m_abnormalLabel; }
    QPushButton *newBidButton() const { return m_newButton; }
    QPushButton *removeBidButton() const { return m_removeButton; }
    QGroupBox *formBox() const { return m_formBox; }
    QLineEdit *idEdit() const { return m_idEdit; }
    QLineEdit *bidderEdit() const { return m_bidderEdit; }
    QDoubleSpinBox *priceSpin() const { return m_priceSpin; }
    QPlainTextEdit *planEdit() const { return m_planEdit; }
    QTableWidget *supplyTable() const { return m_supplyTable; }
    QPushButton *addSubcontractorButton() const { return m_addSubButton; }
    QPushButton *removeSubcontractorButton() const { return m_removeSubButton; }
    QLineEdit *subcontractorNameEdit() const { return m_subNameEdit; }
    QComboBox *sectorCombo() const { return m_sectorCombo; }
    QCheckBox *smeCheck() const { return m_smeCheck; }
    QListWidget *specialismList() const { return m_specialismList; }
    /** The evidence picker of local service \a key, or nullptr. */
    QComboBox *evidenceCombo(const QString &key) const;
    /** The note of local service \a key, or nullptr. */
    QLineEdit *evidenceNote(const QString &key) const;
    QLabel *summaryLabel() const { return m_summaryLabel; }
    QLabel *uncoveredLabel() const { return m_uncoveredLabel; }
    QLabel *evidenceSummaryLabel() const { return m_evidenceSummaryLabel; }
    QPushButton *saveButton() const { return m_saveButton; }
    QPushButton *revertButton() const { return m_revertButton; }

signals:
    /** The form's draft gained or lost unsaved edits. */
    void modifiedChanged(bool modified);

private:
    /** One row of the local integration checklist. */
    struct EvidenceRow
    {
        QString key;
        QComboBox *strength;
        QLineEdit *note;
    };

    void onTenderChanged();
    void refreshTable();
    /** Loads \a bid (or a blank new bid when nullopt) into the form. */
    void loadForm(const std::optional<TenderBid> &bid, bool isNew = false);
    void refreshSupplyChain();
    void refreshSubcontractor();
    void refreshSummary();
    void refreshState();
    void setModified(bool modified);
    void edited();
    /** Why the bids cannot change now, or an empty string. */
    QString whyNotEditable() const;
    QString selectedTableBid() const;
    void onTablePicked();

    void onSubcontractorEdited();
    void onEvidenceEdited(const QString &key);

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    CpaId m_lot;
    TenderBid m_draft;
    bool m_isNew = false;
    bool m_hasDraft = false;
    bool m_modified = false;
    bool m_loading = false;

    QLabel *m_lockLabel;
    QLabel *m_emptyLabel;
    QTableWidget *m_bidsTable;
    QLabel *m_abnormalLabel;
    QPushButton *m_newButton;
    QPushButton *m_removeButton;
    QGroupBox *m_formBox;
    QLineEdit *m_idEdit;
    QLineEdit *m_bidderEdit;
    QDoubleSpinBox *m_priceSpin;
    QPlainTextEdit *m_planEdit;
    QTableWidget *m_supplyTable;
    QPushButton *m_addSubButton;
    QPushButton *m_removeSubButton;
    QWidget *m_subForm;
    QLineEdit *m_subNameEdit;
    QComboBox *m_sectorCombo;
    QCheckBox *m_smeCheck;
    QListWidget *m_specialismList;
    QList<EvidenceRow> m_evidenceRows;
    QLabel *m_summaryLabel;
    QLabel *m_uncoveredLabel;
    QLabel *m_evidenceSummaryLabel;
    QPushButton *m_saveButton;
    QPushButton *m_revertButton;
};

} // namespace CoCommission
