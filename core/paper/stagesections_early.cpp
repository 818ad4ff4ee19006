// The board-paper sections of stages 1 to 3 (needs, priorities, design), the dispatch to every
// stage's sections, and the figure formatting they share. Stages 4 to 6: stagesections_late.cpp.

#include "core/paper/stagesections.h"

#include "core/cpa/tilegrid.h"
#include "core/design/financialmodel.h"
#include "core/design/volumes.h"
#include "core/needs/indicators.h"
#include "core/priorities/priorityagreement.h"
#include "core/round/round.h"
#include "core/round/roundnames.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace CoCommission::Paper {

namespace {

/** The tr() context of the stage sections. */
class StageSections
{
    Q_DECLARE_TR_FUNCTIONS(StageSections)

public:
    static QString t(const char *text, const char *disambiguation = nullptr, int n = -1)
    {
        return tr(text, disambiguation, n);
    }
};

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return StageSections::t(text, disambiguation, n);
}

QLocale uk()
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

Section section(const QString &key, const QString &title, int level = 2)
{
    Section s;
    s.key = key;
    s.title = title;
    s.level = level;
    return s;
}

Cell textCell(const QString &text)
{
    return Cell::text_(text);
}

Cell numberCell(double value, int decimals = 0, CellKind kind = CellKind::Number)
{
    Cell c;
    c.kind = kind;
    c.value = value;
    c.text = kind == CellKind::Money     ? formatMoney(value)
             : kind == CellKind::Percent ? formatPercent(value, decimals)
                                         : formatNumber(value, decimals);
    return c;
}

/** A missing figure: printed as a dash, never counted. */
Cell missingCell()
{
    return textCell(QStringLiteral("\u2013"));
}

/** Numbers the tables and charts of one stage's sections ("Table 1: ..."). */
class Captions
{
public:
    QString table(const QString &caption)
    {
        return tr("Table %1: %2").arg(++m_tables).arg(caption);
    }
    QString figure(const QString &caption)
    {
        return tr("Figure %1: %2").arg(++m_figures).arg(caption);
    }

private:
    int m_tables = 0;
    int m_figures = 0;
};

QString cpaOf(const Round &round, const QString &code)
{
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const Cpa &cpa : plan->cpas) {
            if (cpa.members.contains(code))
                return cpa.name;
        }
    }
    return QString();
}

QString cpaName(const Round &round, CpaId cpa)
{
    if (cpa.value() == 0)
        return tr("All CPAs");
    const Cpa *found = round.adoptedCpa(cpa);
    return found ? found->name : tr("CPA %1").arg(cpa.value());
}

/** A cell for an indicator's value: a count for count indicators, a number otherwise. */
Cell indicatorCell(const IndicatorInfo &info, std::optional<double> value)
{
    if (!value)
        return missingCell();
    if (info.isCount())
        return Cell::count(*value);
    if (info.percentage || (info.kind == IndicatorInfo::Kind::Ratio && info.scale == 100))
        return numberCell(*value, 1, CellKind::Percent);
    return numberCell(*value, 1);
}

/** The headline indicators of the stage 1 agreements, else the round's first few indicators. */
QList<const IndicatorInfo *> headlineIndicators(const Round &round, const Indicators &indicators)
{
    QList<const IndicatorInfo *> list;
    for (const LabourMarketAgreement &a : round.agreements) {
        for (const QString &id : a.headlineIndicators) {
            const IndicatorInfo *info = indicators.find(id);
            if (info && !list.contains(info) && !info->dates.isEmpty())
                list.append(info);
        }
    }
    if (list.isEmpty()) {
        for (const IndicatorInfo &info : indicators.all()) {
            if (!info.dates.isEmpty() && list.size() < 3)
                list.append(&info);
        }
    }
    return list;
}

QString latestDate(const IndicatorInfo &info)
{
    return info.dates.isEmpty() ? QString() : info.dates.last();
}

Section missing(const QString &key, const QString &title, const QString &text)
{
    Section s = section(key, title);
    s.blocks.append(Block::paragraph(text));
    return s;
}

QString stageStatusSentence(const Round &round, StageId stage)
{
    return tr("Stage %1 (%2) is %3.")
        .arg(stageNumber(stage))
        .arg(stageTitle(stage).toLower(), statusName(round.stage(stage).status).toLower());
}

Section stageIntro(const Round &round, StageId stage, const QString &text)
{
    Section s = section(stageKey(stage), stageTitle(stage), 1);
    s.blocks.append(Block::paragraph(stageStatusSentence(round, stage) + u' ' + text));
    return s;
}

// ---- Stage 1 -------------------------------------------------------------------------------

