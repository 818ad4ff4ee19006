// The board-paper sections of stages 4 to 6: supply, selection and monitoring. Each section is
// drawn from the same engines the stage's views and commands use (coverage and timeline checks,
// evaluateTender(), performanceReport(), contractManagerPaper()), so a paper's figures are the
// figures the officer saw on screen.
//
// Tables and figures are numbered by stage ("Table 5.2", "Figure 5.1") so that sections of
// several stages composed into one paper never share a number.

#include "core/paper/stagesections.h"

#include "core/evaluation/criteria.h"
#include "core/evaluation/moderation.h"
#include "core/evaluation/scoring.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/monitoring/contractreport.h"
#include "core/monitoring/monitoringcheck.h"
#include "core/monitoring/performance.h"
#include "core/round/round.h"
#include "core/supply/coverage.h"
#include "core/supply/supplycheck.h"
#include "core/supply/timeline.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <optional>

namespace CoCommission::Paper {

namespace {

class StageSectionsLate
{
    Q_DECLARE_TR_FUNCTIONS(StageSections)
};

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return StageSectionsLate::tr(text, disambiguation, n);
}

// ---- shared helpers ------------------------------------------------------------------------

/** Numbers the tables and figures of one stage: "Table 5.1", "Figure 5.1". */
class Numbering
{
public:
    explicit Numbering(int stage)
        : m_stage(stage)
    {}
    QString table(const QString &title)
    {
        return tr("Table %1.%2: %3").arg(m_stage).arg(++m_tables).arg(title);
    }
    QString figure(const QString &title)
    {
        return tr("Figure %1.%2: %3").arg(m_stage).arg(++m_figures).arg(title);
    }

private:
    int m_stage;
    int m_tables = 0;
    int m_figures = 0;
};

Cell textCell(const QString &text)
{
    return Cell::text_(text);
}

Cell numberCell(double value, int decimals = 0)
{
    return {formatNumber(value, decimals), value, CellKind::Number};
}

Cell percentCell(double percent, int decimals = 1)
{
    return {formatPercent(percent, decimals), percent, CellKind::Percent};
}

/** A percentage, or a dash where there is nothing to take it of (a zero profile or total). */
Cell optionalPercentCell(const std::optional<double> &percent)
{
    return percent ? percentCell(*percent) : textCell(QStringLiteral("\u2013"));
}

/** A percentage of people, \a people of \a of: disclosure control protects it as its count. */
Cell shareCell(const std::optional<double> &percent, double people, double of, bool ofPeople)
{
    Cell cell = optionalPercentCell(percent);
    if (percent)
        cell.share = Share{people, of, ofPeople, 1};
    return cell;
}

Series namedSeries(const QString &name, bool dashed = false)
{
    Series series;
    series.name = name;
    series.dashed = dashed;
    return series;
}

Cell moneyCell(double pounds)
{
    return {formatMoney(pounds), pounds, CellKind::Money};
}

/** Marks out of 100, two decimals as the evaluation report gives them. */
QString marks(double value)
{
    return formatNumber(value, 2);
}

/** A count of people in prose, where the exact figure would escape disclosure control. */
QString approximately(double value)
{
    if (value < 10)
        return tr("fewer than 10");
    return tr("about %1").arg(formatNumber(std::round(value / 10.0) * 10.0));
}

QString monthShort(const QDate &period)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(period, QStringLiteral("MMM yyyy"));
}

/** "a, b and c". */
QString listText(const QStringList &items)
{
    if (items.size() <= 1)
        return items.join(QString());
    return tr("%1 and %2")
        .arg(items.mid(0, items.size() - 1).join(QStringLiteral(", ")), items.last());
}

Section makeSection(const QList<SectionInfo> &infos, const QString &key)
{
    Section section;
    section.key = key;
    for (const SectionInfo &info : infos) {
        if (info.key == key)
            section.title = info.title;
    }
    section.level = 1;
    return section;
}

Section missing(const QList<SectionInfo> &infos, const QString &key, const QString &why)
{
    Section section = makeSection(infos, key);
    section.blocks << Block::paragraph(why);
    return section;
}

QString cpaName(const Round &round, CpaId cpa)
{
    if (!cpa.isValid())
        return tr("All CPAs");
    const Cpa *found = round.adoptedCpa(cpa);
    return found ? found->name : tr("CPA %1").arg(cpa.value());
}

// ---- stage 4: supply -----------------------------------------------------------------------

Section supplyRegister(const Round &round, Numbering &numbering)
{
    const QList<SectionInfo> infos = supplySectionInfo();
    const QList<Provider> &providers = round.supply.providers;
    if (providers.isEmpty())
        return missing(infos, QStringLiteral("supply.register"),
                       tr("No providers have been recorded in the register yet (stage 4, "
                          "Provider register)."));

    Section section = makeSection(infos, QStringLiteral("supply.register"));
    const int total = int(providers.size());
    int smes = 0, vcs = 0;
    for (const Provider &p : providers) {
        smes += p.sme ? 1 : 0;
        vcs += p.sector == ProviderSector::VoluntaryCommunity ? 1 : 0;
    }
    section.blocks << Block::paragraph(
        (total == 1
             ? tr("The provider register holds 1 organisation: ")
             : tr("The provider register holds %1 organisations: ").arg(formatNumber(total))) +
        tr("%1 in the voluntary and community sector (%2) and %3 small or medium-sized "
           "enterprises (%4).")
            .arg(formatNumber(vcs), formatPercent(100.0 * vcs / total), formatNumber(smes),
                 formatPercent(100.0 * smes / total)));

    Table table;
    table.caption = numbering.table(tr("Providers in the register by sector"));
    table.header = {tr("Sector"), tr("Providers"), tr("Of which SMEs"), tr("Share of register")};
    table.numericColumns = {1, 2, 3};
    for (ProviderSector sector :
         {ProviderSector::Private, ProviderSector::VoluntaryCommunity, ProviderSector::Public}) {
        int n = 0, sme = 0;
        for (const Provider &p : providers) {
            if (p.sector == sector) {
                ++n;
                sme += p.sme ? 1 : 0;
            }
        }
        table.rows << QList<Cell>{textCell(sectorName(sector)), numberCell(n), numberCell(sme),
                                  percentCell(100.0 * n / total)};
    }
    table.rows << QList<Cell>{textCell(tr("All sectors")), numberCell(total), numberCell(smes),
                              percentCell(100)};
    table.lastRowIsTotal = true;
    section.blocks << Block::tableBlock(table);
    return section;
}

