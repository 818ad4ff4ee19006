#include "ui/selection/bidsview.h"

#include "core/commands/tendercommands.h"
#include "core/evaluation/scoring.h"
#include "core/evaluation/supplychain.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/pagewidgets.h"
#include "ui/uiutil.h"

#include <QApplication>
#include <QCheckBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace CoCommission {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr double kMaxPrice = 1e11;
constexpr int kPlanLines = 4;
constexpr int kMaxTableRows = 12;
constexpr int kSpecialismRows = 4;

enum SupplyColumn { SubNameColumn, SectorColumn, SmeColumn, SpecialismsColumn, SupplyCount };

QString money(double value)
{
    return QStringLiteral("\u00a3") + UiUtil::numberLocale().toString(value, 'f', 0);
}

QString percentOf(double share)
{
    return UiUtil::numberLocale().toString(std::round(share * 100.0), 'f', 0) + QStringLiteral("%");
}

QLabel *makeText(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QTableWidget *makeTable(const QStringList &headers, const QString &name, const QString &description,
                        QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setAccessibleName(name);
    // Not a tool tip: the cells have their own, and the bids table's is a reason at times.
    table->setAccessibleDescription(description);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // columns share the width
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

/** Makes \a table as tall as \a rows rows (at least two), so that the page scrolls as one. */
void fitRows(QTableWidget *table, int rows)
{
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    table->setMinimumHeight(table->horizontalHeader()->sizeHint().height() +
                            std::clamp(rows, 2, kMaxTableRows) * rowHeight +
                            2 * table->frameWidth());
    table->setMaximumHeight(table->minimumHeight());
}

QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment = Qt::AlignLeft)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    return item;
}

} // namespace

