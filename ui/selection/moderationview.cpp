#include "ui/selection/moderationview.h"

#include "core/commands/tendercommands.h"
#include "core/evaluation/moderation.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/pagewidgets.h"
#include "ui/selection/evaluationwidgets.h"
#include "ui/uiutil.h"

#include <QBoxLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSignalBlocker>
#include <QTableWidget>

#include <cmath>

namespace CoCommission {

using namespace EvaluationUi;

namespace {

constexpr int kBidRole = Qt::UserRole + 1;
constexpr int kCriterionRole = Qt::UserRole + 2;
constexpr int kRationaleLines = 4;

enum ScoresColumn { AssessorColumn, ScoreColumn, CommentColumn, CountedColumn, ScoresColumnCount };

QString cellKey(const QString &bidId, const QString &criterionId)
{
    return bidId + QChar(u'\x1f') + criterionId;
}

} // namespace

ModerationView::ModerationView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("moderationView"));

    m_emptyLabel = makeText(this);
    m_emptyLabel->setObjectName(QStringLiteral("moderationEmptyLabel"));
    m_blindLabel = makeText(this);
    m_blindLabel->setObjectName(QStringLiteral("moderationBlindLabel"));

    m_content = new QWidget(this);

    // Progress.
    m_progressLabel = makeText(m_content);
    m_progressLabel->setObjectName(QStringLiteral("moderationProgressLabel"));
    m_progressBar = new QProgressBar(m_content);
    m_progressBar->setObjectName(QStringLiteral("moderationProgressBar"));
    m_progressBar->setAccessibleName(tr("Scores agreed"));
    m_progressBar->setFormat(tr("%v of %m agreed"));
    m_progressBar->setMaximumWidth(420);

    // Agreement per criterion.
    auto *agreementHeading =
        UiUtil::headingLabel(tr("How far the assessors agree"), 1.15, m_content);
    m_agreementIntro = makeText(m_content, true);
    m_agreementIntro->setText(
        tr("Per criterion, across the bids of this lot, Krippendorff's alpha: how far the "
           "assessors agree beyond chance. 1 means they agree perfectly, 0 no better than "
           "chance, and below 0 they disagree systematically."));
    m_agreementTable =
        makeTable({tr("Criterion"), tr("Agreement"), tr("Scores compared")}, m_content);
    m_agreementTable->setObjectName(QStringLiteral("agreementTable"));
    m_agreementTable->setAccessibleName(tr("Agreement between the assessors per criterion"));
    m_agreementTable->setAccessibleDescription(
        tr("One row per criterion with Krippendorff's alpha across the lot's bids and how many "
           "scores it compares."));
    m_agreementTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_agreementTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);

    // The cells.
    auto *cellsHeading = UiUtil::headingLabel(tr("Scores to moderate"), 1.15, m_content);
    m_filterCombo = new PageComboBox(m_content);
    m_filterCombo->setObjectName(QStringLiteral("moderationFilterCombo"));
    m_filterCombo->setAccessibleName(tr("Show"));
    m_filterCombo->setToolTip(tr("Which bids and criteria the table below lists"));
    m_filterCombo->addItem(tr("Every bid and criterion"), int(Filter::All));
    m_filterCombo->addItem(tr("Not agreed yet"), int(Filter::NotAgreed));
    m_filterCombo->addItem(tr("Flagged: spread of 2 points or more"), int(Filter::Flagged));
    m_filterCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *filterLabel = new QLabel(tr("S&how:"), m_content);
    filterLabel->setBuddy(m_filterCombo);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterCombo);
    filterRow->addStretch(1);
    m_cellTable = makeTable({tr("Bid"), tr("Criterion"), tr("Scores"), tr("Spread"), tr("Flag"),
                             tr("Provisional"), tr("Consensus")},
                            m_content);
    m_cellTable->setObjectName(QStringLiteral("moderationCellTable"));
    m_cellTable->setAccessibleName(tr("Bids and criteria to moderate"));
    m_cellTable->setAccessibleDescription(
        tr("One row per bid and criterion. Select a row to see the scores and comments and to "
           "agree the consensus below."));
    QHeaderView *cellHeader = m_cellTable->horizontalHeader();
    cellHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    cellHeader->setSectionResizeMode(CriterionColumn, QHeaderView::Stretch);
    m_filterEmpty = makeText(m_content, true);
    m_filterEmpty->setObjectName(QStringLiteral("moderationFilterEmpty"));

    // The selected cell and its consensus.
    m_cellHeading = UiUtil::headingLabel(QString(), 1.0, m_content);
    m_cellHeading->setObjectName(QStringLiteral("moderationCellHeading"));
    m_scoresTable =
        makeTable({tr("Assessor"), tr("Score"), tr("Comment"), tr("Counted")}, m_content);
    m_scoresTable->setObjectName(QStringLiteral("moderationScoresTable"));
    m_scoresTable->setAccessibleName(tr("Individual scores with their comments"));
    m_scoresTable->setAccessibleDescription(
        tr("Each assessor's score and comment for the selected bid and criterion, and whether "
           "it counts."));
    keepRowsFitted(m_scoresTable);
    QHeaderView *scoresHeader = m_scoresTable->horizontalHeader();
    scoresHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    scoresHeader->setSectionResizeMode(CommentColumn, QHeaderView::Stretch);
    m_scoresTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_cellSummary = makeText(m_content);
    m_cellSummary->setObjectName(QStringLiteral("moderationCellSummary"));

    m_consensusSpin = new PageSpinBox(m_content);
    m_consensusSpin->setObjectName(QStringLiteral("consensusSpin"));
    m_consensusSpin->setAccessibleName(tr("Consensus score"));
    m_consensusSpin->setToolTip(
        tr("The score the panel agrees for the selected bid and criterion, in place of the "
           "provisional one"));
    m_consensusSpin->setDecimals(2);
    m_consensusSpin->setSingleStep(0.5);
    m_consensusSpin->setLocale(UiUtil::numberLocale());
    m_passFailCombo = new PageComboBox(m_content);
    m_passFailCombo->setObjectName(QStringLiteral("consensusPassFailCombo"));
    m_passFailCombo->setAccessibleName(tr("Consensus: pass or fail"));
    m_passFailCombo->setToolTip(
        tr("Whether the panel agrees the bid passes or fails the selected criterion"));
    m_consensusLabel = new QLabel(tr("Consensus &score:"), m_content);
    m_consensusLabel->setBuddy(m_consensusSpin);
    m_descriptorLabel = makeText(m_content, true);
    m_descriptorLabel->setObjectName(QStringLiteral("consensusDescriptorLabel"));
    m_rationaleEdit = new QPlainTextEdit(m_content);
    m_rationaleEdit->setObjectName(QStringLiteral("consensusRationaleEdit"));
    m_rationaleEdit->setAccessibleName(tr("Rationale"));
    m_rationaleEdit->setAccessibleDescription(
        tr("Why the panel agreed this score. Required to record the consensus."));
    m_rationaleEdit->setTabChangesFocus(true);
    m_rationaleEdit->setPlaceholderText(
        tr("Why the panel agreed this score: the evidence in the bid and how the different "
           "views were resolved."));
    m_rationaleEdit->setFixedHeight(m_rationaleEdit->fontMetrics().lineSpacing() * kRationaleLines +
                                    12);
    auto *rationaleLabel = new QLabel(tr("Rationa&le (required):"), m_content);
    rationaleLabel->setBuddy(m_rationaleEdit);
    m_recordButton = makeButton(tr("&Record consensus"), tr("Record consensus"),
                                QStringLiteral("recordConsensusButton"), m_content);
    m_recordButton->setToolTip(
        tr("Record the consensus score and its rationale for the selected bid and criterion"));
    m_removeButton = makeButton(tr("Re&open"), tr("Remove the consensus and reopen the score"),
                                QStringLiteral("removeConsensusButton"), m_content);
    m_removeButton->setToolTip(tr("Remove the agreed consensus: the provisional value stands "
                                  "again until the panel agrees"));
    m_consensusHint = makeText(m_content, true);
    m_consensusHint->setObjectName(QStringLiteral("consensusHintLabel"));

    auto *scoreRow = new QHBoxLayout;
    scoreRow->addWidget(m_consensusSpin);
    scoreRow->addWidget(m_passFailCombo);
    scoreRow->addWidget(m_descriptorLabel, 1);
    auto *form = new QGridLayout;
    form->setHorizontalSpacing(12);
    form->addWidget(m_consensusLabel, 0, 0);
    form->addLayout(scoreRow, 0, 1);
    form->addWidget(rationaleLabel, 1, 0, Qt::AlignTop);
    form->addWidget(m_rationaleEdit, 1, 1);
    form->setColumnStretch(1, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_recordButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(8);
    contentLayout->addWidget(m_progressLabel);
    contentLayout->addWidget(m_progressBar);
    contentLayout->addSpacing(10);
    contentLayout->addWidget(agreementHeading);
    contentLayout->addWidget(m_agreementIntro);
    contentLayout->addWidget(m_agreementTable);
    contentLayout->addSpacing(10);
    contentLayout->addWidget(cellsHeading);
    contentLayout->addLayout(filterRow);
    contentLayout->addWidget(m_cellTable);
    contentLayout->addWidget(m_filterEmpty);
    contentLayout->addSpacing(10);
    contentLayout->addWidget(m_cellHeading);
    contentLayout->addWidget(m_scoresTable);
    contentLayout->addWidget(m_cellSummary);
    contentLayout->addLayout(form);
    contentLayout->addLayout(buttons);
    contentLayout->addWidget(m_consensusHint);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_blindLabel);
    layout->addWidget(m_content);
    layout->addStretch(1);

    const QList<QWidget *> chain = {m_agreementTable, m_filterCombo,   m_cellTable,
                                    m_scoresTable,    m_consensusSpin, m_passFailCombo,
                                    m_rationaleEdit,  m_recordButton,  m_removeButton};
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);

    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            refreshCells();
    });
    connect(m_cellTable, &QTableWidget::currentCellChanged, this, [this] {
        if (!m_updating)
            refreshEditor();
    });
    connect(m_cellTable, &QTableWidget::cellActivated, this, [this] {
        if (m_rationaleEdit->isEnabled())
            (!m_passFail ? static_cast<QWidget *>(m_consensusSpin)
                         : static_cast<QWidget *>(m_passFailCombo))
                ->setFocus(Qt::OtherFocusReason);
    });
    connect(m_consensusSpin, &QDoubleSpinBox::valueChanged, this, &ModerationView::refreshButtons);
    connect(m_passFailCombo, &QComboBox::currentIndexChanged, this,
            &ModerationView::refreshButtons);
    connect(m_rationaleEdit, &QPlainTextEdit::textChanged, this, &ModerationView::refreshButtons);
    connect(m_recordButton, &QPushButton::clicked, this, &ModerationView::recordConsensus);
    connect(m_removeButton, &QPushButton::clicked, this, &ModerationView::removeConsensus);

    refresh();
}