Section supplyCoverageSection(const Round &round, Numbering &numbering)
{
    const QList<SectionInfo> infos = supplySectionInfo();
    const QString key = QStringLiteral("supply.coverage");
    if (!round.adoptedPlan())
        return missing(infos, key,
                       tr("No CPA plan has been adopted yet (stage 1), so the coverage of the "
                          "CPAs by the provider register cannot be shown."));
    if (round.supply.providers.isEmpty())
        return missing(infos, key,
                       tr("No providers have been recorded in the register yet (stage 4, "
                          "Provider register), so there is no coverage to show."));
    const CoverageMatrix m = supplyCoverage(round, round.supply);
    if (m.groups.isEmpty())
        return missing(infos, key,
                       tr("The round's catalogue has no priority groups yet (stage 2, Priority "
                          "groups), so there is no coverage to show."));

    Section section = makeSection(infos, key);
    section.blocks << Block::paragraph(
        m.wholeCatalogue
            ? tr("The number of providers in the register with a specialism serving each "
                 "priority group in each CPA. No CPA has priorities decided or agreed yet, so "
                 "every group of the catalogue counts; \u201cGap\u201d marks a group without a "
                 "specialist provider.")
            : tr("The number of providers in the register with a specialism serving each "
                 "priority group in each CPA. \u201cGap\u201d marks a priority of the CPA "
                 "without a specialist provider; a figure in brackets is a group that is not a "
                 "priority of that CPA."));

    Table coverage;
    coverage.caption = numbering.table(tr("Specialist providers by priority group and CPA"));
    coverage.header << tr("Priority group");
    for (qsizetype c = 0; c < m.cpas.size(); ++c) {
        coverage.header << m.cpas[c].name;
        coverage.numericColumns << int(c + 1);
    }
    for (qsizetype r = 0; r < m.groups.size(); ++r) {
        QList<Cell> row{textCell(m.groups[r].name)};
        for (const CoverageCell &cell : m.cells[r]) {
            Cell out = numberCell(cell.count());
            if (cell.gap)
                out.text = tr("Gap");
            else if (!cell.priority)
                out.text = QStringLiteral("(%1)").arg(out.text);
            row << out;
        }
        coverage.rows << row;
    }
    section.blocks << Block::tableBlock(coverage);

    if (m.gaps.isEmpty()) {
        section.blocks << Block::paragraph(
            tr("There are no gaps: every priority group has a specialist provider in every CPA."));
    } else {
        section.blocks << Block::paragraph(
            m.gaps.size() == 1 ? tr("The register leaves 1 gap to close before the tender:")
                               : tr("The register leaves %1 gaps to close before the tender:")
                                     .arg(formatNumber(double(m.gaps.size()))));
        QStringList gaps;
        for (const CoverageGap &g : m.gaps)
            gaps << g.message;
        section.blocks << Block::bullets(gaps);
    }

    Table perCpa;
    perCpa.caption = numbering.table(tr("Providers serving each CPA"));
    perCpa.header = {tr("CPA"),   tr("Providers"), tr("Voluntary and community"),
                     tr("Share"), tr("SMEs"),      tr("Share")};
    perCpa.numericColumns = {1, 2, 3, 4, 5};
    for (const CpaSupply &c : m.cpas)
        perCpa.rows << QList<Cell>{textCell(c.name),
                                   numberCell(double(c.providers.size())),
                                   numberCell(c.voluntaryCommunity),
                                   percentCell(100.0 * c.voluntaryCommunityShare),
                                   numberCell(c.smes),
                                   percentCell(100.0 * c.smeShare)};
    section.blocks << Block::tableBlock(perCpa);

    Chart chart;
    chart.kind = Chart::Kind::Bars;
    chart.title = numbering.figure(tr("Specialist providers by priority group and CPA"));
    chart.valueLabel = tr("Providers");
    for (const PriorityGroup &g : m.groups)
        chart.categories << g.name;
    int best = -1;
    QString bestGroup, bestCpa;
    for (qsizetype c = 0; c < m.cpas.size(); ++c) {
        Series series;
        series.name = m.cpas[c].name;
        for (qsizetype r = 0; r < m.groups.size(); ++r) {
            const int n = m.cells[r][c].count();
            series.values << n;
            if (n > best) {
                best = n;
                bestGroup = m.groups[r].name;
                bestCpa = m.cpas[c].name;
            }
        }
        chart.series << series;
    }
    QString alt = tr("Bar chart of the number of specialist providers for each of the %1 "
                     "priority groups, one bar for each of the %2 CPAs. The best covered is %3 "
                     "in %4 with %5 providers.")
                      .arg(m.groups.size())
                      .arg(m.cpas.size())
                      .arg(bestGroup, bestCpa, formatNumber(best));
    if (m.gaps.isEmpty())
        alt += u' ' + tr("There are no gaps.");
    else
        alt += u' ' + (m.gaps.size() == 1
                           ? tr("There is 1 gap, where a priority group has no specialist "
                                "provider.")
                           : tr("There are %1 gaps, where a priority group has no specialist "
                                "provider.")
                                 .arg(formatNumber(double(m.gaps.size()))));
    chart.altText = alt;
    section.blocks << Block::chartBlock(chart);
    return section;
}

Section supplyTimelineSection(const Round &round, Numbering &numbering)
{
    const QList<SectionInfo> infos = supplySectionInfo();
    const QString key = QStringLiteral("supply.timeline");
    const SupplyMarket &supply = round.supply;
    if (supply.milestones.isEmpty())
        return missing(infos, key,
                       tr("No market engagement milestones have been recorded yet (stage 4, "
                          "Timeline)."));

    Section section = makeSection(infos, key);
    const TimelineSpan span = timelineSpan(supply.milestones);
    if (span.isValid())
        section.blocks << Block::paragraph(
            tr("Market engagement and procurement run from %1 to %2.")
                .arg(longDate(span.start), longDate(span.end)));

    Table table;
    table.caption = numbering.table(tr("Market engagement timeline"));
    table.header = {tr("Milestone"), tr("Start"), tr("End"), tr("Days")};
    table.numericColumns = {3};
    QList<Milestone> milestones = supply.milestones;
    std::stable_sort(milestones.begin(), milestones.end(),
                     [](const Milestone &a, const Milestone &b) { return a.start < b.start; });
    for (const Milestone &m : std::as_const(milestones)) {
        const QString name = m.name.isEmpty() ? milestoneName(m.kind)
                                              : tr("%1: %2").arg(milestoneName(m.kind), m.name);
        table.rows << QList<Cell>{textCell(name), textCell(longDate(m.start)),
                                  textCell(longDate(m.end)),
                                  numberCell(double(m.start.daysTo(m.end)))};
    }
    section.blocks << Block::tableBlock(table);

    const QList<TimelineCheck> checks = checkTimeline(supply);
    if (checks.isEmpty()) {
        section.blocks << Block::paragraph(
            tr("The board has set no rules for the timeline (stage 4, Timeline)."));
        return section;
    }
    int unmet = 0;
    QStringList lines;
    for (const TimelineCheck &c : checks) {
        unmet += c.met ? 0 : 1;
        lines << tr("%1. %2").arg(c.description, c.explanation);
    }
    section.blocks << Block::paragraph(
        unmet == 0 ? tr("The timeline meets all %1 of the board's rules:")
                         .arg(formatNumber(double(checks.size())))
                   : tr("The timeline does not meet %1 of the board's %2 rules:")
                         .arg(formatNumber(unmet), formatNumber(double(checks.size()))));
    section.blocks << Block::bullets(lines);
    return section;
}

