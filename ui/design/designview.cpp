#include "ui/design/designview.h"

#include "core/commands/designcommands.h"
#include "core/design/designtemplate.h"
#include "core/round/rounddocument.h"
#include "ui/design/contributionsview.h"
#include "ui/design/financialview.h"
#include "ui/design/paymentview.h"
#include "ui/design/referralview.h"
#include "ui/design/standardsview.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/noticebox.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

DesignView::DesignView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("designView"));

    m_illustrativeRow = new QWidget(this);
    m_illustrativeNotice = new NoticeBox(
        NoticeBox::Kind::Information,
        tr("Illustrative: the design and its figures are invented to show the stage working. "
           "Start the round's own design to replace them with the source papers' standards, "
           "eligibility rules and referral routes, and a payment model of your own."),
        m_illustrativeRow);
    m_illustrativeNotice->setObjectName(QStringLiteral("designIllustrativeNotice"));
    m_startOwnButton = new QPushButton(tr("Start the round's own &design…"), m_illustrativeRow);
    m_startOwnButton->setObjectName(QStringLiteral("startOwnDesignButton"));
    m_startOwnButton->setAccessibleName(tr("Start the round's own design"));
    auto *illustrativeLayout = new QHBoxLayout(m_illustrativeRow);
    illustrativeLayout->setContentsMargins(0, 0, 0, 0);
    illustrativeLayout->addWidget(m_illustrativeNotice, 1);
    illustrativeLayout->addWidget(m_startOwnButton, 0, Qt::AlignVCenter);

    m_frozenNotice = new NoticeBox(NoticeBox::Kind::Warning, QString(), this);
    m_frozenNotice->setObjectName(QStringLiteral("designFrozenNotice"));

    m_tabs = new PageTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("designTabs"));
    m_tabs->setAccessibleName(tr("Parts of the design"));
    m_tabs->setDocumentMode(true);
    m_standards = new StandardsView(edits, dialogs, m_tabs);
    m_referral = new ReferralView(edits, dialogs, m_tabs);
    m_payment = new PaymentView(edits, dialogs, m_tabs);
    m_financial = new FinancialView(edits, dialogs, m_tabs);
    m_contributions = new ContributionsView(edits, dialogs, m_tabs);
    m_tabs->addTab(m_standards, tr("Standards and &conditions"));
    m_tabs->addTab(m_referral, tr("Eli&gibility and referral"));
    m_tabs->addTab(m_payment, tr("Pa&yment model"));
    m_tabs->addTab(m_financial, tr("&Financial model"));
    m_tabs->addTab(m_contributions, tr("&Local contributions"));
    m_parts = {m_standards, m_referral, m_payment, m_financial, m_contributions};
    m_tabs->fitTabs();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_illustrativeRow);
    layout->addWidget(m_frozenNotice);
    layout->addWidget(m_tabs, 1);

    connect(m_startOwnButton, &QPushButton::clicked, this, &DesignView::startOwnDesign);
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this] { m_financial->setActive(m_tabs->currentWidget() == m_financial); });
    refreshNotices();
}

DesignView::~DesignView()
{
    // Deleting the tabs changes the current one, and an open cell editor commits its value
    // when it goes: nothing here may hear of it any more.
    disconnect(m_tabs, nullptr, this, nullptr);
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
}

void DesignView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, &DesignView::refreshNotices);
    for (DesignTab *part : std::as_const(m_parts))
        part->setDocument(document);
    refreshNotices();
}

RoundDocument *DesignView::document() const
{
    return m_document;
}

void DesignView::refreshNotices()
{
    if (!m_document) {
        m_illustrativeRow->hide();
        m_frozenNotice->hide();
        return;
    }
    const QString frozen = m_document->whyDesignFrozen();
    m_illustrativeRow->setVisible(m_document->round().design.illustrative);
    m_startOwnButton->setEnabled(frozen.isEmpty());
    // The reason when disabled, else what the button does: the tool tip is also its description.
    m_startOwnButton->setToolTip(
        frozen.isEmpty() ? tr("Replace the illustrative design with the source papers' standards, "
                              "rules and routes, to make your own.")
                         : frozen);
    m_frozenNotice->setText(frozen);
    m_frozenNotice->setVisible(!frozen.isEmpty());
}

bool DesignView::startOwnDesign()
{
    if (!m_document || !m_document->whyDesignFrozen().isEmpty())
        return false;
    if (!m_dialogs->confirm(
            window(), tr("Start the round's own design"),
            tr("The illustrative design is replaced by the round's own: the six minimum service "
               "standards of the source papers, seed 003's eligibility rules and referral "
               "routes, and no directive condition, payment model or statement of intent yet. "
               "Undo brings the illustrative design back."),
            tr("Start the round's own design")))
        return false;
    RoundDocument *document = m_document;
    return m_edits->run(tr("The design was not changed"), [&] {
        return Commands::setDesign(document, designTemplate(), tr("Start the round's own design"));
    });
}

} // namespace CoCommission
