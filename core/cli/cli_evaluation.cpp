// Stage 5 on the command line: evaluation import (the CSV exchange, EvaluationCsv) and
// evaluation report (results, ties, margins, sensitivity; evaluateTender()).

#include "core/cli/cliutil.h"

#include "core/evaluation/criteria.h"
#include "core/evaluation/moderation.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/io/evaluationcsv.h"
#include "core/round/rounddocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QTextStream>

#include <cmath>

namespace CoCommission::CommandLine {

namespace {

const QString kImportSynopsis =
    QStringLiteral("cocommission evaluation import ROUND.cocom --criteria criteria.csv --bids "
                   "bids.csv [--scores scores.csv]");
const QString kReportSynopsis =
    QStringLiteral("cocommission evaluation report ROUND.cocom [--lot NAME] "
                   "[--price-formula lowest-ratio|linear] [--json]");

/** Rounded to two decimals, as every figure of the report is. */
double round2(double value)
{
    return std::round(value * 100.0) / 100.0;
}

QString fixed(double value)
{
    return QString::number(round2(value), 'f', 2);
}

QString money(double value)
{
    return QStringLiteral("\u00a3") +
           QLocale(QLocale::English, QLocale::UnitedKingdom).toString(value, 'f', 2);
}

QString when(const QDateTime &at)
{
    return QLocale::c().toString(at.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

QJsonValue optionalText(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue();
}

QString lotNames(const CpaPlan &plan)
{
    QStringList names;
    for (const Cpa &cpa : plan.cpas)
        names << cpa.name;
    return names.join(QStringLiteral(", "));
}

int runImport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Parsed p =
        parse(args, {},
              {QStringLiteral("--criteria"), QStringLiteral("--bids"), QStringLiteral("--scores")});
    if (!p.error.isEmpty())
        return usage(err, p.error, kImportSynopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one round file."), kImportSynopsis);
    if (!p.values.contains(QStringLiteral("--criteria")) ||
        !p.values.contains(QStringLiteral("--bids")))
        return usage(err, tr("Name the criteria and the bids files with --criteria and --bids."),
                     kImportSynopsis);
    const auto document = openForWriting(p.positional.first(), err);
    if (!document)
        return UsageError;
    if (const QString why = document->whyTenderFrozen(); !why.isEmpty()) {
        err << tr("Nothing was imported: %1").arg(why) << '\n';
        return UsageError;
    }
    const Result<EvaluationCsv::Import> import = EvaluationCsv::read(
        document->round(), p.values.value(QStringLiteral("--criteria")),
        p.values.value(QStringLiteral("--bids")), p.values.value(QStringLiteral("--scores")));
    if (!import) {
        err << tr("Nothing was imported:") << '\n' << import.errorMessage() << '\n';
        return UsageError;
    }
    if (const Status stored = document->replaceTender(import->tender); !stored) {
        err << tr("Nothing was imported: %1").arg(stored.errorMessage()) << '\n';
        return UsageError;
    }

    out << (import->criteria == 1 ? tr("Imported %n criterion, ", nullptr, import->criteria)
                                  : tr("Imported %n criteria, ", nullptr, import->criteria))
        << tr("%n bid(s) ", nullptr, import->bids) << tr("in %n lot(s).", nullptr, import->lots)
        << '\n';
    if (import->scoresRead)
        out << tr("Scores: %n individual score(s), ", nullptr, import->scores)
            << tr("%n consensus score(s).", nullptr, import->consensus) << '\n';
    else
        out << tr("No scores file: the round's scores were kept.") << '\n';
    if (!import->addedAssessors.isEmpty())
        out << tr("Added to the panel (give their organisation and role): %1.")
                   .arg(import->addedAssessors.join(QStringLiteral(", ")))
            << '\n';
    if (import->declarationsAdded > 0)
        out << tr("Recorded %n declaration(s) of no conflict of interest from the score sheet.",
                  nullptr, import->declarationsAdded)
            << '\n';
    if (import->bidsOpened)
        out << tr("The bids are now open: the criteria are locked.") << '\n';
    if (import->moderationOpened)
        out << tr("Moderation is now open: the individual scores are locked.") << '\n';
    if (import->declarationsDropped > 0)
        out << tr("Removed %n declaration(s) of no conflict about bidders without a bid.", nullptr,
                  import->declarationsDropped)
            << '\n';
    return Success;
}

/** The text report's table: left-aligned text, right-aligned figures. */
QString table(const QList<QStringList> &rows, const QList<bool> &rightAligned)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths << 0;
            if (c + 1 < row.size()) // the last column is not padded
                widths[c] = std::max(widths[c], row[c].size());
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c + 1 == row.size())
                cells << row[c];
            else if (rightAligned.value(c))
                cells << row[c].rightJustified(widths[c]);
            else
                cells << row[c].leftJustified(widths[c]);
        }
        text += QStringLiteral("  ") + cells.join(QStringLiteral("  ")) + u'\n';
    }
    return text;
}