// ---- stage 5: selection ------------------------------------------------------------------

/** What every selection section needs, worked out once. */
struct SelectionContext
{
    const Round &round;
    const CpaPlan *plan = nullptr;
    std::optional<CriteriaTree> tree;
    QString treeError;
    std::optional<Evaluation> evaluation;
    QString evaluationError;
};

SelectionContext selectionContext(const Round &round)
{
    SelectionContext context{round, nullptr, std::nullopt, QString(), std::nullopt, QString()};
    context.plan = round.adoptedPlan();
    const Tender &tender = round.tender;
    if (!tender.criteria.isEmpty()) {
        Result<CriteriaTree> tree = CriteriaTree::fromList(tender.criteria);
        if (tree)
            context.tree = std::move(tree).value();
        else
            context.treeError = tree.errorMessage();
    }
    if (context.tree && context.plan && !tender.bids.isEmpty()) {
        Result<Evaluation> evaluation = evaluateTender(round);
        if (evaluation)
            context.evaluation = std::move(evaluation).value();
        else
            context.evaluationError = evaluation.errorMessage();
    }
    return context;
}

/** Why there are no results, or an empty string when there are. */
QString whyNoResults(const SelectionContext &c)
{
    if (c.round.tender.bids.isEmpty())
        return tr("No bids have been recorded yet (stage 5, Bids).");
    if (!c.plan)
        return tr("No CPA plan has been adopted yet (stage 1), so the bids have no lots to be "
                  "evaluated in.");
    if (c.round.tender.criteria.isEmpty())
        return tr("No award criteria have been recorded yet (stage 5, Criteria), so the bids "
                  "cannot be scored.");
    if (!c.tree)
        return tr("The award criteria are not complete (stage 5, Criteria): %1").arg(c.treeError);
    if (!c.evaluation)
        return tr("The bids cannot be evaluated yet (stage 5, Scoring and Moderation): %1")
            .arg(c.evaluationError);
    return {};
}

/** The lots of the plan that have results, in plan order. */
QList<QPair<const Cpa *, const LotResult *>> lotsWithResults(const SelectionContext &c)
{
    QList<QPair<const Cpa *, const LotResult *>> lots;
    if (!c.plan || !c.evaluation)
        return lots;
    for (const Cpa &cpa : c.plan->cpas) {
        if (const LotResult *r = c.evaluation->lot(cpa.name); r && !r->bids.isEmpty())
            lots << qMakePair(&cpa, r);
    }
    return lots;
}

/** Why the results, sensitivity or award cannot be shown for \a lots, or "". */
QString whyNoLots(const SelectionContext &c,
                  const QList<QPair<const Cpa *, const LotResult *>> &lots)
{
    if (const QString why = whyNoResults(c); !why.isEmpty())
        return why;
    if (lots.isEmpty())
        return tr("None of the bids is for a lot of the adopted CPA plan (stage 5, Bids).");
    return {};
}

QString bidLabel(const BidResult &b)
{
    return QStringLiteral("%1 %2").arg(b.bidId, b.bidder);
}

QString bidLabel(const LotResult &lot, const QString &bidId)
{
    const BidResult *b = lot.bid(bidId);
    return b ? tr("%1 (%2)").arg(bidId, b->bidder) : bidId;
}

Section selectionCriteria(const SelectionContext &c, Numbering &numbering)
{
    const QList<SectionInfo> infos = selectionSectionInfo();
    const QString key = QStringLiteral("selection.criteria");
    const Tender &tender = c.round.tender;
    if (tender.criteria.isEmpty())
        return missing(infos, key,
                       tr("No award criteria have been recorded yet (stage 5, Criteria)."));
    if (!c.tree)
        return missing(
            infos, key,
            tr("The award criteria are not complete (stage 5, Criteria): %1").arg(c.treeError));

    const CriteriaTree &tree = *c.tree;
    Section section = makeSection(infos, key);
    section.blocks << Block::paragraph(
        tr("Quality carries %1 marks out of 100, social value %2 and price %3. Price marks are "
           "given by %4. A bid more than %5 below the mean price of its lot is flagged as "
           "abnormally low.")
            .arg(formatNumber(tree.totalWeight(CriterionType::Quality), 1),
                 formatNumber(tree.totalWeight(CriterionType::SocialValue), 1),
                 formatNumber(tree.totalWeight(CriterionType::Price), 1),
                 priceFormulaName(tender.priceFormula),
                 formatPercent(tender.abnormallyLowPercent, 0)));

    Table table;
    table.caption = numbering.table(tr("Award criteria and weights"));
    table.header = {tr("Criterion"), tr("Type"), tr("Weight within its level"),
                    tr("Marks out of 100")};
    table.numericColumns = {2, 3};
    // Depth first, children indented by a dash per level.
    const auto add = [&](const auto &self, const QString &parent, int depth) -> void {
        for (const QString &id : tree.children(parent)) {
            const Criterion &criterion = tree.criterion(id);
            const QString indent =
                QString(depth, QChar(0x2013)) + (depth > 0 ? QStringLiteral(" ") : QString());
            const bool gate = criterion.type == CriterionType::PassFail;
            table.rows << QList<Cell>{
                textCell(indent + criterion.name), textCell(criterionTypeName(criterion.type)),
                gate ? textCell(tr("Pass or fail")) : percentCell(criterion.weightPercent),
                gate ? textCell(tr("None")) : numberCell(tree.effectiveWeight(id), 1)};
            self(self, id, depth + 1);
        }
    };
    add(add, QString(), 0);
    table.rows << QList<Cell>{textCell(tr("Total")), textCell(QString()), textCell(QString()),
                              numberCell(100, 1)};
    table.lastRowIsTotal = true;
    section.blocks << Block::tableBlock(table);

    if (const auto note = tree.socialValueNote())
        section.blocks << Block::note(*note);
    for (const CriteriaChange &change : tender.criteriaChanges)
        section.blocks << Block::note(
            tr("The criteria were changed after the bids were opened, on %1 by %2. Reason: %3 "
               "%4")
                .arg(longDate(change.changedAt.date()),
                     change.actor.isEmpty() ? tr("an unnamed user") : change.actor, change.reason,
                     change.summary));
    return section;
}

