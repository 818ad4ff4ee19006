#include "ui/selection/resultsview.h"

#include "core/evaluation/moderation.h"
#include "core/evaluation/scoring.h"
#include "core/evaluation/standstill.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/noticebox.h"
#include "ui/pagewidgets.h"
#include "ui/selection/awardsigndialog.h"
#include "ui/selection/evaluationwidgets.h"
#include "ui/uiutil.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QDateEdit>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QScopedValueRollback>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace CoCommission {

using namespace EvaluationUi;

namespace {

constexpr int kNoFormula = -1; ///< the formula combo's "as published" entry
constexpr int kChartHeight = 340;
constexpr int kSummaryLines = 16;
constexpr int kBarRowHeight = 22; ///< per bar of the horizontal charts

// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
const QColor kSeriesColours[] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
                                 QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                 QColor(0xd5, 0x5e, 0x00), QColor(0x56, 0xb4, 0xe9),
                                 QColor(0xf0, 0xe4, 0x42), QColor(0x00, 0x00, 0x00)};

QColor seriesColour(qsizetype index)
{
    return kSeriesColours[index % qsizetype(std::size(kSeriesColours))];
}

enum SensitivityColumn {
    CriterionColumn,
    WeightColumn,
    FromColumn,
    ToColumn,
    RivalsColumn,
    SensitivityColumnCount
};

QChartView *makeChartView(QChart *chart, QWidget *parent)
{
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChartView *view = UiUtil::makeChartView(chart, parent, 1.1);
    view->setFixedHeight(kChartHeight);
    return view;
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QString percent(double value)
{
    return QCoreApplication::translate("CoCommission::ResultsView", "%1%").arg(number(value, 1));
}

QString dateText(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("dddd d MMMM yyyy"));
}

/** The top-level criteria that carry marks, and for each the leaves below it. */
QList<std::pair<QString, QStringList>> topLevelLeaves(const CriteriaTree &tree)
{
    QList<std::pair<QString, QStringList>> out;
    for (const QString &top : tree.children(QString())) {
        if (!tree.carriesMarks(top))
            continue;
        QStringList leaves;
        QStringList stack{top};
        while (!stack.isEmpty()) {
            const QString id = stack.takeLast();
            if (tree.isLeaf(id))
                leaves << id;
            else
                stack << tree.children(id);
        }
        out.append({top, leaves});
    }
    return out;
}

} // namespace