ModerationView::~ModerationView() = default;

void ModerationView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, &ModerationView::refresh);
    m_editorCell.clear();
    refresh();
}

RoundDocument *ModerationView::document() const
{
    return m_document;
}

void ModerationView::setLot(CpaId lot)
{
    m_requestedLot = lot;
    m_editorCell.clear();
    refresh();
}

CpaId ModerationView::lot() const
{
    return m_lot;
}

void ModerationView::setFilter(Filter filter)
{
    m_filterCombo->setCurrentIndex(m_filterCombo->findData(int(filter)));
}

QString ModerationView::whyNotModerate() const
{
    if (!m_document)
        return tr("No round is open.");
    if (const QString frozen = m_document->whyTenderFrozen(); !frozen.isEmpty())
        return frozen;
    const Tender &tender = m_document->round().tender;
    if (!tender.moderationOpen())
        return tr("Moderation has not opened yet.");
    if (!tender.signaturesFor(m_lot).isEmpty())
        return tr("The award for this lot has been signed: its consensus scores are final.");
    return {};
}

void ModerationView::refresh()
{
    QString empty;
    Result<CriteriaTree> tree = Error{QString()};
    if (!m_document) {
        empty = tr("No round is open.");
    } else {
        const Round &round = m_document->round();
        m_lot = resolveLot(round, m_requestedLot);
        tree = CriteriaTree::fromList(round.tender.criteria);
        if (!m_lot.isValid())
            empty = tr("No CPA plan is adopted, so there are no lots to moderate.");
        else if (round.tender.criteria.isEmpty() || !tree)
            empty = tr("The tender has no valid award criteria yet: there is nothing to "
                       "moderate.");
        else if (round.tender.bidsFor(m_lot).isEmpty())
            empty = tr("There are no bids for %1 yet.").arg(lotName(round, m_lot));
    }
    m_emptyLabel->setText(empty);
    m_emptyLabel->setVisible(!empty.isEmpty());
    if (!empty.isEmpty() || !m_document->round().tender.moderationOpen()) {
        const QScopedValueRollback updating(m_updating, true);
        m_cellTable->setRowCount(0);
        m_cellShown = false;
    }
    if (!empty.isEmpty()) {
        m_blindLabel->hide();
        m_content->hide();
        return;
    }

    const Round &round = m_document->round();
    const Tender &tender = round.tender;
    const TenderStatus status = tenderStatus(round);
    const LotProgress *progress = status.lot(m_lot);
    const QString name = lotName(round, m_lot);

    if (!tender.moderationOpen()) {
        // Blind: not a single score, spread or mean is shown, only how many cells have one.
        QString text = tr("Scoring is blind until moderation opens: nobody sees anyone else's "
                          "scores, so no score is shown here. When every assessor has finished, "
                          "open moderation on the Scoring tab.");
        if (progress)
            text += QLatin1Char(' ') + tr("So far %1 of the %2 cells of %3 (each bid against "
                                          "each criterion) have at least one score.")
                                           .arg(progress->scored)
                                           .arg(progress->cells)
                                           .arg(name);
        m_blindLabel->setText(text);
        m_blindLabel->show();
        m_content->hide();
        return;
    }
    m_blindLabel->hide();
    m_content->show();

    if (progress) {
        QString text = tr("%1: %2 of %3 scores agreed (each bid against each criterion).")
                           .arg(name)
                           .arg(progress->agreed)
                           .arg(progress->cells);
        if (progress->flaggedSpreads > 0)
            text += QLatin1Char(' ') + tr("Flagged for a spread of 2 points or more: %1, of "
                                          "which %2 not agreed yet.")
                                           .arg(progress->flaggedSpreads)
                                           .arg(progress->flaggedOpen);
        if (progress->scoresNotCounted > 0)
            text += QLatin1Char(' ') + tr("Scores kept but not counted, the assessor having "
                                          "declared a conflict after scoring: %1.")
                                           .arg(progress->scoresNotCounted);
        if (progress->allAgreed())
            text += QLatin1Char(' ') +
                    tr("Every score is agreed: the results are no longer provisional.");
        m_progressLabel->setText(text);
        m_progressBar->setRange(0, std::max(1, progress->cells));
        m_progressBar->setValue(progress->agreed);
    }

    // Agreement per criterion.
    const QList<InterRaterAgreement> agreement = interRaterAgreement(tender, *tree, m_lot);
    m_agreementTable->setRowCount(int(agreement.size()));
    for (int row = 0; row < int(agreement.size()); ++row) {
        const InterRaterAgreement &a = agreement[row];
        m_agreementTable->setItem(row, 0, cell(criterionLabel(*tree, a.criterionId)));
        m_agreementTable->setItem(row, 1, cell(agreementText(a)));
        m_agreementTable->setItem(
            row, 2,
            cell(a.values == 0  ? tr("None")
                 : a.units == 1 ? tr("%1 scores of 1 bid").arg(a.values)
                                : tr("%1 scores of %2 bids").arg(a.values).arg(a.units)));
    }
    fitTableHeight(m_agreementTable);

    refreshCells();
}