Section selectionResults(const SelectionContext &c, Numbering &numbering)
{
    const QList<SectionInfo> infos = selectionSectionInfo();
    const QString key = QStringLiteral("selection.results");
    const auto lots = lotsWithResults(c);
    if (const QString why = whyNoLots(c, lots); !why.isEmpty())
        return missing(infos, key, why);

    Section section = makeSection(infos, key);
    section.blocks << Block::paragraph(
        tr("Each bid's marks out of 100 by kind of criterion, as agreed by the panel, and its "
           "rank within its lot. The bid prices are reported separately."));
    for (const auto &[cpa, lot] : lots) {
        Table table;
        table.caption = numbering.table(tr("Evaluation results, %1").arg(cpa->name));
        table.header = {tr("Rank"),         tr("Bid"),         tr("Bidder"), tr("Quality"),
                        tr("Social value"), tr("Price marks"), tr("Total"),  tr("Status")};
        table.numericColumns = {0, 3, 4, 5, 6};
        Chart chart;
        chart.kind = Chart::Kind::Bars;
        chart.title = numbering.figure(tr("Total marks of the bids, %1").arg(cpa->name));
        chart.valueLabel = tr("Marks out of 100");
        Series totals;
        totals.name = tr("Total marks");
        for (const BidResult &b : lot->bids) {
            QStringList status;
            status << (b.eliminated ? tr("Eliminated: %1").arg(b.reason)
                       : b.bidId == lot->winner.value_or(QString()) ? tr("Recommended")
                                                                    : tr("Ranked"));
            if (b.tied)
                status << tr("tied");
            table.rows << QList<Cell>{b.eliminated ? textCell(tr("None")) : numberCell(b.rank),
                                      textCell(b.bidId),
                                      textCell(b.bidder),
                                      numberCell(b.quality, 2),
                                      numberCell(b.socialValue, 2),
                                      numberCell(b.priceMarks, 2),
                                      numberCell(b.total, 2),
                                      textCell(status.join(QStringLiteral(", ")))};
            chart.categories << bidLabel(b);
            totals.values << b.total;
        }
        chart.series << totals;
        section.blocks << Block::tableBlock(table);

        // The recommendation, in words.
        QString verdict;
        const BidResult *runnerUp = nullptr;
        for (const BidResult &b : lot->bids) {
            if (!b.eliminated && b.bidId != lot->winner.value_or(QString())) {
                runnerUp = &b;
                break;
            }
        }
        if (lot->winner && lot->winningMargin && runnerUp)
            verdict = tr("%1: the panel's scores make %2 the recommended bid, with %3 marks, "
                         "%4 ahead of %5.")
                          .arg(cpa->name, bidLabel(*lot, *lot->winner),
                               marks(lot->bid(*lot->winner)->total), marks(*lot->winningMargin),
                               runnerUp->bidId);
        else if (lot->winner)
            verdict = tr("%1: %2 is the recommended bid, the only bid ranked.")
                          .arg(cpa->name, bidLabel(*lot, *lot->winner));
        else if (lot->tiedForFirst)
            verdict =
                tr("%1: no bid can be recommended yet: the first place is tied.").arg(cpa->name);
        else
            verdict = tr("%1: no bid can be recommended: every bid was eliminated.").arg(cpa->name);
        section.blocks << Block::paragraph(verdict);

        int provisional = 0;
        for (const ModerationRow &row : moderationRows(c.round.tender, *c.tree, cpa->id))
            provisional += row.isAgreed() ? 0 : 1;
        if (provisional > 0)
            section.blocks << Block::note(
                tr("Provisional: %1 of the scores in this lot are not yet agreed by the panel; "
                   "the mean of the assessors' scores stands in for them.")
                    .arg(formatNumber(provisional)));

        // The alternative text names the leading bids with their marks.
        QList<const BidResult *> order;
        for (const BidResult &b : lot->bids)
            order << &b;
        std::stable_sort(order.begin(), order.end(), [](const BidResult *a, const BidResult *b) {
            return a->total > b->total;
        });
        QStringList leaders;
        for (qsizetype i = 0; i < order.size() && i < 3; ++i)
            leaders
                << tr("%1 with %2").arg(bidLabel(*lot, order[i]->bidId), marks(order[i]->total));
        chart.altText = tr("Bar chart of the total marks out of 100 of the %1 bids for %2.")
                            .arg(formatNumber(double(lot->bids.size())), cpa->name) +
                        u' ' + tr("Highest: %1.").arg(listText(leaders)) +
                        (order.size() > 3 ? u' ' + tr("Lowest: %1 with %2.")
                                                       .arg(bidLabel(*lot, order.last()->bidId),
                                                            marks(order.last()->total))
                                          : QString());
        section.blocks << Block::chartBlock(chart);
    }
    return section;
}