Section needsIndicators(const Round &round, const Indicators &indicators, Captions &captions)
{
    const QString title = tr("Headline indicators");
    const QList<const IndicatorInfo *> headline = headlineIndicators(round, indicators);
    if (headline.isEmpty())
        return missing(QStringLiteral("needs.indicators"), title,
                       tr("No labour-market figures have been imported yet: they are recorded "
                          "at stage 1 (assessing local needs), from NOMIS or another source."));
    Section s = section(QStringLiteral("needs.indicators"), title);
    QStringList sources;
    for (const IndicatorInfo *info : headline) {
        const QString source = info->source.isEmpty() ? info->dataset : info->source;
        if (!source.isEmpty() && !sources.contains(source))
            sources.append(source);
    }
    QStringList names;
    for (const IndicatorInfo *info : headline)
        names.append(tr("%1 (%2)").arg(info->name, latestDate(*info)));
    s.blocks.append(Block::paragraph(
        tr("The figures below are the latest available for each indicator: %1. Source: %2.")
            .arg(names.join(QStringLiteral("; ")),
                 sources.isEmpty() ? tr("not given") : sources.join(QStringLiteral("; ")))));

    QStringList header;
    QList<int> numeric;
    for (qsizetype i = 0; i < headline.size(); ++i) {
        header.append(headline.at(i)->name);
        numeric.append(int(i + 1));
    }

    if (const CpaPlan *plan = round.adoptedPlan()) {
        Table byCpa;
        byCpa.caption = captions.table(tr("Headline indicators by Contract Package Area"));
        byCpa.header = QStringList{tr("CPA")} + header;
        byCpa.numericColumns = numeric;
        for (const Cpa &cpa : plan->cpas) {
            QList<Cell> row{textCell(cpa.name)};
            for (const IndicatorInfo *info : headline)
                row.append(indicatorCell(
                    *info, indicators.value(info->id, cpa.members, latestDate(*info))));
            byCpa.rows.append(row);
        }
        if (!byCpa.rows.isEmpty())
            s.blocks.append(Block::tableBlock(byCpa));
    }

    Table byAuthority;
    byAuthority.caption = captions.table(tr("Headline indicators by local authority"));
    byAuthority.header = QStringList{tr("Authority"), tr("CPA")} + header;
    for (int column : numeric)
        byAuthority.numericColumns.append(column + 1);
    for (const Authority &a : round.authorities) {
        QList<Cell> row{textCell(a.name), textCell(cpaOf(round, a.gssCode))};
        for (const IndicatorInfo *info : headline)
            row.append(
                indicatorCell(*info, indicators.value(info->id, {a.gssCode}, latestDate(*info))));
        byAuthority.rows.append(row);
    }
    if (!byAuthority.rows.isEmpty())
        s.blocks.append(Block::tableBlock(byAuthority));
    return s;
}

/** The indicator areas are ranked on: the first ratio (a rate) among the headline ones. */
const IndicatorInfo *rankingIndicator(const QList<const IndicatorInfo *> &headline)
{
    for (const IndicatorInfo *info : headline) {
        if (!info->isCount())
            return info;
    }
    return headline.isEmpty() ? nullptr : headline.first();
}

Section needsRanking(const Round &round, const Indicators &indicators, Captions &captions)
{
    const QString title = tr("Areas ranked by need");
    const IndicatorInfo *info = rankingIndicator(headlineIndicators(round, indicators));
    const QHash<QString, double> values =
        info ? indicators.authorityValues(info->id, latestDate(*info)) : QHash<QString, double>();
    if (!info || values.isEmpty())
        return missing(QStringLiteral("needs.ranking"), title,
                       tr("Areas cannot be ranked by need yet: no indicator has figures for the "
                          "round's authorities. Figures are imported at stage 1 (assessing "
                          "local needs)."));
    QList<std::pair<QString, double>> sorted;
    for (auto it = values.begin(); it != values.end(); ++it)
        sorted.append({it.key(), it.value()});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    Section s = section(QStringLiteral("needs.ranking"), title);
    s.blocks.append(Block::paragraph(
        tr("Authorities are ranked by %1 at %2, highest first: %3 ranks first (%4).")
            .arg(info->name, latestDate(*info), authorityName(round, sorted.first().first),
                 indicatorCell(*info, sorted.first().second).text)));
    Table table;
    table.caption = captions.table(tr("Authorities ranked by %1").arg(info->name));
    table.header = {tr("Rank"), tr("Authority"), tr("CPA"), info->name};
    table.numericColumns = {0, 3};
    int rank = 0;
    double previous = 0;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        if (i == 0 || sorted.at(i).second != previous)
            rank = int(i + 1);
        previous = sorted.at(i).second;
        table.rows.append({numberCell(rank), textCell(authorityName(round, sorted.at(i).first)),
                           textCell(cpaOf(round, sorted.at(i).first)),
                           indicatorCell(*info, sorted.at(i).second)});
    }
    s.blocks.append(Block::tableBlock(table));
    return s;
}

Section needsAgreements(const Round &round, const Indicators &indicators)
{
    const QString title = tr("Local Labour Market Agreements");
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan || plan->cpas.isEmpty())
        return missing(QStringLiteral("needs.agreements"), title,
                       tr("There are no Local Labour Market Agreements yet: they are made for "
                          "each Contract Package Area of the adopted plan at stage 1, and no "
                          "plan has been adopted."));
    Section s = section(QStringLiteral("needs.agreements"), title);
    for (const Cpa &cpa : plan->cpas) {
        const LabourMarketAgreement *agreement = round.agreement(cpa.id);
        if (!agreement) {
            s.blocks.append(
                Block::paragraph(tr("%1: no Local Labour Market Agreement has been recorded yet "
                                    "(stage 1, assessing local needs).")
                                     .arg(cpa.name)));
            continue;
        }
        s.blocks.append(Block::paragraph(tr("%1: %2").arg(
            cpa.name, agreement->narrative.isEmpty() ? tr("no narrative written yet.")
                                                     : agreement->narrative)));
        QStringList items;
        QStringList headline;
        for (const QString &id : agreement->headlineIndicators) {
            const IndicatorInfo *info = indicators.find(id);
            headline.append(info ? info->name : id);
        }
        if (!headline.isEmpty())
            items.append(tr("Headline indicators: %1").arg(headline.join(QStringLiteral("; "))));
        QStringList groups;
        for (const QString &key : agreement->priorityGroups)
            groups.append(priorityGroupName(round, key));
        items.append(groups.isEmpty()
                         ? tr("Priority groups: none identified yet")
                         : tr("Priority groups: %1").arg(groups.join(QStringLiteral("; "))));
        s.blocks.append(Block::bullets(items));
    }
    return s;
}