struct LotReport
{
    const Cpa *cpa = nullptr;
    const LotResult *result = nullptr; ///< null when the lot has no bids
    int provisional = 0;               ///< scored cells without an agreed consensus
};

QJsonObject lotJson(const LotReport &lot, const CriteriaTree &tree)
{
    QJsonArray bids;
    QJsonArray sensitivity;
    QJsonValue margin, change;
    bool tied = false;
    if (const LotResult *r = lot.result) {
        for (const BidResult &b : r->bids) {
            bids.append(QJsonObject{
                {QStringLiteral("bid_id"), b.bidId},
                {QStringLiteral("bidder"), b.bidder},
                {QStringLiteral("total"), round2(b.total)},
                {QStringLiteral("quality"), round2(b.quality)},
                {QStringLiteral("social_value"), round2(b.socialValue)},
                {QStringLiteral("price"), round2(b.priceMarks)},
                {QStringLiteral("rank"), b.eliminated ? QJsonValue() : QJsonValue(b.rank)},
                {QStringLiteral("status"),
                 b.eliminated ? QStringLiteral("eliminated") : QStringLiteral("ranked")},
                {QStringLiteral("reason"), b.reason},
                {QStringLiteral("tied"), b.tied},
                {QStringLiteral("abnormally_low"), b.abnormallyLow},
                {QStringLiteral("bid_price"), round2(b.price)},
                {QStringLiteral("failed_criteria"), QJsonArray::fromStringList(b.failedCriteria)},
            });
        }
        for (const CriterionSensitivity &s : r->sensitivity) {
            sensitivity.append(QJsonObject{
                {QStringLiteral("criterion_id"), s.criterionId},
                {QStringLiteral("weight"), round2(s.weight)},
                {QStringLiteral("stable_from"), round2(s.stableFrom)},
                {QStringLiteral("stable_to"), round2(s.stableTo)},
                {QStringLiteral("name"), tree.criterion(s.criterionId).name},
                {QStringLiteral("rival_below"), optionalText(s.rivalBelow)},
                {QStringLiteral("rival_above"), optionalText(s.rivalAbove)},
            });
        }
        if (r->winningMargin)
            margin = round2(*r->winningMargin);
        if (const auto &c = r->smallestScoreChange)
            change = QJsonObject{{QStringLiteral("bid_id"), c->bidId},
                                 {QStringLiteral("criterion_id"), c->criterionId},
                                 {QStringLiteral("from"), round2(c->from)},
                                 {QStringLiteral("to"), round2(c->to)},
                                 {QStringLiteral("points"), round2(c->points())},
                                 {QStringLiteral("rival"),
                                  c->rival.isEmpty() ? QJsonValue() : QJsonValue(c->rival)}};
        tied = r->tiedForFirst;
    }
    return QJsonObject{
        {QStringLiteral("lot"), lot.cpa->name},
        {QStringLiteral("winner"), lot.result ? optionalText(lot.result->winner) : QJsonValue()},
        {QStringLiteral("bids"), bids},
        {QStringLiteral("sensitivity"), sensitivity},
        {QStringLiteral("tied_for_first"), tied},
        {QStringLiteral("winning_margin"), margin},
        {QStringLiteral("smallest_score_change"), change},
        {QStringLiteral("provisional_scores"), lot.provisional},
    };
}

