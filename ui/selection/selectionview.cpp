#include "ui/selection/selectionview.h"

#include "core/round/rounddocument.h"
#include "ui/noticebox.h"
#include "ui/pagewidgets.h"
#include "ui/selection/bidsview.h"
#include "ui/selection/criteriaview.h"
#include "ui/selection/moderationview.h"
#include "ui/selection/panelview.h"
#include "ui/selection/resultsview.h"
#include "ui/selection/scoringview.h"
#include "ui/uiutil.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

SelectionView::SelectionView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("selectionView"));

    m_illustrativeNotice = new NoticeBox(
        NoticeBox::Kind::Information,
        tr("Illustrative: the bids, the panel and their scores in this tender are invented to "
           "show the stage working. They describe no real provider or person."),
        this);
    m_illustrativeNotice->setObjectName(QStringLiteral("selectionIllustrativeNotice"));
    m_frozenNotice = new NoticeBox(NoticeBox::Kind::Warning, QString(), this);
    m_frozenNotice->setObjectName(QStringLiteral("selectionFrozenNotice"));
    m_changesNotice = new NoticeBox(NoticeBox::Kind::Warning, QString(), this);
    m_changesNotice->setObjectName(QStringLiteral("selectionCriteriaChangedNotice"));

    m_noPlanLabel = new QLabel(
        tr("No CPA plan is adopted, so there are no lots yet: each lot is a CPA of the adopted "
           "plan. The award criteria and the panel can be prepared meanwhile."),
        this);
    m_noPlanLabel->setObjectName(QStringLiteral("selectionNoPlanLabel"));
    m_noPlanLabel->setWordWrap(true);

    m_lotRow = new QWidget(this);
    m_lotCombo = new PageComboBox(m_lotRow);
    m_lotCombo->setObjectName(QStringLiteral("lotCombo"));
    m_lotCombo->setAccessibleName(tr("Lot"));
    m_lotCombo->setAccessibleDescription(
        tr("The lot shown: each lot is a CPA of the adopted plan."));
    m_lotCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *lotLabel = new QLabel(tr("&Lot:"), m_lotRow);
    lotLabel->setBuddy(m_lotCombo);
    m_lotDetails = new QLabel(m_lotRow);
    m_lotDetails->setObjectName(QStringLiteral("lotDetailsLabel"));
    m_lotDetails->setWordWrap(true);
    UiUtil::makeSecondary(m_lotDetails);
    auto *lotLayout = new QHBoxLayout(m_lotRow);
    lotLayout->setContentsMargins(0, 0, 0, 0);
    lotLayout->addWidget(lotLabel);
    lotLayout->addWidget(m_lotCombo);
    lotLayout->addWidget(m_lotDetails, 1);

    m_tabs = new PageTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("selectionTabs"));
    m_tabs->setAccessibleName(tr("Parts of the evaluation"));
    m_tabs->setAccessibleDescription(
        tr("The evaluation of the lot step by step: criteria, bids, panel, scoring, moderation "
           "and results."));
    m_tabs->setDocumentMode(true);
    m_criteriaView = new CriteriaView(edits, dialogs, m_tabs);
    m_bidsView = new BidsView(edits, dialogs, m_tabs);
    m_panelView = new PanelView(edits, dialogs, m_tabs);
    addTab(m_criteriaView, tr("&Criteria"));
    addTab(m_bidsView, tr("&Bids"));
    addTab(m_panelView, tr("&Panel"));
    auto *scoring = new ScoringView(edits, dialogs, m_tabs);
    auto *moderation = new ModerationView(edits, dialogs, m_tabs);
    auto *results = new ResultsView(edits, dialogs, m_tabs);
    scoring->setObjectName(QStringLiteral("scoringView"));
    moderation->setObjectName(QStringLiteral("moderationView"));
    results->setObjectName(QStringLiteral("resultsView"));
    addTab(scoring, tr("Sc&oring"));
    addTab(moderation, tr("Mo&deration"));
    addTab(results, tr("&Results"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_illustrativeNotice);
    layout->addWidget(m_frozenNotice);
    layout->addWidget(m_changesNotice);
    layout->addWidget(m_noPlanLabel);
    layout->addWidget(m_lotRow);
    layout->addWidget(m_tabs, 1);

    connect(m_lotCombo, &QComboBox::currentIndexChanged, this, &SelectionView::onLotPicked);
    connect(this, &SelectionView::documentChanged, m_criteriaView, &CriteriaView::setDocument);
    connect(this, &SelectionView::documentChanged, m_bidsView, &BidsView::setDocument);
    connect(this, &SelectionView::documentChanged, m_panelView, &PanelView::setDocument);
    connect(this, &SelectionView::lotChanged, m_bidsView, &BidsView::setLot);
    connect(this, &SelectionView::lotChanged, m_panelView, &PanelView::setLot);
    connect(this, &SelectionView::documentChanged, scoring, &ScoringView::setDocument);
    connect(this, &SelectionView::documentChanged, moderation, &ModerationView::setDocument);
    connect(this, &SelectionView::documentChanged, results, &ResultsView::setDocument);
    connect(this, &SelectionView::lotChanged, scoring, &ScoringView::setLot);
    connect(this, &SelectionView::lotChanged, moderation, &ModerationView::setLot);
    connect(this, &SelectionView::lotChanged, results, &ResultsView::setLot);
    // A bid being edited belongs to the lot shown: the lot is held until it is saved or reverted.
    connect(m_bidsView, &BidsView::modifiedChanged, this, [this](bool modified) {
        m_lotCombo->setEnabled(!modified);
        m_lotCombo->setToolTip(modified ? tr("Save or revert the bid being edited to pick "
                                             "another lot.")
                                        : QString());
    });
    refresh();
}