BidsView::BidsView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("bidsView"));

    m_lockLabel = makeText(this);
    m_lockLabel->setObjectName(QStringLiteral("bidsLockLabel"));
    m_emptyLabel = makeText(this);
    m_emptyLabel->setObjectName(QStringLiteral("bidsEmptyLabel"));

    m_bidsTable = makeTable(
        {tr("Bid"), tr("Bidder"), tr("Price"), tr("Subcontractors"), tr("Abnormally low")},
        tr("Bids for the lot"),
        tr("One row per bid for the lot; select a bid to see and edit it below."), this);
    m_bidsTable->setObjectName(QStringLiteral("bidsTable"));
    m_bidsTable->horizontalHeader()->setSectionResizeMode(BidderColumn, QHeaderView::Stretch);
    m_abnormalLabel = makeText(this);
    m_abnormalLabel->setObjectName(QStringLiteral("abnormallyLowLabel"));
    UiUtil::makeSecondary(m_abnormalLabel);

    m_newButton = new QPushButton(tr("&New bid"), this);
    m_newButton->setObjectName(QStringLiteral("newBidButton"));
    m_newButton->setAccessibleName(tr("New bid"));
    // The buttons' tool tips give the reason while they are disabled; these descriptions stay.
    m_newButton->setAccessibleDescription(tr("Starts a new bid for the lot in the form below."));
    m_removeButton = new QPushButton(tr("Remove bid…"), this);
    m_removeButton->setObjectName(QStringLiteral("removeBidButton"));
    m_removeButton->setAccessibleName(tr("Remove bid"));
    m_removeButton->setAccessibleDescription(tr("Removes the selected bid from the lot."));
    auto *tableButtons = new QHBoxLayout;
    tableButtons->addWidget(m_newButton);
    tableButtons->addWidget(m_removeButton);
    tableButtons->addStretch(1);

    // The bid picked (or being added).
    m_formBox = new QGroupBox(this);
    m_formBox->setObjectName(QStringLiteral("bidFormBox"));
    m_idEdit = new QLineEdit(m_formBox);
    m_idEdit->setObjectName(QStringLiteral("bidIdEdit"));
    m_idEdit->setAccessibleName(tr("Bid id"));
    m_idEdit->setToolTip(tr("The short id that names the bid in the score sheets and reports"));
    m_idEdit->setMaximumWidth(m_idEdit->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 8);
    m_bidderEdit = new QLineEdit(m_formBox);
    m_bidderEdit->setObjectName(QStringLiteral("bidderEdit"));
    m_bidderEdit->setAccessibleName(tr("Bidder"));
    m_bidderEdit->setPlaceholderText(tr("The prime provider or managing agent"));
    m_priceSpin = new PageSpinBox(m_formBox);
    m_priceSpin->setObjectName(QStringLiteral("bidPriceSpin"));
    m_priceSpin->setAccessibleName(tr("Price, whole contract, pounds"));
    m_priceSpin->setToolTip(tr("The bid's price for the whole contract, which the price "
                               "formula turns into marks"));
    m_priceSpin->setRange(0, kMaxPrice);
    m_priceSpin->setDecimals(0);
    m_priceSpin->setPrefix(QStringLiteral("\u00a3"));
    m_priceSpin->setGroupSeparatorShown(true);
    m_priceSpin->setLocale(UiUtil::numberLocale());
    m_priceSpin->setAlignment(Qt::AlignRight);
    m_priceSpin->setSingleStep(10'000);
    m_priceSpin->setMinimumWidth(
        m_priceSpin->fontMetrics().horizontalAdvance(QStringLiteral("£000,000,000,000")) + 40);
    m_planEdit = new QPlainTextEdit(m_formBox);
    m_planEdit->setObjectName(QStringLiteral("integrationPlanEdit"));
    m_planEdit->setAccessibleName(tr("Local service integration plan"));
    m_planEdit->setPlaceholderText(
        tr("How the bid integrates with local services, as summarised from the bid."));
    m_planEdit->setAccessibleDescription(
        tr("How the bid integrates with local services, as summarised from the bid."));
    m_planEdit->setTabChangesFocus(true);
    m_planEdit->setFixedHeight(m_planEdit->fontMetrics().lineSpacing() * kPlanLines + 12);
    auto *idLabel = new QLabel(tr("Bid &id:"), m_formBox);
    idLabel->setBuddy(m_idEdit);
    auto *bidderLabel = new QLabel(tr("Bi&dder:"), m_formBox);
    bidderLabel->setBuddy(m_bidderEdit);
    auto *priceLabel = new QLabel(tr("Pric&e:"), m_formBox);
    priceLabel->setBuddy(m_priceSpin);
    auto *planLabel = new QLabel(tr("Inte&gration plan:"), m_formBox);
    planLabel->setBuddy(m_planEdit);
    auto *headRow = new QHBoxLayout;
    headRow->addWidget(idLabel);
    headRow->addWidget(m_idEdit);
    headRow->addSpacing(12);
    headRow->addWidget(bidderLabel);
    headRow->addWidget(m_bidderEdit, 1);
    headRow->addSpacing(12);
    headRow->addWidget(priceLabel);
    headRow->addWidget(m_priceSpin);

    // Supply chain: the subcontractors, and the one picked.
    auto *supplyBox = new QGroupBox(tr("Supply chain"), m_formBox);
    m_supplyTable = makeTable({tr("Subcontractor"), tr("Sector"), tr("SME"), tr("Specialisms")},
                              tr("Supply chain"),
                              tr("The bid's subcontractors with their sector, size and "
                                 "specialisms; select one to edit it below."),
                              supplyBox);
    m_supplyTable->setObjectName(QStringLiteral("supplyChainTable"));
    m_supplyTable->horizontalHeader()->setSectionResizeMode(SubNameColumn, QHeaderView::Stretch);
    m_supplyTable->horizontalHeader()->setSectionResizeMode(SpecialismsColumn,
                                                            QHeaderView::Stretch);
    m_addSubButton = new QPushButton(tr("&Add subcontractor…"), supplyBox);
    m_addSubButton->setObjectName(QStringLiteral("addSubcontractorButton"));
    m_addSubButton->setAccessibleName(tr("Add subcontractor"));
    m_addSubButton->setAccessibleDescription(tr("Adds a subcontractor to the bid's supply chain."));
    m_removeSubButton = new QPushButton(tr("Remove s&ubcontractor"), supplyBox);
    m_removeSubButton->setObjectName(QStringLiteral("removeSubcontractorButton"));
    m_removeSubButton->setAccessibleName(tr("Remove subcontractor"));
    m_removeSubButton->setAccessibleDescription(
        tr("Removes the selected subcontractor from the supply chain."));
    auto *supplyButtons = new QHBoxLayout;
    supplyButtons->addWidget(m_addSubButton);
    supplyButtons->addWidget(m_removeSubButton);
    supplyButtons->addStretch(1);

    m_subForm = new QWidget(supplyBox);
    m_subNameEdit = new QLineEdit(m_subForm);
    m_subNameEdit->setObjectName(QStringLiteral("subcontractorNameEdit"));
    m_subNameEdit->setAccessibleName(tr("Subcontractor name"));
    m_subNameEdit->setToolTip(tr("The name of the selected subcontractor"));
    m_sectorCombo = new PageComboBox(m_subForm);
    m_sectorCombo->setObjectName(QStringLiteral("sectorCombo"));
    m_sectorCombo->setAccessibleName(tr("Subcontractor sector"));
    m_sectorCombo->setToolTip(
        tr("Whether the subcontractor is private, voluntary and community, or public sector"));
    for (ProviderSector sector :
         {ProviderSector::Private, ProviderSector::VoluntaryCommunity, ProviderSector::Public})
        m_sectorCombo->addItem(sectorName(sector), int(sector));
    m_smeCheck = new QCheckBox(tr("A small or medium-si&zed enterprise (SME)"), m_subForm);
    m_smeCheck->setObjectName(QStringLiteral("smeCheck"));
    m_smeCheck->setAccessibleName(tr("Subcontractor is an SME"));
    m_smeCheck->setToolTip(tr("Tick when the subcontractor is a small or medium-sized "
                              "enterprise; the supply-chain check counts the SMEs"));
    m_specialismList = new QListWidget(m_subForm);
    m_specialismList->setObjectName(QStringLiteral("specialismList"));
    m_specialismList->setAccessibleName(tr("Subcontractor specialisms"));
    m_specialismList->setAccessibleDescription(
        tr("What the subcontractor specialises in: Space ticks or clears the one chosen."));
    // In columns, as many as fit: one tab stop, arrows to move, Space to tick.
    m_specialismList->setFlow(QListView::LeftToRight);
    m_specialismList->setWrapping(true);
    m_specialismList->setResizeMode(QListView::Adjust);
    m_specialismList->setUniformItemSizes(true);
    m_specialismList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (const Specialism &s : specialisms()) {
        auto *item = new QListWidgetItem(s.name, m_specialismList);
        item->setData(kIdRole, s.key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    int widest = 0;
    for (const Specialism &sp : specialisms())
        widest = std::max(widest, m_specialismList->fontMetrics().horizontalAdvance(sp.name));
    const int itemHeight = m_specialismList->fontMetrics().height() + 8;
    m_specialismList->setGridSize(QSize(widest + 64, itemHeight));
    m_specialismList->setFixedHeight(itemHeight * kSpecialismRows + 6);
    auto *subNameLabel = new QLabel(tr("Na&me:"), m_subForm);
    subNameLabel->setBuddy(m_subNameEdit);
    auto *sectorLabel = new QLabel(tr("Sect&or:"), m_subForm);
    sectorLabel->setBuddy(m_sectorCombo);
    auto *specialismLabel = new QLabel(tr("Specialism&s:"), m_subForm);
    specialismLabel->setBuddy(m_specialismList);
    auto *subLayout = new QGridLayout(m_subForm);
    subLayout->setContentsMargins(0, 0, 0, 0);
    subLayout->addWidget(subNameLabel, 0, 0);
    subLayout->addWidget(m_subNameEdit, 0, 1);
    subLayout->addWidget(sectorLabel, 0, 2);
    subLayout->addWidget(m_sectorCombo, 0, 3);
    subLayout->addWidget(m_smeCheck, 1, 1, 1, 3);
    subLayout->addWidget(specialismLabel, 2, 0, Qt::AlignTop);
    subLayout->addWidget(m_specialismList, 2, 1, 1, 3);
    subLayout->setColumnStretch(1, 3);
    subLayout->setColumnStretch(3, 2);
    auto *supplyLayout = new QVBoxLayout(supplyBox);
    supplyLayout->addWidget(m_supplyTable);
    supplyLayout->addLayout(supplyButtons);
    supplyLayout->addWidget(m_subForm);

    // Local integration checklist: one row per local service.
    auto *evidenceBox = new QGroupBox(tr("Local service integration"), m_formBox);
    auto *evidenceLayout = new QGridLayout(evidenceBox);
    auto *evidenceHeading = new QLabel(tr("Evidence"), evidenceBox);
    auto *noteHeading = new QLabel(tr("Note"), evidenceBox);
    evidenceLayout->addWidget(evidenceHeading, 0, 1);
    evidenceLayout->addWidget(noteHeading, 0, 2);
    int row = 1;
    for (const LocalService &service : localServices()) {
        auto *label = new QLabel(service.name, evidenceBox);
        auto *strength = new PageComboBox(evidenceBox);
        strength->setObjectName(QStringLiteral("evidenceCombo_") + service.key);
        strength->setAccessibleName(tr("Evidence of integration with %1").arg(service.name));
        strength->setToolTip(
            tr("How far the bid shows it works with %1: none, asserted, evidenced, or a "
               "statement of intent from the service")
                .arg(service.name));
        for (EvidenceStrength e :
             {EvidenceStrength::None, EvidenceStrength::Asserted, EvidenceStrength::Evidenced,
              EvidenceStrength::StatementOfIntent})
            strength->addItem(evidenceName(e), int(e));
        auto *note = new QLineEdit(evidenceBox);
        note->setObjectName(QStringLiteral("evidenceNote_") + service.key);
        note->setAccessibleName(tr("Note on integration with %1").arg(service.name));
        note->setToolTip(tr("Where the bid shows its work with %1, for example a letter from "
                            "the service")
                             .arg(service.name));
        label->setBuddy(strength);
        evidenceLayout->addWidget(label, row, 0);
        evidenceLayout->addWidget(strength, row, 1);
        evidenceLayout->addWidget(note, row, 2);
        m_evidenceRows.append({service.key, strength, note});
        const QString key = service.key;
        connect(strength, &QComboBox::activated, this, [this, key] { onEvidenceEdited(key); });
        connect(note, &QLineEdit::textEdited, this, [this, key] { onEvidenceEdited(key); });
        ++row;
    }
    evidenceLayout->setColumnStretch(2, 1);

    // What core makes of the supply chain and the evidence.
    auto *summaryBox = new QGroupBox(tr("Supply-chain check"), m_formBox);
    m_summaryLabel = makeText(summaryBox);
    m_summaryLabel->setObjectName(QStringLiteral("supplyChainSummaryLabel"));
    m_uncoveredLabel = makeText(summaryBox);
    m_uncoveredLabel->setObjectName(QStringLiteral("uncoveredGroupsLabel"));
    m_evidenceSummaryLabel = makeText(summaryBox);
    m_evidenceSummaryLabel->setObjectName(QStringLiteral("evidenceSummaryLabel"));
    auto *summaryLayout = new QVBoxLayout(summaryBox);
    summaryLayout->addWidget(m_summaryLabel);
    summaryLayout->addWidget(m_uncoveredLabel);
    summaryLayout->addWidget(m_evidenceSummaryLabel);

    m_saveButton = new QPushButton(tr("Sa&ve bid"), m_formBox);
    m_saveButton->setObjectName(QStringLiteral("saveBidButton"));
    m_saveButton->setAccessibleName(tr("Save bid"));
    m_saveButton->setAccessibleDescription(tr("Records the bid as edited in the round."));
    m_revertButton = new QPushButton(tr("Reve&rt"), m_formBox);
    m_revertButton->setObjectName(QStringLiteral("revertBidButton"));
    m_revertButton->setAccessibleName(tr("Revert bid"));
    m_revertButton->setToolTip(tr("Put back the bid as recorded"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_saveButton);
    saveRow->addWidget(m_revertButton);
    saveRow->addStretch(1);

    auto *formLayout = new QVBoxLayout(m_formBox);
    formLayout->addLayout(headRow);
    auto *planRow = new QHBoxLayout;
    planRow->addWidget(planLabel, 0, Qt::AlignTop);
    planRow->addWidget(m_planEdit, 1);
    formLayout->addLayout(planRow);
    formLayout->addWidget(supplyBox);
    formLayout->addWidget(evidenceBox);
    formLayout->addWidget(summaryBox);
    formLayout->addLayout(saveRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_lockLabel);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_bidsTable);
    layout->addWidget(m_abnormalLabel);
    layout->addLayout(tableButtons);
    layout->addWidget(m_formBox);
    layout->addStretch(1);

    // Tab follows the page: table, its buttons, the form top to bottom, save.
    QWidget *previous = m_bidsTable;
    for (QWidget *next : std::initializer_list<QWidget *>{
             m_newButton, m_removeButton, m_idEdit, m_bidderEdit, m_priceSpin, m_planEdit,
             m_supplyTable, m_addSubButton, m_removeSubButton, m_subNameEdit, m_sectorCombo,
             m_smeCheck, m_specialismList}) {
        setTabOrder(previous, next);
        previous = next;
    }
    for (const EvidenceRow &r : std::as_const(m_evidenceRows)) {
        setTabOrder(previous, r.strength);
        setTabOrder(r.strength, r.note);
        previous = r.note;
    }
    setTabOrder(previous, m_saveButton);
    setTabOrder(m_saveButton, m_revertButton);

    connect(m_bidsTable, &QTableWidget::itemSelectionChanged, this, &BidsView::onTablePicked);
    connect(m_newButton, &QPushButton::clicked, this, &BidsView::newBid);
    connect(m_removeButton, &QPushButton::clicked, this, &BidsView::removeBid);
    connect(m_saveButton, &QPushButton::clicked, this, &BidsView::save);
    connect(m_revertButton, &QPushButton::clicked, this, &BidsView::revert);
    connect(m_addSubButton, &QPushButton::clicked, this, &BidsView::addSubcontractor);
    connect(m_removeSubButton, &QPushButton::clicked, this, &BidsView::removeSubcontractor);
    connect(m_idEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_draft.id = text.trimmed();
        edited();
    });
    connect(m_bidderEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_draft.bidder = text;
        edited();
    });
    connect(m_priceSpin, &QDoubleSpinBox::valueChanged, this, [this](double price) {
        if (m_loading || price == m_draft.price)
            return;
        m_draft.price = price;
        edited();
    });
    connect(m_planEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading || m_planEdit->toPlainText() == m_draft.integrationPlan)
            return;
        m_draft.integrationPlan = m_planEdit->toPlainText();
        edited();
    });
    connect(m_supplyTable, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_loading)
            refreshSubcontractor();
    });
    connect(m_subNameEdit, &QLineEdit::textEdited, this, &BidsView::onSubcontractorEdited);
    connect(m_sectorCombo, &QComboBox::activated, this, &BidsView::onSubcontractorEdited);
    connect(m_smeCheck, &QCheckBox::toggled, this, &BidsView::onSubcontractorEdited);
    connect(m_specialismList, &QListWidget::itemChanged, this, &BidsView::onSubcontractorEdited);
    refreshTable();
    loadForm(std::nullopt);
}

