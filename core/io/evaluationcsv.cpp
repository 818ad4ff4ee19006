#include "core/io/evaluationcsv.h"

#include "core/io/csvproblems.h"
#include "core/io/csvreader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>

namespace CoCommission {

namespace EvaluationCsv {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::EvaluationCsv", text, disambiguation, n);
}

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

QString lineList(const QList<qint64> &lines)
{
    QStringList parts;
    for (qint64 line : lines)
        parts << QString::number(line);
    return parts.join(QStringLiteral(", "));
}

/** One data row: its line and the wanted columns' fields, trimmed, in the wanted order. */
struct Row
{
    qint64 line = 0;
    QStringList fields;
};

/** The data rows of \a source with the fields of \a columns; nullopt when it cannot be read. */
std::optional<QList<Row>> readTable(const Source &source, const QStringList &columns,
                                    CsvProblems &problems)
{
    QBuffer buffer;
    buffer.setData(source.data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader csv(&buffer);
    const QString expected = columns.join(u',');
    if (!csv.next()) {
        if (!csv.error().isEmpty())
            problems.add(tr("%1: %2").arg(source.fileName, csv.error()));
        else
            problems.add(tr("%1 is empty: it needs the header %2.").arg(source.fileName, expected));
        return std::nullopt;
    }
    const qint64 headerLine = csv.recordLine();
    QStringList header;
    for (qsizetype i = 0; i < csv.fieldCount(); ++i)
        header << csv.fieldText(i).trimmed().toLower();
    QList<qsizetype> index;
    QStringList missing;
    bool bad = false;
    for (const QString &column : columns) {
        index << header.indexOf(column);
        if (index.last() < 0)
            missing << column;
        else if (header.count(column) > 1) {
            problems.add(tr("%1, line %2: the header names the column %3 twice.")
                             .arg(source.fileName)
                             .arg(headerLine)
                             .arg(column));
            bad = true;
        }
    }
    if (!missing.isEmpty()) {
        problems.add(tr("%1, line %2: the header must name the columns %3; %4 missing (found "
                        "\u201c%5\u201d).",
                        nullptr, int(missing.size()))
                         .arg(source.fileName)
                         .arg(headerLine)
                         .arg(expected, missing.join(QStringLiteral(", ")), header.join(u',')));
        bad = true;
    }
    if (bad)
        return std::nullopt;

    QList<Row> rows;
    while (csv.next()) {
        bool blank = true;
        for (qsizetype i = 0; i < csv.fieldCount() && blank; ++i)
            blank = csv.fieldText(i).trimmed().isEmpty();
        if (blank)
            continue;
        if (csv.fieldCount() != header.size()) {
            problems.add(tr("%1, line %2: expected %3 fields as in the header, found %4.")
                             .arg(source.fileName)
                             .arg(csv.recordLine())
                             .arg(header.size())
                             .arg(csv.fieldCount()));
            continue;
        }
        Row row{csv.recordLine(), {}};
        for (qsizetype i : std::as_const(index))
            row.fields << csv.fieldText(i).trimmed();
        rows << row;
    }
    if (!csv.error().isEmpty()) {
        problems.add(tr("%1: %2").arg(source.fileName, csv.error()));
        return std::nullopt;
    }
    return rows;
}

/** A finite number in C notation ("12.5"), or nullopt. */
std::optional<double> toNumber(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

/** A weight: a number, optionally followed by "%". */
std::optional<double> toWeight(QString text)
{
    if (text.endsWith(u'%'))
        text = text.chopped(1).trimmed();
    return toNumber(text);
}

/** A price: a number, optionally after "£" and with thousands separators ("£1,250,000.50"). */
std::optional<double> toPrice(QString text)
{
    if (text.startsWith(u'£'))
        text = text.mid(1).trimmed();
    static const QRegularExpression grouped(QStringLiteral("^-?\\d{1,3}(,\\d{3})+(\\.\\d*)?$"));
    if (grouped.match(text).hasMatch())
        text.remove(u',');
    return toNumber(text);
}

/** "quality", "pass_fail", ...: lower case, with "-" and " " read as "_". */
QString typeKey(QString text)
{
    text = text.toLower();
    text.replace(u'-', u'_');
    text.replace(u' ', u'_');
    return text;
}

const QString kTypes = QStringLiteral("quality, pass_fail, price, social_value");

QString moderationOpened(const Tender &tender)
{
    return QLocale::c().toString(tender.moderationOpenedAt.toUTC(),
                                 QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

// --- criteria.csv -----------------------------------------------------------------------------

struct CriterionRow
{
    qint64 line = 0;
    Criterion criterion;
    bool typed = false; ///< the type (and so the scale) could be read
};

/** What the criteria file gave: the rows, and whether they make a valid tree. */
struct CriteriaRead
{
    QList<CriterionRow> rows;
    QHash<QString, qsizetype> index; ///< id -> row
    bool valid = false;
};

enum CriteriaColumn { CId, CParent, CName, CWeight, CType, CMax };

CriteriaRead readCriteria(const Source &source, CsvProblems &problems)
{
    const QString &file = source.fileName;
    CriteriaRead read;
    const int before = problems.count();
    const auto table = readTable(source,
                                 {QStringLiteral("id"), QStringLiteral("parent_id"),
                                  QStringLiteral("name"), QStringLiteral("weight_percent"),
                                  QStringLiteral("type"), QStringLiteral("max_score")},
                                 problems);
    if (!table)
        return read;
    if (table->isEmpty() && problems.count() == before) {
        problems.add(
            tr("%1 has no criteria: it needs at least one row after the header.").arg(file));
        return read;
    }

    // Ids first, so that a parent may come after its children.
    QList<const Row *> kept;
    for (const Row &row : std::as_const(*table)) {
        const QString id = row.fields[CId];
        if (id.isEmpty()) {
            problems.at(file, row.line, QStringLiteral("id"), tr("the id is empty."));
            continue;
        }
        if (const auto earlier = read.index.constFind(id); earlier != read.index.cend()) {
            problems.at(file, row.line, QStringLiteral("id"),
                        tr("the id %1 is already used on line %2.")
                            .arg(quoted(id), QString::number(read.rows[*earlier].line)));
            continue;
        }
        read.index.insert(id, read.rows.size());
        CriterionRow c;
        c.line = row.line;
        c.criterion.id = id;
        c.criterion.parentId = row.fields[CParent];
        c.criterion.name = row.fields[CName];
        read.rows << c;
        kept << &row;
    }
    QHash<QString, QList<qint64>> childLines;
    for (const CriterionRow &c : std::as_const(read.rows)) {
        if (!c.criterion.parentId.isEmpty())
            childLines[c.criterion.parentId] << c.line;
    }

    for (qsizetype i = 0; i < read.rows.size(); ++i) {
        CriterionRow &c = read.rows[i];
        Criterion &criterion = c.criterion;
        const QStringList &fields = kept[i]->fields;
        const QString id = quoted(criterion.id);
        if (criterion.name.isEmpty())
            problems.at(file, c.line, QStringLiteral("name"),
                        tr("the name of %1 is empty.").arg(id));
        if (criterion.parentId == criterion.id) {
            problems.at(file, c.line, QStringLiteral("parent_id"),
                        tr("%1 cannot be its own parent.").arg(id));
        } else if (!criterion.parentId.isEmpty() && !read.index.contains(criterion.parentId)) {
            problems.at(file, c.line, QStringLiteral("parent_id"),
                        tr("no row has the id %1.").arg(quoted(criterion.parentId)));
        }

        const QString type = typeKey(fields[CType]);
        const QString maxText = fields[CMax];
        if (childLines.contains(criterion.id)) {
            if (!type.isEmpty() && type != QLatin1String("group")) {
                problems.at(file, c.line, QStringLiteral("type"),
                            tr("%1 has sub-criteria (line %2), so it is a group: leave the type "
                               "empty or write group, not %3.")
                                .arg(id, lineList(childLines.value(criterion.id)), fields[CType]));
            } else {
                criterion.type = CriterionType::Group;
                c.typed = true;
            }
            if (!maxText.isEmpty())
                problems.at(
                    file, c.line, QStringLiteral("max_score"),
                    tr("%1 is a group, which is not scored: leave max_score empty.").arg(id));
        } else {
            const std::optional<CriterionType> t = criterionTypeFromKey(type);
            if (type.isEmpty()) {
                problems.at(file, c.line, QStringLiteral("type"),
                            tr("the type of %1 is empty: write %2.").arg(id, kTypes));
            } else if (t == CriterionType::Group) {
                problems.at(file, c.line, QStringLiteral("type"),
                            tr("%1 is typed group, but no row names it as its parent_id: give it "
                               "sub-criteria or one of the types %2.")
                                .arg(id, kTypes));
            } else if (!t) {
                problems.at(file, c.line, QStringLiteral("type"),
                            tr("%1 is not a type: write %2.").arg(quoted(fields[CType]), kTypes));
            } else {
                criterion.type = *t;
                c.typed = true;
            }
            if (c.typed) {
                switch (criterion.type) {
                case CriterionType::Quality:
                case CriterionType::SocialValue: {
                    const std::optional<double> max = toNumber(maxText);
                    if (maxText.isEmpty()) {
                        problems.at(file, c.line, QStringLiteral("max_score"),
                                    tr("%1 is scored on a scale, so it needs a max_score: 5, 10 "
                                       "or another whole number up to 100.")
                                        .arg(id));
                        c.typed = false;
                    } else if (!max || *max != std::floor(*max) || *max < 1 || *max > 100) {
                        problems.at(file, c.line, QStringLiteral("max_score"),
                                    tr("the max_score must be a whole number from 1 to 100 (5 or "
                                       "10 for the standard scales), not %1.")
                                        .arg(quoted(maxText)));
                        c.typed = false;
                    } else {
                        criterion.scale = scaleFor(int(*max));
                    }
                    break;
                }
                case CriterionType::PassFail:
                    if (!maxText.isEmpty() && toNumber(maxText) != 1.0)
                        problems.at(file, c.line, QStringLiteral("max_score"),
                                    tr("%1 is pass_fail, scored 1 (pass) or 0 (fail): leave "
                                       "max_score empty or write 1, not %2.")
                                        .arg(id, quoted(maxText)));
                    break;
                case CriterionType::Price:
                    if (!maxText.isEmpty())
                        problems.at(file, c.line, QStringLiteral("max_score"),
                                    tr("%1 is the price, whose marks are computed from the prices: "
                                       "leave max_score empty.")
                                        .arg(id));
                    break;
                case CriterionType::Group:
                    break;
                }
            }
        }

        const QString weightText = fields[CWeight];
        if (weightText.isEmpty()) {
            if (!(c.typed && criterion.type == CriterionType::PassFail))
                problems.at(file, c.line, QStringLiteral("weight_percent"),
                            tr("the weight of %1 is empty.").arg(id));
        } else if (const std::optional<double> weight = toWeight(weightText); !weight) {
            problems.at(file, c.line, QStringLiteral("weight_percent"),
                        tr("%1 is not a number.").arg(quoted(weightText)));
        } else if (*weight < 0 || *weight > 100) {
            problems.at(file, c.line, QStringLiteral("weight_percent"),
                        tr("the weight of %1 must be between 0 and 100%, not %2%.")
                            .arg(id, number(*weight)));
        } else {
            criterion.weightPercent = *weight;
        }
    }
    if (problems.count() != before)
        return read;

    // The rows read: now the tree's rules, each named by the lines it concerns.
    const auto parentOf = [&](const QString &id) {
        return read.rows[read.index.value(id)].criterion.parentId;
    };
    for (const CriterionRow &c : std::as_const(read.rows)) {
        QStringList path{c.criterion.id};
        for (QString at = c.criterion.parentId; !at.isEmpty(); at = parentOf(at)) {
            if (at == c.criterion.id) {
                problems.at(file, c.line, QStringLiteral("parent_id"),
                            tr("%1 is its own ancestor (%2).")
                                .arg(quoted(c.criterion.id), path.join(QStringLiteral(" \u2192 ")) +
                                                                 QStringLiteral(" \u2192 ") + at));
                break;
            }
            if (path.size() > read.rows.size())
                break; // a cycle above this row, which its own rows report
            path << at;
        }
    }
    if (problems.count() != before)
        return read;

    QHash<QString, bool> marks;
    std::function<bool(const QString &)> carriesMarks = [&](const QString &id) -> bool {
        if (const auto known = marks.constFind(id); known != marks.cend())
            return *known;
        const Criterion &criterion = read.rows[read.index.value(id)].criterion;
        bool result = false;
        if (criterion.type != CriterionType::Group) {
            result = criterion.type != CriterionType::PassFail;
        } else {
            for (const CriterionRow &kid : std::as_const(read.rows)) {
                if (kid.criterion.parentId == id && carriesMarks(kid.criterion.id)) {
                    result = true;
                    break;
                }
            }
        }
        marks.insert(id, result);
        return result;
    };

    QStringList levels; // parent ids in order of first appearance; "" is the top level
    QHash<QString, QList<qsizetype>> levelRows;
    QList<qint64> priceLines;
    for (qsizetype i = 0; i < read.rows.size(); ++i) {
        const Criterion &criterion = read.rows[i].criterion;
        if (!levelRows.contains(criterion.parentId))
            levels << criterion.parentId;
        levelRows[criterion.parentId] << i;
        if (criterion.type == CriterionType::Price)
            priceLines << read.rows[i].line;
        if (!carriesMarks(criterion.id) && criterion.weightPercent != 0)
            problems.at(file, read.rows[i].line, QStringLiteral("weight_percent"),
                        tr("%1 only passes or fails bids and carries no marks, so its weight "
                           "must be 0, not %2%.")
                            .arg(quoted(criterion.id), number(criterion.weightPercent)));
    }
    for (const QString &level : std::as_const(levels)) {
        double sum = 0;
        bool carries = false;
        QList<qint64> lines;
        for (qsizetype i : levelRows.value(level)) {
            sum += read.rows[i].criterion.weightPercent;
            carries = carries || carriesMarks(read.rows[i].criterion.id);
            lines << read.rows[i].line;
        }
        if (!carries || std::abs(sum - 100.0) <= CriteriaTree::kWeightTolerance)
            continue;
        if (level.isEmpty())
            problems.atLines(file, lines, QStringLiteral("weight_percent"),
                             tr("the weights of the top-level criteria add up to %1%, not 100%.")
                                 .arg(number(sum)));
        else
            problems.atLines(file, lines, QStringLiteral("weight_percent"),
                             tr("the weights of the sub-criteria of %1 (%2) add up to %3%, not "
                                "100%.")
                                 .arg(quoted(level),
                                      read.rows[read.index.value(level)].criterion.name,
                                      number(sum)));
    }
    if (priceLines.size() > 1)
        problems.atLines(
            file, priceLines, QStringLiteral("type"),
            tr("only one criterion may be of type price.", nullptr, int(priceLines.size())));
    const QList<qsizetype> top = levelRows.value(QString());
    if (std::none_of(top.begin(), top.end(),
                     [&](qsizetype i) { return carriesMarks(read.rows[i].criterion.id); }))
        problems.add(tr("%1: the criteria award no marks: add a quality, price or social_value "
                        "criterion.")
                         .arg(file));
    if (problems.count() != before)
        return read;

    // The tree's own check is the authority; the checks above only place its rules on lines.
    QList<Criterion> list;
    for (const CriterionRow &c : std::as_const(read.rows))
        list << c.criterion;
    if (const Result<CriteriaTree> tree = CriteriaTree::fromList(list); !tree) {
        problems.add(tr("%1: %2").arg(file, tree.errorMessage()));
        return read;
    }
    read.valid = true;
    return read;
}

// --- bids.csv ---------------------------------------------------------------------------------

enum BidColumn { BId, BBidder, BLot, BPrice };

std::optional<QList<TenderBid>> readBids(const Round &round, const Tender &stored,
                                         const Source &source, CsvProblems &problems,
                                         QHash<QString, qint64> &lineOf)
{
    const QString &file = source.fileName;
    const int before = problems.count();
    const auto table = readTable(source,
                                 {QStringLiteral("bid_id"), QStringLiteral("bidder"),
                                  QStringLiteral("lot"), QStringLiteral("price")},
                                 problems);
    if (!table)
        return std::nullopt;
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan) {
        problems.add(tr("%1: the round has no adopted CPA plan, and each lot is a CPA of that "
                        "plan: adopt a plan first.")
                         .arg(file));
        return std::nullopt;
    }
    QStringList lotNames;
    for (const Cpa &cpa : plan->cpas)
        lotNames << cpa.name;
    const QString lots = lotNames.join(QStringLiteral(", "));

    QList<TenderBid> bids;
    for (const Row &row : std::as_const(*table)) {
        const QString &id = row.fields[BId];
        const QString &bidder = row.fields[BBidder];
        const QString &lot = row.fields[BLot];
        const QString &priceText = row.fields[BPrice];
        bool ok = true;
        const auto problem = [&](const char *field, const QString &what) {
            problems.at(file, row.line, QLatin1String(field), what);
            ok = false;
        };
        if (id.isEmpty()) {
            problem("bid_id", tr("the bid id is empty."));
        } else if (lineOf.contains(id)) {
            problem("bid_id", tr("the bid id %1 is already used on line %2.")
                                  .arg(quoted(id), QString::number(lineOf.value(id))));
        }
        if (bidder.isEmpty())
            problem("bidder", tr("the bidder of bid %1 is empty.").arg(quoted(id)));
        const Cpa *cpa = nullptr;
        for (const Cpa &candidate : plan->cpas) {
            if (candidate.name.trimmed().compare(lot, Qt::CaseInsensitive) == 0)
                cpa = &candidate;
        }
        if (lot.isEmpty())
            problem("lot",
                    tr("the lot of bid %1 is empty; the lots are: %2.").arg(quoted(id), lots));
        else if (!cpa)
            problem("lot",
                    tr("%1 is not a lot of this round; the lots are: %2.").arg(quoted(lot), lots));
        const std::optional<double> price = toPrice(priceText);
        if (priceText.isEmpty())
            problem("price", tr("the price of bid %1 is empty.").arg(quoted(id)));
        else if (!price)
            problem("price", tr("%1 is not a price.").arg(quoted(priceText)));
        else if (*price <= 0)
            problem("price", tr("the price of bid %1 must be more than zero, not %2.")
                                 .arg(quoted(id), number(*price)));
        if (!id.isEmpty() && !lineOf.contains(id))
            lineOf.insert(id, row.line);
        if (!ok)
            continue;
        // The file carries no supply chain or integration plan: a known bid keeps its own.
        TenderBid bid;
        if (const TenderBid *existing = stored.bid(id))
            bid = *existing;
        bid.id = id;
        bid.bidder = bidder;
        bid.lot = cpa->id;
        bid.price = *price;
        // Once moderation is open the bids are fixed, as RoundDocument::setBid() holds them.
        if (stored.moderationOpen()) {
            const TenderBid *existing = stored.bid(id);
            if (!existing)
                problem("bid_id", tr("moderation opened on %1, so no bid can be added.")
                                      .arg(moderationOpened(stored)));
            else if (existing->bidder != bid.bidder || existing->lot != bid.lot ||
                     existing->price != bid.price)
                problem("bid_id", tr("moderation opened on %1, so the bids are fixed: the round "
                                     "holds bid %2 from %3 at %4 for %5.")
                                      .arg(moderationOpened(stored), quoted(id), existing->bidder,
                                           number(existing->price),
                                           round.adoptedCpa(existing->lot)
                                               ? round.adoptedCpa(existing->lot)->name
                                               : QString()));
            if (!ok)
                continue;
        }
        bids << bid;
    }
    if (stored.moderationOpen()) {
        for (const TenderBid &old : stored.bids) {
            if (!lineOf.contains(old.id))
                problems.add(
                    tr("%1: moderation opened on %2, so bid %3 cannot be removed; the file "
                       "leaves it out.")
                        .arg(file, moderationOpened(stored), quoted(old.id)));
        }
    }
    if (problems.count() != before)
        return std::nullopt;
    return bids;
}

// --- scores.csv -------------------------------------------------------------------------------

enum ScoreColumn { SAssessor, SBid, SCriterion, SScore, SComment };

struct ScoresRead
{
    QList<IndividualScore> scores;
    QList<ModeratedScore> consensus;
    QStringList addedAssessors;
    QList<ConflictDeclaration> declarations;
    int individualRows = 0;
};

std::optional<ScoresRead> readScores(const Tender &stored, const Source &source,
                                     const CriteriaRead &criteria, const QList<TenderBid> &bids,
                                     const QString &bidsFile, const QString &criteriaFile,
                                     const QDateTime &now, CsvProblems &problems)
{
    const QString &file = source.fileName;
    const int before = problems.count();
    const auto table = readTable(source,
                                 {QStringLiteral("assessor"), QStringLiteral("bid_id"),
                                  QStringLiteral("criterion_id"), QStringLiteral("score"),
                                  QStringLiteral("comment")},
                                 problems);
    if (!table)
        return std::nullopt;

    QHash<QString, const TenderBid *> bidById;
    for (const TenderBid &bid : bids)
        bidById.insert(bid.id, &bid);
    const QString sheet = QFileInfo(file).fileName();
    const QString lockedSince = moderationOpened(stored);

    ScoresRead read;
    QHash<QString, qint64> seen; // assessor (or "") + bid + criterion -> line
    QSet<QString> declared;      // assessor + bidder made by this import
    for (const Row &row : std::as_const(*table)) {
        bool ok = true;
        const auto problem = [&](const char *field, const QString &what) {
            problems.at(file, row.line, QLatin1String(field), what);
            ok = false;
        };
        QString assessor = row.fields[SAssessor];
        const bool consensus =
            assessor.compare(QLatin1String("CONSENSUS"), Qt::CaseInsensitive) == 0;
        bool known = true;
        if (assessor.isEmpty()) {
            problem("assessor", tr("the assessor is empty: write their name, or CONSENSUS for "
                                   "the panel's agreed score."));
        } else if (!consensus) {
            // Names are matched in any case, and written as the panel spells them.
            const auto member =
                std::find_if(stored.panel.cbegin(), stored.panel.cend(), [&](const Assessor &a) {
                    return a.name.compare(assessor, Qt::CaseInsensitive) == 0;
                });
            if (member != stored.panel.cend()) {
                assessor = member->name;
            } else {
                known = false;
                for (const QString &added : std::as_const(read.addedAssessors)) {
                    if (added.compare(assessor, Qt::CaseInsensitive) == 0)
                        assessor = added;
                }
            }
        }

        const QString &bidId = row.fields[SBid];
        const TenderBid *bid = bidById.value(bidId);
        if (bidId.isEmpty())
            problem("bid_id", tr("the bid id is empty."));
        else if (!bid)
            problem("bid_id", tr("there is no bid %1 in %2.").arg(quoted(bidId), bidsFile));

        const QString &criterionId = row.fields[SCriterion];
        const CriterionRow *criterion = nullptr;
        if (const auto at = criteria.index.constFind(criterionId); at != criteria.index.cend())
            criterion = &criteria.rows[*at];
        if (criterionId.isEmpty()) {
            problem("criterion_id", tr("the criterion id is empty."));
        } else if (!criterion) {
            problem("criterion_id",
                    tr("there is no criterion %1 in %2.").arg(quoted(criterionId), criteriaFile));
        } else if (criterion->typed && criterion->criterion.type == CriterionType::Group) {
            problem("criterion_id",
                    tr("%1 is a group: score its sub-criteria instead.").arg(quoted(criterionId)));
        } else if (criterion->typed && criterion->criterion.type == CriterionType::Price) {
            problem("criterion_id",
                    tr("%1 is the price, whose marks are computed from the prices: it takes no "
                       "score.")
                        .arg(quoted(criterionId)));
        }
        const bool scored = criterion && criterion->typed &&
                            criterion->criterion.type != CriterionType::Group &&
                            criterion->criterion.type != CriterionType::Price;

        const QString &scoreText = row.fields[SScore];
        const std::optional<double> score = toNumber(scoreText);
        if (scoreText.isEmpty()) {
            problem("score", tr("the score is empty."));
        } else if (!score) {
            problem("score", tr("%1 is not a number.").arg(quoted(scoreText)));
        } else if (scored) {
            const Criterion &c = criterion->criterion;
            if (c.type == CriterionType::PassFail) {
                if (*score != 0 && *score != 1)
                    problem("score", tr("%1 is pass_fail, scored 1 (pass) or 0 (fail), not %2.")
                                         .arg(quoted(c.id), number(*score)));
            } else if (*score < 0 || *score > c.scale.maxScore) {
                problem("score",
                        tr("the score for %1 must be between 0 and %2, not %3.")
                            .arg(quoted(c.id), QString::number(c.scale.maxScore), number(*score)));
            } else if (!consensus && *score != std::floor(*score)) {
                problem("score", tr("an assessor's score is a whole level of the scale (0 to %1), "
                                    "not %2; only a consensus may fall between levels.")
                                     .arg(c.scale.maxScore)
                                     .arg(number(*score)));
            }
        }

        const QString &comment = row.fields[SComment];
        if (comment.isEmpty())
            problem("comment", consensus ? tr("the rationale is empty: a consensus score needs "
                                              "its rationale in the comment.")
                                         : tr("the comment is empty: every score needs one."));

        const QString key =
            (consensus ? QString() : assessor.toLower()) + u'\x1f' + bidId + u'\x1f' + criterionId;
        if (!assessor.isEmpty() && !bidId.isEmpty() && !criterionId.isEmpty()) {
            if (const auto earlier = seen.constFind(key); earlier != seen.cend()) {
                problem("criterion_id",
                        consensus ? tr("the consensus for bid %1 against %2 is already given on "
                                       "line %3.")
                                        .arg(quoted(bidId), quoted(criterionId),
                                             QString::number(*earlier))
                                  : tr("%1 already scored bid %2 against %3 on line %4.")
                                        .arg(assessor, quoted(bidId), quoted(criterionId),
                                             QString::number(*earlier)));
            } else {
                seen.insert(key, row.line);
            }
        }

        if (bid && !assessor.isEmpty()) {
            if (consensus) {
                if (!stored.signaturesFor(bid->lot).isEmpty())
                    problem("assessor",
                            tr("the award for the lot of bid %1 has been signed, so its consensus "
                               "scores are final.")
                                .arg(quoted(bidId)));
            } else if (const ConflictDeclaration *declaration =
                           stored.conflict(assessor, bid->bidder);
                       declaration && declaration->conflicted) {
                problem("assessor",
                        declaration->note.isEmpty()
                            ? tr("%1 declared a conflict of interest with %2, so cannot score its "
                                 "bids.")
                                  .arg(assessor, bid->bidder)
                            : tr("%1 declared a conflict of interest with %2 (%3), so cannot score "
                                 "its bids.")
                                  .arg(assessor, bid->bidder, declaration->note));
            } else if (stored.moderationOpen() && score) {
                const IndividualScore *locked = stored.score(assessor, bidId, criterionId);
                if (!locked)
                    problem("score",
                            tr("moderation opened on %1, so individual scores are "
                               "locked: %2 has no score for bid %3 against %4 to repeat.")
                                .arg(lockedSince, assessor, quoted(bidId), quoted(criterionId)));
                else if (locked->score != *score || locked->comment != comment)
                    problem("score", tr("moderation opened on %1, so individual scores are "
                                        "locked: the round holds %2's score %3 with its comment, "
                                        "which the file must repeat unchanged.")
                                         .arg(lockedSince, assessor, number(locked->score)));
            }
        }
        if (!ok)
            continue;

        if (consensus) {
            const ModeratedScore *existing = stored.moderated(bidId, criterionId);
            if (existing && existing->score == *score && existing->rationale == comment)
                read.consensus << *existing; // unchanged: keeps when it was agreed
            else
                read.consensus << ModeratedScore{bidId, criterionId, *score, comment, now};
            continue;
        }
        ++read.individualRows;
        if (!known && !read.addedAssessors.contains(assessor))
            read.addedAssessors << assessor;
        if (!stored.conflict(assessor, bid->bidder) &&
            !declared.contains(assessor + u'\x1f' + bid->bidder)) {
            declared.insert(assessor + u'\x1f' + bid->bidder);
            read.declarations << ConflictDeclaration{
                assessor, bid->bidder, false,
                tr("Declared no conflict on the score sheet %1").arg(sheet), now};
        }
        if (stored.moderationOpen())
            continue; // the stored scores stand, and this row repeats one of them
        const IndividualScore *existing = stored.score(assessor, bidId, criterionId);
        if (existing && existing->score == *score && existing->comment == comment)
            read.scores << *existing;
        else
            read.scores << IndividualScore{assessor, bidId, criterionId, *score, comment, now};
    }
    if (problems.count() != before)
        return std::nullopt;
    if (stored.moderationOpen())
        read.scores = stored.scores;
    return read;
}

/** Why a score the round keeps does not fit the new files, or an empty string. */
QString misfit(const CriteriaRead &criteria, const QList<TenderBid> &bids, const QString &bidId,
               const QString &criterionId, double score, const QString &bidsFile,
               const QString &criteriaFile)
{
    if (std::none_of(bids.begin(), bids.end(), [&](const TenderBid &b) { return b.id == bidId; }))
        return tr("%1 has no bid %2").arg(bidsFile, quoted(bidId));
    const auto at = criteria.index.constFind(criterionId);
    if (at == criteria.index.cend())
        return tr("%1 has no criterion %2").arg(criteriaFile, quoted(criterionId));
    const Criterion &c = criteria.rows[*at].criterion;
    if (c.type == CriterionType::Group || c.type == CriterionType::Price)
        return tr("%1 makes %2 a criterion that is not scored").arg(criteriaFile, quoted(c.id));
    if (c.type == CriterionType::PassFail ? score != 0 && score != 1
                                          : score < 0 || score > c.scale.maxScore)
        return tr("%1 gives %2 a scale that %3 is not on")
            .arg(criteriaFile, quoted(c.id), number(score));
    return {};
}

QString scaleText(const Criterion &c)
{
    switch (c.type) {
    case CriterionType::Quality:
    case CriterionType::SocialValue:
        return tr("%1 scored 0-%2").arg(criterionTypeKey(c.type)).arg(c.scale.maxScore);
    default:
        return criterionTypeKey(c.type);
    }
}

/** In words, how \a after differs from \a before. */
QString describeChange(const QList<Criterion> &before, const QList<Criterion> &after)
{
    QStringList parts;
    QStringList added, removed, changed;
    for (const Criterion &c : after) {
        const auto old = std::find_if(before.begin(), before.end(),
                                      [&](const Criterion &b) { return b.id == c.id; });
        if (old == before.end()) {
            added << c.id;
            continue;
        }
        QStringList what;
        if (old->weightPercent != c.weightPercent)
            what
                << tr("weight %1% to %2%").arg(number(old->weightPercent), number(c.weightPercent));
        if (old->type != c.type || old->scale != c.scale)
            what << tr("%1 to %2").arg(scaleText(*old), scaleText(c));
        if (old->parentId != c.parentId)
            what << tr("moved under %1")
                        .arg(c.parentId.isEmpty() ? tr("the top level") : quoted(c.parentId));
        if (old->name != c.name)
            what << tr("renamed %1").arg(quoted(c.name));
        if (!what.isEmpty())
            changed << QStringLiteral("%1 (%2)").arg(c.id, what.join(QStringLiteral(", ")));
    }
    for (const Criterion &c : before) {
        if (std::none_of(after.begin(), after.end(),
                         [&](const Criterion &a) { return a.id == c.id; }))
            removed << c.id;
    }
    if (!added.isEmpty())
        parts << tr("added %1").arg(added.join(QStringLiteral(", ")));
    if (!removed.isEmpty())
        parts << tr("removed %1").arg(removed.join(QStringLiteral(", ")));
    if (!changed.isEmpty())
        parts << tr("changed %1").arg(changed.join(QStringLiteral("; ")));
    if (parts.isEmpty())
        parts << tr("reordered");
    return parts.join(QStringLiteral("; "));
}

} // namespace

ScoringScale scaleFor(int maxScore)
{
    if (maxScore == 5)
        return ScoringScale::zeroToFive();
    if (maxScore == 10)
        return ScoringScale::zeroToTen();
    const QStringList six = ScoringScale::sixLevelDescriptors();
    QStringList descriptors{six.first()};
    for (int level = 1; level <= maxScore; ++level)
        descriptors << six[(5 * level + maxScore - 1) / maxScore]; // ceil(5 level / max)
    return ScoringScale{maxScore, descriptors};
}

Result<Import> parse(const Round &round, const Source &criteriaSource, const Source &bidsSource,
                     const std::optional<Source> &scoresSource, const Options &options)
{
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    // An illustrative tender (the demo's) is invented: the files replace it whole, with its
    // panel, declarations and locks, keeping only its price rules.
    Tender stored = round.tender;
    if (stored.illustrative) {
        stored = Tender();
        stored.priceFormula = round.tender.priceFormula;
        stored.abnormallyLowPercent = round.tender.abnormallyLowPercent;
    }
    CsvProblems problems(kMaxProblems);
    const CriteriaRead criteria = readCriteria(criteriaSource, problems);
    QHash<QString, qint64> bidLines;
    const std::optional<QList<TenderBid>> bids =
        readBids(round, stored, bidsSource, problems, bidLines);
    std::optional<ScoresRead> scores;
    if (scoresSource && bids)
        scores = readScores(stored, *scoresSource, criteria, *bids, bidsSource.fileName,
                            criteriaSource.fileName, now, problems);
    if (!problems.isEmpty())
        return problems.error();

    Import import;
    Tender &tender = import.tender;
    tender = stored;
    tender.criteria.clear();
    for (const CriterionRow &c : criteria.rows) {
        // The file has no descriptors: a criterion still on the same scale keeps its own.
        Criterion criterion = c.criterion;
        const auto old = std::find_if(stored.criteria.cbegin(), stored.criteria.cend(),
                                      [&](const Criterion &o) { return o.id == criterion.id; });
        if (old != stored.criteria.cend() && old->type == criterion.type &&
            old->scale.maxScore == criterion.scale.maxScore)
            criterion.scale = old->scale;
        tender.criteria << criterion;
    }
    tender.bids = *bids;
    tender.illustrative = false; // the officer's own data, even in the demo round

    // A declaration about a bidder without a bid has nothing left to block, but a declared
    // conflict is only dropped by hand: a renamed bidder must not slip past it.
    QSet<QString> bidders;
    for (const TenderBid &bid : std::as_const(tender.bids))
        bidders.insert(bid.bidder);
    for (const ConflictDeclaration &d : std::as_const(stored.conflicts)) {
        if (d.conflicted && !bidders.contains(d.bidder))
            problems.add(tr("%1: no bid comes from %2, with whom %3 declared a conflict of "
                            "interest. If the bidder was renamed, use its recorded name; if it "
                            "withdrew, remove the declaration on the stage 5 page first.")
                             .arg(bidsSource.fileName, quoted(d.bidder), d.assessor));
    }
    const qsizetype declarations = tender.conflicts.size();
    tender.conflicts.removeIf(
        [&](const ConflictDeclaration &d) { return !bidders.contains(d.bidder); });
    import.declarationsDropped = int(declarations - tender.conflicts.size());
    if (scores) {
        tender.scores = scores->scores;
        tender.consensus = scores->consensus;
        for (const QString &name : std::as_const(scores->addedAssessors))
            tender.panel << Assessor{name, QString(), QString()};
        tender.conflicts << scores->declarations;
        import.scoresRead = true;
        import.scores = scores->individualRows;
        import.consensus = int(scores->consensus.size());
        import.addedAssessors = scores->addedAssessors;
        import.declarationsAdded = int(scores->declarations.size());
    }
    // Kept scores are evidence: refuse rather than drop those the new files orphan. Individual
    // scores are kept without a scores file or, locked, once moderation is open.
    if (!scores || stored.moderationOpen()) {
        for (const IndividualScore &s : std::as_const(stored.scores)) {
            const QString why = misfit(criteria, tender.bids, s.bidId, s.criterionId, s.score,
                                       bidsSource.fileName, criteriaSource.fileName);
            if (why.isEmpty())
                continue;
            if (stored.moderationOpen())
                problems.add(tr("The round holds %1's score for bid %2 against %3, locked since "
                                "moderation opened, and %4: keep that bid and criterion.")
                                 .arg(s.assessor, quoted(s.bidId), quoted(s.criterionId), why));
            else
                problems.add(tr("The round holds %1's score for bid %2 against %3, and %4: give "
                                "a scores file (--scores) to replace the scores.")
                                 .arg(s.assessor, quoted(s.bidId), quoted(s.criterionId), why));
        }
    }
    if (!scores) {
        for (const ModeratedScore &s : std::as_const(stored.consensus)) {
            const QString why = misfit(criteria, tender.bids, s.bidId, s.criterionId, s.score,
                                       bidsSource.fileName, criteriaSource.fileName);
            if (!why.isEmpty())
                problems.add(tr("The round holds a consensus for bid %1 against %2, and %3: give "
                                "a scores file (--scores) to replace the scores.")
                                 .arg(quoted(s.bidId), quoted(s.criterionId), why));
        }
    }

    if (stored.bidsOpened() && stored.criteria != tender.criteria) {
        problems.add(tr("%1: the bids were opened on %2, so the published criteria are locked, "
                        "and this file changes them (%3). Give the criteria as they stand, or "
                        "change them on the stage 5 page, where the reason is recorded and "
                        "flagged in every report.")
                         .arg(criteriaSource.fileName,
                              QLocale::c().toString(stored.bidsOpenedAt.toUTC(),
                                                    QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                              describeChange(stored.criteria, tender.criteria)));
    }
    if (!problems.isEmpty())
        return problems.error();

    if ((!tender.scores.isEmpty() || !tender.consensus.isEmpty()) && !tender.bidsOpened()) {
        tender.bidsOpenedAt = now;
        import.bidsOpened = true;
    }
    if (!tender.consensus.isEmpty() && !tender.moderationOpen()) {
        tender.moderationOpenedAt = now;
        import.moderationOpened = true;
    }
    import.criteria = int(tender.criteria.size());
    import.bids = int(tender.bids.size());
    QSet<qint64> lots;
    for (const TenderBid &bid : std::as_const(tender.bids))
        lots.insert(bid.lot.value());
    import.lots = int(lots.size());
    return import;
}

Result<Import> read(const Round &round, const QString &criteriaPath, const QString &bidsPath,
                    const QString &scoresPath, const Options &options)
{
    const auto load = [](const QString &path) -> Result<Source> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{tr("Could not read %1: %2").arg(path, file.errorString())};
        return Source{QFileInfo(path).fileName(), file.readAll()};
    };
    const Result<Source> criteria = load(criteriaPath);
    if (!criteria)
        return criteria.error();
    const Result<Source> bids = load(bidsPath);
    if (!bids)
        return bids.error();
    std::optional<Source> scores;
    if (!scoresPath.isEmpty()) {
        const Result<Source> loaded = load(scoresPath);
        if (!loaded)
            return loaded.error();
        scores = *loaded;
    }
    return parse(round, *criteria, *bids, scores, options);
}

} // namespace EvaluationCsv

Result<Tender> readEvaluationCsv(const Round &round, const QString &criteriaPath,
                                 const QString &bidsPath, const QString &scoresPath)
{
    Result<EvaluationCsv::Import> import =
        EvaluationCsv::read(round, criteriaPath, bidsPath, scoresPath);
    if (!import)
        return import.error();
    return std::move(import->tender);
}

} // namespace CoCommission