ResultsView::ResultsView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("resultsView"));

    m_emptyLabel = makeText(this);
    m_emptyLabel->setObjectName(QStringLiteral("resultsEmptyLabel"));

    m_content = new QWidget(this);
    m_provisionalNotice = new NoticeBox(NoticeBox::Kind::Warning, QString(), m_content);
    m_provisionalNotice->setObjectName(QStringLiteral("resultsProvisionalNotice"));

    // The price formula, for a what-if view.
    m_formulaCombo = new PageComboBox(m_content);
    m_formulaCombo->setObjectName(QStringLiteral("resultsFormulaCombo"));
    m_formulaCombo->setAccessibleName(tr("Price formula"));
    m_formulaCombo->setAccessibleDescription(
        tr("For a what-if view only: the award uses the tender's published formula."));
    m_formulaCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *formulaLabel = new QLabel(tr("Price &formula:"), m_content);
    formulaLabel->setBuddy(m_formulaCombo);
    auto *formulaRow = new QHBoxLayout;
    formulaRow->addWidget(formulaLabel);
    formulaRow->addWidget(m_formulaCombo);
    formulaRow->addStretch(1);
    m_whatIfNotice = new NoticeBox(NoticeBox::Kind::Information, QString(), m_content);
    m_whatIfNotice->setObjectName(QStringLiteral("resultsWhatIfNotice"));

    // The ranking.
    auto *resultsHeading = UiUtil::headingLabel(tr("Ranking"), 1.15, m_content);
    m_headline = makeText(m_content);
    m_headline->setObjectName(QStringLiteral("resultsHeadline"));
    m_resultsTable = makeTable({tr("Rank"), tr("Bid"), tr("Bidder"), tr("Total"), tr("Quality"),
                                tr("Social value"), tr("Price marks"), tr("Price"), tr("Status"),
                                tr("Abnormally low")},
                               m_content);
    m_resultsTable->setObjectName(QStringLiteral("resultsTable"));
    m_resultsTable->setAccessibleName(tr("Results of the lot"));
    m_resultsTable->setAccessibleDescription(
        tr("The bids ranked by total marks out of 100, with the marks for quality, social value "
           "and price, the price and the status of each."));
    QHeaderView *resultsHeader = m_resultsTable->horizontalHeader();
    resultsHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    resultsHeader->setSectionResizeMode(BidderColumn, QHeaderView::Stretch);
    for (int column : {int(TotalColumn), int(QualityColumn), int(SocialValueColumn),
                       int(PriceMarksColumn), int(PriceColumn)})
        m_resultsTable->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight |
                                                                       Qt::AlignVCenter);
    m_resultsTable->horizontalHeaderItem(TotalColumn)->setToolTip(tr("Marks out of 100"));

    // Sensitivity.
    auto *sensitivityHeading = UiUtil::headingLabel(tr("How firm the award is"), 1.15, m_content);
    m_sensitivityIntro = makeText(m_content, true);
    m_sensitivityIntro->setText(
        tr("For each criterion, the range its weight could take (as a percentage of its level, "
           "the other weights of the level rescaled in proportion) with the same winner. At the "
           "end of a range the bid named draws level."));
    m_sensitivityTable = makeTable({tr("Criterion"), tr("Weight"), tr("Same winner from"), tr("to"),
                                    tr("Draws level at the ends")},
                                   m_content);
    m_sensitivityTable->setObjectName(QStringLiteral("sensitivityTable"));
    m_sensitivityTable->setAccessibleName(tr("Weights within which the winner stays the same"));
    m_sensitivityTable->setAccessibleDescription(
        tr("For each criterion, its weight and the range of weights over which the same bid "
           "still wins, with the bid that draws level at each end."));
    QHeaderView *sensitivityHeader = m_sensitivityTable->horizontalHeader();
    sensitivityHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    sensitivityHeader->setSectionResizeMode(CriterionColumn, QHeaderView::Stretch);
    m_scoreChange = makeText(m_content);
    m_scoreChange->setObjectName(QStringLiteral("smallestScoreChangeLabel"));

    // Charts.
    auto *chartsHeading = UiUtil::headingLabel(tr("Charts"), 1.15, m_content);
    m_marksChart = new QChart;
    m_marksView = makeChartView(m_marksChart, m_content);
    m_marksView->setObjectName(QStringLiteral("marksChartView"));
    m_marksCaption = makeText(m_content, true);
    m_marksCaption->setObjectName(QStringLiteral("marksChartCaption"));
    m_scoresChart = new QChart;
    m_scoresView = makeChartView(m_scoresChart, m_content);
    m_scoresView->setObjectName(QStringLiteral("scoresChartView"));
    m_valueChart = new QChart;
    m_valueView = makeChartView(m_valueChart, m_content);
    m_valueView->setObjectName(QStringLiteral("valueChartView"));
    m_valueCaption = makeText(m_content, true);
    m_valueCaption->setObjectName(QStringLiteral("valueChartCaption"));
    m_valueCaption->setText(
        tr("Value for money: up and to the left is more quality for less money. Quality here "
           "is the marks for quality and social value, without the price marks."));

    // Assessment summaries.
    auto *summaryHeading =
        UiUtil::headingLabel(tr("Assessment summary for each bidder"), 1.15, m_content);
    auto *summaryIntro = makeText(m_content, true);
    summaryIntro->setText(tr("What the award notice owes each bidder: its scores and the reasons "
                             "against each criterion, and the winner's. Always on the published "
                             "price formula."));
    m_summaryCombo = new PageComboBox(m_content);
    m_summaryCombo->setObjectName(QStringLiteral("summaryBidCombo"));
    m_summaryCombo->setAccessibleName(tr("Bidder whose summary is shown"));
    m_summaryCombo->setToolTip(tr("The bidder whose assessment summary is shown below"));
    m_summaryCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *summaryLabel = new QLabel(tr("&Bidder:"), m_content);
    summaryLabel->setBuddy(m_summaryCombo);
    m_copyButton = makeButton(tr("&Copy summary"), tr("Copy summary to the clipboard"),
                              QStringLiteral("copySummaryButton"), m_content);
    m_copyButton->setToolTip(
        tr("Copy the bidder's assessment summary to the clipboard, for the award notice"));
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(summaryLabel);
    summaryRow->addWidget(m_summaryCombo);
    summaryRow->addWidget(m_copyButton);
    summaryRow->addStretch(1);
    m_summaryText = new QPlainTextEdit(m_content);
    m_summaryText->setObjectName(QStringLiteral("summaryText"));
    m_summaryText->setAccessibleName(tr("Assessment summary"));
    m_summaryText->setAccessibleDescription(
        tr("The chosen bidder's scores and the reasons against each criterion, and the "
           "winner's, as the award notice gives them."));
    m_summaryText->setReadOnly(true);
    m_summaryText->setTabChangesFocus(true);
    m_summaryText->setTextInteractionFlags(Qt::TextSelectableByKeyboard |
                                           Qt::TextSelectableByMouse);
    m_summaryText->setFixedHeight(m_summaryText->fontMetrics().lineSpacing() * kSummaryLines + 12);

    // Standstill.
    auto *standstillHeading = UiUtil::headingLabel(tr("Standstill"), 1.15, m_content);
    m_noticeDate = new QDateEdit(QDate::currentDate(), m_content);
    m_noticeDate->setObjectName(QStringLiteral("awardNoticeDateEdit"));
    m_noticeDate->setAccessibleName(tr("Date of the award notice"));
    m_noticeDate->setToolTip(
        tr("The day the award notice was sent, from which the standstill period is counted"));
    m_noticeDate->setCalendarPopup(true);
    m_noticeDate->setDisplayFormat(QStringLiteral("d MMMM yyyy"));
    auto *noticeLabel = new QLabel(tr("Award &notice given on:"), m_content);
    noticeLabel->setBuddy(m_noticeDate);
    auto *noticeRow = new QHBoxLayout;
    noticeRow->addWidget(noticeLabel);
    noticeRow->addWidget(m_noticeDate);
    noticeRow->addStretch(1);
    m_standstill = makeText(m_content);
    m_standstill->setObjectName(QStringLiteral("standstillLabel"));

    // The co-decision.
    auto *awardHeading = UiUtil::headingLabel(tr("Award recommendation"), 1.15, m_content);
    m_awardStatus = makeText(m_content);
    m_awardStatus->setObjectName(QStringLiteral("awardStatusLabel"));
    m_partyGrid = new QGridLayout;
    m_partyGrid->setHorizontalSpacing(16);
    m_partyGrid->setColumnStretch(2, 1);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(8);
    contentLayout->addWidget(m_provisionalNotice);
    contentLayout->addLayout(formulaRow);
    contentLayout->addWidget(m_whatIfNotice);
    contentLayout->addSpacing(6);
    contentLayout->addWidget(resultsHeading);
    contentLayout->addWidget(m_headline);
    contentLayout->addWidget(m_resultsTable);
    contentLayout->addSpacing(10);
    contentLayout->addWidget(sensitivityHeading);
    contentLayout->addWidget(m_sensitivityIntro);
    contentLayout->addWidget(m_sensitivityTable);
    contentLayout->addWidget(m_scoreChange);
    contentLayout->addSpacing(10);
    contentLayout->addWidget(chartsHeading);
    contentLayout->addWidget(m_marksView);
    contentLayout->addWidget(m_marksCaption);
    contentLayout->addWidget(m_scoresView);
    contentLayout->addWidget(m_valueView);
    contentLayout->addWidget(m_valueCaption);
    contentLayout->addSpacing(10);
    contentLayout->addWidget(summaryHeading);
    contentLayout->addWidget(summaryIntro);
    contentLayout->addLayout(summaryRow);
    contentLayout->addWidget(m_summaryText);
    contentLayout->addSpacing(10);
    contentLayout->addWidget(standstillHeading);
    contentLayout->addLayout(noticeRow);
    contentLayout->addWidget(m_standstill);
    contentLayout->addSpacing(10);
    contentLayout->addWidget(awardHeading);
    contentLayout->addWidget(m_awardStatus);
    contentLayout->addLayout(m_partyGrid);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_content);
    layout->addStretch(1);

    const QList<QWidget *> chain = {m_formulaCombo, m_resultsTable, m_sensitivityTable,
                                    m_summaryCombo, m_copyButton,   m_summaryText,
                                    m_noticeDate};
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);

    connect(m_formulaCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            refresh();
    });
    connect(m_summaryCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            refreshSummary();
    });
    connect(m_copyButton, &QPushButton::clicked, this, &ResultsView::copySummary);
    connect(m_noticeDate, &QDateEdit::dateChanged, this, &ResultsView::refreshStandstill);

    refresh();
}