/** The indicator the CPA figures are totalled on: the plan's balance one, else a count. */
const IndicatorInfo *balanceIndicator(const CpaPlan &plan, const Indicators &indicators)
{
    if (!plan.balanceIndicator.isEmpty()) {
        if (const IndicatorInfo *info = indicators.find(plan.balanceIndicator))
            return info;
    }
    for (const IndicatorInfo &info : indicators.all()) {
        if (info.isCount() && !info.dates.isEmpty())
            return &info;
    }
    return nullptr;
}

Section needsMap(const Round &round, Captions &captions)
{
    const QString title = tr("Map of the Contract Package Areas");
    const CpaPlan *plan = round.adoptedPlan();
    const Result<TileGrid> grid = TileGrid::london();
    if (!plan || plan->cpas.isEmpty())
        return missing(QStringLiteral("needs.map"), title,
                       tr("No CPA plan has been adopted yet, so there is no map of the Contract "
                          "Package Areas: plans are drawn up and adopted at stage 1."));
    Chart chart;
    chart.kind = Chart::Kind::TileMap;
    chart.title = captions.figure(tr("Contract Package Areas of the plan \"%1\"").arg(plan->name));
    QStringList described;
    if (grid) {
        for (const Cpa &cpa : plan->cpas) {
            int tiles = 0;
            for (const QString &code : cpa.members) {
                const TileGrid::Tile *tile = grid->tile(code);
                if (!tile)
                    continue;
                chart.tiles.append({tileLabel(code, authorityName(round, code)), cpa.name,
                                    tile->column, tile->row, QColor(cpa.colour)});
                ++tiles;
            }
            QStringList names;
            for (const QString &code : cpa.members)
                names.append(authorityName(round, code));
            described.append(tr("%1 (%2)").arg(cpa.name, names.join(QStringLiteral(", "))));
            Q_UNUSED(tiles);
        }
        // Authorities the plan leaves out are drawn too, in grey, so the map shows the gap.
        for (const Authority &a : round.authorities) {
            const TileGrid::Tile *tile = grid->tile(a.gssCode);
            if (tile && cpaOf(round, a.gssCode).isEmpty())
                chart.tiles.append({tileLabel(a.gssCode, a.name), tr("Not in a CPA"), tile->column,
                                    tile->row, QColor(Qt::lightGray)});
        }
    }
    if (chart.tiles.isEmpty())
        return missing(QStringLiteral("needs.map"), title,
                       tr("The round's authorities are not on the London tile map, so no map is "
                          "drawn. The Contract Package Areas are listed below."));
    chart.altText = tr("Tile map of London's authorities, one square each, coloured by "
                       "Contract Package Area: %1.")
                        .arg(described.join(QStringLiteral("; ")));
    Section s = section(QStringLiteral("needs.map"), title);
    s.blocks.append(Block::chartBlock(chart));
    return s;
}

Section needsCpas(const Round &round, const Indicators &indicators, Captions &captions)
{
    const QString title = tr("Contract Package Areas");
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan || plan->cpas.isEmpty())
        return missing(QStringLiteral("needs.cpas"), title,
                       tr("No CPA plan has been adopted yet: the Contract Package Areas are "
                          "decided at stage 1 (assessing local needs)."));
    Section s = section(QStringLiteral("needs.cpas"), title);
    const IndicatorInfo *info = balanceIndicator(*plan, indicators);
    s.blocks.append(Block::paragraph(
        tr("The adopted plan \"%1\" divides the round's %2 authorities into %3 Contract "
           "Package Areas.")
            .arg(plan->name)
            .arg(round.authorities.size())
            .arg(plan->cpas.size())));
    Table table;
    table.caption = captions.table(tr("Contract Package Areas of the plan \"%1\"").arg(plan->name));
    table.header = {tr("CPA"), tr("Authorities"), tr("Members")};
    table.numericColumns = {1};
    if (info) {
        table.header.append(info->name);
        table.numericColumns.append(3);
    }
    qsizetype authorities = 0;
    for (const Cpa &cpa : plan->cpas) {
        QStringList names;
        for (const QString &code : cpa.members)
            names.append(authorityName(round, code));
        QList<Cell> row{textCell(cpa.name), numberCell(double(cpa.members.size())),
                        textCell(names.join(QStringLiteral(", ")))};
        if (info)
            row.append(
                indicatorCell(*info, indicators.value(info->id, cpa.members, latestDate(*info))));
        authorities += cpa.members.size();
        table.rows.append(row);
    }
    QList<Cell> total{textCell(tr("Total")), numberCell(double(authorities)), textCell({})};
    if (info) {
        QStringList all;
        for (const Cpa &cpa : plan->cpas)
            all += cpa.members;
        total.append(indicatorCell(*info, indicators.value(info->id, all, latestDate(*info))));
    }
    table.rows.append(total);
    table.lastRowIsTotal = true;
    s.blocks.append(Block::tableBlock(table));
    if (info && plan->minimumSize)
        s.blocks.append(
            Block::paragraph(tr("A CPA whose total of %1 is below %2 is too small to be viable.")
                                 .arg(info->name, formatNumber(*plan->minimumSize))));
    return s;
}