BidsView::~BidsView() = default;

void BidsView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &RoundDocument::tenderChanged, this, &BidsView::onTenderChanged);
        connect(m_document, &RoundDocument::roundChanged, this, &BidsView::refreshState);
    }
    setModified(false);
    m_lot = CpaId();
    refreshTable();
    loadForm(std::nullopt);
}

RoundDocument *BidsView::document() const
{
    return m_document;
}

void BidsView::setLot(CpaId lot)
{
    if (lot == m_lot && m_hasDraft)
        return;
    m_lot = lot;
    // The screen holds the lot while the form has unsaved edits (modifiedChanged()).
    setModified(false);
    refreshTable();
    const QString first = m_bidsTable->rowCount() > 0
                              ? m_bidsTable->item(0, IdColumn)->data(kIdRole).toString()
                              : QString();
    if (!selectBid(first))
        loadForm(std::nullopt);
}

QString BidsView::whyNotEditable() const
{
    if (!m_document)
        return tr("No round is open.");
    if (const QString why = m_document->whyTenderFrozen(); !why.isEmpty())
        return why;
    if (m_document->round().tender.moderationOpen())
        return tr("Moderation is open: the bids are kept as they were scored.");
    if (!m_document->round().adoptedCpa(m_lot))
        return tr("Bids are made for a lot, a CPA of the adopted plan: adopt a CPA plan first.");
    return {};
}