Section selectionSensitivity(const SelectionContext &c, Numbering &numbering)
{
    const QList<SectionInfo> infos = selectionSectionInfo();
    const QString key = QStringLiteral("selection.sensitivity");
    const auto lots = lotsWithResults(c);
    if (const QString why = whyNoLots(c, lots); !why.isEmpty())
        return missing(infos, key, why);

    const CriteriaTree &tree = *c.tree;
    const PriceFormula used = c.round.tender.priceFormula;
    const PriceFormula other =
        used == PriceFormula::LowestRatio ? PriceFormula::Linear : PriceFormula::LowestRatio;
    const Result<Evaluation> otherEvaluation = evaluateTender(c.round, other);

    Section section = makeSection(infos, key);
    section.blocks << Block::paragraph(
        tr("How far the recommendation in each lot depends on the weights and scores: for each "
           "criterion, the weight within which the recommended bid stays first (the other "
           "weights of its level rescaled in proportion), the smallest change to one score that "
           "would change the result, and the result under the other price formula."));
    for (const auto &[cpa, lot] : lots) {
        if (!lot->winner) {
            section.blocks << Block::paragraph(
                tr("%1: no bid is recommended, so there is no sensitivity to show.")
                    .arg(cpa->name));
            continue;
        }
        const QString winner = *lot->winner;
        QStringList findings;

        // The criterion whose weight can move least before the result changes.
        const CriterionSensitivity *tightest = nullptr;
        double tightestRoom = 1e9;
        for (const CriterionSensitivity &s : lot->sensitivity) {
            const double below = s.rivalBelow ? s.weight - s.stableFrom : 1e9;
            const double above = s.rivalAbove ? s.stableTo - s.weight : 1e9;
            if (std::min(below, above) < tightestRoom) {
                tightestRoom = std::min(below, above);
                tightest = &s;
            }
        }
        if (tightest) {
            findings << tr("The weight that can move least is that of %1, %2 now: %3 stays first "
                           "from %4 to %5.")
                            .arg(tree.criterion(tightest->criterionId).name,
                                 formatPercent(tightest->weight), winner,
                                 formatPercent(tightest->stableFrom),
                                 formatPercent(tightest->stableTo));
        } else if (!lot->sensitivity.isEmpty()) {
            findings << tr("No change to a single weight, from 0% to 100%, changes the result.");
        }
        if (const auto &change = lot->smallestScoreChange) {
            const QString rival = change->rival.isEmpty() ? tr("no bid") : change->rival;
            findings << (tree.criterion(change->criterionId).type == CriterionType::PassFail
                             ? tr("The smallest score change: bid %1 %2 %3 would change the "
                                  "result (%4 would then lead).")
                                   .arg(change->bidId,
                                        change->to > change->from ? tr("passing") : tr("failing"),
                                        tree.criterion(change->criterionId).name, rival)
                             : tr("The smallest score change: bid %1 against %2 from %3 to %4 "
                                  "(%5 points) would bring %6 level with %7.")
                                   .arg(change->bidId, tree.criterion(change->criterionId).name,
                                        formatNumber(change->from, 2), formatNumber(change->to, 2),
                                        formatNumber(change->points(), 2), rival, winner));
        } else {
            findings << tr("No change to a single score changes the result.");
        }
        if (otherEvaluation) {
            const LotResult *alt = otherEvaluation->lot(cpa->name);
            const std::optional<QString> otherWinner = alt ? alt->winner : std::nullopt;
            findings << (otherWinner == lot->winner
                             ? tr("Under the other price formula (%1) %2 is still first.")
                                   .arg(priceFormulaName(other), winner)
                         : otherWinner ? tr("Under the other price formula (%1) %2 would be first "
                                            "instead of %3.")
                                             .arg(priceFormulaName(other), *otherWinner, winner)
                                       : tr("Under the other price formula (%1) no bid would be "
                                            "first alone.")
                                             .arg(priceFormulaName(other)));
        }
        section.blocks << Block::paragraph(
            tr("%1: %2 is recommended, %3 marks ahead.")
                .arg(cpa->name, bidLabel(*lot, winner), marks(lot->winningMargin.value_or(0))));
        section.blocks << Block::bullets(findings);

        if (lot->sensitivity.isEmpty())
            continue;
        Table table;
        table.caption =
            numbering.table(tr("Weights within which %1 stays first, %2").arg(winner, cpa->name));
        table.header = {tr("Criterion"), tr("Weight now"), tr("Stable from"), tr("Stable to"),
                        tr("Rival at the bounds")};
        table.numericColumns = {1, 2, 3};
        Chart chart;
        chart.kind = Chart::Kind::Bars;
        chart.title =
            numbering.figure(tr("Weights within which %1 stays first, %2").arg(winner, cpa->name));
        chart.valueLabel = tr("Weight within its level (%)");
        Series now = namedSeries(tr("Weight now"));
        Series from = namedSeries(tr("Lowest weight keeping the result"));
        Series to = namedSeries(tr("Highest weight keeping the result"));
        for (const CriterionSensitivity &s : lot->sensitivity) {
            QStringList rivals;
            if (s.rivalBelow)
                rivals << tr("%1 below").arg(*s.rivalBelow);
            if (s.rivalAbove)
                rivals << tr("%1 above").arg(*s.rivalAbove);
            const QString name = tree.criterion(s.criterionId).name;
            table.rows << QList<Cell>{
                textCell(name), percentCell(s.weight), percentCell(s.stableFrom),
                percentCell(s.stableTo),
                textCell(rivals.isEmpty() ? tr("None") : rivals.join(QStringLiteral(", ")))};
            chart.categories << name;
            now.values << s.weight;
            from.values << s.stableFrom;
            to.values << s.stableTo;
        }
        chart.series = {now, from, to};
        chart.altText =
            tr("Bar chart for %1 of the weight of each of %3 criteria now, with the lowest and "
               "highest weight at which %2 stays first.")
                .arg(cpa->name, winner, formatNumber(double(lot->sensitivity.size()))) +
            u' ' +
            (tightest
                 ? tr("The narrowest range is %1: %2 now, stable from %3 to %4.")
                       .arg(tree.criterion(tightest->criterionId).name,
                            formatPercent(tightest->weight), formatPercent(tightest->stableFrom),
                            formatPercent(tightest->stableTo))
                 : tr("Every criterion can take any weight from 0% to 100% without "
                      "changing the result."));
        section.blocks << Block::tableBlock(table);
        section.blocks << Block::chartBlock(chart);
    }
    return section;
}

Section selectionAward(const SelectionContext &c, Numbering &numbering)
{
    const QList<SectionInfo> infos = selectionSectionInfo();
    const QString key = QStringLiteral("selection.award");
    const auto lots = lotsWithResults(c);
    if (const QString why = whyNoLots(c, lots); !why.isEmpty())
        return missing(infos, key, why);

    Section section = makeSection(infos, key);
    const Tender &tender = c.round.tender;
    for (const auto &[cpa, lot] : lots) {
        const QStringList parties = c.round.priorityPartners(*cpa);
        const QList<AwardSignature> signatures = tender.signaturesFor(cpa->id);
        QStringList signedBy;
        for (const AwardSignature &s : signatures)
            signedBy << s.party;
        QStringList awaiting;
        for (const QString &party : parties) {
            if (!signedBy.contains(party))
                awaiting << party;
        }
        QString recommendation = lot->winner
                                     ? tr("%1: the recommendation is to award the contract to %2.")
                                           .arg(cpa->name, bidLabel(*lot, *lot->winner))
                                     : tr("%1: there is no bid to recommend yet.").arg(cpa->name);
        recommendation +=
            u' ' + (awaiting.isEmpty()
                        ? tr("Every party has signed the recommendation.")
                        : tr("Awaiting the signature of %1.").arg(listText(awaiting)));
        section.blocks << Block::paragraph(recommendation);

        Table table;
        table.caption =
            numbering.table(tr("Signatures on the award recommendation, %1").arg(cpa->name));
        table.header = {tr("Party"), tr("Signed by"), tr("Role"), tr("Date"),
                        tr("Bid recommended")};
        QStringList listed = parties;
        for (const QString &party : std::as_const(signedBy)) {
            if (!listed.contains(party))
                listed << party;
        }
        for (const QString &party : std::as_const(listed)) {
            const auto it = std::find_if(signatures.begin(), signatures.end(),
                                         [&](const AwardSignature &s) { return s.party == party; });
            if (it == signatures.end()) {
                table.rows << QList<Cell>{textCell(party), textCell(tr("Not yet signed")),
                                          textCell(QString()), textCell(QString()),
                                          textCell(QString())};
                continue;
            }
            QString winner = it->winner;
            if (lot->winner && it->winner != *lot->winner)
                winner = tr("%1 (the recommendation is now %2)").arg(it->winner, *lot->winner);
            table.rows << QList<Cell>{textCell(party), textCell(it->name), textCell(it->role),
                                      textCell(longDate(it->signedAt.date())), textCell(winner)};
        }
        section.blocks << Block::tableBlock(table);
    }
    return section;
}

