#include "ui/selection/scoringview.h"

#include "core/commands/tendercommands.h"
#include "core/evaluation/moderation.h"
#include "core/io/assessorpack.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/pagewidgets.h"
#include "ui/selection/evaluationwidgets.h"
#include "ui/selection/scoresheet.h"
#include "ui/uiutil.h"

#include <QBoxLayout>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSignalBlocker>
#include <QTableWidget>

namespace CoCommission {

using namespace EvaluationUi;

namespace {

QString dateTimeText(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::LongFormat);
}

/** A file name made from \a text: letters, digits, spaces and hyphens only. */
QString safeFileName(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || c == QLatin1Char(' ') || c == QLatin1Char('-'))
            out += c;
        else if (!out.endsWith(QLatin1Char(' ')))
            out += QLatin1Char(' ');
    }
    return out.simplified();
}

} // namespace

/** The sheet of the assessor scoring now, over the document; edits through the Commands. */
class ScoringView::Backend : public ScoreSheetBackend
{
public:
    explicit Backend(ScoringView *view)
        : m_view(view)
    {}

    ScoreSheetContent sheetContent() const override;
    bool saveScore(const QString &bidId, const QString &criterionId, double score,
                   const QString &comment) override;
    bool withdrawScore(const QString &bidId, const QString &criterionId) override;
    bool declare(const QString &bidder, bool conflicted) override;

private:
    ScoringView *m_view;
};

ScoreSheetContent ScoringView::Backend::sheetContent() const
{
    ScoreSheetContent content;
    RoundDocument *document = m_view->m_document;
    if (!document)
        return content;
    const Round &round = document->round();
    const Tender &tender = round.tender;
    content.assessor = m_view->assessor();
    if (content.assessor.isEmpty())
        return content; // the view says why
    const Result<CriteriaTree> tree = CriteriaTree::fromList(tender.criteria);
    if (tender.criteria.isEmpty() || !tree) {
        content.emptyReason = tr("The tender has no valid award criteria yet, so there is nothing "
                                 "to score: set them up on the Criteria tab.");
        return content;
    }
    if (!tender.bidsOpened()) {
        content.emptyReason = tr("The bids have not been opened yet. Scoring starts once they "
                                 "are, and the criteria lock then.");
        return content;
    }
    const QList<TenderBid> bids = tender.bidsFor(m_view->m_lot);
    if (bids.isEmpty()) {
        content.emptyReason =
            tr("There are no bids for %1 yet.").arg(lotName(round, m_view->m_lot));
        return content;
    }
    content.criteria = tender.criteria;
    content.scoredCriteria = tree->scoredLeaves();
    const QString frozen = document->whyTenderFrozen();
    for (const TenderBid &b : bids) {
        ScoreSheetBid sheetBid{b.id, b.bidder, lotName(round, b.lot), b.price, {}, {}};
        const ConflictDeclaration *declaration = tender.conflict(content.assessor, b.bidder);
        const QString why = frozen.isEmpty() ? whyNotScore(tender, content.assessor, b.id) : frozen;
        if (why.isEmpty())
            sheetBid.access = ScoreAccess::Open;
        else if (declaration && declaration->conflicted)
            sheetBid.access = ScoreAccess::Conflicted;
        else if (!declaration && frozen.isEmpty() && !tender.moderationOpen())
            sheetBid.access = ScoreAccess::Undeclared;
        else
            sheetBid.access = ScoreAccess::Locked;
        sheetBid.reason = why;
        if (sheetBid.access == ScoreAccess::Conflicted && !declaration->note.isEmpty())
            sheetBid.reason +=
                QLatin1Char(' ') + tr("Interest declared: %1").arg(declaration->note);
        if (sheetBid.access == ScoreAccess::Undeclared)
            sheetBid.reason += QLatin1Char(' ') + tr("Declare it here or on the Panel tab.");
        content.bids << sheetBid;
    }
    // Blind: what core lets this assessor see, and of that only their own.
    for (const IndividualScore &s : visibleScores(tender, content.assessor)) {
        if (s.assessor == content.assessor)
            content.scores << s;
    }
    return content;
}

