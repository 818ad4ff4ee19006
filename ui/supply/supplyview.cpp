#include "ui/supply/supplyview.h"

#include "core/round/rounddocument.h"
#include "ui/noticebox.h"
#include "ui/supply/coverageview.h"
#include "ui/supply/providersview.h"
#include "ui/supply/timelineview.h"

#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>

namespace CoCommission {

SupplyView::SupplyView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("supplyView"));

    m_providersNotice = new NoticeBox(
        NoticeBox::Kind::Information,
        tr("Illustrative: the organisations in this register are invented to show the stage "
           "working. They describe no real provider, and no decision may rest on them. Import "
           "the round's own register (Import CSV…) to replace them."),
        this);
    m_providersNotice->setObjectName(QStringLiteral("supplyProvidersNotice"));
    m_timelineNotice = new NoticeBox(
        NoticeBox::Kind::Information,
        tr("Illustrative: the market engagement dates in this timeline are invented. Enter the "
           "round's own dates before the board relies on the timeline or its rules."),
        this);
    m_timelineNotice->setObjectName(QStringLiteral("supplyTimelineNotice"));
    m_frozenNotice = new NoticeBox(NoticeBox::Kind::Warning, QString(), this);
    m_frozenNotice->setObjectName(QStringLiteral("supplyFrozenNotice"));

    m_tabs = new PageTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("supplyTabs"));
    m_tabs->setAccessibleName(tr("Parts of the structure of supply"));
    m_tabs->setDocumentMode(true);
    m_providersView = new ProvidersView(edits, dialogs, m_tabs);
    m_coverageView = new CoverageView(m_tabs);
    m_timelineView = new TimelineView(edits, dialogs, m_tabs);
    m_tabs->addTab(m_providersView, tr("&Provider register"));
    m_tabs->addTab(m_coverageView, tr("Co&verage"));
    m_tabs->addTab(m_timelineView, tr("Time&line"));
    m_tabs->fitTabs();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_providersNotice);
    layout->addWidget(m_timelineNotice);
    layout->addWidget(m_frozenNotice);
    layout->addWidget(m_tabs, 1);

    refresh();
}

SupplyView::~SupplyView() = default;

void SupplyView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    // roundChanged() follows supplyChanged() and every other change (the adopted plan, the
    // priorities, the stage's status), so it is the one signal the screen needs.
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, &SupplyView::refresh);
    m_providersView->setDocument(document);
    m_coverageView->setDocument(document);
    m_timelineView->setDocument(document);
    refreshNotices();
}

RoundDocument *SupplyView::document() const
{
    return m_document;
}

void SupplyView::refresh()
{
    m_providersView->refresh();
    m_coverageView->refresh();
    m_timelineView->refresh();
    refreshNotices();
}

void SupplyView::refreshNotices()
{
    const SupplyMarket *supply = m_document ? &m_document->round().supply : nullptr;
    m_providersNotice->setVisible(supply && supply->illustrativeProviders);
    m_timelineNotice->setVisible(supply && supply->illustrativeTimeline);
    const QString frozen = m_document ? m_document->whySupplyFrozen() : QString();
    m_frozenNotice->setText(frozen);
    m_frozenNotice->setVisible(!frozen.isEmpty());
}

} // namespace CoCommission