void BidsView::onTenderChanged()
{
    const QString shown = m_draft.id;
    refreshTable();
    if (m_modified) {
        refreshState();
        return;
    }
    if (m_isNew || !selectBid(shown)) {
        // A new bid just saved is in the table now; a removed one is gone.
        if (!selectBid(shown)) {
            const QString first = m_bidsTable->rowCount() > 0
                                      ? m_bidsTable->item(0, IdColumn)->data(kIdRole).toString()
                                      : QString();
            if (!selectBid(first))
                loadForm(std::nullopt);
        }
    } else if (const TenderBid *bid = m_document->round().tender.bid(shown)) {
        loadForm(*bid); // e.g. undone
    }
}

void BidsView::refreshTable()
{
    const QString selected = selectedTableBid();
    m_loading = true;
    QList<TenderBid> bids;
    QString lotName;
    if (m_document) {
        bids = m_document->round().tender.bidsFor(m_lot);
        if (const Cpa *cpa = m_document->round().adoptedCpa(m_lot))
            lotName = cpa->name;
    }

    // The abnormally-low flag is core's rule, known from the prices alone.
    QList<double> prices;
    for (const TenderBid &bid : bids)
        prices << bid.price;
    const QList<bool> low =
        m_document
            ? Evaluator::abnormallyLow(prices, m_document->round().tender.abnormallyLowPercent)
            : QList<bool>(prices.size(), false);

    m_bidsTable->setRowCount(int(bids.size()));
    int flagged = 0;
    for (int row = 0; row < bids.size(); ++row) {
        const TenderBid &bid = bids[row];
        m_bidsTable->setItem(row, IdColumn, cell(bid.id));
        m_bidsTable->item(row, IdColumn)->setData(kIdRole, bid.id);
        m_bidsTable->setItem(row, BidderColumn, cell(bid.bidder));
        m_bidsTable->item(row, BidderColumn)->setToolTip(bid.bidder);
        m_bidsTable->setItem(row, PriceColumn, cell(money(bid.price), Qt::AlignRight));
        m_bidsTable->setItem(row, SupplyChainColumn,
                             cell(QString::number(bid.supplyChain.size()), Qt::AlignRight));
        QTableWidgetItem *flag = cell(low[row] ? tr("Yes") : tr("No"));
        if (low[row]) {
            QFont bold = flag->font();
            bold.setBold(true);
            flag->setFont(bold);
            ++flagged;
        }
        m_bidsTable->setItem(row, AbnormallyLowColumn, flag);
    }
    fitRows(m_bidsTable, int(bids.size()));
    m_bidsTable->setVisible(!bids.isEmpty());

    if (bids.isEmpty()) {
        m_abnormalLabel->hide();
    } else {
        const double threshold = m_document->round().tender.abnormallyLowPercent;
        const QString rule =
            tr("A bid more than %1% below the mean price of the lot is flagged as abnormally "
               "low.")
                .arg(UiUtil::numberLocale().toString(threshold, 'f',
                                                     QLocale::FloatingPointShortest));
        if (flagged > 0)
            m_abnormalLabel->setText(
                rule + QLatin1Char(' ') +
                (flagged == 1 ? tr("1 bid is flagged: ask the bidder to explain the price "
                                   "before relying on it.")
                              : tr("%1 bids are flagged: ask the bidders to explain the prices "
                                   "before relying on them.")
                                    .arg(flagged)));
        else
            m_abnormalLabel->setText(rule + QLatin1Char(' ') + tr("No bid is flagged."));
        m_abnormalLabel->show();
    }

    for (int row = 0; row < m_bidsTable->rowCount(); ++row) {
        if (m_bidsTable->item(row, IdColumn)->data(kIdRole).toString() == selected)
            m_bidsTable->selectRow(row);
    }
    m_loading = false;

    if (!m_document)
        m_emptyLabel->clear();
    else if (!m_document->round().adoptedPlan())
        m_emptyLabel->setText(
            tr("Bids are made for a lot, a CPA of the adopted plan: adopt a CPA plan first."));
    else if (bids.isEmpty())
        m_emptyLabel->setText(tr("No bid has been entered for %1 yet.").arg(lotName));
    else
        m_emptyLabel->clear();
    m_emptyLabel->setVisible(!m_emptyLabel->text().isEmpty());
}

