#pragma once

#include "ui/pagewidgets.h"

#include <QPointer>
#include <QWidget>

class QTabWidget;

namespace CoCommission {

class CoverageView;
class DialogService;
class EditRunner;
class NoticeBox;
class ProvidersView;
class RoundDocument;
class TimelineView;

/**
 * The stage 4 working screen, shaping the structure of supply: notices about the supply market
 * as a whole (an invented register, an invented timeline, why it cannot change now) above three
 * tabs: the provider register, its coverage of the priority groups in each CPA, and the market
 * engagement timeline with the board's rules.
 *
 * Design note: the view owns no supply data. Each tab reads RoundDocument::round() and changes
 * the supply market whole through Commands::setSupply(); this container passes on the document
 * and refreshes every tab after any change to the round (the register, the adopted plan and the
 * priorities all feed the coverage).
 */
class SupplyView : public QWidget
{
    Q_OBJECT

public:
    SupplyView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~SupplyView() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;

    QTabWidget *tabs() const { return m_tabs; }
    NoticeBox *providersNotice() const { return m_providersNotice; }
    NoticeBox *timelineNotice() const { return m_timelineNotice; }
    NoticeBox *frozenNotice() const { return m_frozenNotice; }
    ProvidersView *providersView() const { return m_providersView; }
    CoverageView *coverageView() const { return m_coverageView; }
    TimelineView *timelineView() const { return m_timelineView; }

private:
    void refresh();
    void refreshNotices();

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;

    NoticeBox *m_providersNotice;
    NoticeBox *m_timelineNotice;
    NoticeBox *m_frozenNotice;
    PageTabWidget *m_tabs;
    ProvidersView *m_providersView;
    CoverageView *m_coverageView;
    TimelineView *m_timelineView;
};

} // namespace CoCommission