ResultsView::~ResultsView() = default;

void ResultsView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, &ResultsView::refresh);
    if (m_signDialog)
        m_signDialog->reject();
    refresh();
}

RoundDocument *ResultsView::document() const
{
    return m_document;
}

void ResultsView::setLot(CpaId lot)
{
    m_requestedLot = lot;
    if (m_signDialog)
        m_signDialog->reject();
    refresh();
}

CpaId ResultsView::lot() const
{
    return m_lot;
}

void ResultsView::setPriceFormula(std::optional<PriceFormula> formula)
{
    const int index = m_formulaCombo->findData(formula ? int(*formula) : kNoFormula);
    if (index >= 0)
        m_formulaCombo->setCurrentIndex(index);
}

void ResultsView::setAwardNoticeDate(const QDate &date)
{
    m_noticeDate->setDate(date);
}

void ResultsView::refresh()
{
    QString empty;
    if (!m_document) {
        empty = tr("No round is open.");
    } else {
        const Round &round = m_document->round();
        m_lot = resolveLot(round, m_requestedLot);
        if (!m_lot.isValid())
            empty = tr("No CPA plan is adopted, so there are no lots to evaluate.");
        else if (round.tender.bidsFor(m_lot).isEmpty())
            empty = tr("There are no bids for %1 yet.").arg(lotName(round, m_lot));
    }

    // The formula choices: the published one first.
    std::optional<PriceFormula> published;
    if (m_document)
        published = m_document->round().tender.priceFormula;
    {
        const QScopedValueRollback updating(m_updating, true);
        const QVariant chosen = m_formulaCombo->currentData();
        m_formulaCombo->clear();
        if (published) {
            m_formulaCombo->addItem(tr("As published: %1").arg(priceFormulaName(*published)),
                                    kNoFormula);
            for (PriceFormula f : {PriceFormula::LowestRatio, PriceFormula::Linear}) {
                if (f != *published)
                    m_formulaCombo->addItem(tr("What if: %1").arg(priceFormulaName(f)), int(f));
            }
        }
        const int index = m_formulaCombo->findData(chosen);
        m_formulaCombo->setCurrentIndex(index >= 0 ? index : 0);
    }

    m_published.reset();
    std::optional<Evaluation> shown;
    if (empty.isEmpty()) {
        const Round &round = m_document->round();
        Result<Evaluation> evaluation = evaluateTender(round);
        if (!evaluation) {
            empty = tr("The lot cannot be evaluated yet: %1").arg(evaluation.errorMessage());
        } else {
            m_published = std::make_unique<Evaluation>(*evaluation);
            const int what = m_formulaCombo->currentData().toInt();
            if (what == kNoFormula) {
                shown = *evaluation;
            } else {
                Result<Evaluation> whatIf = evaluateTender(round, PriceFormula(what));
                if (whatIf)
                    shown = *whatIf;
                else
                    empty = tr("The lot cannot be evaluated: %1").arg(whatIf.errorMessage());
            }
            if (shown && !shown->lot(lotName(round, m_lot)))
                empty = tr("%1 has no bids to evaluate.").arg(lotName(round, m_lot));
        }
    }
    m_emptyLabel->setText(empty);
    m_emptyLabel->setVisible(!empty.isEmpty());
    m_content->setVisible(empty.isEmpty());
    if (!empty.isEmpty()) {
        clearCharts();
        m_resultsTable->setRowCount(0);
        m_summaryText->clear();
        if (m_signDialog)
            m_signDialog->reject();
        return;
    }

    const Round &round = m_document->round();
    const Tender &tender = round.tender;
    const LotResult &result = *shown->lot(lotName(round, m_lot));

    // Provisional while some score of the lot is not agreed.
    const TenderStatus status = tenderStatus(round);
    const LotProgress *progress = status.lot(m_lot);
    const bool provisional = !progress || !progress->allAgreed();
    if (progress && provisional)
        m_provisionalNotice->setText(
            tr("Provisional: %1 of the %2 scores of this lot are not agreed yet. Until the panel "
               "agrees them, the results use the provisional values (the mean of the assessors' "
               "scores, or a fail as soon as one assessor failed a pass/fail criterion), and may "
               "change.")
                .arg(progress->cells - progress->agreed)
                .arg(progress->cells));
    m_provisionalNotice->setVisible(provisional);

    const int what = m_formulaCombo->currentData().toInt();
    if (what != kNoFormula)
        m_whatIfNotice->setText(
            tr("What-if view: prices are scored by %1 instead of the published %2. Nothing is "
               "changed; the summaries and the award below use the published formula.")
                .arg(priceFormulaName(PriceFormula(what)), priceFormulaName(tender.priceFormula)));
    m_whatIfNotice->setVisible(what != kNoFormula);

    refreshResults(result);
    refreshSensitivity(result);
    refreshCharts(result);
    refreshSummary();
    refreshStandstill();
    refreshAward();
}