void ModerationView::refreshCells()
{
    if (!m_document)
        return;
    const Round &round = m_document->round();
    const Tender &tender = round.tender;
    const Result<CriteriaTree> tree = CriteriaTree::fromList(tender.criteria);
    if (!tree || !tender.moderationOpen())
        return;
    const QString bidId = currentBid();
    const QString criterionId = currentCriterion();
    const auto filter = Filter(m_filterCombo->currentData().toInt());

    QList<ModerationRow> rows;
    for (const ModerationRow &row : moderationRows(tender, *tree, m_lot)) {
        if (filter == Filter::NotAgreed && row.isAgreed())
            continue;
        if (filter == Filter::Flagged && !row.flagged)
            continue;
        rows << row;
    }

    {
        const QScopedValueRollback updating(m_updating, true);
        m_cellTable->setRowCount(int(rows.size()));
        for (int r = 0; r < int(rows.size()); ++r) {
            const ModerationRow &row = rows[r];
            const Criterion &c = tree->criterion(row.criterionId);
            const TenderBid *bid = tender.bid(row.bidId);
            auto *bidItem = cell(row.bidId);
            bidItem->setToolTip(bid ? bid->bidder : QString());
            QStringList scores;
            QStringList who;
            for (const IndividualScore &s : row.counted) {
                scores << scoreNumber(s.score);
                who << tr("%1: %2").arg(s.assessor, scoreText(c, s.score));
            }
            auto *scoresItem =
                cell(scores.isEmpty() ? tr("None") : scores.join(QStringLiteral(", ")));
            scoresItem->setToolTip(who.join(QLatin1Char('\n')));
            auto *flagItem = cell(row.flagged ? tr("Flagged: discuss") : QString());
            if (row.flagged) {
                shade(flagItem, kFlagBackground);
                flagItem->setToolTip(tr("The scores are %1 points apart: 2 or more is flagged "
                                        "for discussion.")
                                         .arg(scoreNumber(row.spread)));
            }
            QString provisional = tr("None");
            if (row.provisional)
                provisional = c.type == CriterionType::PassFail ? scoreText(c, *row.provisional)
                                                                : scoreNumber(*row.provisional);
            auto *consensusItem =
                cell(row.consensus ? tr("Agreed: %1").arg(scoreText(c, row.consensus->score))
                                   : tr("Not agreed"));
            if (row.consensus) {
                shade(consensusItem, kAgreedBackground);
                consensusItem->setToolTip(row.consensus->rationale);
            }
            const QList<QTableWidgetItem *> items = {
                bidItem,
                cell(criterionLabel(*tree, row.criterionId)),
                scoresItem,
                cell(row.hasScores() ? scoreNumber(row.spread) : QString(), Qt::AlignRight),
                flagItem,
                cell(provisional, Qt::AlignRight),
                consensusItem};
            for (int column = 0; column < CellColumnCount; ++column) {
                items[column]->setData(kBidRole, row.bidId);
                items[column]->setData(kCriterionRole, row.criterionId);
                m_cellTable->setItem(r, column, items[column]);
            }
        }
        fitTableHeight(m_cellTable);
        m_cellTable->setVisible(!rows.isEmpty());
        m_filterEmpty->setVisible(rows.isEmpty());
        m_filterEmpty->setText(filter == Filter::Flagged
                                   ? tr("No spread of 2 points or more in this lot.")
                                   : tr("Every score of this lot is agreed."));
        if (!selectCell(bidId, criterionId) && !rows.isEmpty())
            m_cellTable->setCurrentCell(0, BidColumn);
    }
    refreshEditor();
}