QString BidsView::selectedTableBid() const
{
    const QList<QTableWidgetItem *> items = m_bidsTable->selectedItems();
    if (items.isEmpty())
        return {};
    const QTableWidgetItem *id = m_bidsTable->item(items.first()->row(), IdColumn);
    return id ? id->data(kIdRole).toString() : QString();
}

bool BidsView::selectBid(const QString &id)
{
    if (id.isEmpty() || !m_document)
        return false;
    for (int row = 0; row < m_bidsTable->rowCount(); ++row) {
        if (m_bidsTable->item(row, IdColumn)->data(kIdRole).toString() != id)
            continue;
        m_loading = true;
        m_bidsTable->selectRow(row);
        m_loading = false;
        if (const TenderBid *bid = m_document->round().tender.bid(id))
            loadForm(*bid);
        return true;
    }
    return false;
}

void BidsView::onTablePicked()
{
    if (m_loading || m_modified || !m_document)
        return;
    const QString id = selectedTableBid();
    if (const TenderBid *bid = m_document->round().tender.bid(id))
        loadForm(*bid);
}

void BidsView::loadForm(const std::optional<TenderBid> &bid, bool isNew)
{
    m_loading = true;
    m_hasDraft = bid.has_value();
    m_isNew = isNew;
    m_draft = bid.value_or(TenderBid{});
    m_idEdit->setText(m_draft.id);
    m_bidderEdit->setText(m_draft.bidder);
    m_priceSpin->setValue(m_draft.price);
    m_planEdit->setPlainText(m_draft.integrationPlan);
    for (const EvidenceRow &r : std::as_const(m_evidenceRows)) {
        const auto it =
            std::find_if(m_draft.integration.cbegin(), m_draft.integration.cend(),
                         [&](const IntegrationEvidence &e) { return e.service == r.key; });
        const EvidenceStrength strength =
            it != m_draft.integration.cend() ? it->strength : EvidenceStrength::None;
        r.strength->setCurrentIndex(r.strength->findData(int(strength)));
        r.note->setText(it != m_draft.integration.cend() ? it->note : QString());
    }
    m_formBox->setTitle(!m_hasDraft ? tr("Bid")
                        : isNew     ? tr("New bid")
                                    : tr("Bid %1").arg(m_draft.id));
    m_loading = false;
    setModified(false);
    refreshSupplyChain();
    if (m_supplyTable->rowCount() > 0)
        selectSubcontractor(0);
    refreshSummary();
    refreshState();
}

