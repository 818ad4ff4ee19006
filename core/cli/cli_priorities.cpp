// Stage 2 on the command line: priorities [rank|decide|places].

#include "core/cli/cliutil.h"

#include "core/priorities/priorityagreement.h"
#include "core/round/rounddocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace CoCommission::CommandLine {

namespace {

const Cpa *cpaByName(const Round &round, const QString &name)
{
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const Cpa &cpa : plan->cpas) {
            if (cpa.name.compare(name, Qt::CaseInsensitive) == 0)
                return &cpa;
        }
    }
    return nullptr;
}

QString groupName(const Round &round, const QString &key)
{
    for (const PriorityGroup &g : round.priorityGroups) {
        if (g.key == key)
            return g.name;
    }
    return key;
}

QJsonObject prioritiesJson(const Round &round, const Cpa &cpa)
{
    QJsonObject o{
        {QStringLiteral("cpa"), cpa.name},
        {QStringLiteral("method"), rankingMethodKey(round.priorityMethod)},
        {QStringLiteral("partners"), QJsonArray::fromStringList(round.priorityPartners(cpa))}};
    QJsonArray ranked;
    for (const PartnerRankingRecord &r : round.rankings) {
        if (r.cpa == cpa.id)
            ranked.append(r.partner);
    }
    o.insert(QStringLiteral("ranked_by"), ranked);
    const Result<JointRanking> joint = PriorityAgreement::jointRanking(round, cpa);
    if (joint) {
        QJsonArray ranking;
        for (const RankedGroup &g : joint->groups) {
            QJsonObject ranks;
            for (const PartnerRankingRecord &r : round.rankings) {
                if (r.cpa == cpa.id)
                    ranks.insert(r.partner, int(r.order.indexOf(g.group)) + 1);
            }
            ranking.append(QJsonObject{{QStringLiteral("group"), g.group},
                                       {QStringLiteral("name"), groupName(round, g.group)},
                                       {QStringLiteral("score"), g.score},
                                       {QStringLiteral("rank"), g.rank},
                                       {QStringLiteral("tied"), g.tied},
                                       {QStringLiteral("spread"), g.spread()},
                                       {QStringLiteral("ranks"), ranks}});
        }
        QJsonArray agreement;
        for (const PairAgreement &a : joint->agreements)
            agreement.append(
                QJsonObject{{QStringLiteral("partners"), QJsonArray{a.first, a.second}},
                            {QStringLiteral("tau"), a.tau ? QJsonValue(*a.tau) : QJsonValue()}});
        o.insert(QStringLiteral("ranking"), ranking);
        o.insert(QStringLiteral("agreement"), agreement);
        o.insert(QStringLiteral("widest_spread"), QJsonArray::fromStringList(joint->widestSpread));
        o.insert(QStringLiteral("ties"), joint->hasTies());
    } else {
        o.insert(QStringLiteral("ranking"), QJsonArray());
        o.insert(QStringLiteral("problem"), joint.errorMessage());
    }
    const auto decision = std::find_if(round.decisions.begin(), round.decisions.end(),
                                       [&](const PriorityDecision &d) { return d.cpa == cpa.id; });
    o.insert(QStringLiteral("decision"),
             decision == round.decisions.end()
                 ? QJsonValue()
                 : QJsonValue(QJsonObject{
                       {QStringLiteral("order"), QJsonArray::fromStringList(decision->order)},
                       {QStringLiteral("rationale"), decision->rationale},
                       {QStringLiteral("decided_at"), decision->decidedAt.toString(Qt::ISODate)}}));
    return o;
}

void printPrioritiesText(const Round &round, const Cpa &cpa, QTextStream &out)
{
    out << cpa.name << '\n';
    const Result<JointRanking> joint = PriorityAgreement::jointRanking(round, cpa);
    if (!joint) {
        out << "  " << joint.errorMessage() << '\n';
        return;
    }
    out << "  "
        << tr("Joint ranking (%1):").arg(PriorityAgreement::methodName(round.priorityMethod))
        << '\n';
    for (const RankedGroup &g : joint->groups)
        out << "  " << QString::number(g.rank).rightJustified(3) << (g.tied ? "=" : " ") << ' '
            << groupName(round, g.group) << "  ("
            << tr("points %1, ranks %2-%3").arg(g.score).arg(g.bestRank).arg(g.worstRank) << ")\n";
    if (joint->hasTies())
        out << "  " << tr("Groups marked = are tied: the partners must decide between them.")
            << '\n';
    for (const PairAgreement &a : joint->agreements)
        out << "  "
            << tr("Agreement of %1 and %2 (Kendall's tau): %3")
                   .arg(a.first, a.second,
                        a.tau ? QString::number(*a.tau, 'f', 2) : tr("undefined"))
            << '\n';
    if (!joint->widestSpread.isEmpty()) {
        QStringList names;
        for (const QString &key : joint->widestSpread)
            names.append(groupName(round, key));
        out << "  " << tr("Widest disagreement: %1").arg(names.join(QStringLiteral("; "))) << '\n';
    }
}

} // namespace

