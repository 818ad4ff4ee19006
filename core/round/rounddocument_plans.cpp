// RoundDocument's edits of CPA plans and boundaries (the CPA editor); the rest of the class is in
// rounddocument.cpp. Each edit validates, then writes its change and its audit entry in one
// transaction (RoundDocument::write), then updates m_round and signals.

#include "core/round/rounddocument.h"

#include "core/cpa/assignment.h"
#include "core/cpa/assignmentcsv.h"
#include "core/cpa/boundaries.h"
#include "core/cpa/roundcheck.h"
#include "core/needs/indicators.h"
#include "core/store/roundstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace CoCommission {

namespace {

QString trPlans(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::RoundDocument", text, disambiguation, n);
}

// At most this many codes are named in one message; the rest are counted.
constexpr int kMaxNamed = 12;

QString listCodes(const QStringList &codes)
{
    if (codes.size() <= kMaxNamed)
        return codes.join(QStringLiteral(", "));
    return trPlans("%1 and %2 more")
        .arg(codes.mid(0, kMaxNamed).join(QStringLiteral(", ")))
        .arg(codes.size() - kMaxNamed);
}

int planIndex(const Round &round, PlanId id)
{
    for (qsizetype i = 0; i < round.plans.size(); ++i) {
        if (round.plans[i].id == id)
            return int(i);
    }
    return -1;
}

/** The plan and CPA index of \a id, or {-1, -1}. */
std::pair<int, int> cpaIndex(const Round &round, CpaId id)
{
    for (qsizetype p = 0; p < round.plans.size(); ++p) {
        const QList<Cpa> &cpas = round.plans[p].cpas;
        for (qsizetype c = 0; c < cpas.size(); ++c) {
            if (cpas[c].id == id)
                return {int(p), int(c)};
        }
    }
    return {-1, -1};
}

bool isColour(const QString &colour)
{
    static const QRegularExpression pattern(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return pattern.match(colour).hasMatch();
}

QString nextColour(const CpaPlan &plan)
{
    QSet<QString> used;
    for (const Cpa &cpa : plan.cpas)
        used.insert(cpa.colour.toLower());
    for (int i = 0; i < 64; ++i) {
        const QString colour = defaultCpaColour(i);
        if (!used.contains(colour))
            return colour;
    }
    return defaultCpaColour(int(plan.cpas.size()));
}

std::optional<QString> whyNotPlanName(const Round &round, const QString &name, PlanId except)
{
    if (name.isEmpty())
        return trPlans("A CPA plan needs a name.");
    for (const CpaPlan &plan : round.plans) {
        if (plan.id != except && plan.name.compare(name, Qt::CaseInsensitive) == 0)
            return trPlans("The round already has a CPA plan called \"%1\".").arg(plan.name);
    }
    return std::nullopt;
}

std::optional<QString> whyNotCpaName(const CpaPlan &plan, const QString &name, CpaId except)
{
    if (name.isEmpty())
        return trPlans("A CPA needs a name.");
    for (const Cpa &cpa : plan.cpas) {
        if (cpa.id != except && cpa.name.compare(name, Qt::CaseInsensitive) == 0)
            return trPlans("The plan \"%1\" already has a CPA called \"%2\".")
                .arg(plan.name, cpa.name);
    }
    return std::nullopt;
}

std::optional<QString> whyNotMinimum(const std::optional<double> &minimumSize)
{
    if (minimumSize && (!std::isfinite(*minimumSize) || *minimumSize < 0))
        return trPlans("The minimum size must be a number, 0 or more.");
    return std::nullopt;
}

/** Why \a members (by CPA) cannot be a plan's: unknown codes or a code in two CPAs. */
std::optional<QString> whyNotMembers(const Round &round, const CpaPlan &plan,
                                     const QHash<CpaId, QStringList> &members)
{
    QStringList unknown;
    QHash<QString, QString> cpaOf;
    QStringList twice;
    for (const Cpa &cpa : plan.cpas) {
        for (const QString &code : members.value(cpa.id, cpa.members)) {
            if (!round.authority(code)) {
                unknown.append(code);
                continue;
            }
            if (cpaOf.contains(code))
                twice.append(code);
            cpaOf.insert(code, cpa.name);
        }
    }
    if (!unknown.isEmpty())
        return trPlans("These codes are not authorities of the round: %1.").arg(listCodes(unknown));
    if (!twice.isEmpty())
        return trPlans("An authority can be in one CPA only; these are in more than one: %1.")
            .arg(listCodes(twice));
    return std::nullopt;
}

QString authorityLabel(const Round &round, const QString &code)
{
    const Authority *a = round.authority(code);
    return a ? a->name : code;
}

/** "North (E09000003, E09000005); South (...)": a plan's CPAs and members, for the audit log. */
QString describeCpas(const QList<Cpa> &cpas)
{
    QStringList parts;
    for (const Cpa &cpa : cpas)
        parts.append(QStringLiteral("%1 [%2] (%3)")
                         .arg(cpa.name, cpa.colour, cpa.members.join(QStringLiteral(", "))));
    return parts.join(QStringLiteral("; "));
}

QString describeSettings(const CpaPlan &plan)
{
    return trPlans("adjacency %1, balance indicator %2, minimum size %3")
        .arg(adjacencyRuleKey(plan.rule),
             plan.balanceIndicator.isEmpty() ? trPlans("none") : plan.balanceIndicator,
             plan.minimumSize ? QString::number(*plan.minimumSize) : trPlans("none"));
}

QString describePlan(const CpaPlan &plan)
{
    return QStringLiteral("%1: %2; %3")
        .arg(plan.name, describeCpas(plan.cpas), describeSettings(plan));
}

QString planSubject(const QString &name)
{
    return QStringLiteral("plan:%1").arg(name);
}

QString cpaSubject(const CpaPlan &plan, const QString &cpa)
{
    return QStringLiteral("cpa:%1/%2").arg(plan.name, cpa);
}

QString describeBoundaries(const BoundaryFile &b)
{
    if (b.isEmpty())
        return {};
    return trPlans("%1 (sha256 %2), codes from \"%3\"").arg(b.fileName, b.sha256, b.codeProperty);
}

/** The records of \a records that belong to one of \a cpas. */
CpaRecords recordsFor(const CpaRecords &records, const QSet<CpaId> &cpas)
{
    CpaRecords result;
    for (const auto &r : records.rankings) {
        if (cpas.contains(r.second.cpa))
            result.rankings.append(r);
    }
    for (const auto &d : records.decisions) {
        if (cpas.contains(d.second.cpa))
            result.decisions.append(d);
    }
    for (const auto &a : records.agreements) {
        if (cpas.contains(a.second.cpa))
            result.agreements.append(a);
    }
    return result;
}

Status writeRecords(QSqlDatabase &db, const CpaRecords &records)
{
    for (const auto &r : records.rankings) {
        if (Status s = RoundStore::setPartnerRanking(db, r.second, false); !s)
            return s;
    }
    for (const auto &d : records.decisions) {
        if (Status s = RoundStore::setPriorityDecision(db, d.second.cpa, &d.second); !s)
            return s;
    }
    for (const auto &a : records.agreements) {
        if (Status s = RoundStore::setAgreement(db, a.second.cpa, &a.second); !s)
            return s;
    }
    return {};
}

template<class T>
void eraseFor(QList<T> &list, const QSet<CpaId> &cpas)
{
    list.removeIf([&](const T &item) { return cpas.contains(item.cpa); });
}

/**
 * What the project file's cascade does to the round's records when \a cpas are deleted;
 * returns the records erased.
 */
CpaRecords eraseRecords(Round &round, const QSet<CpaId> &cpas)
{
    if (cpas.isEmpty())
        return {};
    const CpaRecords erased = cpaRecords(round, QList<CpaId>(cpas.cbegin(), cpas.cend()));
    eraseFor(round.rankings, cpas);
    eraseFor(round.decisions, cpas);
    eraseFor(round.agreements, cpas);
    return erased;
}

/** Tells the views of stages 1 and 2 that \a records went or came back. */
void signalRecords(RoundDocument *document, const CpaRecords &records)
{
    if (!records.rankings.isEmpty() || !records.decisions.isEmpty())
        emit document->prioritiesChanged();
    if (!records.agreements.isEmpty())
        emit document->agreementsChanged();
}

template<class T>
void insertAt(QList<T> &list, const QList<std::pair<qsizetype, T>> &placed)
{
    // In ascending index order each row lands where it was before its removal.
    QList<std::pair<qsizetype, T>> sorted = placed;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[index, value] : std::as_const(sorted))
        list.insert(std::clamp<qsizetype>(index, 0, list.size()), value);
}

void insertRecords(Round &round, const CpaRecords &records)
{
    insertAt(round.rankings, records.rankings);
    insertAt(round.decisions, records.decisions);
    insertAt(round.agreements, records.agreements);
}

QSet<CpaId> cpaIds(const QList<Cpa> &cpas)
{
    QSet<CpaId> ids;
    for (const Cpa &cpa : cpas)
        ids.insert(cpa.id);
    return ids;
}

/** Why a CPA id of \a plan is held by another plan, or nullopt. */
std::optional<QString> whyNotOwnIds(const Round &round, const CpaPlan &plan)
{
    for (const Cpa &cpa : plan.cpas) {
        if (!cpa.id.isValid())
            continue;
        const auto [p, c] = cpaIndex(round, cpa.id);
        if (p >= 0 && round.plans[p].id != plan.id)
            return trPlans("The CPA %1 (\"%2\") belongs to the plan \"%3\".")
                .arg(cpa.id.value())
                .arg(cpa.name, round.plans[p].name);
    }
    return std::nullopt;
}

/** Why \a plan's CPAs cannot be stored: names, colours, members. */
std::optional<QString> whyNotCpas(const Round &round, const CpaPlan &plan)
{
    QSet<QString> names;
    for (const Cpa &cpa : plan.cpas) {
        if (cpa.name.trimmed().isEmpty())
            return trPlans("A CPA needs a name.");
        if (names.contains(cpa.name.toLower()))
            return trPlans("The plan \"%1\" would have two CPAs called \"%2\".")
                .arg(plan.name, cpa.name);
        names.insert(cpa.name.toLower());
        if (!isColour(cpa.colour))
            return trPlans("The colour of the CPA \"%1\" must be written #rrggbb, not \"%2\".")
                .arg(cpa.name, cpa.colour);
    }
    if (const auto why = whyNotMembers(round, plan, {}))
        return why;
    return whyNotMinimum(plan.minimumSize);
}

/**
 * Writes \a next over \a old (the same plan): deletes the CPAs \a next leaves out, updates
 * those it keeps, inserts the others (a set id kept) and gives new CPAs their ids.
 */
Status writePlanContents(QSqlDatabase &db, const CpaPlan &old, CpaPlan &next)
{
    const QSet<CpaId> nextIds = cpaIds(next.cpas);
    for (const Cpa &cpa : old.cpas) {
        if (!nextIds.contains(cpa.id)) {
            if (Status s = RoundStore::removeCpa(db, cpa.id); !s)
                return s;
        }
    }
    for (qsizetype i = 0; i < next.cpas.size(); ++i) {
        Cpa &cpa = next.cpas[i];
        const auto was = std::find_if(old.cpas.cbegin(), old.cpas.cend(), [&](const Cpa &c) {
            return cpa.id.isValid() && c.id == cpa.id;
        });
        if (was == old.cpas.cend()) {
            if (Status s = RoundStore::insertCpa(db, next.id, cpa, int(i)); !s)
                return s;
            continue;
        }
        if (Status s = RoundStore::updateCpa(db, cpa, int(i)); !s)
            return s;
        if (was->members != cpa.members) {
            if (Status s = RoundStore::setCpaMembers(db, cpa.id, cpa.members); !s)
                return s;
        }
    }
    if (old.rule != next.rule || old.balanceIndicator != next.balanceIndicator ||
        old.minimumSize != next.minimumSize)
        return RoundStore::setPlanSettings(db, next);
    return {};
}

} // namespace