void BidsView::refreshSupplyChain()
{
    const int selected = m_supplyTable->currentRow();
    m_loading = true;
    m_supplyTable->setRowCount(int(m_draft.supplyChain.size()));
    for (int row = 0; row < m_draft.supplyChain.size(); ++row) {
        const Subcontractor &s = m_draft.supplyChain[row];
        QStringList names;
        for (const QString &key : s.specialisms)
            names.append(specialismName(key));
        m_supplyTable->setItem(row, SubNameColumn, cell(s.name));
        m_supplyTable->setItem(row, SectorColumn, cell(sectorName(s.sector)));
        m_supplyTable->setItem(row, SmeColumn, cell(s.sme ? tr("Yes") : tr("No")));
        m_supplyTable->setItem(row, SpecialismsColumn, cell(names.join(tr(", "))));
        m_supplyTable->item(row, SpecialismsColumn)->setToolTip(names.join(tr(", ")));
    }
    fitRows(m_supplyTable, int(m_draft.supplyChain.size()));
    if (selected >= 0 && selected < m_supplyTable->rowCount())
        m_supplyTable->selectRow(selected);
    m_loading = false;
    refreshSubcontractor();
}

void BidsView::selectSubcontractor(int row)
{
    if (row < 0 || row >= m_supplyTable->rowCount())
        return;
    m_supplyTable->selectRow(row);
    m_supplyTable->setCurrentCell(row, SubNameColumn);
    refreshSubcontractor();
}

void BidsView::refreshSubcontractor()
{
    const QList<QTableWidgetItem *> items = m_supplyTable->selectedItems();
    const int row = items.isEmpty() ? -1 : items.first()->row();
    const Subcontractor *s =
        row >= 0 && row < m_draft.supplyChain.size() ? &m_draft.supplyChain[row] : nullptr;
    m_loading = true;
    m_subNameEdit->setText(s ? s->name : QString());
    m_sectorCombo->setCurrentIndex(s ? m_sectorCombo->findData(int(s->sector)) : -1);
    m_smeCheck->setChecked(s && s->sme);
    for (int i = 0; i < m_specialismList->count(); ++i) {
        QListWidgetItem *item = m_specialismList->item(i);
        item->setCheckState(s && s->specialisms.contains(item->data(kIdRole).toString())
                                ? Qt::Checked
                                : Qt::Unchecked);
    }
    m_loading = false;
    m_subForm->setEnabled(s != nullptr);
    refreshState();
}

void BidsView::refreshSummary()
{
    if (!m_document || !m_hasDraft) {
        m_summaryLabel->clear();
        m_uncoveredLabel->clear();
        m_evidenceSummaryLabel->clear();
        return;
    }
    const Round &round = m_document->round();
    TenderBid bid = m_draft;
    bid.lot = m_lot;
    const SupplyChainSummary summary = supplyChainSummary(round, bid);
    if (summary.subcontractors == 0)
        m_summaryLabel->setText(tr("The supply chain names no subcontractor."));
    else
        m_summaryLabel->setText(
            (summary.subcontractors == 1 ? tr("1 subcontractor: ")
                                         : tr("%1 subcontractors: ").arg(summary.subcontractors)) +
            tr("%1 with a specialism (%2), %3 from the voluntary and community sector (%4), %5 "
               "SMEs (%6).")
                .arg(summary.specialists)
                .arg(percentOf(summary.specialistShare))
                .arg(summary.voluntaryCommunity)
                .arg(percentOf(summary.voluntaryCommunityShare))
                .arg(summary.smes)
                .arg(percentOf(summary.smeShare)));

    QString source;
    switch (summary.prioritySource) {
    case PrioritySource::Decision:
        source = tr("the partners' decision for this lot");
        break;
    case PrioritySource::Agreement:
        source = tr("the Local Labour Market Agreement for this lot");
        break;
    case PrioritySource::Catalogue:
        source = tr("the round's catalogue: no decision or agreement names them for this lot");
        break;
    }
    QStringList uncovered;
    for (const QString &key : summary.uncoveredGroups) {
        QString name = key;
        for (const PriorityGroup &g : round.priorityGroups) {
            if (g.key == key)
                name = g.name;
        }
        uncovered.append(name);
    }
    if (summary.priorityGroups.isEmpty())
        m_uncoveredLabel->setText(tr("The lot has no priority groups to check against."));
    else if (uncovered.isEmpty())
        m_uncoveredLabel->setText(
            tr("Every priority group of the lot has a specialist in the supply chain (groups "
               "from %1).")
                .arg(source));
    else
        m_uncoveredLabel->setText(
            tr("Priority groups left without a specialist: %1 (groups from %2).")
                .arg(uncovered.join(tr(", ")), source));

    QStringList counts;
    for (EvidenceStrength e : {EvidenceStrength::StatementOfIntent, EvidenceStrength::Evidenced,
                               EvidenceStrength::Asserted, EvidenceStrength::None}) {
        counts.append(tr("%1: %2").arg(evidenceName(e)).arg(summary.count(e)));
    }
    m_evidenceSummaryLabel->setText(
        tr("Evidence across the %1 local services: ").arg(summary.integration.size()) +
        counts.join(tr(", ")) + QLatin1Char('.'));
}