Section selectionPrices(const SelectionContext &c, Numbering &numbering)
{
    const QList<SectionInfo> infos = selectionSectionInfo();
    const QString key = QStringLiteral("selection.prices");
    const Tender &tender = c.round.tender;
    if (tender.bids.isEmpty())
        return missing(infos, key, tr("No bids have been recorded yet (stage 5, Bids)."));

    Section section = makeSection(infos, key);
    section.blocks << Block::paragraph(
        tr("Each bid's whole-contract price, the price marks it earns (%1) and whether it is "
           "abnormally low: more than %2 below the mean price of its lot. This is exempt "
           "information until the award is signed.")
            .arg(priceFormulaName(tender.priceFormula),
                 formatPercent(tender.abnormallyLowPercent, 0)));

    // Lots in plan order, then bids outside the plan, each in the tender's order.
    QList<CpaId> order;
    if (c.plan) {
        for (const Cpa &cpa : c.plan->cpas)
            order << cpa.id;
    }
    for (const TenderBid &bid : tender.bids) {
        if (!order.contains(bid.lot))
            order << bid.lot;
    }

    Table table;
    table.caption = numbering.table(tr("Bid prices and price marks"));
    table.header = {tr("Lot"),   tr("Bid"),         tr("Bidder"),
                    tr("Price"), tr("Price marks"), tr("Abnormally low")};
    table.numericColumns = {3, 4};
    QStringList flagged;
    for (CpaId lotId : std::as_const(order)) {
        const QList<TenderBid> bids = tender.bidsFor(lotId);
        if (bids.isEmpty())
            continue;
        const Cpa *cpa = c.round.adoptedCpa(lotId);
        const QString lotName = cpa ? cpa->name : tr("Not a lot of the plan");
        const LotResult *result = c.evaluation && cpa ? c.evaluation->lot(cpa->name) : nullptr;
        QList<double> prices;
        for (const TenderBid &bid : bids)
            prices << bid.price;
        const QList<bool> low = Evaluator::abnormallyLow(prices, tender.abnormallyLowPercent);
        for (qsizetype i = 0; i < bids.size(); ++i) {
            const TenderBid &bid = bids[i];
            const BidResult *r = result ? result->bid(bid.id) : nullptr;
            const bool isLow = r ? r->abnormallyLow : low.value(i);
            table.rows << QList<Cell>{textCell(lotName),
                                      textCell(bid.id),
                                      textCell(bid.bidder),
                                      moneyCell(bid.price),
                                      r ? numberCell(r->priceMarks, 2) : textCell(tr("Not scored")),
                                      textCell(isLow ? tr("Yes") : tr("No"))};
            if (isLow)
                flagged << tr("%1 (%2) at %3 in %4")
                               .arg(bid.id, bid.bidder, formatMoney(bid.price), lotName);
        }
    }
    section.blocks << Block::tableBlock(table);
    if (flagged.isEmpty()) {
        section.blocks << Block::paragraph(tr("No bid is abnormally low."));
    } else {
        section.blocks << Block::paragraph(
            tr("Abnormally low bids: the bidder must be asked to explain the price before the "
               "award:"));
        section.blocks << Block::bullets(flagged);
    }
    return section;
}

// ---- stage 6: monitoring -----------------------------------------------------------------

struct MonitoringContext
{
    const Round &round;
    std::optional<PerformanceReport> report;
    QString why; ///< why there is no report
    QDate asAt;  ///< the date overdue actions are judged on
};

MonitoringContext monitoringContext(const Round &round)
{
    MonitoringContext context{round, std::nullopt, QString(), QDate()};
    const Monitoring &monitoring = round.monitoring;
    if (!monitoring.profile.hasPeriod()) {
        context.why = tr("No contract profile has been set yet (stage 6, Contract profile).");
    } else if (monitoring.returns.isEmpty()) {
        context.why = tr("No performance returns have been received yet (stage 6, Returns).");
    } else {
        Result<PerformanceReport> report = performanceReport(round);
        if (report)
            context.report = std::move(report).value();
        else
            context.why = tr("The performance report cannot be made (stage 6, Returns): %1")
                              .arg(report.errorMessage());
    }
    // A fixed date, so that the same round always gives the same paper: the end of the month
    // reported to, else the latest meeting, else today.
    if (context.report) {
        context.asAt = context.report->period.addMonths(1).addDays(-1);
    } else {
        for (const BoardMeeting &m : monitoring.board.meetings) {
            if (m.date.isValid() && (!context.asAt.isValid() || m.date > context.asAt))
                context.asAt = m.date;
        }
    }
    if (!context.asAt.isValid())
        context.asAt = QDate::currentDate();
    return context;
}

QString ragText(const std::optional<Rag> &rag)
{
    return rag ? ragName(*rag) : tr("No profile");
}

Section monitoringPerformance(const MonitoringContext &c, Numbering &numbering)
{
    const QList<SectionInfo> infos = monitoringSectionInfo();
    const QString key = QStringLiteral("monitoring.performance");
    if (!c.report)
        return missing(infos, key, c.why);
    const PerformanceReport &report = *c.report;
    const ProgrammeBoard &board = c.round.monitoring.board;

    Section section = makeSection(infos, key);
    section.blocks << Block::paragraph(
        tr("Performance to date, from %1 to %2, against the contract profile. Green: at least "
           "%3 of profile; amber: at least %4; red: below that.")
            .arg(periodName(report.from), periodName(report.period),
                 formatPercent(board.greenPercent, 0), formatPercent(board.amberPercent, 0)));

    Table table;
    table.caption = numbering.table(
        tr("Performance to %1 against the profile by CPA").arg(periodName(report.period)));
    table.header = {tr("CPA"),     tr("Measure"),      tr("Actual"),
                    tr("Profile"), tr("% of profile"), tr("RAG")};
    table.numericColumns = {2, 3, 4};
    QStringList red, redProtected; // the latter without the shares, for disclosure control
    const auto addRow = [&](const PerformanceRow &row, const QString &cpa) {
        table.rows << QList<Cell>{textCell(cpa), textCell(monitoringMeasureName(row.measure)),
                                  Cell::count(row.actual),
                                  // A planned figure, not people: printed as it is.
                                  numberCell(row.profile),
                                  shareCell(row.percentOfProfile, row.actual, row.profile, false),
                                  textCell(ragText(row.rag))};
        if (row.rag == Rag::Red) {
            const QString measure = monitoringMeasureName(row.measure).toLower();
            red << tr("%1, %2 (%3 of profile)")
                       .arg(cpa, measure, formatPercent(row.percentOfProfile.value_or(0)));
            redProtected << tr("%1, %2").arg(cpa, measure);
        }
    };
    for (const PerformanceRow &row : report.rows) {
        if (row.group.isEmpty())
            addRow(row, row.cpaName);
    }
    for (const PerformanceRow &row : report.totals)
        addRow(row, tr("All CPAs"));
    section.blocks << Block::tableBlock(table);

    Block redBlock = Block::paragraph(red.isEmpty() ? tr("No CPA is red on any measure.")
                                                    : tr("Red: %1.").arg(listText(red)));
    if (!red.isEmpty())
        redBlock.protectedText = tr("Red: %1.").arg(listText(redProtected));
    section.blocks << redBlock;
    if (!report.warnings.isEmpty()) {
        section.blocks << Block::paragraph(tr("The returns need checking:"));
        section.blocks << Block::bullets(report.warnings);
    }
    return section;
}