bool ScoringView::Backend::saveScore(const QString &bidId, const QString &criterionId, double score,
                                     const QString &comment)
{
    RoundDocument *document = m_view->m_document;
    if (!document)
        return false;
    const QString assessor = m_view->assessor();
    const IndividualScore value{assessor, bidId, criterionId, score, comment, {}};
    return m_view->m_edits->run(tr("The score was not saved"), [&] {
        return Commands::setScore(document, assessor, bidId, criterionId, value);
    });
}

bool ScoringView::Backend::withdrawScore(const QString &bidId, const QString &criterionId)
{
    RoundDocument *document = m_view->m_document;
    if (!document)
        return false;
    const QString assessor = m_view->assessor();
    return m_view->m_edits->run(tr("The score was not withdrawn"), [&] {
        return Commands::setScore(document, assessor, bidId, criterionId, std::nullopt);
    });
}

bool ScoringView::Backend::declare(const QString &bidder, bool conflicted)
{
    RoundDocument *document = m_view->m_document;
    if (!document)
        return false;
    const QString assessor = m_view->assessor();
    QString note;
    if (conflicted) {
        const std::optional<QString> answer = m_view->m_dialogs->askText(
            m_view, tr("Declare a conflict of interest"),
            tr("The interest %1 has in %2 (for example a role, a relative or a shareholding). "
               "%1 will not score its bids:")
                .arg(assessor, bidder));
        if (!answer)
            return false;
        note = *answer;
    } else if (!m_view->m_dialogs->confirm(
                   m_view, tr("Declare no conflict of interest"),
                   tr("%1 declares no conflict of interest with %2: no financial, personal or "
                      "professional interest in it or its supply chain. The declaration is "
                      "recorded with the time it was made.")
                       .arg(assessor, bidder),
                   tr("Declare no conflict"))) {
        return false;
    }
    const ConflictDeclaration declaration{assessor, bidder, conflicted, note, {}};
    return m_view->m_edits->run(tr("The declaration was not recorded"), [&] {
        return Commands::setConflict(document, assessor, bidder, declaration);
    });
}

