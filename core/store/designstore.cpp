#include "core/store/designstore.h"

#include "core/store/roundstore.h"
#include "core/store/sql.h"

#include <QCoreApplication>

namespace CoCommission::DesignStore {

namespace {

using Sql::damaged;
using Sql::isoDate;
using Sql::joinLines;
using Sql::readError;
using Sql::splitLines;
using Sql::text;

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::DesignStore", text);
}

Status clear(QSqlDatabase &db, std::initializer_list<const char *> tables)
{
    for (const char *table : tables) {
        if (Status s = Sql::exec(db, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)));
            !s)
            return s;
    }
    return {};
}

Result<bool> flag(QSqlDatabase &db, const QString &key)
{
    const Result<QString> value = Sql::meta(db, key);
    if (!value)
        return value.error();
    return *value == QLatin1String("1");
}

} // namespace

Status replaceDesign(QSqlDatabase &db, const ServiceDesign &design)
{
    if (Status s = clear(db, {"group_tariffs", "payment_scenarios", "service_standards",
                              "directive_conditions", "eligibility_rules", "referral_routes",
                              "payment_groups", "referral_volumes", "local_contributions"});
        !s)
        return s;
    int position = 0;
    for (const ServiceStandard &st : design.standards) {
        if (Status s = Sql::exec(db,
                                 QStringLiteral("INSERT INTO service_standards (position, key, "
                                                "name, description, target, unit, direction) "
                                                "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                 {position++, st.key, text(st.name), text(st.description),
                                  st.target, text(st.unit), directionKey(st.direction)});
            !s)
            return s;
    }
    position = 0;
    for (const DirectiveCondition &c : design.conditions) {
        if (Status s = Sql::exec(db,
                                 QStringLiteral("INSERT INTO directive_conditions (position, kind, "
                                                "subject, cpa_id, minimum_percent, note) VALUES "
                                                "(?, ?, ?, ?, ?, ?)"),
                                 {position++, conditionKindKey(c.kind), text(c.subject),
                                  c.cpa.value(), c.minimumPercent, text(c.note)});
            !s)
            return s;
    }
    position = 0;
    for (const EligibilityRule &r : design.eligibility) {
        if (Status s = Sql::exec(db,
                                 QStringLiteral("INSERT INTO eligibility_rules (position, "
                                                "category, text) VALUES (?, ?, ?)"),
                                 {position++, text(r.category), text(r.text)});
            !s)
            return s;
    }
    position = 0;
    for (const ReferralRoute &r : design.referralRoutes) {
        if (Status s = Sql::exec(db,
                                 QStringLiteral("INSERT INTO referral_routes (position, source, "
                                                "description) VALUES (?, ?, ?)"),
                                 {position++, text(r.source), text(r.description)});
            !s)
            return s;
    }
    position = 0;
    for (const PaymentGroup &g : design.paymentGroups) {
        if (Status s = Sql::exec(db,
                                 QStringLiteral("INSERT INTO payment_groups (position, key, name, "
                                                "measure, eligible_share, take_up) VALUES "
                                                "(?, ?, ?, ?, ?, ?)"),
                                 {position++, g.key, text(g.name), text(g.measure),
                                  g.eligibleSharePercent, g.takeUpPercent});
            !s)
            return s;
    }
    position = 0;
    for (const ReferralVolume &v : design.volumes) {
        if (Status s = Sql::exec(db,
                                 QStringLiteral("INSERT INTO referral_volumes (position, "
                                                "group_key, cpa_id, referrals_per_year) VALUES "
                                                "(?, ?, ?, ?)"),
                                 {position++, v.group, v.cpa.value(), v.referralsPerYear});
            !s)
            return s;
    }
    position = 0;
    for (const PaymentScenario &sc : design.scenarios) {
        const int scenario = position++;
        if (Status s = Sql::exec(
                db,
                QStringLiteral(
                    "INSERT INTO payment_scenarios (position, name, contract_years, "
                    "months_to_job, payment_lag_months, rate_uncertainty, volume_uncertainty, "
                    "seed, draws, bonus_per_extra_job, agent_bonus_percent, "
                    "benefit_saving, savings_returned_percent, liability_percent) VALUES "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {scenario, sc.name, sc.contractYears, sc.monthsToJob, sc.paymentLagMonths,
                 sc.rateUncertaintyPoints, sc.volumeUncertaintyPercent, qint64(sc.seed), sc.draws,
                 sc.bonusPerExtraJob, sc.managingAgentBonusPercent, sc.benefitSavingPerSustainedJob,
                 sc.savingsReturnedPercent, sc.liabilityPercent});
            !s)
            return s;
        int tariffPosition = 0;
        for (const GroupTariff &t : sc.tariffs) {
            if (Status s = Sql::exec(
                    db,
                    QStringLiteral(
                        "INSERT INTO group_tariffs (scenario_position, position, group_key, "
                        "cpa_id, attachment_fee, job_outcome_payment, sustainment_payment, "
                        "sustainment_payments, sustainment_interval_months, job_outcome_rate, "
                        "sustainment_rate, delivery_cost) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {scenario, tariffPosition++, t.group, t.cpa.value(), t.attachmentFee,
                     t.jobOutcomePayment, t.sustainmentPayment, t.sustainmentPayments,
                     t.sustainmentIntervalMonths, t.jobOutcomeRatePercent, t.sustainmentRatePercent,
                     t.deliveryCostPerStart});
                !s)
                return s;
        }
    }
    position = 0;
    for (const LocalContribution &c : design.contributions) {
        if (Status s = Sql::exec(db,
                                 QStringLiteral("INSERT INTO local_contributions (position, "
                                                "authority, service, form, value_per_year, "
                                                "status, note) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                 {position++, c.authority, c.service, contributionFormKey(c.form),
                                  c.valuePerYear, contributionStatusKey(c.status), text(c.note)});
            !s)
            return s;
    }
    return RoundStore::setMeta(db, QStringLiteral("design_illustrative"),
                               design.illustrative ? QStringLiteral("1") : QStringLiteral("0"));
}

Result<ServiceDesign> loadDesign(QSqlDatabase &db)
{
    ServiceDesign design;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT key, name, description, target, unit, direction FROM "
                               "service_standards ORDER BY position")))
        return readError(q, tr("service standards"));
    while (q.next()) {
        const auto direction = directionFromKey(q.value(5).toString());
        if (!direction)
            return damaged(tr("service standards"), q.value(5).toString());
        design.standards.append({q.value(0).toString(), q.value(1).toString(),
                                 q.value(2).toString(), q.value(3).toDouble(),
                                 q.value(4).toString(), *direction});
    }
    if (!q.exec(QStringLiteral("SELECT kind, subject, cpa_id, minimum_percent, note FROM "
                               "directive_conditions ORDER BY position")))
        return readError(q, tr("directive conditions"));
    while (q.next()) {
        const auto kind = conditionKindFromKey(q.value(0).toString());
        if (!kind)
            return damaged(tr("directive conditions"), q.value(0).toString());
        design.conditions.append({*kind, q.value(1).toString(), CpaId(q.value(2).toLongLong()),
                                  q.value(3).toDouble(), q.value(4).toString()});
    }
    if (!q.exec(QStringLiteral("SELECT category, text FROM eligibility_rules ORDER BY position")))
        return readError(q, tr("eligibility rules"));
    while (q.next())
        design.eligibility.append({q.value(0).toString(), q.value(1).toString()});
    if (!q.exec(
            QStringLiteral("SELECT source, description FROM referral_routes ORDER BY position")))
        return readError(q, tr("referral routes"));
    while (q.next())
        design.referralRoutes.append({q.value(0).toString(), q.value(1).toString()});
    if (!q.exec(QStringLiteral("SELECT key, name, measure, eligible_share, take_up FROM "
                               "payment_groups ORDER BY position")))
        return readError(q, tr("payment groups"));
    while (q.next())
        design.paymentGroups.append({q.value(0).toString(), q.value(1).toString(),
                                     q.value(2).toString(), q.value(3).toDouble(),
                                     q.value(4).toDouble()});
    if (!q.exec(QStringLiteral("SELECT group_key, cpa_id, referrals_per_year FROM "
                               "referral_volumes ORDER BY position")))
        return readError(q, tr("referral volumes"));
    while (q.next())
        design.volumes.append(
            {q.value(0).toString(), CpaId(q.value(1).toLongLong()), q.value(2).toDouble()});
    if (!q.exec(QStringLiteral(
            "SELECT name, contract_years, months_to_job, payment_lag_months, rate_uncertainty, "
            "volume_uncertainty, seed, draws, bonus_per_extra_job, agent_bonus_percent, "
            "benefit_saving, savings_returned_percent, liability_percent FROM payment_scenarios "
            "ORDER BY position")))
        return readError(q, tr("payment scenarios"));
    while (q.next()) {
        PaymentScenario sc;
        sc.name = q.value(0).toString();
        sc.contractYears = q.value(1).toInt();
        sc.monthsToJob = q.value(2).toInt();
        sc.paymentLagMonths = q.value(3).toInt();
        sc.rateUncertaintyPoints = q.value(4).toDouble();
        sc.volumeUncertaintyPercent = q.value(5).toDouble();
        sc.seed = quint32(q.value(6).toLongLong());
        sc.draws = q.value(7).toInt();
        sc.bonusPerExtraJob = q.value(8).toDouble();
        sc.managingAgentBonusPercent = q.value(9).toDouble();
        sc.benefitSavingPerSustainedJob = q.value(10).toDouble();
        sc.savingsReturnedPercent = q.value(11).toDouble();
        sc.liabilityPercent = q.value(12).toDouble();
        design.scenarios.append(sc);
    }
    if (!q.exec(QStringLiteral(
            "SELECT scenario_position, group_key, cpa_id, attachment_fee, job_outcome_payment, "
            "sustainment_payment, sustainment_payments, sustainment_interval_months, "
            "job_outcome_rate, sustainment_rate, delivery_cost FROM group_tariffs "
            "ORDER BY scenario_position, position")))
        return readError(q, tr("tariffs"));
    while (q.next()) {
        const int scenario = q.value(0).toInt();
        if (scenario < 0 || scenario >= design.scenarios.size())
            return damaged(tr("tariffs"), q.value(0).toString());
        GroupTariff t;
        t.group = q.value(1).toString();
        t.cpa = CpaId(q.value(2).toLongLong());
        t.attachmentFee = q.value(3).toDouble();
        t.jobOutcomePayment = q.value(4).toDouble();
        t.sustainmentPayment = q.value(5).toDouble();
        t.sustainmentPayments = q.value(6).toInt();
        t.sustainmentIntervalMonths = q.value(7).toInt();
        t.jobOutcomeRatePercent = q.value(8).toDouble();
        t.sustainmentRatePercent = q.value(9).toDouble();
        t.deliveryCostPerStart = q.value(10).toDouble();
        design.scenarios[scenario].tariffs.append(t);
    }
    if (!q.exec(QStringLiteral("SELECT authority, service, form, value_per_year, status, note "
                               "FROM local_contributions ORDER BY position")))
        return readError(q, tr("local contributions"));
    while (q.next()) {
        const auto form = contributionFormFromKey(q.value(2).toString());
        const auto status = contributionStatusFromKey(q.value(4).toString());
        if (!form || !status)
            return damaged(tr("local contributions"),
                           !form ? q.value(2).toString() : q.value(4).toString());
        design.contributions.append({q.value(0).toString(), q.value(1).toString(), *form,
                                     q.value(3).toDouble(), *status, q.value(5).toString()});
    }
    Result<bool> illustrative = flag(db, QStringLiteral("design_illustrative"));
    if (!illustrative)
        return illustrative.error();
    design.illustrative = *illustrative;
    return design;
}