Section monitoringTrend(const MonitoringContext &c, Numbering &numbering)
{
    const QList<SectionInfo> infos = monitoringSectionInfo();
    const QString key = QStringLiteral("monitoring.trend");
    if (!c.report)
        return missing(infos, key, c.why);
    const MonitoringMeasure measure = MonitoringMeasure::Starts;
    const QList<TrendPoint> trend =
        performanceTrend(c.round, CpaId(), QString(), measure, c.report->period);
    if (trend.isEmpty())
        return missing(infos, key,
                       tr("No contract period has been set yet (stage 6, Contract profile)."));

    Section section = makeSection(infos, key);
    Chart chart;
    chart.kind = Chart::Kind::Lines;
    chart.counts = true;
    chart.title = numbering.figure(tr("Starts per month, all CPAs, against the profile"));
    chart.valueLabel = tr("Starts");
    Series actual = namedSeries(tr("Actual"));
    Series profile = namedSeries(tr("Profile"), true);
    for (const TrendPoint &p : trend) {
        chart.categories << monthShort(p.period);
        actual.values << p.actual;
        profile.values << p.profile;
    }
    chart.series = {actual, profile};
    const TrendPoint &last = trend.last();
    std::optional<double> percent;
    if (last.cumulativeProfile > 0)
        percent = 100.0 * last.cumulativeActual / last.cumulativeProfile;
    chart.altText =
        tr("Line chart of starts per month in all CPAs from %1 to %2, the actual figures "
           "against the contract profile (dashed).")
            .arg(periodName(trend.first().period), periodName(last.period)) +
        u' ' +
        tr("Starts to date: %1 against a profile of %2 (%3).")
            .arg(approximately(last.cumulativeActual), approximately(last.cumulativeProfile),
                 percent ? formatPercent(*percent) : tr("no profile")) +
        u' ' +
        tr("In %1: %2 against %3.")
            .arg(periodName(last.period), approximately(last.actual), approximately(last.profile));
    section.blocks << Block::paragraph(
        tr("Starts each month in all CPAs, as the returns report them, against the contract "
           "profile. Starts to date are %1 of profile.")
            .arg(percent ? formatPercent(*percent) : tr("not comparable: the profile has none")));
    section.blocks << Block::chartBlock(chart);
    return section;
}

Section monitoringPriorities(const MonitoringContext &c, Numbering &numbering)
{
    const QList<SectionInfo> infos = monitoringSectionInfo();
    const QString key = QStringLiteral("monitoring.priorities");
    if (c.round.design.conditions.isEmpty())
        return missing(infos, key,
                       tr("The design sets no directive condition on priority groups or places "
                          "(stage 3, Directive conditions)."));
    if (!c.report)
        return missing(infos, key, c.why);
    const PerformanceReport &report = *c.report;
    const QList<KeyName> groups = monitoringGroups(c.round);

    Section section = makeSection(infos, key);
    section.blocks << Block::paragraph(
        tr("Each priority group's share of the starts to %1 against the minimum the directive "
           "conditions set.")
            .arg(periodName(report.period)));
    Table table;
    table.caption = numbering.table(tr("Priority groups' share of starts against the conditions"));
    table.header = {tr("CPA"),
                    tr("Priority group or place"),
                    tr("Minimum share"),
                    tr("Group starts"),
                    tr("All starts"),
                    tr("Share"),
                    tr("Met")};
    table.numericColumns = {2, 3, 4, 5};
    Chart chart;
    chart.kind = Chart::Kind::Bars;
    chart.title = numbering.figure(tr("Priority groups' share of starts against the minimum"));
    chart.valueLabel = tr("Share of starts (%)");
    Series share = namedSeries(tr("Share of starts"));
    Series minimum = namedSeries(tr("Minimum"));
    int met = 0, measured = 0;
    const PriorityShare *lowest = nullptr;
    for (const PriorityShare &s : report.priorities) {
        const QString cpa = cpaName(c.round, s.cpa);
        if (!s.measurable) {
            const Authority *place = c.round.authority(s.group);
            table.rows << QList<Cell>{
                textCell(cpa),
                textCell(tr("Presence in %1").arg(place ? place->name : s.group)),
                textCell(QString()),
                textCell(QString()),
                textCell(QString()),
                textCell(QString()),
                textCell(tr("Not measured by returns"))};
            continue;
        }
        const QString group = nameOfKey(groups, s.group);
        table.rows << QList<Cell>{textCell(cpa),
                                  textCell(group),
                                  percentCell(s.minimumPercent, 0),
                                  Cell::count(s.groupStarts),
                                  Cell::count(s.totalStarts),
                                  shareCell(s.sharePercent, s.groupStarts, s.totalStarts, true),
                                  textCell(!s.met   ? tr("No starts yet")
                                           : *s.met ? tr("Met")
                                                    : tr("Not met"))};
        if (!s.sharePercent)
            continue;
        ++measured;
        met += s.met.value_or(false) ? 1 : 0;
        if (!lowest ||
            *s.sharePercent - s.minimumPercent < *lowest->sharePercent - lowest->minimumPercent)
            lowest = &s;
        chart.categories << tr("%1, %2").arg(cpa, group);
        share.values << *s.sharePercent;
        share.shares << Share{s.groupStarts, s.totalStarts, true, 1};
        minimum.values << s.minimumPercent;
    }
    section.blocks << Block::tableBlock(table);
    if (measured == 0) {
        section.blocks << Block::paragraph(
            tr("No condition can be measured yet: the returns report no starts in the CPAs "
               "they apply to."));
        return section;
    }
    section.blocks << Block::paragraph(tr("%1 of the %2 conditions measured are met.")
                                           .arg(formatNumber(met), formatNumber(measured)));
    chart.series = {share, minimum};
    const QString chartIntro =
        tr("Bar chart of the share of starts from each priority group with a directive "
           "condition, in each CPA it applies to, against the condition's minimum. %1 of %2 "
           "are met.")
            .arg(formatNumber(met), formatNumber(measured));
    chart.altText =
        chartIntro + u' ' +
        (met < measured ? tr("Furthest below its minimum: %1, %2 at %3 against %4.")
                        : tr("Closest to its minimum: %1, %2 at %3 against %4."))
            .arg(cpaName(c.round, lowest->cpa), nameOfKey(groups, lowest->group),
                 formatPercent(*lowest->sharePercent), formatPercent(lowest->minimumPercent, 0));
    // Under disclosure control the exact share would tell the count the table protects.
    chart.protectedAltText =
        chartIntro + u' ' +
        (met < measured ? tr("Furthest below its minimum: %1, %2, against %3.")
                        : tr("Closest to its minimum: %1, %2, against %3."))
            .arg(cpaName(c.round, lowest->cpa), nameOfKey(groups, lowest->group),
                 formatPercent(lowest->minimumPercent, 0));
    section.blocks << Block::chartBlock(chart);
    return section;
}

