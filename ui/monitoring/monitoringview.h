#pragma once

#include "ui/pagewidgets.h"

#include <QPointer>
#include <QWidget>

namespace CoCommission {

class ActionsView;
class BoardView;
class ContractReportView;
class DialogService;
class EditRunner;
class NoticeBox;
class PerformanceView;
class ProfileView;
class ReturnsView;
class RoundDocument;

/**
 * The stage 6 working screen, monitoring and evaluating provision: notices about stage 6 as a
 * whole (invented board, profile or returns; why it cannot change now) above six tabs: the
 * performance against profile, the performance returns, the contract profile, the programme
 * board with its meetings, the actions and issues log, and the report to the DWP contract
 * manager.
 *
 * Design note: the view owns no monitoring data. Each tab reads RoundDocument::round() and
 * changes stage 6 through Commands (core/commands/monitoringcommands.h); this container passes
 * on the document and refreshes every tab after any change to the round.
 */
class MonitoringView : public QWidget
{
    Q_OBJECT

public:
    MonitoringView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~MonitoringView() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;

    PageTabWidget *tabs() const { return m_tabs; }
    NoticeBox *illustrativeNotice() const { return m_illustrativeNotice; }
    NoticeBox *frozenNotice() const { return m_frozenNotice; }
    PerformanceView *performanceView() const { return m_performanceView; }
    ReturnsView *returnsView() const { return m_returnsView; }
    ProfileView *profileView() const { return m_profileView; }
    BoardView *boardView() const { return m_boardView; }
    ActionsView *actionsView() const { return m_actionsView; }
    ContractReportView *reportView() const { return m_reportView; }

private:
    void refresh();
    void refreshNotices();

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;

    NoticeBox *m_illustrativeNotice;
    NoticeBox *m_frozenNotice;
    PageTabWidget *m_tabs;
    PerformanceView *m_performanceView;
    ReturnsView *m_returnsView;
    ProfileView *m_profileView;
    BoardView *m_boardView;
    ActionsView *m_actionsView;
    ContractReportView *m_reportView;
};

} // namespace CoCommission