// ---- Stage 2 -------------------------------------------------------------------------------

Section prioritiesGroups(const Round &round, Captions &captions)
{
    const QString title = tr("Priority groups");
    if (round.priorityGroups.isEmpty())
        return missing(QStringLiteral("priorities.groups"), title,
                       tr("The round's catalogue of priority groups is empty: groups are "
                          "added at stage 2 (deciding the priorities for intervention)."));
    Section s = section(QStringLiteral("priorities.groups"), title);
    Table table;
    table.caption = captions.table(tr("The priority groups the partners considered"));
    table.header = {tr("Group"), tr("Description"), tr("Named by the agreements of")};
    for (const PriorityGroup &g : round.priorityGroups) {
        QStringList cpas;
        for (const LabourMarketAgreement &a : round.agreements) {
            if (a.priorityGroups.contains(g.key))
                cpas.append(cpaName(round, a.cpa));
        }
        table.rows.append(
            {textCell(g.name), textCell(g.description),
             textCell(cpas.isEmpty() ? tr("None") : cpas.join(QStringLiteral(", ")))});
    }
    s.blocks.append(Block::tableBlock(table));
    return s;
}

Section prioritiesRanking(const Round &round, Captions &captions)
{
    const QString title = tr("Joint ranking of priority groups");
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan || plan->cpas.isEmpty())
        return missing(QStringLiteral("priorities.ranking"), title,
                       tr("Priorities are ranked for each Contract Package Area of the adopted "
                          "plan, and no plan has been adopted yet (stage 1)."));
    Section s = section(QStringLiteral("priorities.ranking"), title);
    bool any = false;
    for (const Cpa &cpa : plan->cpas) {
        const Result<JointRanking> joint = PriorityAgreement::jointRanking(round, cpa);
        if (!joint) {
            s.blocks.append(Block::paragraph(tr("%1: %2").arg(cpa.name, joint.errorMessage())));
            continue;
        }
        if (!any) {
            s.blocks.append(Block::paragraph(PriorityAgreement::methodExplained(
                round.priorityMethod, int(joint->groups.size()))));
            any = true;
        }
        const QStringList partners = PriorityAgreement::rankedBy(round, cpa);
        Table table;
        table.caption = captions.table(tr("Joint ranking of priority groups, %1").arg(cpa.name));
        table.header = {tr("Rank"), tr("Group")};
        for (const QString &partner : partners)
            table.header.append(tr("%1's rank").arg(partner));
        table.header.append(tr("Joint score"));
        for (qsizetype i = 0; i < table.header.size(); ++i) {
            if (i != 1)
                table.numericColumns.append(int(i));
        }
        Chart chart;
        chart.kind = Chart::Kind::Bars;
        chart.title = captions.figure(tr("Joint scores of the priority groups, %1").arg(cpa.name));
        chart.valueLabel = PriorityAgreement::methodName(round.priorityMethod);
        Series scores;
        scores.name = tr("Joint score");
        scores.colour = QColor(cpa.colour);
        QStringList described;
        for (const RankedGroup &g : joint->groups) {
            QList<Cell> row{textCell(g.tied ? tr("%1=").arg(g.rank) : QString::number(g.rank)),
                            textCell(priorityGroupName(round, g.group))};
            row.first().kind = CellKind::Number;
            row.first().value = g.rank;
            for (const QString &partner : partners) {
                const auto record = std::find_if(round.rankings.begin(), round.rankings.end(),
                                                 [&](const PartnerRankingRecord &r) {
                                                     return r.cpa == cpa.id && r.partner == partner;
                                                 });
                const qsizetype at =
                    record == round.rankings.end() ? -1 : record->order.indexOf(g.group);
                row.append(at < 0 ? missingCell() : numberCell(double(at + 1)));
            }
            row.append(numberCell(g.score, std::floor(g.score) == g.score ? 0 : 1));
            table.rows.append(row);
            chart.categories.append(priorityGroupName(round, g.group));
            scores.values.append(g.score);
            described.append(
                tr("%1 %2").arg(priorityGroupName(round, g.group),
                                formatNumber(g.score, std::floor(g.score) == g.score ? 0 : 1)));
        }
        chart.series.append(scores);
        chart.altText = tr("Bar chart of the joint scores of the priority groups in %1, highest "
                           "first: %2.")
                            .arg(cpa.name, described.join(QStringLiteral(", ")));
        s.blocks.append(Block::tableBlock(table));
        s.blocks.append(Block::chartBlock(chart));
        QStringList agreement;
        for (const PairAgreement &a : joint->agreements)
            agreement.append(tr("%1 and %2: %3 (%4)")
                                 .arg(a.first, a.second,
                                      a.tau ? formatNumber(*a.tau, 2) : tr("undefined"),
                                      PriorityAgreement::bandName(PriorityAgreement::band(a.tau))));
        if (!agreement.isEmpty()) {
            s.blocks.append(Block::paragraph(
                tr("How far the partners agree in %1 (Kendall's tau-b):").arg(cpa.name)));
            s.blocks.append(Block::bullets(agreement));
        }
        if (joint->hasTies())
            s.blocks.append(Block::paragraph(
                tr("Groups marked = are tied: the partners must decide between them.")));
        if (!joint->widestSpread.isEmpty()) {
            QStringList names;
            for (const QString &key : joint->widestSpread)
                names.append(priorityGroupName(round, key));
            s.blocks.append(Block::paragraph(tr("The partners' ranks differ most for: %1.")
                                                 .arg(names.join(QStringLiteral("; ")))));
        }
    }
    if (any)
        s.blocks.append(Block::note(PriorityAgreement::bandsExplained()));
    return s;
}