SelectionView::~SelectionView() = default;

void SelectionView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, &SelectionView::refresh);
    emit documentChanged(document);
    m_lot = CpaId();
    m_settingDocument = true;
    refresh();
    m_settingDocument = false;
    // Every tab hears the lot once, after the document, even when it is the same id as before.
    emit lotChanged(m_lot);
}

RoundDocument *SelectionView::document() const
{
    return m_document;
}

void SelectionView::addTab(QWidget *tab, const QString &title)
{
    m_tabs->addTab(tab, title);
    m_tabs->fitTabs();
}

CpaId SelectionView::currentLot() const
{
    return m_lot;
}

bool SelectionView::setLot(CpaId lot)
{
    const int index = m_lotCombo->findData(lot.value());
    if (index < 0 || !lot.isValid())
        return false;
    m_lotCombo->setCurrentIndex(index);
    return true;
}

void SelectionView::refresh()
{
    fillLots();
    refreshNotices();
}

void SelectionView::fillLots()
{
    const CpaPlan *plan = m_document ? m_document->round().adoptedPlan() : nullptr;
    m_noPlanLabel->setVisible(m_document && !plan);
    m_lotRow->setVisible(plan != nullptr);

    m_filling = true;
    m_lotCombo->clear();
    if (plan) {
        for (const Cpa &cpa : plan->cpas)
            m_lotCombo->addItem(cpa.name, cpa.id.value());
    }
    int index = m_lotCombo->findData(m_lot.value());
    if (index < 0 && m_document && plan) {
        // First the lot that has bids (the demo's illustrative lot), else the first CPA.
        const Tender &tender = m_document->round().tender;
        for (int i = 0; i < m_lotCombo->count() && index < 0; ++i) {
            if (!tender.bidsFor(CpaId(m_lotCombo->itemData(i).toLongLong())).isEmpty())
                index = i;
        }
        index = std::max(index, 0);
    }
    m_lotCombo->setCurrentIndex(m_lotCombo->count() > 0 ? index : -1);
    m_filling = false;
    onLotPicked();
}

void SelectionView::onLotPicked()
{
    if (m_filling)
        return;
    const CpaId lot =
        m_lotCombo->currentIndex() >= 0 ? CpaId(m_lotCombo->currentData().toLongLong()) : CpaId();
    const Cpa *cpa = m_document ? m_document->round().adoptedCpa(lot) : nullptr;
    if (cpa) {
        const qsizetype bids = m_document->round().tender.bidsFor(lot).size();
        const qsizetype members = cpa->members.size();
        m_lotDetails->setText(
            (members == 1 ? tr("1 authority") : tr("%1 authorities").arg(members)) + tr(" · ") +
            (bids == 0   ? tr("no bids yet")
             : bids == 1 ? tr("1 bid")
                         : tr("%1 bids").arg(bids)));
    } else {
        m_lotDetails->clear();
    }
    if (lot == m_lot)
        return;
    m_lot = lot;
    if (!m_settingDocument)
        emit lotChanged(lot);
}

void SelectionView::refreshNotices()
{
    if (!m_document) {
        for (NoticeBox *box : {m_illustrativeNotice, m_frozenNotice, m_changesNotice})
            box->hide();
        return;
    }
    const Tender &tender = m_document->round().tender;
    m_illustrativeNotice->setVisible(tender.illustrative);

    const QString frozen = m_document->whyTenderFrozen();
    m_frozenNotice->setText(frozen);
    m_frozenNotice->setVisible(!frozen.isEmpty());

    // Changes to published criteria are flagged wherever the tender is shown, as in reports.
    if (tender.criteriaChanges.isEmpty()) {
        m_changesNotice->hide();
    } else {
        QStringList lines{
            tr("The award criteria were changed after the bids were opened. Every report shows "
               "these changes:")};
        for (const CriteriaChange &change : tender.criteriaChanges)
            lines.append(tr("• %1, %2: %3 (reason: %4)")
                             .arg(QLocale().toString(change.changedAt.toLocalTime(),
                                                     QStringLiteral("d MMM yyyy, HH:mm")),
                                  change.actor, change.summary, change.reason));
        m_changesNotice->setText(lines.join(QLatin1Char('\n')));
        m_changesNotice->show();
    }
}

} // namespace CoCommission