void ResultsView::refreshResults(const LotResult &result)
{
    const bool provisional = m_provisionalNotice->isVisibleTo(m_content);
    QStringList headline;
    if (result.winner) {
        const BidResult *winner = result.bid(*result.winner);
        headline << (provisional ? tr("Provisionally ranked first: bid %1 from %2, with %3 marks "
                                      "out of 100.")
                                 : tr("Ranked first: bid %1 from %2, with %3 marks out of 100."))
                        .arg(winner->bidId, winner->bidder, number(winner->total, 2));
        if (result.winningMargin)
            headline << tr("Winning margin: %1 marks over the runner-up.")
                            .arg(number(*result.winningMargin, 2));
    } else if (result.tiedForFirst) {
        headline << tr("No sole winner: the first place is tied.");
    } else {
        headline << tr("No bid is ranked: every bid was eliminated.");
    }
    if (result.hasTies())
        headline << tr("Bids with equal totals share a rank and are marked tied.");
    m_headline->setText(headline.join(QLatin1Char(' ')));

    m_resultsTable->setRowCount(int(result.bids.size()));
    for (int row = 0; row < int(result.bids.size()); ++row) {
        const BidResult &b = result.bids[row];
        QString rank = b.eliminated ? tr("None") : QString::number(b.rank);
        if (b.tied)
            rank = tr("%1 (tied)").arg(rank);
        QString status;
        if (b.eliminated)
            status = tr("Eliminated: %1").arg(b.reason);
        else if (result.winner && *result.winner == b.bidId)
            status = provisional ? tr("Ranked first (provisional)") : tr("Ranked first");
        else
            status = tr("Ranked");
        const QList<QTableWidgetItem *> items = {
            cell(rank),
            cell(b.bidId),
            cell(b.bidder),
            cell(number(b.total, 2), Qt::AlignRight),
            cell(number(b.quality, 2), Qt::AlignRight),
            cell(number(b.socialValue, 2), Qt::AlignRight),
            cell(number(b.priceMarks, 2), Qt::AlignRight),
            cell(money(b.price), Qt::AlignRight),
            cell(status),
            cell(b.abnormallyLow ? tr("Abnormally low: check it") : QString())};
        items[StatusColumn]->setToolTip(status);
        items[BidderColumn]->setToolTip(b.bidder);
        if (b.abnormallyLow) {
            shade(items[AbnormallyLowColumn], kFlagBackground);
            items[AbnormallyLowColumn]->setToolTip(
                tr("The price is more than %1% below the mean price of the lot: ask the bidder "
                   "to explain it before the award.")
                    .arg(number(m_document->round().tender.abnormallyLowPercent, 0)));
        }
        if (b.tied)
            shade(items[RankColumn], kFlagBackground);
        for (int column = 0; column < ResultColumnCount; ++column)
            m_resultsTable->setItem(row, column, items[column]);
    }
    fitTableHeight(m_resultsTable);
}