bool ModerationView::selectCell(const QString &bidId, const QString &criterionId)
{
    for (int row = 0; row < m_cellTable->rowCount(); ++row) {
        const QTableWidgetItem *item = m_cellTable->item(row, BidColumn);
        if (item && item->data(kBidRole).toString() == bidId &&
            item->data(kCriterionRole).toString() == criterionId) {
            m_cellTable->setCurrentCell(row, BidColumn);
            return true;
        }
    }
    return false;
}

QString ModerationView::currentBid() const
{
    const QTableWidgetItem *item = m_cellTable->currentItem();
    return item ? item->data(kBidRole).toString() : QString();
}

QString ModerationView::currentCriterion() const
{
    const QTableWidgetItem *item = m_cellTable->currentItem();
    return item ? item->data(kCriterionRole).toString() : QString();
}

void ModerationView::refreshEditor()
{
    const QString bidId = currentBid();
    const QString criterionId = currentCriterion();
    const Round *round = m_document ? &m_document->round() : nullptr;
    const Result<CriteriaTree> tree =
        round ? CriteriaTree::fromList(round->tender.criteria) : Result<CriteriaTree>(Error{});
    std::optional<ModerationRow> row;
    if (round && tree && tree->contains(criterionId)) {
        for (const ModerationRow &r : moderationRows(round->tender, *tree, m_lot)) {
            if (r.bidId == bidId && r.criterionId == criterionId)
                row = r;
        }
    }
    const bool show = row.has_value();
    m_cellShown = show;
    for (QWidget *w : {static_cast<QWidget *>(m_cellHeading), static_cast<QWidget *>(m_scoresTable),
                       static_cast<QWidget *>(m_cellSummary)})
        w->setVisible(show);
    if (!show) {
        m_consensusSpin->setEnabled(false);
        m_passFailCombo->setEnabled(false);
        m_rationaleEdit->setEnabled(false);
        m_recordButton->setEnabled(false);
        m_removeButton->setEnabled(false);
        m_consensusHint->setText(tr("Select a bid and criterion above to agree its score."));
        return;
    }
    const Tender &tender = round->tender;
    const Criterion &c = tree->criterion(criterionId);
    const TenderBid *bid = tender.bid(bidId);
    const bool passFail = c.type == CriterionType::PassFail;
    m_cellHeading->setText(
        tr("Bid %1 (%2) against %3")
            .arg(bidId, bid ? bid->bidder : QString(), criterionLabel(*tree, criterionId)));

    // Each score with its comment: the counted ones, then those kept but not counted.
    QList<std::pair<IndividualScore, bool>> scores;
    for (const IndividualScore &s : row->counted)
        scores.append({s, true});
    for (const IndividualScore &s : row->notCounted)
        scores.append({s, false});
    m_scoresTable->setRowCount(int(scores.size()));
    for (int r = 0; r < int(scores.size()); ++r) {
        const auto &[s, counted] = scores[r];
        m_scoresTable->setItem(r, AssessorColumn, cell(s.assessor));
        m_scoresTable->setItem(r, ScoreColumn, cell(scoreText(c, s.score)));
        auto *comment = cell(s.comment);
        comment->setToolTip(s.comment);
        m_scoresTable->setItem(r, CommentColumn, comment);
        m_scoresTable->setItem(
            r, CountedColumn, cell(counted ? tr("Counted") : tr("Not counted: conflict declared")));
    }
    m_scoresTable->resizeRowsToContents();
    fitTableHeight(m_scoresTable);
    m_scoresTable->setVisible(!scores.isEmpty());

    QStringList summary;
    if (!row->hasScores()) {
        summary << tr("Nobody has a counted score for this bid and criterion.");
    } else {
        if (passFail)
            summary << (row->spread > 0 ? tr("The assessors disagree: some passed the bid, some "
                                             "failed it.")
                                        : tr("The assessors agree."));
        else
            summary << tr("Spread: %1 points (%2 to %3).")
                           .arg(scoreNumber(row->spread), scoreNumber(row->min),
                                scoreNumber(row->max));
        if (row->flagged)
            summary << tr("Flagged for discussion: the scores are 2 or more points apart.");
        if (row->provisional)
            summary << (passFail
                            ? tr("Until the panel agrees, it counts as %1 (a pass only when "
                                 "every assessor passed it).")
                                  .arg(scoreText(c, *row->provisional))
                            : tr("Until the panel agrees, the provisional value %1 counts: the "
                                 "mean of the counted scores.")
                                  .arg(scoreNumber(*row->provisional)));
    }
    if (row->consensus)
        summary << tr("Agreed on %1: %2.")
                       .arg(QLocale().toString(row->consensus->agreedAt.toLocalTime(),
                                               QLocale::ShortFormat),
                            scoreText(c, row->consensus->score));
    m_cellSummary->setText(summary.join(QLatin1Char(' ')));

    // The editor starts from the consensus, else from the provisional value (the mean); it is
    // loaded again only for another cell or after the consensus changed.
    const QString key =
        cellKey(bidId, criterionId) + QChar(u'\x1f') +
        (row->consensus ? QString::number(row->consensus->score) + row->consensus->rationale
                        : QString());
    if (key != m_editorCell) {
        m_editorCell = key;
        const QSignalBlocker spinBlocker(m_consensusSpin);
        const QSignalBlocker comboBlocker(m_passFailCombo);
        const QSignalBlocker rationaleBlocker(m_rationaleEdit);
        const std::optional<double> start = row->value();
        if (passFail) {
            fillScoreCombo(m_passFailCombo, c);
            m_passFailCombo->setCurrentIndex(
                start ? m_passFailCombo->findData(*start >= 0.5 ? 1 : 0) : -1);
        } else {
            m_consensusSpin->setRange(0, c.scale.maxScore);
            m_consensusSpin->setValue(start.value_or(0));
        }
        m_rationaleEdit->setPlainText(row->consensus ? row->consensus->rationale : QString());
    }
    m_passFail = passFail;
    m_consensusSpin->setVisible(!passFail);
    m_passFailCombo->setVisible(passFail);
    m_consensusLabel->setBuddy(passFail ? static_cast<QWidget *>(m_passFailCombo)
                                        : static_cast<QWidget *>(m_consensusSpin));
    m_recordButton->setText(row->consensus ? tr("&Replace consensus") : tr("&Record consensus"));
    refreshButtons();
}