CpaRecords cpaRecords(const Round &round, const QList<CpaId> &cpas)
{
    const QSet<CpaId> wanted(cpas.cbegin(), cpas.cend());
    CpaRecords records;
    for (qsizetype i = 0; i < round.rankings.size(); ++i) {
        if (wanted.contains(round.rankings[i].cpa))
            records.rankings.append({i, round.rankings[i]});
    }
    for (qsizetype i = 0; i < round.decisions.size(); ++i) {
        if (wanted.contains(round.decisions[i].cpa))
            records.decisions.append({i, round.decisions[i]});
    }
    for (qsizetype i = 0; i < round.agreements.size(); ++i) {
        if (wanted.contains(round.agreements[i].cpa))
            records.agreements.append({i, round.agreements[i]});
    }
    return records;
}

QHash<CpaId, QStringList> planMembers(const CpaPlan &plan)
{
    QHash<CpaId, QStringList> members;
    for (const Cpa &cpa : plan.cpas)
        members.insert(cpa.id, cpa.members);
    return members;
}

/**
 * Why \a after (CPA id -> members) cannot replace the members of \a current: a CPA of the
 * adopted plan that has bids is a lot of the tender, and a lot's area does not change; one the
 * service design names (a condition, volume or tariff for it) stays.
 */