Section prioritiesDecisions(const Round &round)
{
    const QString title = tr("Decisions on priorities");
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan || plan->cpas.isEmpty())
        return missing(QStringLiteral("priorities.decisions"), title,
                       tr("No decision on priorities can be recorded before a CPA plan is "
                          "adopted (stage 1)."));
    Section s = section(QStringLiteral("priorities.decisions"), title);
    for (const Cpa &cpa : plan->cpas) {
        const auto decision =
            std::find_if(round.decisions.begin(), round.decisions.end(),
                         [&](const PriorityDecision &d) { return d.cpa == cpa.id; });
        if (decision == round.decisions.end()) {
            s.blocks.append(Block::paragraph(
                tr("%1: the partners have not recorded a decision on priorities yet (stage 2).")
                    .arg(cpa.name)));
            continue;
        }
        s.blocks.append(Block::paragraph(
            tr("%1: the partners agreed this order of priority groups. Rationale: %2")
                .arg(cpa.name,
                     decision->rationale.isEmpty() ? tr("not given.") : decision->rationale)));
        QStringList names;
        for (const QString &key : decision->order)
            names.append(priorityGroupName(round, key));
        if (!names.isEmpty())
            s.blocks.append(Block::numbered(names));
    }
    return s;
}

Section prioritiesPlaces(const Round &round)
{
    const QString title = tr("Priority places");
    if (round.priorityPlaces.isEmpty())
        return missing(QStringLiteral("priorities.places"), title,
                       tr("No priority places have been chosen yet: they are chosen at stage 2 "
                          "(deciding the priorities for intervention)."));
    Section s = section(QStringLiteral("priorities.places"), title);
    s.blocks.append(Block::paragraph(
        tr("The partners chose these priority places, where providers are expected to have a "
           "delivery presence:")));
    QStringList items;
    for (const QString &code : round.priorityPlaces) {
        const QString cpa = cpaOf(round, code);
        items.append(cpa.isEmpty() ? authorityName(round, code)
                                   : tr("%1 (%2)").arg(authorityName(round, code), cpa));
    }
    s.blocks.append(Block::bullets(items));
    return s;
}

// ---- Stage 3 -------------------------------------------------------------------------------

QString standardTarget(const ServiceStandard &s)
{
    if (s.direction == StandardDirection::Required)
        return tr("Required");
    const QString target =
        s.unit.isEmpty()
            ? formatNumber(s.target, s.target == std::floor(s.target) ? 0 : 1)
            : tr("%1 %2").arg(formatNumber(s.target, s.target == std::floor(s.target) ? 0 : 1),
                              s.unit);
    return s.direction == StandardDirection::AtMost ? tr("At most %1").arg(target)
                                                    : tr("At least %1").arg(target);
}

Section designStandards(const Round &round, Captions &captions)
{
    const ServiceDesign &design = round.design;
    const QString title = tr("Minimum service standards");
    if (design.standards.isEmpty() && design.conditions.isEmpty())
        return missing(QStringLiteral("design.standards"), title,
                       tr("No minimum service standards have been set yet: they are set at "
                          "stage 3 (design of services)."));
    Section s = section(QStringLiteral("design.standards"), title);
    if (!design.standards.isEmpty()) {
        s.blocks.append(Block::paragraph(
            tr("Every provider must meet these standards; monitoring (stage 6) checks them.")));
        Table table;
        table.caption = captions.table(tr("Minimum service standards"));
        table.header = {tr("Standard"), tr("Target"), tr("Description")};
        for (const ServiceStandard &st : design.standards)
            table.rows.append(
                {textCell(st.name), textCell(standardTarget(st)), textCell(st.description)});
        s.blocks.append(Block::tableBlock(table));
    } else {
        s.blocks.append(Block::paragraph(tr("No minimum service standards have been set yet.")));
    }
    if (!design.conditions.isEmpty()) {
        s.blocks.append(Block::paragraph(tr("Directive conditions:")));
        QStringList items;
        for (const DirectiveCondition &c : design.conditions) {
            const QString where = cpaName(round, c.cpa);
            QString text = c.kind == ConditionKind::GroupShare
                               ? tr("at least %1 of starts from %2 (%3)")
                                     .arg(formatPercent(c.minimumPercent, 0),
                                          priorityGroupName(round, c.subject), where)
                               : tr("a delivery presence in %1 (%2)")
                                     .arg(authorityName(round, c.subject), where);
            if (!c.note.isEmpty())
                text += QStringLiteral(": ") + c.note;
            items.append(text);
        }
        s.blocks.append(Block::bullets(items));
    }
    return s;
}