Status replaceSupply(QSqlDatabase &db, const SupplyMarket &supply)
{
    if (Status s = clear(db, {"providers", "milestones", "timeline_rules"}); !s)
        return s;
    int position = 0;
    for (const Provider &p : supply.providers) {
        if (Status s = Sql::exec(db,
                                 QStringLiteral("INSERT INTO providers (position, name, sector, "
                                                "sme, specialisms, areas, contact) VALUES "
                                                "(?, ?, ?, ?, ?, ?, ?)"),
                                 {position++, p.name, sectorKey(p.sector), p.sme ? 1 : 0,
                                  joinLines(p.specialisms), joinLines(p.areas), text(p.contact)});
            !s)
            return s;
    }
    position = 0;
    for (const Milestone &m : supply.milestones) {
        if (Status s = Sql::exec(
                db,
                QStringLiteral("INSERT INTO milestones (position, kind, name, "
                               "start_date, end_date) VALUES (?, ?, ?, ?, ?)"),
                {position++, milestoneKey(m.kind), text(m.name), isoDate(m.start), isoDate(m.end)});
            !s)
            return s;
    }
    position = 0;
    for (const TimelineRule &r : supply.rules) {
        if (Status s =
                Sql::exec(db,
                          QStringLiteral("INSERT INTO timeline_rules (position, from_kind, "
                                         "to_kind, minimum_days) VALUES (?, ?, ?, ?)"),
                          {position++, milestoneKey(r.from), milestoneKey(r.to), r.minimumDays});
            !s)
            return s;
    }
    if (Status s = RoundStore::setMeta(db, QStringLiteral("providers_illustrative"),
                                       supply.illustrativeProviders ? QStringLiteral("1")
                                                                    : QStringLiteral("0"));
        !s)
        return s;
    return RoundStore::setMeta(db, QStringLiteral("timeline_illustrative"),
                               supply.illustrativeTimeline ? QStringLiteral("1")
                                                           : QStringLiteral("0"));
}