void ModerationView::refreshButtons()
{
    const QString why = whyNotModerate();
    const bool cellShown = m_cellShown && !currentBid().isEmpty();
    const bool editable = cellShown && why.isEmpty();
    m_consensusSpin->setEnabled(editable);
    m_passFailCombo->setEnabled(editable);
    m_rationaleEdit->setEnabled(cellShown);
    m_rationaleEdit->setReadOnly(!editable);

    const Tender *tender = m_document ? &m_document->round().tender : nullptr;
    const ModeratedScore *existing =
        tender && cellShown ? tender->moderated(currentBid(), currentCriterion()) : nullptr;
    const bool passFail = m_passFail;
    const double value =
        passFail ? m_passFailCombo->currentData().toDouble() : m_consensusSpin->value();
    const bool chosen = !passFail || m_passFailCombo->currentIndex() >= 0;
    const QString rationale = m_rationaleEdit->toPlainText().trimmed();
    const bool changed =
        !existing || std::abs(existing->score - value) > 1e-9 || existing->rationale != rationale;
    m_recordButton->setEnabled(editable && chosen && !rationale.isEmpty() && changed);
    m_removeButton->setEnabled(editable && existing);

    // The level the score stands at, in words, when it is one.
    QString descriptor;
    if (!passFail && tender) {
        const Result<CriteriaTree> tree = CriteriaTree::fromList(tender->criteria);
        if (tree && tree->contains(currentCriterion()) &&
            std::abs(value - std::round(value)) < 1e-9)
            descriptor = levelDescriptor(tree->criterion(currentCriterion()), int(value));
    }
    m_descriptorLabel->setText(descriptor);

    QString hint;
    if (!cellShown)
        hint = tr("Select a bid and criterion above to agree its score.");
    else if (!why.isEmpty())
        hint = why;
    else if (rationale.isEmpty())
        hint = tr("A rationale is required: say why the panel agreed this score. It is what the "
                  "assessment summary gives the bidder.");
    else if (!changed)
        hint = tr("This consensus is recorded. Change the score or the rationale to record it "
                  "again.");
    else
        hint = tr("Recording the consensus is one step you can undo.");
    m_consensusHint->setText(hint);
}