Section designEligibility(const Round &round, Captions &captions)
{
    const ServiceDesign &design = round.design;
    const QString title = tr("Eligibility and referral routes");
    if (design.eligibility.isEmpty() && design.referralRoutes.isEmpty())
        return missing(QStringLiteral("design.eligibility"), title,
                       tr("No eligibility rules or referral routes have been recorded yet: they "
                          "are set at stage 3 (design of services)."));
    Section s = section(QStringLiteral("design.eligibility"), title);
    if (design.eligibility.isEmpty()) {
        s.blocks.append(Block::paragraph(tr("No eligibility rules have been recorded yet.")));
    } else {
        s.blocks.append(Block::paragraph(tr("People are eligible when they meet these rules:")));
        QStringList items;
        for (const EligibilityRule &rule : design.eligibility)
            items.append(
                tr("%1: %2").arg(nameOfKey(eligibilityCategories(), rule.category), rule.text));
        s.blocks.append(Block::bullets(items));
    }
    if (design.referralRoutes.isEmpty()) {
        s.blocks.append(Block::paragraph(tr("No referral routes have been recorded yet.")));
    } else {
        Table table;
        table.caption = captions.table(tr("Referral routes"));
        table.header = {tr("Source"), tr("Route")};
        for (const ReferralRoute &route : design.referralRoutes)
            table.rows.append({textCell(nameOfKey(referralSources(), route.source)),
                               textCell(route.description)});
        s.blocks.append(Block::tableBlock(table));
    }
    return s;
}

QString paymentGroupName(const ServiceDesign &design, const QString &key)
{
    const PaymentGroup *g = design.paymentGroup(key);
    return g ? g->name : key;
}

Section designPayment(const Round &round, Captions &captions)
{
    const ServiceDesign &design = round.design;
    const QString title = tr("Payment model");
    if (design.paymentGroups.isEmpty() && design.scenarios.isEmpty())
        return missing(QStringLiteral("design.payment"), title,
                       tr("No payment model has been designed yet: payment groups and "
                          "scenarios are set at stage 3 (design of services)."));
    Section s = section(QStringLiteral("design.payment"), title);
    if (!design.paymentGroups.isEmpty()) {
        Table volumes;
        volumes.caption = captions.table(tr("Expected referrals per year by payment group"));
        volumes.header = {tr("Payment group"), tr("CPA"), tr("Eligible"), tr("Referrals a year"),
                          tr("Basis")};
        volumes.numericColumns = {2, 3};
        for (const VolumeEstimate &v : referralVolumes(round)) {
            const QString group = paymentGroupName(design, v.group);
            if (!v.hasFigure()) {
                volumes.rows.append({textCell(group), textCell(cpaName(round, v.cpa)),
                                     missingCell(), missingCell(), textCell(v.problem)});
                continue;
            }
            volumes.rows.append({textCell(group), textCell(cpaName(round, v.cpa)),
                                 v.eligible ? numberCell(*v.eligible) : missingCell(),
                                 numberCell(v.referralsPerYear), textCell(v.basis)});
        }
        if (volumes.rows.isEmpty()) {
            s.blocks.append(Block::paragraph(
                tr("Referral volumes are estimated for each CPA of the adopted plan, and no plan "
                   "has been adopted yet (stage 1).")));
        } else {
            s.blocks.append(Block::tableBlock(volumes));
        }
    }
    if (design.scenarios.isEmpty()) {
        s.blocks.append(Block::paragraph(tr("No payment scenario has been set out yet.")));
        return s;
    }
    for (const PaymentScenario &scenario : design.scenarios) {
        Table tariffs;
        tariffs.caption = captions.table(tr("Tariffs of the scenario \"%1\"").arg(scenario.name));
        tariffs.header = {tr("Payment group"), tr("CPA"),         tr("Attachment fee"),
                          tr("Job outcome"),   tr("Sustainment"), tr("Job outcome rate"),
                          tr("Sustained")};
        tariffs.numericColumns = {2, 3, 4, 5, 6};
        for (const GroupTariff &t : scenario.tariffs) {
            tariffs.rows.append(
                {textCell(paymentGroupName(design, t.group)), textCell(cpaName(round, t.cpa)),
                 numberCell(t.attachmentFee, 0, CellKind::Money),
                 numberCell(t.jobOutcomePayment, 0, CellKind::Money),
                 textCell(t.sustainmentPayments > 0 ? tr("%1 \u00d7 %2")
                                                          .arg(t.sustainmentPayments)
                                                          .arg(formatMoney(t.sustainmentPayment))
                                                    : tr("None")),
                 numberCell(t.jobOutcomeRatePercent, 1, CellKind::Percent),
                 numberCell(t.sustainmentRatePercent, 1, CellKind::Percent)});
        }
        if (tariffs.rows.isEmpty())
            s.blocks.append(
                Block::paragraph(tr("The scenario \"%1\" has no tariffs yet.").arg(scenario.name)));
        else
            s.blocks.append(Block::tableBlock(tariffs));
    }
    return s;
}