Section monitoringBoard(const MonitoringContext &c, Numbering &numbering)
{
    const QList<SectionInfo> infos = monitoringSectionInfo();
    const QString key = QStringLiteral("monitoring.board");
    const ProgrammeBoard &board = c.round.monitoring.board;
    if (board.members.isEmpty() && board.meetings.isEmpty() && board.actions.isEmpty())
        return missing(infos, key,
                       tr("No programme board has been recorded yet (stage 6, Board and "
                          "meetings)."));

    Section section = makeSection(infos, key);
    section.blocks << Block::paragraph(
        tr("The programme board has %1 members, %2 of them voting; a meeting is quorate with %3 "
           "voting members present.")
            .arg(formatNumber(double(board.members.size())), formatNumber(board.votingMembers()),
                 formatNumber(board.quorumNeeded())));

    if (board.meetings.isEmpty()) {
        section.blocks << Block::paragraph(
            tr("No meeting has been recorded yet (stage 6, Board and meetings)."));
    } else {
        QList<BoardMeeting> meetings = board.meetings;
        std::stable_sort(
            meetings.begin(), meetings.end(),
            [](const BoardMeeting &a, const BoardMeeting &b) { return a.date < b.date; });
        Table table;
        table.caption = numbering.table(tr("Meetings of the programme board"));
        table.header = {tr("Date"), tr("Meeting"), tr("Voting members present"), tr("Needed"),
                        tr("Quorate")};
        table.numericColumns = {2, 3};
        int notQuorate = 0;
        for (const BoardMeeting &m : std::as_const(meetings)) {
            const bool quorate = board.isQuorate(m);
            notQuorate += quorate ? 0 : 1;
            table.rows << QList<Cell>{textCell(longDate(m.date)),
                                      textCell(m.title.isEmpty() ? tr("Board meeting") : m.title),
                                      numberCell(board.votingPresent(m)),
                                      numberCell(board.quorumNeeded()),
                                      textCell(quorate ? tr("Yes") : tr("No"))};
        }
        section.blocks << Block::tableBlock(table);
        if (notQuorate > 0)
            section.blocks << Block::paragraph(
                notQuorate == 1
                    ? tr("1 meeting did not have a quorum and could take no decision.")
                    : tr("%1 meetings did not have a quorum and could take no decision.")
                          .arg(formatNumber(notQuorate)));
    }

    QList<BoardAction> overdue;
    QStringList issues;
    for (const BoardAction &a : board.actions) {
        if (a.kind == ActionKind::Action && a.isOverdue(c.asAt))
            overdue << a;
        else if (a.kind == ActionKind::Issue &&
                 (a.status == ActionStatus::Open || a.status == ActionStatus::InProgress))
            issues << tr("Issue %1: %2 (%3)")
                          .arg(QString::number(a.id), a.text,
                               a.owner.isEmpty() ? tr("no owner") : a.owner);
    }
    if (overdue.isEmpty()) {
        section.blocks << Block::paragraph(
            tr("No action is overdue as at %1.").arg(longDate(c.asAt)));
    } else {
        Table table;
        table.caption = numbering.table(tr("Overdue actions as at %1").arg(longDate(c.asAt)));
        table.header = {tr("Action"), tr("Owner"), tr("Due"), tr("Status")};
        for (const BoardAction &a : std::as_const(overdue))
            table.rows << QList<Cell>{textCell(tr("%1. %2").arg(QString::number(a.id), a.text)),
                                      textCell(a.owner), textCell(longDate(a.due)),
                                      textCell(actionStatusName(a.status))};
        section.blocks << Block::tableBlock(table);
    }
    if (!issues.isEmpty()) {
        section.blocks << Block::paragraph(tr("Open issues:"));
        section.blocks << Block::bullets(issues);
    }
    return section;
}

Section monitoringReport(const MonitoringContext &c)
{
    const QList<SectionInfo> infos = monitoringSectionInfo();
    const QString key = QStringLiteral("monitoring.report");
    if (!c.report)
        return missing(infos, key, c.why);
    const Result<ContractManagerPaper> paper =
        contractManagerPaper(c.round, c.report->period, c.asAt);
    if (!paper)
        return missing(infos, key,
                       tr("The report to the DWP contract manager cannot be made (stage 6, "
                          "Report to DWP): %1")
                           .arg(paper.errorMessage()));

    Section section = makeSection(infos, key);
    section.blocks << Block::paragraph(
        tr("The board's report to the DWP contract manager for %1 on the four matters it "
           "reports on.")
            .arg(periodName(paper->period)));
    int number = 0;
    for (const ReportSection &s : paper->sections) {
        section.blocks << Block::paragraph(tr("%1. %2").arg(++number).arg(s.title));
        if (s.findings.isEmpty())
            section.blocks << Block::paragraph(tr("Nothing to report from the round's figures."));
        else
            section.blocks << Block::bullets(s.findings);
        section.blocks << Block::paragraph(
            s.commentary.isEmpty()
                ? tr("The board has written no commentary on this matter for %1 (stage 6, "
                     "Report to DWP).")
                      .arg(periodName(paper->period))
                : tr("The board's commentary: %1").arg(s.commentary));
    }
    return section;
}

} // namespace

// ---- the public functions ------------------------------------------------------------------

QList<SectionInfo> supplySectionInfo()
{
    return {
        {QStringLiteral("supply.register"), tr("The provider register")},
        {QStringLiteral("supply.coverage"), tr("Coverage of the CPAs by specialist providers")},
        {QStringLiteral("supply.timeline"), tr("Market engagement timeline")},
    };
}

QList<SectionInfo> selectionSectionInfo()
{
    return {
        {QStringLiteral("selection.criteria"), tr("Award criteria and weights")},
        {QStringLiteral("selection.results"), tr("Evaluation results")},
        {QStringLiteral("selection.sensitivity"), tr("Sensitivity of the results")},
        {QStringLiteral("selection.award"), tr("Award recommendation")},
        {QStringLiteral("selection.prices"), tr("Bid prices"), true},
    };
}

QList<SectionInfo> monitoringSectionInfo()
{
    return {
        {QStringLiteral("monitoring.performance"), tr("Performance against the profile")},
        {QStringLiteral("monitoring.trend"), tr("Starts month by month")},
        {QStringLiteral("monitoring.priorities"), tr("Local priorities")},
        {QStringLiteral("monitoring.board"), tr("The programme board")},
        {QStringLiteral("monitoring.report"), tr("Report to the DWP contract manager")},
    };
}

QList<Section> supplySections(const Round &round)
{
    Numbering numbering(4);
    QList<Section> sections;
    sections << supplyRegister(round, numbering);
    sections << supplyCoverageSection(round, numbering);
    sections << supplyTimelineSection(round, numbering);
    return sections;
}

QList<Section> selectionSections(const Round &round)
{
    const SelectionContext context = selectionContext(round);
    Numbering numbering(5);
    QList<Section> sections;
    sections << selectionCriteria(context, numbering);
    sections << selectionResults(context, numbering);
    sections << selectionSensitivity(context, numbering);
    sections << selectionAward(context, numbering);
    sections << selectionPrices(context, numbering);
    return sections;
}

QList<Section> monitoringSections(const Round &round)
{
    const MonitoringContext context = monitoringContext(round);
    Numbering numbering(6);
    QList<Section> sections;
    sections << monitoringPerformance(context, numbering);
    sections << monitoringTrend(context, numbering);
    sections << monitoringPriorities(context, numbering);
    sections << monitoringBoard(context, numbering);
    sections << monitoringReport(context);
    return sections;
}

} // namespace CoCommission::Paper