bool ModerationView::recordConsensus()
{
    if (!m_document || currentBid().isEmpty())
        return false;
    const QString bidId = currentBid();
    const QString criterionId = currentCriterion();
    const bool passFail = m_passFail;
    if (passFail && m_passFailCombo->currentIndex() < 0)
        return false;
    const double value =
        passFail ? m_passFailCombo->currentData().toDouble() : m_consensusSpin->value();
    const ModeratedScore consensus{bidId, criterionId, value, m_rationaleEdit->toPlainText(), {}};
    RoundDocument *document = m_document;
    const bool hadFocus = m_recordButton->hasFocus();
    const bool ok = m_edits->run(tr("The consensus was not recorded"), [&] {
        return Commands::setConsensus(document, bidId, criterionId, consensus);
    });
    if (ok && hadFocus)
        m_cellTable->setFocus(Qt::OtherFocusReason);
    return ok;
}

bool ModerationView::removeConsensus()
{
    if (!m_document || currentBid().isEmpty())
        return false;
    const QString bidId = currentBid();
    const QString criterionId = currentCriterion();
    if (!m_document->round().tender.moderated(bidId, criterionId))
        return false;
    RoundDocument *document = m_document;
    const bool hadFocus = m_removeButton->hasFocus();
    const bool ok = m_edits->run(tr("The consensus was not removed"), [&] {
        return Commands::setConsensus(document, bidId, criterionId, std::nullopt);
    });
    if (ok && hadFocus)
        m_cellTable->setFocus(Qt::OtherFocusReason);
    return ok;
}

} // namespace CoCommission