Section designFinance(const Round &round, Captions &captions)
{
    const ServiceDesign &design = round.design;
    const QString title = tr("Financial model");
    if (design.scenarios.isEmpty())
        return missing(QStringLiteral("design.finance"), title,
                       tr("There is no financial model yet: it is computed from the payment "
                          "scenarios set at stage 3 (design of services)."));
    Section s = section(QStringLiteral("design.finance"), title);
    QList<ScenarioForecast> forecasts;
    for (const PaymentScenario &scenario : design.scenarios) {
        // No Monte Carlo here: the paper gives the expected figures, quickly and exactly.
        const Result<ScenarioForecast> f = forecastScenario(round, scenario, 0);
        if (!f)
            s.blocks.append(Block::paragraph(tr("The scenario \"%1\" cannot be costed: %2")
                                                 .arg(scenario.name, f.errorMessage())));
        else
            forecasts.append(*f);
    }
    if (forecasts.isEmpty())
        return s;
    Table table;
    table.caption = captions.table(tr("Expected figures of each payment scenario over the "
                                      "contract"));
    table.header = {tr("Figure")};
    for (const ScenarioForecast &f : forecasts)
        table.header.append(f.scenario);
    for (qsizetype i = 1; i < table.header.size(); ++i)
        table.numericColumns.append(int(i));
    auto addRow = [&](const QString &label, auto cell) {
        QList<Cell> row{textCell(label)};
        for (const ScenarioForecast &f : forecasts)
            row.append(cell(f));
        table.rows.append(row);
    };
    addRow(tr("Referrals a year"),
           [](const ScenarioForecast &f) { return numberCell(f.referralsPerYear); });
    addRow(tr("Starts"), [](const ScenarioForecast &f) { return numberCell(f.starts); });
    addRow(tr("Job outcomes"), [](const ScenarioForecast &f) { return numberCell(f.jobs); });
    addRow(tr("Sustained jobs"), [](const ScenarioForecast &f) { return numberCell(f.sustained); });
    addRow(tr("Attachment fees"), [](const ScenarioForecast &f) {
        return numberCell(f.attachmentFees, 0, CellKind::Money);
    });
    addRow(tr("Job outcome payments"), [](const ScenarioForecast &f) {
        return numberCell(f.jobOutcomePayments, 0, CellKind::Money);
    });
    addRow(tr("Sustainment payments"), [](const ScenarioForecast &f) {
        return numberCell(f.sustainmentPayments, 0, CellKind::Money);
    });
    addRow(tr("Expected cost"),
           [](const ScenarioForecast &f) { return numberCell(f.cost, 0, CellKind::Money); });
    addRow(tr("Cost per job outcome"), [](const ScenarioForecast &f) {
        return f.costPerJobOutcome ? numberCell(*f.costPerJobOutcome, 0, CellKind::Money)
                                   : missingCell();
    });
    addRow(tr("Cost per sustained job"), [](const ScenarioForecast &f) {
        return f.costPerSustainedJob ? numberCell(*f.costPerSustainedJob, 0, CellKind::Money)
                                     : missingCell();
    });
    addRow(tr("Delivery-fee share"), [](const ScenarioForecast &f) {
        return numberCell(f.deliveryFeeShare * 100, 1, CellKind::Percent);
    });
    addRow(tr("Provider margin"), [](const ScenarioForecast &f) {
        return numberCell(f.providerMarginPercent, 1, CellKind::Percent);
    });
    addRow(tr("Provider's peak funding need"), [](const ScenarioForecast &f) {
        return numberCell(f.peakFundingNeed, 0, CellKind::Money);
    });
    s.blocks.append(Block::paragraph(
        tr("The financial model gives each scenario's expected figures over the contract, at "
           "the assumed volumes and outcome rates. They are estimates, not counts of people.")));
    s.blocks.append(Block::tableBlock(table));

    Chart chart;
    chart.kind = Chart::Kind::Bars;
    chart.title = captions.figure(tr("Expected cost by Contract Package Area and scenario"));
    chart.valueLabel = tr("Expected cost (\u00a3)");
    for (const CpaForecast &c : forecasts.first().cpas)
        chart.categories.append(c.name);
    QStringList described;
    for (const ScenarioForecast &f : forecasts) {
        Series series;
        series.name = f.scenario;
        QStringList parts;
        for (const CpaForecast &c : f.cpas) {
            series.values.append(c.cost);
            parts.append(tr("%1 %2").arg(c.name, formatMoney(c.cost)));
        }
        chart.series.append(series);
        described.append(
            tr("%1: %2 in all (%3)")
                .arg(f.scenario, formatMoney(f.cost), parts.join(QStringLiteral(", "))));
    }
    chart.altText = tr("Bar chart of the expected cost of each payment scenario in each "
                       "Contract Package Area. %1.")
                        .arg(described.join(QStringLiteral("; ")));
    if (!chart.categories.isEmpty())
        s.blocks.append(Block::chartBlock(chart));
    return s;
}