void ResultsView::refreshSensitivity(const LotResult &result)
{
    const Result<CriteriaTree> tree = CriteriaTree::fromList(m_document->round().tender.criteria);
    const bool hasWinner = result.winner.has_value();
    m_sensitivityIntro->setVisible(hasWinner);
    m_sensitivityTable->setVisible(hasWinner && !result.sensitivity.isEmpty());
    m_sensitivityTable->setRowCount(hasWinner ? int(result.sensitivity.size()) : 0);
    if (hasWinner && tree) {
        for (int row = 0; row < int(result.sensitivity.size()); ++row) {
            const CriterionSensitivity &s = result.sensitivity[row];
            QStringList rivals;
            if (s.rivalBelow)
                rivals << tr("%1 at %2").arg(*s.rivalBelow, percent(s.stableFrom));
            if (s.rivalAbove)
                rivals << tr("%1 at %2").arg(*s.rivalAbove, percent(s.stableTo));
            const QList<QTableWidgetItem *> items = {
                cell(criterionLabel(*tree, s.criterionId)), cell(percent(s.weight), Qt::AlignRight),
                cell(percent(s.stableFrom), Qt::AlignRight),
                cell(percent(s.stableTo), Qt::AlignRight),
                cell(rivals.isEmpty() ? tr("None: the same winner from 0% to 100%")
                                      : rivals.join(QStringLiteral("; ")))};
            for (int column = 0; column < SensitivityColumnCount; ++column)
                m_sensitivityTable->setItem(row, column, items[column]);
        }
    }
    fitTableHeight(m_sensitivityTable);

    QString text;
    if (!hasWinner) {
        text = tr("There is no sole winner, so there is no award whose firmness to measure.");
    } else if (!result.smallestScoreChange) {
        text = tr("No change to a single agreed score would change the winner.");
    } else if (tree && tree->contains(result.smallestScoreChange->criterionId)) {
        const ScoreChange &c = *result.smallestScoreChange;
        const Criterion &criterion = tree->criterion(c.criterionId);
        if (criterion.type == CriterionType::PassFail)
            text =
                (c.to < 0.5 ? tr("The smallest single change that would change the winner: "
                                 "bid %1 failing %2 instead of passing it. Then %3 would "
                                 "draw level or win.")
                            : tr("The smallest single change that would change the winner: "
                                 "bid %1 passing %2 instead of failing it. Then %3 would "
                                 "draw level or win."))
                    .arg(c.bidId, criterion.name, c.rival.isEmpty() ? tr("another bid") : c.rival);
        else
            text = tr("The smallest single change that would change the winner: bid %1's score "
                      "for %2 from %3 to %4, a change of %5 points on its 0 to %6 scale. At that "
                      "score %7 draws level; any further and it wins.")
                       .arg(c.bidId, criterion.name, scoreNumber(c.from), scoreNumber(c.to),
                            scoreNumber(c.points()))
                       .arg(criterion.scale.maxScore)
                       .arg(c.rival.isEmpty() ? tr("another bid") : c.rival);
    }
    m_scoreChange->setText(text);
}

void ResultsView::clearCharts()
{
    clearChart(m_marksChart);
    clearChart(m_scoresChart);
    clearChart(m_valueChart);
}