std::optional<QString> whyLotsChange(const Round &round, const CpaPlan &current,
                                     const QHash<CpaId, QStringList> &after)
{
    if (!current.adopted)
        return std::nullopt;
    for (const Cpa &cpa : current.cpas) {
        if (!after.contains(cpa.id) && round.design.refersTo(cpa.id))
            return trPlans("The service design sets conditions, referral volumes or tariffs for "
                           "%1: remove them at stage 3 before removing the CPA.")
                .arg(cpa.name);
        if (!after.contains(cpa.id) && round.monitoring.refersTo(cpa.id))
            return trPlans("The contract profile or the performance returns hold figures for "
                           "%1: it cannot be removed.")
                .arg(cpa.name);
        if (round.tender.bidsFor(cpa.id).isEmpty())
            continue;
        const auto it = after.constFind(cpa.id);
        if (it == after.cend() || *it != cpa.members)
            return trPlans("Bids have been received for %1: it is a lot of the tender, so it "
                           "keeps its authorities. Duplicate the plan to try another division.")
                .arg(cpa.name);
    }
    return std::nullopt;
}

QHash<CpaId, QStringList> membersAfterAssigning(const Round &round, const CpaPlan &plan,
                                                const QStringList &codes, CpaId target)
{
    const QSet<QString> moving(codes.cbegin(), codes.cend());
    QHash<CpaId, QStringList> members;
    for (const Cpa &cpa : plan.cpas) {
        if (cpa.id == target) {
            QSet<QString> now(cpa.members.cbegin(), cpa.members.cend());
            now.unite(moving);
            QStringList ordered;
            for (const Authority &a : round.authorities) {
                if (now.remove(a.gssCode))
                    ordered.append(a.gssCode);
            }
            // Codes that are not the round's (a damaged plan) keep their place at the end.
            for (const QString &code : cpa.members) {
                if (now.contains(code))
                    ordered.append(code);
            }
            members.insert(cpa.id, ordered);
        } else {
            QStringList kept = cpa.members;
            kept.removeIf([&](const QString &code) { return moving.contains(code); });
            members.insert(cpa.id, kept);
        }
    }
    return members;
}

Result<int> RoundDocument::editablePlan(PlanId plan, bool evenIfFrozen) const
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return Error{why};
    const int index = planIndex(m_round, plan);
    if (index < 0)
        return Error{tr("The round has no CPA plan %1.").arg(plan.value())};
    if (!evenIfFrozen) {
        if (const QString why = whyPlanFrozen(plan); !why.isEmpty())
            return Error{why};
    }
    return index;
}