Section designContributions(const Round &round, Captions &captions)
{
    const ServiceDesign &design = round.design;
    const QString title = tr("Local contributions");
    if (design.contributions.isEmpty())
        return missing(QStringLiteral("design.contributions"), title,
                       tr("No statements of intent for local contributions have been recorded "
                          "yet: they are recorded at stage 3 (design of services)."));
    Section s = section(QStringLiteral("design.contributions"), title);
    Table table;
    table.caption = captions.table(tr("Local contributions (statements of intent)"));
    table.header = {tr("Authority"), tr("Service"), tr("Form"), tr("Value a year"), tr("Status")};
    table.numericColumns = {3};
    double total = 0;
    for (const LocalContribution &c : design.contributions) {
        table.rows.append({textCell(authorityName(round, c.authority)),
                           textCell(nameOfKey(contributionServices(), c.service)),
                           textCell(contributionFormName(c.form)),
                           numberCell(c.valuePerYear, 0, CellKind::Money),
                           textCell(contributionStatusName(c.status))});
        total += c.valuePerYear;
    }
    table.rows.append({textCell(tr("Total")), textCell({}), textCell({}),
                       numberCell(total, 0, CellKind::Money), textCell({})});
    table.lastRowIsTotal = true;
    s.blocks.append(Block::paragraph(
        tr("The authorities have stated their intent to contribute %1 a year from local "
           "services.")
            .arg(formatMoney(total))));
    s.blocks.append(Block::tableBlock(table));
    return s;
}

} // namespace

QList<Section> stageSections(const Round &round, StageId stage)
{
    switch (stage) {
    case StageId::Needs:
        return needsSections(round);
    case StageId::Priorities:
        return prioritiesSections(round);
    case StageId::Design:
        return designSections(round);
    case StageId::Supply:
        return supplySections(round);
    case StageId::Selection:
        return selectionSections(round);
    case StageId::Monitoring:
        return monitoringSections(round);
    }
    return {};
}

QList<SectionInfo> stageSectionInfo(StageId stage)
{
    switch (stage) {
    case StageId::Needs:
        return needsSectionInfo();
    case StageId::Priorities:
        return prioritiesSectionInfo();
    case StageId::Design:
        return designSectionInfo();
    case StageId::Supply:
        return supplySectionInfo();
    case StageId::Selection:
        return selectionSectionInfo();
    case StageId::Monitoring:
        return monitoringSectionInfo();
    }
    return {};
}

QList<Section> needsSections(const Round &round)
{
    const Indicators indicators(round);
    Captions captions;
    return {stageIntro(round, StageId::Needs,
                       tr("This section sets out the labour-market evidence, the Contract Package "
                          "Areas and the Local Labour Market Agreements made for each of them.")),
            needsIndicators(round, indicators, captions),
            needsRanking(round, indicators, captions),
            needsAgreements(round, indicators),
            needsMap(round, captions),
            needsCpas(round, indicators, captions)};
}

QList<Section> prioritiesSections(const Round &round)
{
    Captions captions;
    return {stageIntro(round, StageId::Priorities,
                       tr("This section sets out how the partners ranked the priority groups in "
                          "each Contract Package Area, what they decided and why.")),
            prioritiesGroups(round, captions), prioritiesRanking(round, captions),
            prioritiesDecisions(round), prioritiesPlaces(round)};
}

QList<Section> designSections(const Round &round)
{
    Captions captions;
    return {stageIntro(round, StageId::Design,
                       tr("This section sets out the service the providers will deliver, who it "
                          "is for, how they will be paid and what it is expected to cost.")),
            designStandards(round, captions),
            designEligibility(round, captions),
            designPayment(round, captions),
            designFinance(round, captions),
            designContributions(round, captions)};
}

QList<SectionInfo> needsSectionInfo()
{
    return {{QStringLiteral("needs"), stageTitle(StageId::Needs)},
            {QStringLiteral("needs.indicators"), tr("Headline indicators")},
            {QStringLiteral("needs.ranking"), tr("Areas ranked by need")},
            {QStringLiteral("needs.agreements"), tr("Local Labour Market Agreements")},
            {QStringLiteral("needs.map"), tr("Map of the Contract Package Areas")},
            {QStringLiteral("needs.cpas"), tr("Contract Package Areas")}};
}

QList<SectionInfo> prioritiesSectionInfo()
{
    return {{QStringLiteral("priorities"), stageTitle(StageId::Priorities)},
            {QStringLiteral("priorities.groups"), tr("Priority groups")},
            {QStringLiteral("priorities.ranking"), tr("Joint ranking of priority groups")},
            {QStringLiteral("priorities.decisions"), tr("Decisions on priorities")},
            {QStringLiteral("priorities.places"), tr("Priority places")}};
}

QList<SectionInfo> designSectionInfo()
{
    return {{QStringLiteral("design"), stageTitle(StageId::Design)},
            {QStringLiteral("design.standards"), tr("Minimum service standards")},
            {QStringLiteral("design.eligibility"), tr("Eligibility and referral routes")},
            {QStringLiteral("design.payment"), tr("Payment model")},
            {QStringLiteral("design.finance"), tr("Financial model")},
            {QStringLiteral("design.contributions"), tr("Local contributions")}};
}

QString formatMoney(double pounds)
{
    const qint64 whole = qRound64(pounds);
    const QString digits = uk().toString(whole < 0 ? -whole : whole);
    return whole < 0 ? QStringLiteral("-\u00a3") + digits : QStringLiteral("\u00a3") + digits;
}

QString formatPercent(double percent, int decimals)
{
    return uk().toString(percent, 'f', decimals) + u'%';
}

QString formatNumber(double value, int decimals)
{
    if (decimals <= 0)
        return uk().toString(qRound64(value));
    return uk().toString(value, 'f', decimals);
}

} // namespace CoCommission::Paper