void BidsView::refreshState()
{
    const QString why = whyNotEditable();
    const bool editable = why.isEmpty();
    m_lockLabel->setText(why);
    m_lockLabel->setVisible(m_document && !why.isEmpty());

    QWidget *focused = QApplication::focusWidget();
    const auto enable = [&](QWidget *w, bool on, const QString &tip = {}) {
        if (!on && w == focused)
            m_bidsTable->setFocus(Qt::OtherFocusReason);
        UiUtil::setAvailable(w, on, {}, !editable ? why : tip);
    };
    enable(m_newButton, editable && !m_modified, tr("Save or revert the bid being edited first."));
    enable(m_removeButton, editable && m_hasDraft && !m_isNew && !m_modified,
           !m_hasDraft ? tr("Pick the bid to remove.")
                       : tr("Save or revert the bid being edited first."));
    m_bidsTable->setEnabled(!m_modified);
    m_bidsTable->setToolTip(m_modified ? tr("Save or revert the bid being edited to pick another.")
                                       : QString());

    m_formBox->setVisible(m_hasDraft);
    m_idEdit->setReadOnly(!editable || !m_isNew); // the id names a recorded bid for good
    m_bidderEdit->setReadOnly(!editable);
    m_priceSpin->setReadOnly(!editable);
    m_planEdit->setReadOnly(!editable);
    enable(m_addSubButton, editable);
    const bool subPicked = !m_supplyTable->selectedItems().isEmpty();
    enable(m_removeSubButton, editable && subPicked, tr("Pick the subcontractor to remove."));
    m_subNameEdit->setReadOnly(!editable);
    m_sectorCombo->setEnabled(editable);
    m_smeCheck->setEnabled(editable);
    for (int i = 0; i < m_specialismList->count(); ++i) {
        QListWidgetItem *item = m_specialismList->item(i);
        const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
        const bool wasLoading = m_loading;
        m_loading = true;
        item->setFlags(editable ? flags | Qt::ItemIsUserCheckable : flags);
        m_loading = wasLoading;
    }
    for (const EvidenceRow &r : std::as_const(m_evidenceRows)) {
        r.strength->setEnabled(editable);
        r.note->setReadOnly(!editable);
    }
    enable(m_saveButton, editable && m_modified, tr("Nothing has changed."));
    m_revertButton->setEnabled(m_modified);
}