Result<std::pair<int, int>> RoundDocument::editableCpa(CpaId cpa) const
{
    const auto [p, c] = cpaIndex(m_round, cpa);
    if (p < 0) {
        if (const QString why = whyNotEditable(); !why.isEmpty())
            return Error{why};
        return Error{tr("The round has no CPA %1.").arg(cpa.value())};
    }
    const Result<int> plan = editablePlan(m_round.plans[p].id);
    if (!plan)
        return plan.error();
    return std::pair{p, c};
}

QString RoundDocument::whyPlanFrozen(PlanId plan) const
{
    const CpaPlan *p = m_round.plan(plan);
    if (!p || !p->adopted)
        return {};
    switch (m_round.stage(StageId::Priorities).status) {
    case StageStatus::SignedOff:
        return tr("Stage 2 is signed off on the adopted plan \"%1\", so the plan cannot change. "
                  "Duplicate the plan, edit the copy and adopt it with a recorded reason.")
            .arg(p->name);
    case StageStatus::ReadyForSignOff:
        return tr("Stage 2 is ready for sign-off on the adopted plan \"%1\", so the plan cannot "
                  "change. Withdraw stage 2 from sign-off, or duplicate the plan, edit the copy "
                  "and adopt it with a recorded reason.")
            .arg(p->name);
    default:
        return {};
    }
}

Result<PlanId> RoundDocument::addPlan(const QString &name)
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return Error{why};
    const QString trimmed = name.trimmed();
    if (const auto why = whyNotPlanName(m_round, trimmed, {}))
        return Error{*why};
    CpaPlan plan;
    plan.name = trimmed;
    return appendPlan(QStringLiteral("add_plan"), QString(), std::move(plan));
}

Result<PlanId> RoundDocument::appendPlan(const QString &action, const QString &before, CpaPlan plan)
{
    QList<CpaPlan> plans = m_round.plans;
    if (Status s = write(action, planSubject(plan.name), before, describePlan(plan),
                         [&](QSqlDatabase &db) -> Status {
                             if (Status w = RoundStore::insertPlan(db, plan, int(plans.size())); !w)
                                 return w;
                             plans.append(plan);
                             return RoundStore::setPlanOrder(db, plans);
                         });
        !s)
        return s.error();
    m_round.plans = plans;
    emit plansChanged();
    emit roundChanged();
    return plan.id;
}

Result<PlanId> RoundDocument::duplicatePlan(PlanId source, const QString &newName)
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return Error{why};
    const CpaPlan *original = m_round.plan(source);
    if (!original)
        return Error{tr("The round has no CPA plan %1.").arg(source.value())};
    const QString trimmed = newName.trimmed();
    if (const auto why = whyNotPlanName(m_round, trimmed, {}))
        return Error{*why};
    CpaPlan copy = *original;
    copy.id = PlanId();
    copy.name = trimmed;
    copy.adopted = false;
    for (Cpa &cpa : copy.cpas)
        cpa.id = CpaId();
    return appendPlan(QStringLiteral("duplicate_plan"), original->name, std::move(copy));
}

Status RoundDocument::renamePlan(PlanId plan, const QString &name)
{
    const Result<int> found = editablePlan(plan, /*evenIfFrozen=*/true);
    if (!found)
        return found.error();
    const int index = *found;
    const QString trimmed = name.trimmed();
    if (trimmed == m_round.plans[index].name)
        return {};
    if (const auto why = whyNotPlanName(m_round, trimmed, plan))
        return Error{*why};
    if (Status s =
            write(QStringLiteral("rename_plan"), planSubject(m_round.plans[index].name),
                  m_round.plans[index].name, trimmed,
                  [&](QSqlDatabase &db) { return RoundStore::renamePlan(db, plan, trimmed); });
        !s)
        return s;
    m_round.plans[index].name = trimmed;
    emit plansChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::removePlan(PlanId plan)
{
    const Result<int> found = editablePlan(plan, /*evenIfFrozen=*/true);
    if (!found)
        return found.error();
    const int index = *found;
    const CpaPlan &target = m_round.plans[index];
    if (target.adopted)
        return Error{tr("\"%1\" is the adopted plan, which every stage uses: adopt another plan "
                        "before removing it.")
                         .arg(target.name)};
    QList<CpaPlan> plans = m_round.plans;
    plans.removeAt(index);
    if (Status s = write(QStringLiteral("remove_plan"), planSubject(target.name),
                         describePlan(target), QString(),
                         [&](QSqlDatabase &db) -> Status {
                             if (Status w = RoundStore::removePlan(db, plan); !w)
                                 return w;
                             return RoundStore::setPlanOrder(db, plans);
                         });
        !s)
        return s;
    const CpaRecords erased = eraseRecords(m_round, cpaIds(m_round.plans[index].cpas));
    m_round.plans = plans;
    emit plansChanged();
    signalRecords(this, erased);
    emit roundChanged();
    return {};
}

Status RoundDocument::restorePlan(const CpaPlan &plan, int position, const CpaRecords &records)
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return Error{why};
    if (!plan.id.isValid() || m_round.plan(plan.id))
        return Error{tr("The plan \"%1\" cannot be restored: the round holds it already or it "
                        "has no id.")
                         .arg(plan.name)};
    if (const auto why = whyNotPlanName(m_round, plan.name, plan.id))
        return Error{*why};
    if (plan.adopted && m_round.adoptedPlan())
        return Error{tr("The plan \"%1\" cannot come back adopted: \"%2\" is adopted.")
                         .arg(plan.name, m_round.adoptedPlan()->name)};
    for (const Cpa &cpa : plan.cpas) {
        if (cpa.id.isValid() && cpaIndex(m_round, cpa.id).first >= 0)
            return Error{tr("The CPA %1 (\"%2\") is in another plan already.")
                             .arg(cpa.id.value())
                             .arg(cpa.name)};
    }
    if (const auto why = whyNotCpas(m_round, plan))
        return Error{*why};
    CpaPlan stored = plan;
    const int at = std::clamp(position, 0, int(m_round.plans.size()));
    const CpaRecords restored = recordsFor(records, cpaIds(plan.cpas));
    QList<CpaPlan> plans = m_round.plans;
    if (Status s = write(QStringLiteral("restore_plan"), planSubject(plan.name), QString(),
                         describePlan(plan),
                         [&](QSqlDatabase &db) -> Status {
                             if (Status w = RoundStore::insertPlan(db, stored, at); !w)
                                 return w;
                             plans.insert(at, stored);
                             if (Status w = RoundStore::setPlanOrder(db, plans); !w)
                                 return w;
                             return writeRecords(db, restored);
                         });
        !s)
        return s;
    m_round.plans = plans;
    insertRecords(m_round, restored);
    emit plansChanged();
    signalRecords(this, restored);
    if (stored.adopted)
        emit adoptedPlanChanged(stored.id);
    emit roundChanged();
    return {};
}