void printLot(const LotReport &lot, const CriteriaTree &tree, const Tender &tender,
              QTextStream &out)
{
    out << '\n' << tr("Lot: %1").arg(lot.cpa->name) << '\n';
    const LotResult *r = lot.result;
    if (!r || r->bids.isEmpty()) {
        out << "  " << tr("No bids for this lot.") << '\n';
        return;
    }
    QList<QStringList> rows{{tr("Rank"), tr("Bid"), tr("Bidder"), tr("Total"), tr("Quality"),
                             tr("Social value"), tr("Price marks"), tr("Status")}};
    for (const BidResult &b : r->bids) {
        QString status = b.eliminated ? tr("eliminated: %1").arg(b.reason) : tr("ranked");
        if (b.tied)
            status += QStringLiteral(", ") + tr("tied");
        if (b.abnormallyLow)
            status += QStringLiteral(", ") + tr("abnormally low");
        rows << QStringList{b.eliminated ? QStringLiteral("-") : QString::number(b.rank),
                            b.bidId,
                            b.bidder,
                            fixed(b.total),
                            fixed(b.quality),
                            fixed(b.socialValue),
                            fixed(b.priceMarks),
                            status};
    }
    out << table(rows, {true, false, false, true, true, true, true, false});

    const auto bidder = [&](const QString &id) {
        const BidResult *b = r->bid(id);
        return b ? QStringLiteral("%1 (%2)").arg(id, b->bidder) : id;
    };
    if (r->winner) {
        const BidResult *runnerUp = nullptr;
        for (const BidResult &b : r->bids) {
            if (!b.eliminated && b.bidId != *r->winner) {
                runnerUp = &b;
                break;
            }
        }
        if (r->winningMargin && runnerUp)
            out << "  "
                << tr("Winner: %1, %2 marks ahead of %3.")
                       .arg(bidder(*r->winner), fixed(*r->winningMargin), runnerUp->bidId)
                << '\n';
        else
            out << "  " << tr("Winner: %1, the only bid ranked.").arg(bidder(*r->winner)) << '\n';
    } else if (r->tiedForFirst) {
        out << "  " << tr("No winner: the first place is tied.") << '\n';
    } else {
        out << "  " << tr("No winner: every bid was eliminated.") << '\n';
    }

    // Ties, one line per shared rank.
    QMap<int, QStringList> tiedAt;
    for (const BidResult &b : r->bids) {
        if (b.tied)
            tiedAt[b.rank] << b.bidId;
    }
    for (auto it = tiedAt.cbegin(); it != tiedAt.cend(); ++it)
        out << "  "
            << tr("Tie: %1 share rank %2 with %3 marks.")
                   .arg(it.value().join(QStringLiteral(", ")))
                   .arg(it.key())
                   .arg(fixed(r->bid(it.value().first())->total))
            << '\n';
    for (const BidResult &b : r->bids) {
        if (b.abnormallyLow)
            out << "  "
                << tr("Abnormally low: %1 at %2, more than %3% below the lot's mean price; "
                      "ask the bidder to explain it.")
                       .arg(bidder(b.bidId), money(b.price),
                            QString::number(tender.abnormallyLowPercent, 'g', 6))
                << '\n';
    }
    if (lot.provisional > 0)
        out << "  "
            << tr("Provisional: %n score(s) not yet agreed by the panel; the provisional "
                  "value from the individual scores stands in.",
                  nullptr, lot.provisional)
            << '\n';

    if (r->winner && !r->sensitivity.isEmpty()) {
        out << "  "
            << tr("Sensitivity: the weight within which %1 stays the winner, the other weights "
                  "of its level rescaled in proportion:")
                   .arg(*r->winner)
            << '\n';
        for (const CriterionSensitivity &s : r->sensitivity) {
            QString line = tr("%1 (%2), weight %3%: stable from %4% to %5%")
                               .arg(s.criterionId, tree.criterion(s.criterionId).name,
                                    fixed(s.weight), fixed(s.stableFrom), fixed(s.stableTo));
            QStringList rivals;
            if (s.rivalBelow)
                rivals << tr("%1 draws level at %2%").arg(*s.rivalBelow, fixed(s.stableFrom));
            if (s.rivalAbove)
                rivals << tr("%1 draws level at %2%").arg(*s.rivalAbove, fixed(s.stableTo));
            if (!rivals.isEmpty())
                line += QStringLiteral(" (") + rivals.join(QStringLiteral("; ")) + u')';
            out << "    " << line << '\n';
        }
    }
    if (r->winner) {
        if (const auto &c = r->smallestScoreChange) {
            // A flip of a pass/fail gate changes who is in: the rival then wins outright.
            if (tree.criterion(c->criterionId).type == CriterionType::PassFail) {
                const QString flip = c->to > c->from ? tr("passing") : tr("failing");
                out << "  "
                    << (c->rival.isEmpty()
                            ? tr("Smallest score change: bid %1 %2 %3 would leave no winner.")
                                  .arg(c->bidId, flip, c->criterionId)
                            : tr("Smallest score change: bid %1 %2 %3 would make %4 the winner.")
                                  .arg(c->bidId, flip, c->criterionId, c->rival))
                    << '\n';
            } else {
                const QString what =
                    c->rival.isEmpty()
                        ? tr("would leave no winner")
                        : tr("would make %1 draw level with %2").arg(c->rival, *r->winner);
                out << "  "
                    << tr("Smallest score change: bid %1 against %2 from %3 to %4 (%5 points) "
                          "%6.")
                           .arg(c->bidId, c->criterionId, fixed(c->from), fixed(c->to),
                                fixed(c->points()), what)
                    << '\n';
            }
        } else {
            out << "  " << tr("Smallest score change: no single score change alters the winner.")
                << '\n';
        }
    }
}