void ResultsView::refreshCharts(const LotResult &result)
{
    clearCharts();
    const Tender &tender = m_document->round().tender;
    const Result<CriteriaTree> tree = CriteriaTree::fromList(tender.criteria);
    if (!tree)
        return;
    QList<const BidResult *> ranked;
    int eliminated = 0;
    for (const BidResult &b : result.bids) {
        if (b.eliminated)
            ++eliminated;
        else
            ranked << &b;
    }

    // Weighted marks per bid, stacked by top-level criterion; the best bid on top.
    QStringList bidCategories;
    for (auto it = ranked.crbegin(); it != ranked.crend(); ++it)
        bidCategories << (*it)->bidId;
    auto *marks = new QHorizontalStackedBarSeries;
    const QList<std::pair<QString, QStringList>> tops = topLevelLeaves(*tree);
    for (qsizetype i = 0; i < tops.size(); ++i) {
        auto *set = new QBarSet(tree->criterion(tops[i].first).name);
        set->setColor(seriesColour(i));
        set->setBorderColor(Qt::white);
        for (auto it = ranked.crbegin(); it != ranked.crend(); ++it) {
            double sum = 0;
            for (const QString &leaf : tops[i].second)
                sum += (*it)->leafMarks.value(leaf);
            *set << sum;
        }
        marks->append(set);
    }
    m_marksChart->addSeries(marks);
    m_marksChart->setTitle(tr("Weighted marks per bid, by criterion"));
    auto *marksCategories = new QBarCategoryAxis;
    marksCategories->append(bidCategories);
    auto *marksValues = new QValueAxis;
    marksValues->setRange(0, 100);
    marksValues->setLabelFormat(QStringLiteral("%.0f"));
    marksValues->setTitleText(tr("Marks out of 100"));
    m_marksChart->addAxis(marksCategories, Qt::AlignLeft);
    m_marksChart->addAxis(marksValues, Qt::AlignBottom);
    marks->attachAxis(marksCategories);
    marks->attachAxis(marksValues);
    m_marksView->setFixedHeight(
        std::max(kChartHeight, int(ranked.size()) * 2 * kBarRowHeight + 160));
    m_marksCaption->setText(
        eliminated > 0
            ? (eliminated == 1
                   ? tr("%n eliminated bid is not shown: an eliminated bid takes no total.",
                        nullptr, eliminated)
                   : tr("%n eliminated bids are not shown: an eliminated bid takes no total.",
                        nullptr, eliminated))
            : QString());
    m_marksCaption->setVisible(eliminated > 0);

    // Scores by criterion: each bid's agreed (else provisional) score, as a share of the scale.
    const QStringList leaves = tree->scoredLeaves();
    QHash<QString, double> value; // bid + leaf -> score
    for (const ModerationRow &row : moderationRows(tender, *tree, m_lot)) {
        if (const std::optional<double> v = row.value())
            value.insert(row.bidId + QChar(u'\x1f') + row.criterionId, *v);
    }
    auto *scores = new QHorizontalBarSeries;
    QStringList leafCategories;
    for (auto it = leaves.crbegin(); it != leaves.crend(); ++it)
        leafCategories << tree->criterion(*it).name;
    for (qsizetype i = 0; i < result.bids.size(); ++i) {
        const BidResult &b = result.bids[i];
        auto *set = new QBarSet(tr("%1 %2").arg(b.bidId, b.bidder));
        set->setColor(seriesColour(i));
        for (auto it = leaves.crbegin(); it != leaves.crend(); ++it) {
            const Criterion &c = tree->criterion(*it);
            const double top = c.type == CriterionType::PassFail ? 1.0 : c.scale.maxScore;
            const double v = value.value(b.bidId + QChar(u'\x1f') + *it, 0);
            *set << (top > 0 ? 100.0 * v / top : 0);
        }
        scores->append(set);
    }
    m_scoresChart->addSeries(scores);
    m_scoresChart->setTitle(tr("Scores by criterion, as a share of each scale"));
    auto *scoreCategories = new QBarCategoryAxis;
    scoreCategories->append(leafCategories);
    auto *scoreValues = new QValueAxis;
    scoreValues->setRange(0, 100);
    scoreValues->setLabelFormat(QStringLiteral("%.0f%%"));
    scoreValues->setTitleText(tr("Score, % of the top of the scale (a pass is 100%)"));
    m_scoresChart->addAxis(scoreCategories, Qt::AlignLeft);
    m_scoresChart->addAxis(scoreValues, Qt::AlignBottom);
    scores->attachAxis(scoreCategories);
    scores->attachAxis(scoreValues);
    m_scoresView->setFixedHeight(
        std::max(kChartHeight, int(leaves.size() * std::max<qsizetype>(1, result.bids.size())) *
                                       (kBarRowHeight / 2 + 4) +
                                   160));

    // Quality against price: one series per bid, so that the legend names them.
    double lowest = 0;
    double highest = 0;
    double best = 0;
    for (qsizetype i = 0; i < ranked.size(); ++i) {
        const BidResult &b = *ranked[i];
        auto *point = new QScatterSeries;
        point->setName(tr("%1 %2").arg(b.bidId, b.bidder));
        point->setColor(seriesColour(i));
        point->setMarkerSize(14);
        point->setPointLabelsVisible(true);
        point->setPointLabelsFormat(b.bidId);
        point->setPointLabelsClipping(false);
        point->append(b.price / 1e6, b.quality + b.socialValue);
        m_valueChart->addSeries(point);
        lowest = i == 0 ? b.price : std::min(lowest, b.price);
        highest = std::max(highest, b.price);
        best = std::max(best, b.quality + b.socialValue);
    }
    m_valueChart->setTitle(tr("Quality against price"));
    auto *priceAxis = new QValueAxis;
    const double span = std::max(highest - lowest, highest * 0.1) / 1e6;
    priceAxis->setRange(std::max(0.0, lowest / 1e6 - span * 0.3), highest / 1e6 + span * 0.3);
    priceAxis->applyNiceNumbers();
    priceAxis->setLabelFormat(QStringLiteral("%.1f"));
    priceAxis->setTitleText(tr("Price, £ million"));
    auto *qualityAxis = new QValueAxis;
    qualityAxis->setRange(0, std::max(10.0, best * 1.15));
    qualityAxis->applyNiceNumbers();
    qualityAxis->setLabelFormat(QStringLiteral("%.0f"));
    qualityAxis->setTitleText(tr("Quality marks"));
    m_valueChart->addAxis(priceAxis, Qt::AlignBottom);
    m_valueChart->addAxis(qualityAxis, Qt::AlignLeft);
    for (QAbstractSeries *series : m_valueChart->series()) {
        series->attachAxis(priceAxis);
        series->attachAxis(qualityAxis);
    }
}