Result<CpaId> RoundDocument::addCpa(PlanId plan, const QString &name, const QString &colour)
{
    const Result<int> found = editablePlan(plan);
    if (!found)
        return found.error();
    const int index = *found;
    const CpaPlan &target = m_round.plans[index];
    Cpa cpa;
    cpa.name = name.trimmed();
    if (const auto why = whyNotCpaName(target, cpa.name, {}))
        return Error{*why};
    if (!colour.isEmpty() && !isColour(colour))
        return Error{tr("A colour is written #rrggbb, e.g. #1f6fb4; \"%1\" is not.").arg(colour)};
    cpa.colour = colour.isEmpty() ? nextColour(target) : colour.toLower();
    CpaPlan next = target;
    if (Status s = write(
            QStringLiteral("add_cpa"), cpaSubject(target, cpa.name), QString(), cpa.colour,
            [&](QSqlDatabase &db) -> Status {
                if (Status w = RoundStore::insertCpa(db, plan, cpa, int(target.cpas.size())); !w)
                    return w;
                next.cpas.append(cpa);
                return RoundStore::setCpaOrder(db, next);
            });
        !s)
        return s.error();
    m_round.plans[index] = next;
    emit plansChanged();
    emit roundChanged();
    return cpa.id;
}

Status RoundDocument::renameCpa(CpaId cpa, const QString &name)
{
    const Result<std::pair<int, int>> found = editableCpa(cpa);
    if (!found)
        return found.error();
    const auto [p, c] = *found;
    const CpaPlan &plan = m_round.plans[p];
    const QString trimmed = name.trimmed();
    const QString old = plan.cpas[c].name;
    if (trimmed == old)
        return {};
    if (const auto why = whyNotCpaName(plan, trimmed, cpa))
        return Error{*why};
    Cpa updated = plan.cpas[c];
    updated.name = trimmed;
    return writeCpa(p, c, updated, QStringLiteral("rename_cpa"), old, trimmed);
}

Status RoundDocument::recolourCpa(CpaId cpa, const QString &colour)
{
    const Result<std::pair<int, int>> found = editableCpa(cpa);
    if (!found)
        return found.error();
    const auto [p, c] = *found;
    const CpaPlan &plan = m_round.plans[p];
    if (!isColour(colour))
        return Error{tr("A colour is written #rrggbb, e.g. #1f6fb4; \"%1\" is not.").arg(colour)};
    const QString lower = colour.toLower();
    const QString old = plan.cpas[c].colour;
    if (lower == old)
        return {};
    Cpa updated = plan.cpas[c];
    updated.colour = lower;
    return writeCpa(p, c, updated, QStringLiteral("recolour_cpa"), old, lower);
}