int runReport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Parsed p = parse(args, {QStringLiteral("--json")},
                           {QStringLiteral("--lot"), QStringLiteral("--price-formula")});
    if (!p.error.isEmpty())
        return usage(err, p.error, kReportSynopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one round file."), kReportSynopsis);
    std::optional<PriceFormula> formula;
    if (p.values.contains(QStringLiteral("--price-formula"))) {
        formula = priceFormulaFromKey(p.values.value(QStringLiteral("--price-formula")));
        if (!formula)
            return usage(err, tr("--price-formula must be lowest-ratio or linear."),
                         kReportSynopsis);
    }
    const auto document = openForReading(p.positional.first(), err);
    if (!document)
        return UsageError;
    const Round &round = document->round();
    const Tender &tender = round.tender;
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan) {
        err << tr("The round has no adopted CPA plan, so it has no lots to report.") << '\n';
        return UsageError;
    }
    const Cpa *only = nullptr;
    if (p.values.contains(QStringLiteral("--lot"))) {
        const QString name = p.values.value(QStringLiteral("--lot")).trimmed();
        for (const Cpa &cpa : plan->cpas) {
            if (cpa.name.compare(name, Qt::CaseInsensitive) == 0)
                only = &cpa;
        }
        if (!only) {
            err << tr("The round has no lot %1; the lots are: %2.")
                       .arg(quoted(name), lotNames(*plan))
                << '\n';
            return UsageError;
        }
    }
    if (tender.criteria.isEmpty()) {
        err << tr("The round has no award criteria yet: import them with cocommission "
                  "evaluation import.")
            << '\n';
        return UsageError;
    }
    const Result<Evaluation> evaluation = evaluateTender(round, formula);
    if (!evaluation) {
        err << tr("The bids cannot be evaluated yet: %1").arg(evaluation.errorMessage()) << '\n';
        return CheckFailed;
    }
    const Result<CriteriaTree> tree = CriteriaTree::fromList(tender.criteria);
    if (!tree) { // evaluateTender() accepted it, so this does not happen
        err << tree.errorMessage() << '\n';
        return UsageError;
    }

    QList<LotReport> lots;
    for (const Cpa &cpa : plan->cpas) {
        if (only && only != &cpa)
            continue;
        LotReport lot{&cpa, evaluation->lot(cpa.name), 0};
        if (!lot.result && !only)
            continue; // without --lot, only the lots that have bids
        for (const ModerationRow &row : moderationRows(tender, *tree, cpa.id)) {
            if (!row.isAgreed())
                ++lot.provisional;
        }
        lots << lot;
    }
    const PriceFormula used = formula.value_or(tender.priceFormula);

    if (p.flags.contains(QStringLiteral("--json"))) {
        QJsonArray lotArray;
        for (const LotReport &lot : std::as_const(lots))
            lotArray.append(lotJson(lot, *tree));
        QJsonArray changes;
        for (const CriteriaChange &c : tender.criteriaChanges)
            changes.append(QJsonObject{
                {QStringLiteral("changed_at"), c.changedAt.toUTC().toString(Qt::ISODate)},
                {QStringLiteral("actor"), c.actor},
                {QStringLiteral("reason"), c.reason},
                {QStringLiteral("summary"), c.summary}});
        printJson(out, QJsonObject{{QStringLiteral("lots"), lotArray},
                                   {QStringLiteral("price_formula"), priceFormulaKey(used)},
                                   {QStringLiteral("illustrative"), tender.illustrative},
                                   {QStringLiteral("criteria_changed_after_opening"), changes}});
        return Success;
    }

    out << tr("Evaluation of %1").arg(quoted(round.title)) << '\n';
    out << tr("Price marks: %1.").arg(priceFormulaName(used)) << '\n';
    if (tender.illustrative)
        out << tr("ILLUSTRATIVE: the bids, panel and scores are invented to show the stage "
                  "working; no award may rest on them.")
            << '\n';
    for (const CriteriaChange &c : tender.criteriaChanges)
        out << tr("FLAGGED: the criteria changed after the bids were opened, on %1 by %2. "
                  "Reason: %3 %4")
                   .arg(when(c.changedAt), c.actor.isEmpty() ? tr("an unnamed user") : c.actor,
                        c.reason, c.summary)
            << '\n';
    if (lots.isEmpty())
        out << tr("No bids yet.") << '\n';
    for (const LotReport &lot : std::as_const(lots))
        printLot(lot, *tree, tender, out);
    return Success;
}

} // namespace

int runEvaluation(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = kImportSynopsis + QStringLiteral("\n       ") + kReportSynopsis;
    if (args.isEmpty())
        return usage(err, tr("Name what to do: import or report."), synopsis);
    const QString verb = args.first();
    if (verb == QLatin1String("import"))
        return runImport(args.mid(1), out, err);
    if (verb == QLatin1String("report"))
        return runReport(args.mid(1), out, err);
    return usage(err, tr("Unknown evaluation command \"%1\".").arg(verb), synopsis);
}

} // namespace CoCommission::CommandLine