void BidsView::setModified(bool modified)
{
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void BidsView::edited()
{
    if (m_loading || !m_hasDraft)
        return;
    setModified(true);
    refreshSummary();
    refreshState();
}

void BidsView::newBid()
{
    if (!whyNotEditable().isEmpty() || m_modified)
        return;
    TenderBid bid;
    // The next free id of the round's bids: B1, B2, ...
    for (int n = 1;; ++n) {
        const QString id = QStringLiteral("B%1").arg(n);
        if (!m_document->round().tender.bid(id)) {
            bid.id = id;
            break;
        }
    }
    bid.lot = m_lot;
    m_loading = true;
    m_bidsTable->clearSelection();
    m_loading = false;
    loadForm(bid, true);
    setModified(true); // a new bid is unsaved until saved
    refreshState();
    m_bidderEdit->setFocus(Qt::OtherFocusReason);
}

bool BidsView::save()
{
    if (!m_document || !m_modified || !m_hasDraft)
        return false;
    TenderBid bid = m_draft;
    bid.lot = m_lot;
    // What the user typed is kept in the draft; the record is trimmed.
    bid.bidder = bid.bidder.trimmed();
    for (Subcontractor &s : bid.supplyChain)
        s.name = s.name.trimmed();
    const bool ok =
        m_edits->run(m_isNew ? tr("The bid was not added") : tr("The bid was not saved"),
                     [&] { return Commands::setBid(m_document, bid); });
    if (!ok || !m_document)
        return false;
    setModified(false);
    m_isNew = false;
    refreshTable();
    selectBid(bid.id);
    return true;
}

void BidsView::revert()
{
    if (!m_document)
        return;
    const QString id = m_draft.id;
    const bool wasNew = m_isNew;
    setModified(false);
    if (wasNew || !selectBid(id)) {
        const QString first = m_bidsTable->rowCount() > 0
                                  ? m_bidsTable->item(0, IdColumn)->data(kIdRole).toString()
                                  : QString();
        if (!selectBid(first))
            loadForm(std::nullopt);
    }
}

bool BidsView::removeBid()
{
    if (!m_document || !m_hasDraft || m_isNew || m_modified || !whyNotEditable().isEmpty())
        return false;
    const QString id = m_draft.id;
    if (!m_dialogs->confirm(
            window(), tr("Remove bid"),
            tr("Remove bid %1 from %2? Undo brings it back.").arg(id, m_draft.bidder),
            tr("Remove bid")))
        return false;
    return m_edits->run(tr("The bid was not removed"),
                        [&] { return Commands::removeBid(m_document, id); });
}

void BidsView::addSubcontractor()
{
    if (!m_hasDraft || !whyNotEditable().isEmpty())
        return;
    const std::optional<QString> name = m_dialogs->askText(
        window(), tr("Add a subcontractor"), tr("Name of the subcontractor in the supply chain:"));
    if (!name || name->trimmed().isEmpty())
        return;
    Subcontractor s;
    s.name = name->trimmed();
    m_draft.supplyChain.append(s);
    edited();
    refreshSupplyChain();
    selectSubcontractor(int(m_draft.supplyChain.size()) - 1);
    m_sectorCombo->setFocus(Qt::OtherFocusReason);
}

void BidsView::removeSubcontractor()
{
    const QList<QTableWidgetItem *> items = m_supplyTable->selectedItems();
    if (items.isEmpty() || !whyNotEditable().isEmpty())
        return;
    const int row = items.first()->row();
    if (row < 0 || row >= m_draft.supplyChain.size())
        return;
    m_draft.supplyChain.removeAt(row);
    edited();
    refreshSupplyChain();
    selectSubcontractor(std::min(row, int(m_draft.supplyChain.size()) - 1));
}

void BidsView::onSubcontractorEdited()
{
    if (m_loading || !whyNotEditable().isEmpty())
        return;
    const QList<QTableWidgetItem *> items = m_supplyTable->selectedItems();
    const int row = items.isEmpty() ? -1 : items.first()->row();
    if (row < 0 || row >= m_draft.supplyChain.size())
        return;
    Subcontractor &s = m_draft.supplyChain[row];
    s.name = m_subNameEdit->text();
    if (m_sectorCombo->currentIndex() >= 0)
        s.sector = ProviderSector(m_sectorCombo->currentData().toInt());
    s.sme = m_smeCheck->isChecked();
    QStringList keys;
    for (int i = 0; i < m_specialismList->count(); ++i) {
        if (m_specialismList->item(i)->checkState() == Qt::Checked)
            keys.append(m_specialismList->item(i)->data(kIdRole).toString());
    }
    // Keys this version does not list (e.g. imported) stay with the subcontractor.
    QSet<QString> known;
    for (const Specialism &sp : specialisms())
        known.insert(sp.key);
    for (const QString &key : std::as_const(s.specialisms)) {
        if (!known.contains(key))
            keys.append(key);
    }
    s.specialisms = keys;
    edited();
    // The table shows the change; the form keeps the focus where the user is.
    QStringList names;
    for (const QString &key : std::as_const(s.specialisms))
        names.append(specialismName(key));
    m_supplyTable->item(row, SubNameColumn)->setText(s.name);
    m_supplyTable->item(row, SectorColumn)->setText(sectorName(s.sector));
    m_supplyTable->item(row, SmeColumn)->setText(s.sme ? tr("Yes") : tr("No"));
    m_supplyTable->item(row, SpecialismsColumn)->setText(names.join(tr(", ")));
}

void BidsView::onEvidenceEdited(const QString &key)
{
    if (m_loading || !m_hasDraft || !whyNotEditable().isEmpty())
        return;
    const auto row = std::find_if(m_evidenceRows.cbegin(), m_evidenceRows.cend(),
                                  [&](const EvidenceRow &r) { return r.key == key; });
    if (row == m_evidenceRows.cend())
        return;
    const auto strength = EvidenceStrength(row->strength->currentData().toInt());
    const QString note = row->note->text();
    auto it = std::find_if(m_draft.integration.begin(), m_draft.integration.end(),
                           [&](const IntegrationEvidence &e) { return e.service == key; });
    if (it == m_draft.integration.end()) {
        if (strength == EvidenceStrength::None && note.isEmpty())
            return;
        m_draft.integration.append({key, strength, note});
    } else {
        if (it->strength == strength && it->note == note)
            return;
        it->strength = strength;
        it->note = note;
    }
    edited();
}

QComboBox *BidsView::evidenceCombo(const QString &key) const
{
    for (const EvidenceRow &r : m_evidenceRows) {
        if (r.key == key)
            return r.strength;
    }
    return nullptr;
}

QLineEdit *BidsView::evidenceNote(const QString &key) const
{
    for (const EvidenceRow &r : m_evidenceRows) {
        if (r.key == key)
            return r.note;
    }
    return nullptr;
}

} // namespace CoCommission
