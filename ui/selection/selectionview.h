#pragma once

#include "ui/pagewidgets.h"

#include "core/common/ids.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;

namespace CoCommission {

class BidsView;
class CriteriaView;
class DialogService;
class EditRunner;
class NoticeBox;
class PanelView;
class RoundDocument;

/**
 * The stage 5 working screen, selecting the provider: a lot picker (one lot per CPA of the
 * adopted plan), notices about the tender as a whole (illustrative data, why it cannot change,
 * criteria changed after the bids were opened) and a tab per part of the evaluation. It builds
 * the Criteria, Bids and Panel tabs; later parts (scoring, moderation, results) are added with
 * addTab() and follow the screen through documentChanged() and lotChanged().
 *
 * Design note: the view owns no tender data. Each tab reads RoundDocument::round() and edits
 * it through the Commands facade; this container only passes on the document and the lot.
 */
class SelectionView : public QWidget
{
    Q_OBJECT
    // The signals carry a RoundDocument *: moc needs the type, this header does not.
    Q_MOC_INCLUDE("core/round/rounddocument.h")

public:
    SelectionView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~SelectionView() override;

    /**
     * Shows \a document (may be null). Emits documentChanged() and then lotChanged() with the
     * lot picked, so that every tab follows.
     */
    void setDocument(RoundDocument *document);
    RoundDocument *document() const;

    /** Adds \a tab (reparented to the tab widget) after the tabs already there. */
    void addTab(QWidget *tab, const QString &title);

    /** The lot picked: a CPA of the adopted plan, or an invalid id when there is none. */
    CpaId currentLot() const;
    /** Picks \a lot; false when it is not a CPA of the adopted plan. */
    bool setLot(CpaId lot);

    QComboBox *lotCombo() const { return m_lotCombo; }
    QLabel *noPlanLabel() const { return m_noPlanLabel; }
    QTabWidget *tabs() const { return m_tabs; }
    NoticeBox *illustrativeNotice() const { return m_illustrativeNotice; }
    NoticeBox *frozenNotice() const { return m_frozenNotice; }
    NoticeBox *criteriaChangedNotice() const { return m_changesNotice; }
    CriteriaView *criteriaView() const { return m_criteriaView; }
    BidsView *bidsView() const { return m_bidsView; }
    PanelView *panelView() const { return m_panelView; }

signals:
    void documentChanged(CoCommission::RoundDocument *document);
    /** The lot picked changed (an invalid id: no lot, the round has no adopted plan). */
    void lotChanged(CoCommission::CpaId lot);

private:
    void refresh();
    void fillLots();
    void refreshNotices();
    void onLotPicked();

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    CpaId m_lot;
    bool m_filling = false;
    bool m_settingDocument = false; ///< lotChanged() waits until the document is set

    NoticeBox *m_illustrativeNotice;
    NoticeBox *m_frozenNotice;
    NoticeBox *m_changesNotice;
    QLabel *m_noPlanLabel;
    QWidget *m_lotRow;
    QComboBox *m_lotCombo;
    QLabel *m_lotDetails;
    PageTabWidget *m_tabs;
    CriteriaView *m_criteriaView;
    BidsView *m_bidsView;
    PanelView *m_panelView;
};

} // namespace CoCommission