ScoringView::ScoringView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
    , m_backend(std::make_unique<Backend>(this))
{
    setObjectName(QStringLiteral("scoringView"));

    m_emptyLabel = makeText(this);
    m_emptyLabel->setObjectName(QStringLiteral("scoringEmptyLabel"));
    m_emptyLabel->hide();

    m_content = new QWidget(this);
    m_assessorCombo = new PageComboBox(m_content);
    m_assessorCombo->setObjectName(QStringLiteral("scoringAssessorCombo"));
    m_assessorCombo->setAccessibleName(tr("Scoring as"));
    m_assessorCombo->setAccessibleDescription(
        tr("The member of the panel whose score sheet is shown. Only their own scores are "
           "shown until moderation opens."));
    m_assessorCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *assessorLabel = new QLabel(tr("Scoring &as:"), m_content);
    assessorLabel->setBuddy(m_assessorCombo);
    m_assessorDetails = makeText(m_content, true);
    m_assessorDetails->setObjectName(QStringLiteral("scoringAssessorDetails"));
    auto *assessorRow = new QHBoxLayout;
    assessorRow->addWidget(assessorLabel);
    assessorRow->addWidget(m_assessorCombo);
    assessorRow->addWidget(m_assessorDetails, 1);
    m_blindLabel = makeText(m_content);
    m_blindLabel->setObjectName(QStringLiteral("scoringBlindLabel"));

    m_sheet = new ScoreSheet(m_content);

    auto *moderationHeading = UiUtil::headingLabel(tr("Moderation"), 1.15, m_content);
    m_moderationStatus = makeText(m_content);
    m_moderationStatus->setObjectName(QStringLiteral("scoringModerationStatus"));
    m_openModerationButton = makeButton(tr("O&pen moderation…"), tr("Open moderation"),
                                        QStringLiteral("openModerationButton"), m_content);
    m_openModerationButton->setToolTip(
        tr("Lock every assessor's scores and show them to the whole panel"));
    auto *moderationRow = new QHBoxLayout;
    moderationRow->addWidget(m_openModerationButton);
    moderationRow->addStretch(1);

    auto *packHeading = UiUtil::headingLabel(tr("Scoring on another desktop"), 1.15, m_content);
    m_packIntro = makeText(m_content, true);
    m_packIntro->setText(
        tr("Export a pack for the assessor: the bids, the criteria and their own scores so far, "
           "nobody else's. They open it with File > Open assessor pack… in CoCommission, score, "
           "and send back the return, which you import here. Importing is one step you can "
           "undo."));
    m_exportButton = makeButton(tr("E&xport assessor pack…"), tr("Export assessor pack"),
                                QStringLiteral("exportPackButton"), m_content);
    m_importButton = makeButton(tr("&Import returned scores…"), tr("Import returned scores"),
                                QStringLiteral("importReturnButton"), m_content);
    // Their tool tips give the reason while they are disabled; these descriptions stay.
    m_exportButton->setAccessibleDescription(
        tr("Writes a pack of the bids, the criteria and the assessor's own scores, for scoring "
           "on another desktop."));
    m_importButton->setAccessibleDescription(
        tr("Reads the scores an assessor returned from a pack into the round."));
    auto *packRow = new QHBoxLayout;
    packRow->addWidget(m_exportButton);
    packRow->addWidget(m_importButton);
    packRow->addStretch(1);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(8);
    contentLayout->addLayout(assessorRow);
    contentLayout->addWidget(m_blindLabel);
    contentLayout->addSpacing(4);
    contentLayout->addWidget(m_sheet);
    contentLayout->addSpacing(12);
    contentLayout->addWidget(moderationHeading);
    contentLayout->addWidget(m_moderationStatus);
    contentLayout->addLayout(moderationRow);
    contentLayout->addSpacing(12);
    contentLayout->addWidget(packHeading);
    contentLayout->addWidget(m_packIntro);
    contentLayout->addLayout(packRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_content);
    layout->addStretch(1);

    setTabOrder(m_assessorCombo, m_sheet->table());
    setTabOrder(m_sheet->revertButton(), m_openModerationButton);
    setTabOrder(m_openModerationButton, m_exportButton);
    setTabOrder(m_exportButton, m_importButton);

    connect(m_assessorCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        // Another assessor's sheet: nothing typed for the last one carries over.
        m_sheet->clearDrafts();
        refresh();
    });
    connect(m_openModerationButton, &QPushButton::clicked, this, &ScoringView::openModeration);
    connect(m_exportButton, &QPushButton::clicked, this, &ScoringView::exportPack);
    connect(m_importButton, &QPushButton::clicked, this, &ScoringView::importReturn);

    m_sheet->setBackend(m_backend.get());
    refresh();
}

ScoringView::~ScoringView()
{
    m_sheet->setBackend(nullptr);
}

void ScoringView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, &ScoringView::refresh);
    m_sheet->clearDrafts();
    refresh();
}

RoundDocument *ScoringView::document() const
{
    return m_document;
}

void ScoringView::setLot(CpaId lot)
{
    m_requestedLot = lot;
    m_sheet->clearDrafts();
    refresh();
}

CpaId ScoringView::lot() const
{
    return m_lot;
}

bool ScoringView::setAssessor(const QString &name)
{
    const int index = m_assessorCombo->findData(name);
    if (index < 0)
        return false;
    m_assessorCombo->setCurrentIndex(index);
    return true;
}

QString ScoringView::assessor() const
{
    return m_assessorCombo->currentData().toString();
}

void ScoringView::fillAssessors()
{
    const QScopedValueRollback updating(m_updating, true);
    const QString current = assessor();
    m_assessorCombo->clear();
    if (!m_document)
        return;
    const Round &round = m_document->round();
    for (const Assessor &a : round.tender.panel)
        m_assessorCombo->addItem(a.name, a.name);
    const int index = m_assessorCombo->findData(current);
    m_assessorCombo->setCurrentIndex(index >= 0 ? index : (m_assessorCombo->count() ? 0 : -1));
}