void ResultsView::refreshSummary()
{
    if (!m_document || !m_published)
        return;
    const Round &round = m_document->round();
    QString current = m_summaryCombo->currentData().toString();
    {
        const QScopedValueRollback updating(m_updating, true);
        m_summaryCombo->clear();
        for (const TenderBid &b : round.tender.bidsFor(m_lot))
            m_summaryCombo->addItem(tr("%1 %2").arg(b.id, b.bidder), b.id);
        const int index = m_summaryCombo->findData(current);
        m_summaryCombo->setCurrentIndex(index >= 0 ? index : (m_summaryCombo->count() ? 0 : -1));
    }
    current = m_summaryCombo->currentData().toString();
    const Result<AssessmentSummary> summary = assessmentSummary(round, *m_published, current);
    m_summaryText->setPlainText(summary ? CoCommission::summaryText(*summary)
                                        : summary.errorMessage());
    m_copyButton->setEnabled(summary.ok());
}

bool ResultsView::showSummary(const QString &bidId)
{
    const int index = m_summaryCombo->findData(bidId);
    if (index < 0)
        return false;
    m_summaryCombo->setCurrentIndex(index);
    return true;
}

void ResultsView::copySummary()
{
    if (!m_summaryText->toPlainText().isEmpty())
        QGuiApplication::clipboard()->setText(m_summaryText->toPlainText());
}

void ResultsView::refreshStandstill()
{
    const QDate notice = m_noticeDate->date();
    const QDate end = Standstill::standstillEnd(notice);
    if (!end.isValid()) {
        m_standstill->setText(tr("Choose the date of the award notice."));
        return;
    }
    m_standstill->setText(
        tr("The standstill period ends at the end of %1: 8 working days after the award notice "
           "of %2, not counting weekends or bank holidays in England and Wales. The contract may "
           "be entered into after that.")
            .arg(dateText(end), dateText(notice)));
}