Result<SupplyMarket> loadSupply(QSqlDatabase &db)
{
    SupplyMarket supply;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name, sector, sme, specialisms, areas, contact FROM "
                               "providers ORDER BY position")))
        return readError(q, tr("provider register"));
    while (q.next()) {
        const auto sector = sectorFromKey(q.value(1).toString());
        if (!sector)
            return damaged(tr("provider register"), q.value(1).toString());
        supply.providers.append({q.value(0).toString(), *sector, q.value(2).toInt() != 0,
                                 splitLines(q.value(3).toString()),
                                 splitLines(q.value(4).toString()), q.value(5).toString()});
    }
    if (!q.exec(QStringLiteral(
            "SELECT kind, name, start_date, end_date FROM milestones ORDER BY position")))
        return readError(q, tr("market engagement timeline"));
    while (q.next()) {
        const auto kind = milestoneFromKey(q.value(0).toString());
        if (!kind)
            return damaged(tr("market engagement timeline"), q.value(0).toString());
        supply.milestones.append({*kind, q.value(1).toString(),
                                  QDate::fromString(q.value(2).toString(), Qt::ISODate),
                                  QDate::fromString(q.value(3).toString(), Qt::ISODate)});
    }
    if (!q.exec(QStringLiteral(
            "SELECT from_kind, to_kind, minimum_days FROM timeline_rules ORDER BY position")))
        return readError(q, tr("timeline rules"));
    while (q.next()) {
        const auto from = milestoneFromKey(q.value(0).toString());
        const auto to = milestoneFromKey(q.value(1).toString());
        if (!from || !to)
            return damaged(tr("timeline rules"),
                           !from ? q.value(0).toString() : q.value(1).toString());
        supply.rules.append({*from, *to, q.value(2).toInt()});
    }
    Result<bool> providers = flag(db, QStringLiteral("providers_illustrative"));
    if (!providers)
        return providers.error();
    Result<bool> timeline = flag(db, QStringLiteral("timeline_illustrative"));
    if (!timeline)
        return timeline.error();
    supply.illustrativeProviders = *providers;
    supply.illustrativeTimeline = *timeline;
    return supply;
}

} // namespace CoCommission::DesignStore