void ScoringView::refresh()
{
    const QString previous = assessor();
    fillAssessors();
    if (assessor() != previous)
        m_sheet->clearDrafts(); // their draft is not this assessor's

    QString empty;
    if (!m_document) {
        empty = tr("No round is open.");
    } else {
        const Round &round = m_document->round();
        m_lot = resolveLot(round, m_requestedLot);
        if (!m_lot.isValid())
            empty = tr("No CPA plan is adopted, so there are no lots to score: each lot is a CPA "
                       "of the adopted plan.");
        else if (round.tender.panel.isEmpty())
            empty = tr("The assessment panel has no members yet. Add them on the Panel tab; each "
                       "then declares their interests and scores here.");
    }
    m_emptyLabel->setText(empty);
    m_emptyLabel->setVisible(!empty.isEmpty());
    m_content->setVisible(empty.isEmpty());

    if (m_document && empty.isEmpty()) {
        const Round &round = m_document->round();
        const Tender &tender = round.tender;
        const QString name = assessor();
        if (const Assessor *a = tender.assessor(name))
            m_assessorDetails->setText(
                tr("%1, %2").arg(a->role, organisationName(round, a->organisation)));
        if (tender.moderationOpen())
            m_blindLabel->setText(
                tr("Moderation opened on %1: individual scores are locked, and the whole panel "
                   "sees everyone's scores on the Moderation tab. This sheet shows %2's own.")
                    .arg(dateTimeText(tender.moderationOpenedAt), name));
        else
            m_blindLabel->setText(
                tr("Scoring is blind: this sheet shows only %1's own scores. Nobody sees anyone "
                   "else's scores until moderation opens.")
                    .arg(name));
        m_exportButton->setText(tr("E&xport pack for %1…").arg(name));
        m_exportButton->setAccessibleName(tr("Export assessor pack for %1").arg(name));
    }
    m_sheet->refresh();
    refreshModeration();
}

void ScoringView::refreshModeration()
{
    if (!m_document) {
        m_openModerationButton->setEnabled(false);
        m_exportButton->setEnabled(false);
        m_importButton->setEnabled(false);
        return;
    }
    const Tender &tender = m_document->round().tender;
    const QString frozen = m_document->whyTenderFrozen();
    QString status;
    if (tender.moderationOpen())
        status = tr("Moderation opened on %1. The consensus scores are agreed on the Moderation "
                    "tab.")
                     .arg(dateTimeText(tender.moderationOpenedAt));
    else if (!tender.bidsOpened())
        status = tr("Moderation opens once every assessor has scored; the bids have not been "
                    "opened yet.");
    else
        status = tr("When every assessor has finished, open moderation: the individual scores "
                    "lock for the whole tender (every lot) and the panel sees them all, to agree "
                    "a consensus score with a rationale for each bid and criterion.");
    // How far each assessor has got, counts only: scoring is still blind.
    if (!tender.moderationOpen() && tender.bidsOpened()) {
        QStringList counts;
        for (const Assessor &a : tender.panel) {
            int given = 0;
            for (const IndividualScore &s : tender.scores)
                given += s.assessor == a.name ? 1 : 0;
            counts << (given == 1 ? tr("%1: %n score", nullptr, given)
                                  : tr("%1: %n scores", nullptr, given))
                          .arg(a.name);
        }
        if (!counts.isEmpty())
            status +=
                QLatin1Char(' ') +
                tr("Given so far, across every lot: %1.").arg(counts.join(QStringLiteral("; ")));
    }
    if (!frozen.isEmpty())
        status = frozen + QLatin1Char(' ') + status;
    m_moderationStatus->setText(status);
    m_openModerationButton->setEnabled(frozen.isEmpty() && tender.bidsOpened() &&
                                       !tender.moderationOpen());
    const bool packs = frozen.isEmpty() && tender.bidsOpened() && !tender.moderationOpen() &&
                       !assessor().isEmpty();
    QString packWhy = frozen;
    if (packWhy.isEmpty() && !tender.bidsOpened())
        packWhy = tr("Packs can be made once the bids are opened.");
    else if (packWhy.isEmpty() && tender.moderationOpen())
        packWhy = tr("Moderation is open: individual scores are locked, so no pack can be made or "
                     "merged.");
    UiUtil::setAvailable(m_exportButton, packs, {},
                         !packWhy.isEmpty() ? packWhy
                                            : tr("Pick the assessor whose pack to make."));
    UiUtil::setAvailable(m_importButton, packWhy.isEmpty(), {}, packWhy);
}