void ResultsView::refreshAward()
{
    UiUtil::clearLayout(m_partyGrid);
    m_signButtons.clear();
    m_partyLabels.clear();
    if (!m_document || !m_published)
        return;
    const Round &round = m_document->round();
    const Tender &tender = round.tender;
    const QString name = lotName(round, m_lot);
    const LotResult *published = m_published->lot(name);
    const TenderStatus status = tenderStatus(round);
    const LotProgress *progress = status.lot(m_lot);
    const QList<AwardSignature> signatures = tender.signaturesFor(m_lot);
    const QStringList parties = m_document->awardParties(m_lot);

    // Why a party cannot sign now: core's own check (RoundDocument::awardWinner()).
    const auto whyNot = [&](const QString &party) {
        const Result<QString> winner = m_document->awardWinner(m_lot, party);
        return winner ? QString() : winner.errorMessage();
    };
    QString why;
    for (const QString &party : parties) {
        if (std::none_of(signatures.cbegin(), signatures.cend(),
                         [&](const AwardSignature &s) { return s.party == party; })) {
            why = whyNot(party);
            break;
        }
    }
    if (!why.isEmpty() && progress && !progress->allAgreed())
        why += QLatin1Char(' ') +
               tr("%1 of %2 scores are agreed.").arg(progress->agreed).arg(progress->cells);

    QString text;
    if (signatures.size() == parties.size() && !parties.isEmpty()) {
        text = tr("The award for %1 is co-decided: every party has signed the recommendation of "
                  "bid %2.")
                   .arg(name, signatures.first().winner);
    } else if (!signatures.isEmpty()) {
        text = tr("%1 of %2 parties have signed the recommendation of bid %3 for %4.")
                   .arg(signatures.size())
                   .arg(parties.size())
                   .arg(signatures.first().winner, name);
    } else if (published && published->winner) {
        const BidResult *winner = published->bid(*published->winner);
        text = tr("The award recommendation for %1 is bid %2 from %3. It is co-decided: %4 must "
                  "each sign it.")
                   .arg(name, winner->bidId, winner->bidder, parties.join(QStringLiteral(", ")));
    } else {
        text = tr("The award for %1 is co-decided by %2.")
                   .arg(name, parties.join(QStringLiteral(", ")));
    }
    if (!why.isEmpty() && signatures.size() < parties.size())
        text += QLatin1Char(' ') + why;
    m_awardStatus->setText(text);

    int row = 0;
    QWidget *previous = m_noticeDate; // the keyboard reaches the buttons in the parties' order
    for (const QString &party : parties) {
        auto *partyLabel = new QLabel(party, m_content);
        QFont bold = partyLabel->font();
        bold.setBold(true);
        partyLabel->setFont(bold);
        const auto signature =
            std::find_if(signatures.cbegin(), signatures.cend(),
                         [&](const AwardSignature &s) { return s.party == party; });
        auto *state = makeText(m_content);
        state->setObjectName(QStringLiteral("awardPartyStatus"));
        m_partyLabels.insert(party, state);
        m_partyGrid->addWidget(partyLabel, row, 0, Qt::AlignTop);
        m_partyGrid->addWidget(state, row, 2, Qt::AlignTop);
        if (signature != signatures.cend()) {
            state->setText(tr("Signed by %1 (%2) on %3, recommending bid %4: %5")
                               .arg(signature->name, signature->role,
                                    QLocale().toString(signature->signedAt.toLocalTime(),
                                                       QLocale::ShortFormat),
                                    signature->winner, signature->rationale));
        } else {
            state->setText(tr("Not signed yet."));
            auto *sign = makeButton(tr("Sign…"), tr("Sign the award for %1").arg(party),
                                    QStringLiteral("signAwardButton"), m_content);
            const QString reason = whyNot(party);
            UiUtil::setAvailable(
                sign, reason.isEmpty(),
                tr("Opens the dialog in which %1 signs the award recommendation.").arg(party),
                reason);
            connect(sign, &QPushButton::clicked, this, [this, party] { signAward(party); });
            m_partyGrid->addWidget(sign, row, 1, Qt::AlignTop);
            m_signButtons.insert(party, sign);
            setTabOrder(previous, sign);
            previous = sign;
        }
        ++row;
    }
}

QPushButton *ResultsView::signButton(const QString &party) const
{
    return m_signButtons.value(party);
}

QString ResultsView::partyStatus(const QString &party) const
{
    const QLabel *label = m_partyLabels.value(party);
    return label ? label->text() : QString();
}

QDialog *ResultsView::signDialog() const
{
    return m_signDialog;
}

bool ResultsView::signAward(const QString &party)
{
    QPushButton *button = signButton(party);
    if (!m_document || !m_published || !button || !button->isEnabled() || m_signDialog)
        return false;
    const Round &round = m_document->round();
    const QString name = lotName(round, m_lot);
    const LotResult *result = m_published->lot(name);
    if (!result || !result->winner)
        return false;
    const BidResult *winner = result->bid(*result->winner);
    auto *dialog = new AwardSignDialog(
        name, party,
        tr("Recommended: bid %1 from %2, ranked first with %3 marks out of 100 (a margin of %4).")
            .arg(winner->bidId, winner->bidder, number(winner->total, 2),
                 number(result->winningMargin.value_or(0), 2)),
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_signDialog = dialog;
    const CpaId lot = m_lot;
    connect(dialog, &QDialog::accepted, this, [this, dialog, lot] {
        if (m_lot == lot)
            recordSignature(dialog->party(), dialog->name(), dialog->role(), dialog->rationale());
    });
    // Window-modal, not exec(): nothing waits on it, so the window stays scriptable.
    dialog->open();
    return true;
}

bool ResultsView::recordSignature(const QString &party, const QString &name, const QString &role,
                                  const QString &rationale)
{
    if (!m_document)
        return false;
    const QString lot = lotName(m_document->round(), m_lot);
    if (!m_dialogs->confirm(this, tr("Sign the award"),
                            tr("%1 signs the award recommendation for %2 as %3.\n\nA signature is "
                               "final: it cannot be undone or withdrawn, and it clears the undo "
                               "history.")
                                .arg(name, lot, party),
                            tr("Sign")))
        return false;
    RoundDocument *document = m_document;
    const CpaId id = m_lot;
    return m_edits->run(tr("The award was not signed"),
                        [&] { return document->signAward(id, party, name, role, rationale); });
}

} // namespace CoCommission
