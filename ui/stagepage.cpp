#include "ui/stagepage.h"

#include "core/commands/commands.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"
#include "ui/design/designview.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/monitoring/monitoringview.h"
#include "ui/needs/agreementview.h"
#include "ui/needsview.h"
#include "ui/priorities/prioritiesview.h"
#include "ui/selection/selectionview.h"
#include "ui/statusicon.h"
#include "ui/supply/supplyview.h"
#include "ui/uiutil.h"

#include <QApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <optional>

namespace CoCommission {

namespace {

enum SignOffColumn {
    SignedByColumn, ///< party, name and role, one per line
    DateColumn,
    RationaleColumn,
    SnapshotColumn,
    SignOffColumnCount
};

constexpr int kSnapshotHexDigits = 12;

/** Makes \a view as tall as its contents so the page scrolls as one, not view by view. */
void fitHeightToContents(QAbstractScrollArea *view)
{
    view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QTableWidget *makeTable(const QStringList &headers, const QString &accessibleName, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setAccessibleName(accessibleName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    fitHeightToContents(table);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

} // namespace

StagePage::StagePage(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QScrollArea(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("stagePage"));
    QVBoxLayout *layout = UiUtil::pageLayout(this);
    QWidget *content = widget();
    m_heading = UiUtil::headingLabel(QString(), 1.6, content);
    m_heading->setObjectName(QStringLiteral("stageHeading"));

    m_statusIcon = new QLabel(content);
    m_statusLabel = new QLabel(content);
    m_statusLabel->setObjectName(QStringLiteral("stageStatusLabel"));
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusIcon);
    statusRow->addWidget(m_statusLabel, 1);

    // What the stage still needs, with ticks for what is done.
    auto *needsBox = new QGroupBox(tr("What this stage still needs"), content);
    m_needsList = new QListWidget(needsBox);
    m_needsList->setObjectName(QStringLiteral("needsList"));
    m_needsList->setAccessibleName(tr("What this stage still needs"));
    m_needsList->setAccessibleDescription(
        tr("Each requirement of this stage, ticked when met, then the signatures it needs"));
    m_needsList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_needsList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_needsList->setWordWrap(true);
    m_needsList->setIconSize(QSize(16, 16));
    m_needsList->setFrameShape(QFrame::NoFrame);
    m_needsList->viewport()->setAutoFillBackground(false);
    m_needsList->setSpacing(1);
    fitHeightToContents(m_needsList);

    m_startButton = new QPushButton(tr("S&tart stage"), needsBox);
    m_startButton->setObjectName(QStringLiteral("startStageButton"));
    m_startButton->setAccessibleName(tr("Start stage"));
    m_startButton->setAccessibleDescription(tr("Marks this stage as in progress"));
    m_markReadyButton = new QPushButton(tr("Mark &ready for sign-off"), needsBox);
    m_markReadyButton->setObjectName(QStringLiteral("markReadyButton"));
    m_markReadyButton->setAccessibleName(tr("Mark ready for sign-off"));
    m_markReadyButton->setAccessibleDescription(
        tr("Tells the signatories that this stage's work is done and can be signed off"));
    m_withdrawButton = new QPushButton(tr("&Withdraw from sign-off"), needsBox);
    m_withdrawButton->setObjectName(QStringLiteral("withdrawButton"));
    m_withdrawButton->setAccessibleName(tr("Withdraw from sign-off"));
    m_withdrawButton->setAccessibleDescription(
        tr("Takes this stage back to in progress so that its work can change again"));
    m_signOffButton = new QPushButton(tr("&Sign off…"), needsBox);
    m_signOffButton->setObjectName(QStringLiteral("signOffButton"));
    m_signOffButton->setAccessibleName(tr("Sign off"));
    m_signOffButton->setAccessibleDescription(
        tr("Records a signatory's sign-off of this stage, with their name and rationale"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_markReadyButton);
    buttons->addWidget(m_withdrawButton);
    buttons->addWidget(m_signOffButton);
    buttons->addStretch(1);
    // No mnemonic: the stage screens use most letters; Ctrl+Shift+P opens the papers too.
    auto *paperButton = new QPushButton(tr("Board paper for this stage…"), needsBox);
    paperButton->setObjectName(QStringLiteral("stagePaperButton"));
    paperButton->setAccessibleName(tr("Board paper for this stage"));
    paperButton->setAccessibleDescription(
        tr("Opens the board papers with the latest paper on this stage, or offers a new one "
           "(Ctrl+Shift+P)"));
    connect(paperButton, &QPushButton::clicked, this, [this] { emit paperRequested(m_stage); });
    buttons->addWidget(paperButton);

    m_nextStepLabel = new QLabel(needsBox);
    m_nextStepLabel->setObjectName(QStringLiteral("nextStepLabel"));
    m_nextStepLabel->setWordWrap(true);
    UiUtil::makeSecondary(m_nextStepLabel);

    auto *needsLayout = new QVBoxLayout(needsBox);
    needsLayout->addWidget(m_needsList);
    needsLayout->addLayout(buttons);
    needsLayout->addWidget(m_nextStepLabel);

    // Sign-offs recorded.
    auto *signOffBox = new QGroupBox(tr("Sign-offs"), content);
    m_signOffTable =
        makeTable({tr("Signed by"), tr("Date"), tr("Rationale"), tr("Snapshot (SHA-256)")},
                  tr("Sign-offs recorded for this stage"), signOffBox);
    m_signOffTable->setObjectName(QStringLiteral("signOffTable"));
    m_signOffTable->setAccessibleDescription(
        tr("Who signed this stage off, when, why, and the fingerprint of the round they signed"));
    // The rationale takes the free width and wraps; rows grow to fit it.
    QHeaderView *signOffHeader = m_signOffTable->horizontalHeader();
    for (int column = 0; column < SignOffColumnCount; ++column)
        signOffHeader->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    signOffHeader->setSectionResizeMode(RationaleColumn, QHeaderView::Stretch);
    m_signOffTable->setWordWrap(true);
    m_signOffTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_signOffTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_noSignOffsLabel = new QLabel(tr("No one has signed this stage off yet."), signOffBox);
    UiUtil::makeSecondary(m_noSignOffsLabel);
    auto *signOffLayout = new QVBoxLayout(signOffBox);
    signOffLayout->addWidget(m_noSignOffsLabel);
    signOffLayout->addWidget(m_signOffTable);

    // What later versions bring.
    m_notBuiltBox = new QGroupBox(tr("Not built yet"), content);
    m_notBuiltBox->setObjectName(QStringLiteral("notBuiltBox"));
    m_notBuiltLabel = new QLabel(m_notBuiltBox);
    m_notBuiltLabel->setObjectName(QStringLiteral("notBuiltLabel"));
    m_notBuiltLabel->setWordWrap(true);
    m_notBuiltLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *notBuiltLayout = new QVBoxLayout(m_notBuiltBox);
    notBuiltLayout->addWidget(m_notBuiltLabel);

    // The labour-market indicators, on the needs stage only.
    m_indicatorsBox = new QGroupBox(tr("Labour-market indicators"), content);
    m_indicatorsBox->setObjectName(QStringLiteral("indicatorsBox"));
    m_needsView = new NeedsView(m_edits, m_dialogs, m_indicatorsBox);
    auto *indicatorsLayout = new QVBoxLayout(m_indicatorsBox);
    indicatorsLayout->addWidget(m_needsView);

    // The Local Labour Market Agreements, on the needs stage too.
    m_agreementsBox = new QGroupBox(tr("Local Labour Market Agreements"), content);
    m_agreementsBox->setObjectName(QStringLiteral("agreementsBox"));
    m_agreementView = new AgreementView(m_edits, m_agreementsBox);
    auto *agreementsLayout = new QVBoxLayout(m_agreementsBox);
    agreementsLayout->addWidget(m_agreementView);

    // The priorities working screen, on the priorities stage only.
    m_prioritiesBox = new QGroupBox(tr("Priorities for intervention"), content);
    m_prioritiesBox->setObjectName(QStringLiteral("prioritiesBox"));
    m_prioritiesView = new PrioritiesView(m_edits, m_dialogs, m_prioritiesBox);
    auto *prioritiesLayout = new QVBoxLayout(m_prioritiesBox);
    prioritiesLayout->addWidget(m_prioritiesView);

    // The design of services, on the design stage only.
    m_designBox = new QGroupBox(tr("Design of services"), content);
    m_designBox->setObjectName(QStringLiteral("designBox"));
    m_designView = new DesignView(m_edits, m_dialogs, m_designBox);
    auto *designLayout = new QVBoxLayout(m_designBox);
    designLayout->addWidget(m_designView);

    // The structure of supply, on the supply stage only.
    m_supplyBox = new QGroupBox(tr("Shaping the structure of supply"), content);
    m_supplyBox->setObjectName(QStringLiteral("supplyBox"));
    m_supplyView = new SupplyView(m_edits, m_dialogs, m_supplyBox);
    auto *supplyLayout = new QVBoxLayout(m_supplyBox);
    supplyLayout->addWidget(m_supplyView);

    // The bid evaluation, on the selection stage only.
    m_selectionBox = new QGroupBox(tr("Selecting the provider"), content);
    m_selectionBox->setObjectName(QStringLiteral("selectionBox"));
    m_selectionView = new SelectionView(m_edits, m_dialogs, m_selectionBox);
    auto *selectionLayout = new QVBoxLayout(m_selectionBox);
    selectionLayout->addWidget(m_selectionView);

    // Monitoring, on the monitoring stage only.
    m_monitoringBox = new QGroupBox(tr("Monitoring and evaluating provision"), content);
    m_monitoringBox->setObjectName(QStringLiteral("monitoringBox"));
    m_monitoringView = new MonitoringView(m_edits, m_dialogs, m_monitoringBox);
    auto *monitoringLayout = new QVBoxLayout(m_monitoringBox);
    monitoringLayout->addWidget(m_monitoringView);

    layout->addWidget(m_heading);
    layout->addLayout(statusRow);
    layout->addWidget(needsBox);
    layout->addWidget(signOffBox);
    layout->addWidget(m_notBuiltBox);
    layout->addWidget(m_indicatorsBox);
    layout->addWidget(m_agreementsBox);
    layout->addWidget(m_prioritiesBox);
    layout->addWidget(m_designBox);
    layout->addWidget(m_supplyBox);
    layout->addWidget(m_selectionBox);
    layout->addWidget(m_monitoringBox);
    layout->addStretch(1);

    connect(m_startButton, &QPushButton::clicked, this,
            [this] { changeStatus(StageStatus::InProgress); });
    connect(m_markReadyButton, &QPushButton::clicked, this,
            [this] { changeStatus(StageStatus::ReadyForSignOff); });
    connect(m_withdrawButton, &QPushButton::clicked, this,
            [this] { changeStatus(StageStatus::InProgress); });
    connect(m_signOffButton, &QPushButton::clicked, this, &StagePage::signOff);
}

StagePage::~StagePage() = default;

void StagePage::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, &StagePage::refresh);
    m_needsView->setDocument(document);
    m_agreementView->setDocument(document);
    m_prioritiesView->setDocument(document);
    m_designView->setDocument(document);
    m_supplyView->setDocument(document);
    m_selectionView->setDocument(document);
    m_monitoringView->setDocument(document);
    refresh();
    refreshIndicatorsBox();
}

void StagePage::setStage(StageId stage)
{
    const bool changed = stage != m_stage;
    m_stage = stage;
    refresh();
    if (changed)
        refreshIndicatorsBox();
    verticalScrollBar()->setValue(0);
}

void StagePage::refresh()
{
    if (!m_document)
        return;
    const Round &round = m_document->round();
    const StageStatus status = round.stage(m_stage).status;
    m_heading->setText(tr("Stage %1 · %2").arg(stageNumber(m_stage)).arg(stageTitle(m_stage)));
    setAccessibleName(tr("Stage %1, %2").arg(stageNumber(m_stage)).arg(stageTitle(m_stage)));
    setAccessibleDescription(tr("Where stage %1 stands, what it still needs, its sign-offs and "
                                "its working screen")
                                 .arg(stageNumber(m_stage)));
    m_statusIcon->setPixmap(statusIcon(status).pixmap(16, 16));
    m_statusLabel->setText(tr("Status: %1").arg(statusName(status)));
    m_notBuiltLabel->setText(StageRules::notBuiltYet(m_stage));
    m_notBuiltBox->setVisible(!m_notBuiltLabel->text().isEmpty());
    refreshNeeds();
    refreshActions();
    refreshSignOffs();
}

void StagePage::refreshNeeds()
{
    const Round &round = m_document->round();
    const StageStatus status = round.stage(m_stage).status;
    m_needsList->clear();
    // The same sentences as StageRules::outstanding(), in its order, with what is done ticked.
    QList<Requirement> items = StageRules::requirements(round, m_stage);
    items.append({tr("Marked ready for sign-off"),
                  status == StageStatus::ReadyForSignOff || status == StageStatus::SignedOff});
    const QList<SignOffParty> missing = StageRules::missingParties(round, m_stage);
    for (SignOffParty party : StageRules::requiredParties(round.model, m_stage))
        items.append({tr("Signed off by: %1").arg(partyName(party)), !missing.contains(party)});
    // Signatures given by a party the model no longer needs still show.
    for (const SignOff &s : round.signOffsFor(m_stage)) {
        if (!StageRules::requiredParties(round.model, m_stage).contains(s.party))
            items.append({tr("Signed off by: %1").arg(partyName(s.party)), true});
    }
    for (const Requirement &item : items) {
        auto *entry = new QListWidgetItem(requirementIcon(item.met), item.text, m_needsList);
        entry->setData(Qt::UserRole, item.met);
        entry->setData(Qt::AccessibleTextRole, item.met ? tr("Done: %1").arg(item.text)
                                                        : tr("Still needed: %1").arg(item.text));
        entry->setToolTip(item.met ? tr("Done") : tr("Still needed"));
    }
    m_needsList->updateGeometry();
}

void StagePage::refreshActions()
{
    const Round &round = m_document->round();
    const StageStatus status = round.stage(m_stage).status;
    const QString notEditable = m_document->whyNotEditable();

    // Reasons are gathered first and applied together below, so that focus can be moved
    // before the focused button is disabled.
    QList<std::pair<QPushButton *, std::optional<QString>>> states;
    auto apply = [&](QPushButton *button, std::optional<QString> why) {
        if (!notEditable.isEmpty())
            why = notEditable;
        states.append({button, why});
    };

    std::optional<QString> whyNotStart;
    if (status != StageStatus::NotStarted)
        whyNotStart = status == StageStatus::SignedOff
                          ? *StageRules::whyNotStatus(round, m_stage, StageStatus::InProgress)
                          : tr("Stage %1 has already started.").arg(stageNumber(m_stage));
    else
        whyNotStart = StageRules::whyNotStatus(round, m_stage, StageStatus::InProgress);
    apply(m_startButton, whyNotStart);

    const std::optional<QString> whyNotReady =
        StageRules::whyNotStatus(round, m_stage, StageStatus::ReadyForSignOff);
    apply(m_markReadyButton, whyNotReady);

    std::optional<QString> whyNotWithdraw;
    if (status == StageStatus::ReadyForSignOff)
        whyNotWithdraw = StageRules::whyNotStatus(round, m_stage, StageStatus::InProgress);
    else if (status == StageStatus::SignedOff)
        whyNotWithdraw = StageRules::whyNotStatus(round, m_stage, StageStatus::InProgress);
    else
        whyNotWithdraw = tr("Stage %1 is not marked ready for sign-off.").arg(stageNumber(m_stage));
    apply(m_withdrawButton, whyNotWithdraw);

    const QList<SignOffParty> missing = StageRules::missingParties(round, m_stage);
    std::optional<QString> whyNotSign;
    if (missing.isEmpty())
        whyNotSign = StageRules::whyNotSignOff(
            round, m_stage,
            StageRules::requiredParties(round.model, m_stage).value(0, SignOffParty::Dwp));
    else
        whyNotSign = StageRules::whyNotSignOff(round, m_stage, missing.first());
    apply(m_signOffButton, whyNotSign);

    QList<QPushButton *> enabled;
    for (const auto &[button, why] : std::as_const(states)) {
        if (!why) {
            UiUtil::setAvailable(button, true, {}, {});
            enabled.append(button);
        }
    }
    // Left alone, Qt would move focus from a button being disabled to the next widget in the
    // chain (the indicator picker) and scroll the page there. Keep it on the next sensible step.
    QWidget *focused = QApplication::focusWidget();
    for (const auto &[button, why] : std::as_const(states)) {
        if (button == focused && why) {
            QWidget *target = m_needsList;
            for (QPushButton *candidate :
                 {m_signOffButton, m_withdrawButton, m_markReadyButton, m_startButton}) {
                if (enabled.contains(candidate)) {
                    target = candidate;
                    break;
                }
            }
            target->setFocus(Qt::OtherFocusReason);
        }
    }
    for (const auto &[button, why] : std::as_const(states)) {
        if (why)
            UiUtil::setAvailable(button, false, {}, *why);
    }

    // One line saying what happens next, so keyboard users need no tooltip.
    QString next;
    if (!notEditable.isEmpty()) {
        next = notEditable;
    } else if (status == StageStatus::SignedOff) {
        next = tr("Stage %1 is signed off: its decision is final.").arg(stageNumber(m_stage));
    } else if (status == StageStatus::ReadyForSignOff) {
        QStringList names;
        for (SignOffParty party : missing)
            names.append(partyName(party));
        next = tr("Waiting for signatures from: %1.").arg(names.join(tr(", ")));
    } else if (whyNotReady) {
        next = *whyNotReady;
    } else {
        next = tr("Everything this stage needs is in place: it can be marked ready for "
                  "sign-off.");
    }
    m_nextStepLabel->setText(next);
}

void StagePage::refreshSignOffs()
{
    const QList<SignOff> signOffs = m_document->round().signOffsFor(m_stage);
    m_signOffTable->setRowCount(int(signOffs.size()));
    int row = 0;
    for (const SignOff &s : signOffs) {
        const QString cells[SignOffColumnCount] = {
            QStringList{partyName(s.party), s.name, s.role}.join(QLatin1Char('\n')),
            QLocale().toString(s.signedAt.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm")),
            s.rationale,
            s.snapshotSha256.left(kSnapshotHexDigits),
        };
        for (int column = 0; column < SignOffColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            item->setTextAlignment(Qt::AlignLeft | Qt::AlignTop); // rows may wrap
            m_signOffTable->setItem(row, column, item);
        }
        m_signOffTable->item(row, RationaleColumn)->setToolTip(s.rationale);
        m_signOffTable->item(row, SnapshotColumn)
            ->setToolTip(tr("SHA-256 of the archived snapshot: %1").arg(s.snapshotSha256));
        QFont mono(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::Monospace);
        m_signOffTable->item(row, SnapshotColumn)->setFont(mono);
        ++row;
    }
    m_signOffTable->setVisible(!signOffs.isEmpty());
    m_noSignOffsLabel->setVisible(signOffs.isEmpty());
    m_signOffTable->updateGeometry();
}

void StagePage::refreshIndicatorsBox()
{
    m_indicatorsBox->setVisible(m_document && m_stage == StageId::Needs);
    m_agreementsBox->setVisible(m_document && m_stage == StageId::Needs);
    m_prioritiesBox->setVisible(m_document && m_stage == StageId::Priorities);
    m_designBox->setVisible(m_document && m_stage == StageId::Design);
    m_supplyBox->setVisible(m_document && m_stage == StageId::Supply);
    m_monitoringBox->setVisible(m_document && m_stage == StageId::Monitoring);
    m_selectionBox->setVisible(m_document && m_stage == StageId::Selection);
}

void StagePage::changeStatus(StageStatus status)
{
    if (!m_document)
        return;
    const StageId stage = m_stage;
    m_edits->run(tr("The stage status was not changed"),
                 [&] { return Commands::setStageStatus(m_document, stage, status); });
}

void StagePage::signOff()
{
    if (!m_document)
        return;
    const StageId stage = m_stage;
    QList<SignOffParty> parties;
    for (SignOffParty party : StageRules::missingParties(m_document->round(), stage)) {
        if (!StageRules::whyNotSignOff(m_document->round(), stage, party))
            parties.append(party);
    }
    if (parties.isEmpty())
        return;
    const std::optional<SignOffDetails> details = m_dialogs->askSignOff(window(), stage, parties);
    if (!details || !m_document)
        return;
    m_edits->run(tr("The stage was not signed off"), [&]() -> Status {
        const Result<SignOffId> signedOff = m_document->signOff(
            stage, details->party, details->name, details->role, details->rationale);
        if (!signedOff)
            return signedOff.error();
        return {};
    });
}

} // namespace CoCommission