bool ScoringView::openModeration()
{
    if (!m_document || !m_openModerationButton->isEnabled())
        return false;
    if (!m_dialogs->confirm(
            this, tr("Open moderation"),
            tr("Open moderation for the whole tender?\n\nEvery assessor's individual scores lock: "
               "nobody can change them any more, and they become visible to the whole panel, so "
               "scoring is no longer blind. The panel then agrees a consensus score, with a "
               "rationale, for each bid and criterion.\n\nThis can be undone only while no "
               "consensus has been agreed."),
            tr("Open moderation")))
        return false;
    RoundDocument *document = m_document;
    return m_edits->run(tr("Moderation was not opened"),
                        [&] { return Commands::setModerationOpened(document, true); });
}

QString ScoringView::startDirectory() const
{
    if (m_document && !m_document->filePath().isEmpty())
        return QFileInfo(m_document->filePath()).absolutePath();
    return QDir::homePath();
}

bool ScoringView::exportPack()
{
    if (!m_document)
        return false;
    const QString name = assessor();
    const Result<AssessorPack> pack = makePack(m_document->round(), name);
    if (!pack) {
        m_dialogs->showError(this, tr("The pack was not made"), pack.errorMessage());
        return false;
    }
    const QString suggested =
        QDir(startDirectory()).filePath(tr("%1 pack.ccpack").arg(safeFileName(name)));
    const QString path = m_dialogs->saveFileName(this, tr("Export assessor pack"), suggested,
                                                 tr("Assessor packs (*.ccpack)"));
    if (path.isEmpty())
        return false;
    if (Status written = writePack(path, *pack); !written) {
        m_dialogs->showError(this, tr("The pack was not written"), written.errorMessage());
        return false;
    }
    m_dialogs->showInformation(
        this, tr("Assessor pack written"),
        tr("The pack for %1 holds %2 and their own scores so far. Send %3 to them; they open "
           "it in CoCommission with File > Open assessor pack…, score, and send back the "
           "return for you to import.")
            .arg(name,
                 pack->bids.size() == 1 ? tr("%n bid", nullptr, 1)
                                        : tr("%n bids", nullptr, int(pack->bids.size())),
                 QDir::toNativeSeparators(path)));
    return true;
}

bool ScoringView::importReturn()
{
    if (!m_document)
        return false;
    const QString path =
        m_dialogs->openFileName(this, tr("Import returned scores"), startDirectory(),
                                tr("Assessor returns (*.ccreturn);;All files (*)"));
    if (path.isEmpty())
        return false;
    const Result<PackReturn> packReturn = readReturn(path);
    if (!packReturn) {
        m_dialogs->showError(this, tr("The return was not read"), packReturn.errorMessage());
        return false;
    }
    RoundDocument *document = m_document;
    std::optional<PackMergeSummary> summary;
    const bool merged = m_edits->run(tr("The returned scores were not merged"), [&]() -> Status {
        Result<PackMergeSummary> result = mergeReturn(*document, *packReturn);
        if (!result)
            return result.error();
        summary = *result;
        return {};
    });
    if (!merged || !summary)
        return false;
    QString text;
    if (!summary->changedAnything())
        text = tr("The return from %1 holds nothing new: its scores and declarations are "
                  "already in the round.")
                   .arg(summary->assessor);
    else
        text = tr("Merged the return from %1: %2 new, %3 replaced and %4 unchanged scores; %5 new "
                  "and %6 changed declarations. Undo takes the whole return back.")
                   .arg(summary->assessor)
                   .arg(summary->newScores)
                   .arg(summary->replacedScores)
                   .arg(summary->unchangedScores)
                   .arg(summary->newDeclarations)
                   .arg(summary->changedDeclarations);
    for (const QString &note : summary->notes)
        text += QStringLiteral("\n\n") + note;
    m_dialogs->showInformation(this, tr("Returned scores imported"), text);
    setAssessor(summary->assessor);
    return true;
}

} // namespace CoCommission