Status RoundDocument::writeCpa(int plan, int index, const Cpa &updated, const QString &action,
                               const QString &before, const QString &after)
{
    const CpaPlan &target = m_round.plans[plan];
    if (Status s =
            write(action, cpaSubject(target, target.cpas[index].name), before, after,
                  [&](QSqlDatabase &db) { return RoundStore::updateCpa(db, updated, index); });
        !s)
        return s;
    m_round.plans[plan].cpas[index] = updated;
    emit plansChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::removeCpa(CpaId cpa)
{
    const Result<std::pair<int, int>> found = editableCpa(cpa);
    if (!found)
        return found.error();
    const auto [p, c] = *found;
    const CpaPlan &plan = m_round.plans[p];
    const Cpa &target = plan.cpas[c];
    CpaPlan next = plan;
    next.cpas.removeAt(c);
    if (const auto why = whyLotsChange(m_round, plan, planMembers(next)))
        return Error{*why};
    const CpaRecords records = cpaRecords(m_round, {cpa});
    QString before = describeCpas({target});
    if (!records.isEmpty())
        before += QStringLiteral("; ") +
                  tr("with %n ranking(s), ", nullptr, int(records.rankings.size())) +
                  tr("%n decision(s) and ", nullptr, int(records.decisions.size())) +
                  tr("%n agreement(s)", nullptr, int(records.agreements.size()));
    if (Status s =
            write(QStringLiteral("remove_cpa"), cpaSubject(plan, target.name), before, QString(),
                  [&](QSqlDatabase &db) -> Status {
                      if (Status w = RoundStore::removeCpa(db, cpa); !w)
                          return w;
                      return RoundStore::setCpaOrder(db, next);
                  });
        !s)
        return s;
    m_round.plans[p] = next;
    eraseRecords(m_round, {cpa});
    emit plansChanged();
    signalRecords(this, records);
    emit roundChanged();
    return {};
}

Status RoundDocument::assignAuthorities(PlanId plan, const QStringList &codes, CpaId target)
{
    const Result<int> found = editablePlan(plan);
    if (!found)
        return found.error();
    const int index = *found;
    const CpaPlan &current = m_round.plans[index];
    const Cpa *into = nullptr;
    if (target.isValid()) {
        for (const Cpa &cpa : current.cpas) {
            if (cpa.id == target)
                into = &cpa;
        }
        if (!into)
            return Error{
                tr("The plan \"%1\" has no CPA %2.").arg(current.name).arg(target.value())};
    }
    QStringList unknown;
    for (const QString &code : codes) {
        if (!m_round.authority(code))
            unknown.append(code);
    }
    if (!unknown.isEmpty())
        return Error{
            tr("These codes are not authorities of the round: %1.").arg(listCodes(unknown))};

    const QHash<CpaId, QStringList> after = membersAfterAssigning(m_round, current, codes, target);
    if (after == planMembers(current))
        return {};
    if (const auto why = whyLotsChange(m_round, current, after))
        return Error{*why};
    QStringList before;
    QStringList moved;
    for (const Authority &a : m_round.authorities) {
        if (!codes.contains(a.gssCode))
            continue;
        const auto was =
            std::find_if(current.cpas.cbegin(), current.cpas.cend(),
                         [&](const Cpa &cpa) { return cpa.members.contains(a.gssCode); });
        const bool wasAssigned = was != current.cpas.cend();
        if (wasAssigned ? was->id == target : !into)
            continue; // already where the stroke puts it
        before.append(tr("%1 in %2").arg(a.name, wasAssigned ? was->name : tr("no CPA")));
        moved.append(a.name);
    }
    const QString afterText =
        tr("%1 in %2").arg(moved.join(QStringLiteral(", ")), into ? into->name : tr("no CPA"));
    CpaPlan next = current;
    if (Status s = write(QStringLiteral("assign_authorities"), planSubject(current.name),
                         before.join(QStringLiteral("; ")), afterText,
                         [&](QSqlDatabase &db) -> Status {
                             for (Cpa &cpa : next.cpas) {
                                 const QStringList members = after.value(cpa.id);
                                 if (members == cpa.members)
                                     continue;
                                 if (Status w = RoundStore::setCpaMembers(db, cpa.id, members); !w)
                                     return w;
                                 cpa.members = members;
                             }
                             return {};
                         });
        !s)
        return s;
    m_round.plans[index] = next;
    emit plansChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setPlanMembers(PlanId plan, const QHash<CpaId, QStringList> &members)
{
    const Result<int> found = editablePlan(plan);
    if (!found)
        return found.error();
    const int index = *found;
    const CpaPlan &current = m_round.plans[index];
    const QSet<CpaId> ids = cpaIds(current.cpas);
    for (auto it = members.cbegin(); it != members.cend(); ++it) {
        if (!ids.contains(it.key()))
            return Error{
                tr("The plan \"%1\" has no CPA %2.").arg(current.name).arg(it.key().value())};
    }
    if (const auto why = whyNotMembers(m_round, current, members))
        return Error{*why};
    QHash<CpaId, QStringList> after = planMembers(current);
    for (auto it = members.cbegin(); it != members.cend(); ++it)
        after.insert(it.key(), it.value());
    if (const auto why = whyLotsChange(m_round, current, after))
        return Error{*why};
    CpaPlan next = current;
    QList<Cpa> changedBefore;
    QList<Cpa> changedAfter;
    for (Cpa &cpa : next.cpas) {
        const auto it = members.constFind(cpa.id);
        if (it == members.cend() || *it == cpa.members)
            continue;
        changedBefore.append(cpa);
        cpa.members = *it;
        changedAfter.append(cpa);
    }
    if (changedAfter.isEmpty())
        return {};
    if (Status s = write(QStringLiteral("set_plan_members"), planSubject(current.name),
                         describeCpas(changedBefore), describeCpas(changedAfter),
                         [&](QSqlDatabase &db) -> Status {
                             for (const Cpa &cpa : std::as_const(changedAfter)) {
                                 if (Status w = RoundStore::setCpaMembers(db, cpa.id, cpa.members);
                                     !w)
                                     return w;
                             }
                             return {};
                         });
        !s)
        return s;
    m_round.plans[index] = next;
    emit plansChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setPlanSettings(PlanId plan, AdjacencyRule rule,
                                      const QString &balanceIndicator,
                                      std::optional<double> minimumSize)
{
    const Result<int> found = editablePlan(plan);
    if (!found)
        return found.error();
    const int index = *found;
    QString indicator;
    if (!balanceIndicator.trimmed().isEmpty()) {
        const Indicators indicators(m_round);
        const IndicatorInfo *info = indicators.find(balanceIndicator.trimmed());
        if (!info)
            return Error{tr("The round has no indicator \"%1\" to balance the plan on.")
                             .arg(balanceIndicator.trimmed())};
        if (!info->isCount())
            return Error{tr("\"%1\" is a ratio or a rate: a plan is balanced on a count, such "
                            "as the claimant count, whose CPA totals add up.")
                             .arg(info->name)};
        indicator = info->id;
    }
    if (const auto why = whyNotMinimum(minimumSize))
        return Error{*why};
    CpaPlan next = m_round.plans[index];
    next.rule = rule;
    next.balanceIndicator = indicator;
    next.minimumSize = minimumSize;
    const CpaPlan &current = m_round.plans[index];
    if (next.rule == current.rule && next.balanceIndicator == current.balanceIndicator &&
        next.minimumSize == current.minimumSize)
        return {};
    if (Status s = write(QStringLiteral("set_plan_settings"), planSubject(current.name),
                         describeSettings(current), describeSettings(next),
                         [&](QSqlDatabase &db) { return RoundStore::setPlanSettings(db, next); });
        !s)
        return s;
    m_round.plans[index] = next;
    emit plansChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setPlanContents(const CpaPlan &plan, const CpaRecords &records)
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return Error{why};
    const int index = planIndex(m_round, plan.id);
    if (index < 0)
        return Error{tr("The round has no CPA plan %1.").arg(plan.id.value())};
    if (const QString why = whyPlanFrozen(plan.id); !why.isEmpty())
        return Error{why};
    const CpaPlan &current = m_round.plans[index];
    CpaPlan next = plan;
    next.name = current.name;
    next.adopted = current.adopted;
    if (const auto why = whyNotOwnIds(m_round, next))
        return Error{*why};
    if (const auto why = whyNotCpas(m_round, next))
        return Error{*why};
    if (next == current)
        return {};
    if (const auto why = whyLotsChange(m_round, current, planMembers(next)))
        return Error{*why};
    QSet<CpaId> restoredIds = cpaIds(next.cpas);
    restoredIds.subtract(cpaIds(current.cpas));
    restoredIds.remove(CpaId());
    const CpaRecords restored = recordsFor(records, restoredIds);
    QSet<CpaId> removedIds = cpaIds(current.cpas);
    removedIds.subtract(cpaIds(next.cpas));
    if (Status s = write(QStringLiteral("set_plan_contents"), planSubject(current.name),
                         describePlan(current), describePlan(next),
                         [&](QSqlDatabase &db) -> Status {
                             if (Status w = writePlanContents(db, current, next); !w)
                                 return w;
                             return writeRecords(db, restored);
                         });
        !s)
        return s;
    const CpaRecords erased = eraseRecords(m_round, removedIds);
    m_round.plans[index] = next;
    insertRecords(m_round, restored);
    emit plansChanged();
    signalRecords(this, erased);
    signalRecords(this, restored);
    emit roundChanged();
    return {};
}

Result<AssignmentImportSummary> RoundDocument::importAssignment(const QString &planName,
                                                                const QString &csvPath)
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return Error{why};
    const QString name = planName.trimmed();
    if (name.isEmpty())
        return Error{tr("Name the CPA plan to import %1 into.").arg(csvPath)};
    int index = -1;
    for (qsizetype i = 0; i < m_round.plans.size(); ++i) {
        if (m_round.plans[i].name.compare(name, Qt::CaseInsensitive) == 0)
            index = int(i);
    }
    if (index >= 0) {
        if (const QString why = whyPlanFrozen(m_round.plans[index].id); !why.isEmpty())
            return Error{why};
    }
    const Result<CpaAssignment> assignment = AssignmentCsv::read(csvPath, m_round.authorities);
    if (!assignment)
        return assignment.error();

    AssignmentImportSummary summary;
    summary.newPlan = index < 0;
    summary.authorities = int(assignment->cpaOf.size());
    summary.cpas = assignment->cpaNames;
    CpaPlan base;
    if (index >= 0) {
        base = m_round.plans[index];
    } else {
        base.name = name;
    }
    CpaPlan next = assignment->toPlan(base, m_round.authorities);
    next.rule = base.rule;
    next.balanceIndicator = base.balanceIndicator;
    next.minimumSize = base.minimumSize;
    if (const auto why = whyNotCpas(m_round, next))
        return Error{tr("%1: %2").arg(csvPath, *why)};
    summary.planName = next.name;
    if (index >= 0) {
        const CpaAssignment old = CpaAssignment::fromPlan(base);
        for (const Cpa &cpa : base.cpas) {
            (assignment->cpaNames.contains(cpa.name) ? summary.keptCpas : summary.removedCpas)
                .append(cpa.name);
        }
        for (const Authority &a : m_round.authorities) {
            if (old.cpaNameOf(a.gssCode) != assignment->cpaNameOf(a.gssCode))
                summary.moved.append(a.gssCode);
        }
    }
    if (index >= 0 && next == base) {
        summary.plan = base.id;
        return summary; // the plan holds this assignment already
    }
    QSet<CpaId> removedIds = cpaIds(base.cpas);
    removedIds.subtract(cpaIds(next.cpas));

    QList<CpaPlan> plans = m_round.plans;
    if (Status s =
            write(QStringLiteral("import_assignment"), planSubject(next.name),
                  index >= 0 ? describeCpas(base.cpas) : QString(),
                  tr("from %1: %2").arg(QFileInfo(csvPath).fileName(), describeCpas(next.cpas)),
                  [&](QSqlDatabase &db) -> Status {
                      if (index >= 0)
                          return writePlanContents(db, base, next);
                      if (Status w = RoundStore::insertPlan(db, next, int(plans.size())); !w)
                          return w;
                      plans.append(next);
                      return RoundStore::setPlanOrder(db, plans);
                  });
        !s)
        return s.error();
    CpaRecords erased;
    if (index >= 0) {
        erased = eraseRecords(m_round, removedIds);
        m_round.plans[index] = next;
    } else {
        m_round.plans = plans;
    }
    summary.plan = next.id;
    emit plansChanged();
    signalRecords(this, erased);
    emit roundChanged();
    return summary;
}

Result<BoundaryImportSummary> RoundDocument::importBoundaries(const QString &path,
                                                              const QString &codeProperty)
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return Error{why};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot open %1: %2").arg(path, file.errorString())};
    const QByteArray bytes = file.readAll();
    Result<BoundaryImport> import =
        CoCommission::importBoundaries(bytes, path, m_round.authorities, codeProperty.trimmed());
    if (!import)
        return import.error();
    if (const int unknown = int(import->unknownCodes.size()); unknown > 0)
        return Error{(unknown == 1 ? tr("%1: %n area has a code that is not an authority of this "
                                        "round: %2. Import a file of the round's authorities only.",
                                        nullptr, unknown)
                                   : tr("%1: %n areas have codes that are not authorities of this "
                                        "round: %2. Import a file of the round's authorities only.",
                                        nullptr, unknown))
                         .arg(path, listCodes(import->unknownCodes))};

    BoundaryFile boundaries;
    boundaries.fileName = QFileInfo(path).fileName();
    boundaries.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    boundaries.codeProperty = import->boundaries.codeProperty();
    boundaries.importedAt = QDateTime::currentDateTimeUtc();
    boundaries.geoJson = bytes;

    BoundaryImportSummary summary;
    summary.fileName = boundaries.fileName;
    summary.sha256 = boundaries.sha256;
    summary.codeProperty = boundaries.codeProperty;
    summary.areas = int(import->boundaries.areas().size());
    summary.missingCodes = import->missingCodes;
    if (!summary.missingCodes.isEmpty()) {
        QStringList names;
        for (const QString &code : std::as_const(summary.missingCodes))
            names.append(QStringLiteral("%1 (%2)").arg(authorityLabel(m_round, code), code));
        const int missing = int(names.size());
        summary.notes.append(
            (missing == 1 ? tr("%n authority has no area in the file: %1.", nullptr, missing)
                          : tr("%n authorities have no area in the file: %1.", nullptr, missing))
                .arg(listCodes(names)) +
            QLatin1Char(' ') +
            tr("Such an authority has no neighbours while these boundaries are used, so a CPA "
               "holding it with others is not contiguous."));
    }
    summary.notes.append(tr("Neighbours now come from the boundaries: areas that share a stretch "
                            "of boundary, whichever adjacency rule a plan uses."));

    const BoundaryFile before = m_round.boundaries;
    if (Status s = write(
            QStringLiteral("import_boundaries"), QStringLiteral("boundaries"),
            describeBoundaries(before),
            tr("%1; %n area(s)", nullptr, int(summary.areas)).arg(describeBoundaries(boundaries)),
            [&](QSqlDatabase &db) { return RoundStore::setBoundaries(db, boundaries); });
        !s)
        return s.error();
    m_round.boundaries = boundaries;
    rememberBoundaries(boundaries, std::move(import->boundaries));
    emit boundariesChanged();
    emit roundChanged();
    return summary;
}

Status RoundDocument::removeBoundaries()
{
    return setBoundaries(BoundaryFile());
}

Status RoundDocument::setBoundaries(const BoundaryFile &boundaries)
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return Error{why};
    if (boundaries == m_round.boundaries)
        return {};
    if (!boundaries.isEmpty() &&
        (boundaries.fileName.isEmpty() || boundaries.sha256.isEmpty() ||
         boundaries.codeProperty.isEmpty() || !boundaries.importedAt.isValid()))
        return Error{tr("Boundaries need their file name, SHA-256, code property and time of "
                        "import.")};
    if (Status s =
            write(boundaries.isEmpty() ? QStringLiteral("remove_boundaries")
                                       : QStringLiteral("set_boundaries"),
                  QStringLiteral("boundaries"), describeBoundaries(m_round.boundaries),
                  describeBoundaries(boundaries),
                  [&](QSqlDatabase &db) { return RoundStore::setBoundaries(db, boundaries); });
        !s)
        return s;
    m_round.boundaries = boundaries;
    emit boundariesChanged();
    emit roundChanged();
    return {};
}

} // namespace CoCommission
