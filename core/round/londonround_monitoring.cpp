// The demo round's illustrative monitoring (stage 6), so that the stage can be seen working: a
// programme board of invented members, the contract profile derived from the demo's payment
// model and a year of invented monthly returns. The figures follow the profile closely but not
// everywhere: South London Partnership is well behind (red), the multiple disadvantages group
// trails elsewhere (amber), one service standard is missed and one return is corrected.
// Everything is computed from fixed tables, so that demo() gives the same round every call.

#include "core/round/londonround.h"

#include "core/monitoring/profile.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cmath>

namespace CoCommission::LondonRound {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::LondonRound", text);
}

QString key(const char *k)
{
    return QString::fromLatin1(k);
}

QDateTime utc(int year, int month, int day, int hour = 9)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0), QTimeZone::utc());
}

/** The illustrative board: invented people in the roles of seed 001's Appendix A. */
ProgrammeBoard demoBoard()
{
    ProgrammeBoard b;
    b.illustrative = true;
    using R = BoardRole;
    const auto member = [&](const char *name, R role, const char *organisation,
                            bool voting = true) {
        b.members.append({tr(name), role, tr(organisation), voting});
    };
    member("Cllr Amara Okafor", R::PoliticalLead, "Central London Forward");
    member("Cllr David Feld", R::PoliticalLead, "Local London");
    member("Cllr Priya Raman", R::PoliticalLead, "West London Alliance");
    member("Cllr Tom Hughes", R::PoliticalLead, "South London Partnership");
    member("Helen Marsh", R::BusinessRepresentative, "Thames Valley Business Forum");
    member("Samuel Adeyemi", R::SkillsProvider, "North Thames College");
    member("Joanna Price", R::JobcentrePlus, "Jobcentre Plus, London district");
    member("Mark Bennett", R::DwpContractManager, "Department for Work and Pensions");
    member("Rachel Green", R::Officer, "Sub-regional programme office", false);
    const auto names = [&](std::initializer_list<int> indices) {
        QStringList out;
        for (int i : indices)
            out << b.members.at(i).name;
        return out;
    };

    // Eight voting members: five make a quorum. The second meeting had four.
    b.meetings = {
        {1, QDate(2026, 10, 7), tr("Inaugural meeting: terms of reference and monitoring"),
         names({0, 1, 2, 3, 4, 6, 7, 8}),
         tr("Illustrative: the board agreed its terms of reference, its RAG thresholds and the "
            "monthly return the providers will send.")},
        {2, QDate(2027, 10, 13), tr("Quarterly performance review: June to August 2027"),
         names({0, 2, 5, 7, 8}),
         tr("Illustrative: not quorate. The board noted the first three months' figures but "
            "took no decision; South London's low starts were referred to its political lead.")},
        {3, QDate(2028, 6, 21), tr("Annual performance review: the first contract year"),
         names({0, 1, 2, 3, 4, 5, 6, 7, 8}),
         tr("Illustrative: the board reviewed the first twelve months against the profile and "
            "agreed its report to the DWP contract manager.")},
    };

    using K = ActionKind;
    using S = ActionStatus;
    const QString officer = b.members.at(8).name;
    b.actions = {
        {1, K::Action, tr("Publish the board's terms of reference on each partnership's website."),
         1, officer, QDate(2026, 11, 6), S::Open,
         tr("Illustrative: two of the four partnerships have published them.")},
        {2, K::Action, tr("Confirm the RAG thresholds: green from 95% of profile, amber from 85%."),
         1, officer, QDate(2026, 12, 1), S::Done, QString()},
        {3, K::Issue,
         tr("Starts in South London Partnership are well below profile: Jobcentre Plus "
            "referrals there are fewer than the payment model expected."),
         2, b.members.at(6).name, QDate(2028, 7, 31), S::InProgress,
         tr("Illustrative: referrals have risen since January but starts are still behind.")},
        {4, K::Action, tr("Ask the prime provider in South London for a recovery plan for starts."),
         2, b.members.at(3).name, QDate(2027, 11, 30), S::Done,
         tr("Illustrative: plan received in November 2027.")},
        {5, K::Action,
         tr("Agree with the prime providers how people with multiple disadvantages are "
            "identified at referral, as that group's starts trail the profile."),
         3, b.members.at(5).name, QDate(2028, 9, 30), S::Open, QString()},
        {6, K::Action, tr("Send the first-year report to the DWP contract manager."), 3, officer,
         QDate(2028, 6, 30), S::Done, QString()},
    };

    ContractManagerReport report;
    report.period = QDate(2028, 5, 1);
    report.on(ReportMatter::LocalIntegration) =
        tr("Illustrative: key workers are co-located in eleven jobcentres and four recovery hubs; "
           "the statements of intent on childcare and adult learning are being delivered.");
    report.on(ReportMatter::LocalPriorities) =
        tr("Illustrative: ESA work-related activity group starts meet the 30% condition in every "
           "CPA; people with multiple disadvantages trail the profile outside South London.");
    report.on(ReportMatter::BestPractice) =
        tr("Illustrative: West London's shared referral form cut the time to first contact to "
           "three working days; the board asks the other CPAs to adopt it.");
    report.on(ReportMatter::OperationalDelivery) =
        tr("Illustrative: South London Partnership is red on starts and job outcomes and has a "
           "recovery plan; first contact there took seven working days in May 2028.");
    b.reports = {report};
    return b;
}

/** How far the demo's actual figures are from the profile, by CPA and payment group. */
struct Pace
{
    double referrals = 1; ///< of the profile's referrals
    double starting = 1;  ///< of the referrals, the share that start
    double jobs = 1;      ///< of the profile's job outcomes
};