int runPriorities(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral(
        "cocommission priorities ROUND.cocom [--cpa NAME] [--json]\n"
        "       cocommission priorities rank ROUND.cocom --cpa NAME --partner NAME GROUP...\n"
        "       cocommission priorities decide ROUND.cocom --cpa NAME --rationale TEXT "
        "[GROUP...]\n"
        "       cocommission priorities places ROUND.cocom GSS_CODE...");
    QString verb;
    QStringList rest = args;
    if (!rest.isEmpty() &&
        (rest.first() == QLatin1String("rank") || rest.first() == QLatin1String("decide") ||
         rest.first() == QLatin1String("places")))
        verb = rest.takeFirst();
    const Parsed p = parse(
        rest, {QStringLiteral("--json")},
        {QStringLiteral("--cpa"), QStringLiteral("--partner"), QStringLiteral("--rationale")});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.isEmpty())
        return usage(err, tr("Name the round."), synopsis);
    const QString path = p.positional.first();
    const QStringList items = p.positional.mid(1);

    if (verb.isEmpty()) {
        if (!items.isEmpty())
            return usage(err, tr("Unexpected arguments: %1").arg(items.join(u' ')), synopsis);
        const auto document = openForReading(path, err);
        if (!document)
            return UsageError;
        const Round &round = document->round();
        const CpaPlan *plan = round.adoptedPlan();
        if (!plan) {
            err << tr("The round has no adopted CPA plan: priorities are decided per CPA.") << '\n';
            return UsageError;
        }
        QList<const Cpa *> cpas;
        if (p.values.contains(QStringLiteral("--cpa"))) {
            const Cpa *cpa = cpaByName(round, p.values.value(QStringLiteral("--cpa")));
            if (!cpa) {
                err << tr("The adopted plan has no CPA \"%1\".")
                           .arg(p.values.value(QStringLiteral("--cpa")))
                    << '\n';
                return UsageError;
            }
            cpas.append(cpa);
        } else {
            for (const Cpa &cpa : plan->cpas)
                cpas.append(&cpa);
        }
        if (p.flags.contains(QStringLiteral("--json"))) {
            QJsonArray list;
            for (const Cpa *cpa : cpas)
                list.append(prioritiesJson(round, *cpa));
            QJsonArray places;
            for (const QString &code : round.priorityPlaces)
                places.append(code);
            printJson(out, QJsonObject{{QStringLiteral("cpas"), list},
                                       {QStringLiteral("priority_places"), places}});
        } else {
            for (const Cpa *cpa : cpas)
                printPrioritiesText(round, *cpa, out);
        }
        return Success;
    }

    const auto document = openForWriting(path, err);
    if (!document)
        return UsageError;
    const Round &round = document->round();
    Status result;
    if (verb == QLatin1String("places")) {
        result = document->setPriorityPlaces(items);
    } else {
        const Cpa *cpa = cpaByName(round, p.values.value(QStringLiteral("--cpa")));
        if (!cpa)
            return usage(err, tr("Name a CPA of the adopted plan with --cpa."), synopsis);
        if (verb == QLatin1String("rank")) {
            if (!p.values.contains(QStringLiteral("--partner")))
                return usage(err, tr("Name the partner with --partner."), synopsis);
            result = document->setPartnerRanking(
                cpa->id, p.values.value(QStringLiteral("--partner")), items);
        } else {
            QStringList order = items;
            if (order.isEmpty()) {
                const Result<JointRanking> joint = PriorityAgreement::jointRanking(round, *cpa);
                if (!joint) {
                    err << joint.errorMessage() << '\n';
                    return UsageError;
                }
                if (joint->hasTies()) {
                    err << tr("The joint ranking has ties: give the agreed order of the groups.")
                        << '\n';
                    return UsageError;
                }
                for (const RankedGroup &g : joint->groups)
                    order.append(g.group);
            }
            result = document->setPriorityDecision(
                cpa->id, PriorityDecision{
                             cpa->id, order, p.values.value(QStringLiteral("--rationale")), {}});
        }
    }
    if (!result) {
        err << result.errorMessage() << '\n';
        return UsageError;
    }
    out << tr("Recorded.") << '\n';
    return Success;
}

} // namespace CoCommission::CommandLine
