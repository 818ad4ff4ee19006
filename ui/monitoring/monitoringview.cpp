#include "ui/monitoring/monitoringview.h"

#include "core/round/rounddocument.h"
#include "ui/monitoring/actionsview.h"
#include "ui/monitoring/boardview.h"
#include "ui/monitoring/contractreportview.h"
#include "ui/monitoring/performanceview.h"
#include "ui/monitoring/profileview.h"
#include "ui/monitoring/returnsview.h"
#include "ui/noticebox.h"

#include <QVBoxLayout>

namespace CoCommission {

MonitoringView::MonitoringView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("monitoringView"));

    m_illustrativeNotice = new NoticeBox(NoticeBox::Kind::Information, QString(), this);
    m_illustrativeNotice->setObjectName(QStringLiteral("monitoringIllustrativeNotice"));
    m_frozenNotice = new NoticeBox(NoticeBox::Kind::Warning, QString(), this);
    m_frozenNotice->setObjectName(QStringLiteral("monitoringFrozenNotice"));

    m_tabs = new PageTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("monitoringTabs"));
    m_tabs->setAccessibleName(tr("Parts of monitoring"));
    m_tabs->setDocumentMode(true);
    m_performanceView = new PerformanceView(edits, dialogs, m_tabs);
    m_returnsView = new ReturnsView(edits, dialogs, m_tabs);
    m_profileView = new ProfileView(edits, dialogs, m_tabs);
    m_boardView = new BoardView(edits, dialogs, m_tabs);
    m_actionsView = new ActionsView(edits, dialogs, m_tabs);
    m_reportView = new ContractReportView(edits, dialogs, m_tabs);
    m_tabs->addTab(m_performanceView, tr("Per&formance"));
    m_tabs->addTab(m_returnsView, tr("&Returns"));
    m_tabs->addTab(m_profileView, tr("Contract pro&file"));
    m_tabs->addTab(m_boardView, tr("&Board and meetings"));
    m_tabs->addTab(m_actionsView, tr("&Actions and issues"));
    m_tabs->addTab(m_reportView, tr("Report to &DWP"));
    m_tabs->fitTabs();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_illustrativeNotice);
    layout->addWidget(m_frozenNotice);
    layout->addWidget(m_tabs, 1);

    refresh();
}

MonitoringView::~MonitoringView() = default;

void MonitoringView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, &MonitoringView::refresh);
    m_performanceView->setDocument(document);
    m_returnsView->setDocument(document);
    m_profileView->setDocument(document);
    m_boardView->setDocument(document);
    m_actionsView->setDocument(document);
    m_reportView->setDocument(document);
    refreshNotices();
}

RoundDocument *MonitoringView::document() const
{
    return m_document;
}

void MonitoringView::refresh()
{
    m_performanceView->refresh();
    m_returnsView->refresh();
    m_profileView->refresh();
    m_boardView->refresh();
    m_actionsView->refresh();
    m_reportView->refresh();
    refreshNotices();
}

void MonitoringView::refreshNotices()
{
    const Monitoring *m = m_document ? &m_document->round().monitoring : nullptr;
    QStringList invented;
    if (m && m->board.illustrative)
        invented << tr("the programme board, its meetings and its log");
    if (m && m->profile.illustrative)
        invented << tr("the contract profile");
    if (m && std::any_of(m->returns.begin(), m->returns.end(),
                         [](const PerformanceReturn &r) { return r.illustrative; }))
        invented << tr("the performance returns");
    m_illustrativeNotice->setText(
        tr("Illustrative: %1 are invented to show the stage working. No decision may rest on "
           "them. Enter the round's own board, derive or import its profile, and remove the "
           "illustrative returns before receiving real ones.")
            .arg(invented.size() < 2
                     ? invented.value(0)
                     : tr("%1 and %2")
                           .arg(invented.mid(0, invented.size() - 1).join(QStringLiteral(", ")),
                                invented.constLast())));
    m_illustrativeNotice->setVisible(!invented.isEmpty());
    const QString frozen = m_document ? m_document->whyMonitoringFrozen() : QString();
    m_frozenNotice->setText(frozen);
    m_frozenNotice->setVisible(!frozen.isEmpty());
}

} // namespace CoCommission