Pace paceOf(const QString &cpa, const QString &group)
{
    if (cpa == QLatin1String("South London Partnership"))
        return {0.8, 0.88, 0.72}; // well behind: red
    if (group == QLatin1String("multiple_disadvantages"))
        return {0.98, 0.9, 0.9}; // trailing: amber
    return {1.08, 0.92, 1.01};
}

/** A small month-to-month wobble, in parts of the profile; it averages out over a year. */
double wobble(int month, int cell)
{
    static const double kWobble[] = {-0.03, 0.02, 0.04,  -0.01, 0.03, -0.02,
                                     0.01,  0.05, -0.04, 0.02,  0.0,  -0.03};
    return kWobble[(month + cell * 5) % 12];
}

/** The twelve monthly returns and the correction, from the profile's first month. */
QList<PerformanceReturn> demoReturns(const Round &round, const ContractProfile &profile)
{
    const CpaPlan *plan = round.adoptedPlan();
    const QList<PaymentGroup> &groups = round.design.paymentGroups;
    // The profile's first year: [month][CPA × group][measure].
    QHash<qint64, int> cpaIndex;
    for (int c = 0; c < plan->cpas.size(); ++c)
        cpaIndex.insert(plan->cpas.at(c).id.value(), c);
    QHash<QString, int> groupIndex;
    for (int g = 0; g < groups.size(); ++g)
        groupIndex.insert(groups.at(g).key, g);
    const qsizetype cells = plan->cpas.size() * groups.size();
    QList<std::array<double, 4>> expected(12 * cells, {0, 0, 0, 0});
    for (const MonitoringFigure &f : profile.figures) {
        const int month = (f.period.year() - profile.start.year()) * 12 + f.period.month() -
                          profile.start.month();
        const int c = cpaIndex.value(f.cpa.value(), -1);
        const int g = groupIndex.value(f.group, -1);
        if (month < 12 && c >= 0 && g >= 0)
            expected[month * cells + c * groups.size() + g][size_t(f.measure)] = f.value;
    }
    QList<PerformanceReturn> returns;
    for (int month = 0; month < 12; ++month) {
        const QDate period = profile.start.addMonths(month);
        PerformanceReturn r;
        r.id = month + 1;
        r.source = tr("Provider return %1 (illustrative)").arg(periodName(period));
        const QDate received = period.addMonths(1).addDays(9);
        r.receivedAt = utc(received.year(), received.month(), received.day());
        r.illustrative = true;
        int cell = 0;
        for (const Cpa &cpa : plan->cpas) {
            for (const PaymentGroup &group : groups) {
                const Pace pace = paceOf(cpa.name, group.key);
                const double w = wobble(month, cell);
                const std::array<double, 4> &profiled = expected.at(month * cells + cell++);
                const double referrals = std::round(profiled[size_t(MonitoringMeasure::Referrals)] *
                                                    (pace.referrals + w));
                // Not everyone referred starts.
                const double starts = std::max(
                    0.0, std::min(std::round(referrals * (pace.starting - w / 2)), referrals - 1));
                const double jobs =
                    std::round(profiled[size_t(MonitoringMeasure::JobOutcomes)] * (pace.jobs + w));
                // Nobody's job has lasted the sustainment period yet: the return says so.
                const double values[] = {referrals, starts, jobs, 0};
                for (MonitoringMeasure measure : monitoringMeasures())
                    r.figures.append({period, cpa.id, group.key, measure, values[int(measure)]});
            }
            // First contact in working days, on average; South London slips in the last month.
            const bool south = cpa.name == QLatin1String("South London Partnership");
            const double firstContact = south && month == 11 ? 7 : 3 + (month + cpa.id.value()) % 3;
            r.standards.append({period, cpa.id, key("first_contact"), firstContact});
            r.standards.append({period, cpa.id, key("key_worker"), 1});
        }
        returns.append(r);
    }

    // A correction: the provider in Local London found late-recorded starts and job outcomes of
    // the ESA work-related activity group in the seventh month.
    const Cpa &local = plan->cpas.at(1);
    const QDate period = profile.start.addMonths(6);
    PerformanceReturn correction;
    correction.id = 13;
    correction.source = tr("Provider correction %1 (illustrative)").arg(periodName(period));
    correction.receivedAt = utc(2028, 6, 16);
    correction.note = tr("Corrects the starts and job outcomes of the ESA work-related activity "
                         "group in %1 for %2: 12 starts and 2 job outcomes were recorded late.")
                          .arg(local.name, periodName(period));
    correction.illustrative = true;
    for (const MonitoringFigure &f : returns.at(6).figures) {
        if (f.cpa == local.id && f.group == QLatin1String("esa_wrag") &&
            (f.measure == MonitoringMeasure::Starts || f.measure == MonitoringMeasure::JobOutcomes))
            correction.figures.append(
                {f.period, f.cpa, f.group, f.measure,
                 f.value + (f.measure == MonitoringMeasure::Starts ? 12 : 2)});
    }
    returns.append(correction);
    return returns;
}

} // namespace

Monitoring demoMonitoring(const Round &round)
{
    Monitoring m;
    m.board = demoBoard();
    Result<ContractProfile> profile = deriveProfile(round, tr("30% delivery fee"));
    if (!profile || !round.adoptedPlan() || round.adoptedPlan()->cpas.size() < 2)
        return m; // not the demo's design: the board alone
    m.profile = std::move(*profile);
    m.profile.illustrative = true;
    m.returns = demoReturns(round, m.profile);
    return m;
}

} // namespace CoCommission::LondonRound
