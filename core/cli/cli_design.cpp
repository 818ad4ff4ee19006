// Stage 3 on the command line: design, the report of the design of services: the standards,
// the payment model (groups, referrals per CPA, each scenario's tariffs), the local
// contributions and the financial model of each scenario (forecastScenario()).

#include "core/cli/cliutil.h"

#include "core/design/financialmodel.h"
#include "core/design/volumes.h"
#include "core/round/rounddocument.h"
#include "core/round/roundnames.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <cmath>

namespace CoCommission::CommandLine {

namespace {

const QString kSynopsis =
    QStringLiteral("cocommission design ROUND.cocom [--scenario NAME] [--json]");

/** Rounded to two decimals, as every figure of the JSON report is. */
double round2(double value)
{
    return std::round(value * 100.0) / 100.0;
}

QJsonValue optionalFigure(const std::optional<double> &value)
{
    return value ? QJsonValue(round2(*value)) : QJsonValue();
}

QLocale uk()
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

/** £1,234, whole pounds. */
QString money(double value)
{
    const QString pounds = QStringLiteral("\u00a3") + uk().toString(std::abs(value), 'f', 0);
    return value <= -0.5 ? QStringLiteral("-") + pounds : pounds;
}

/** 12,345 (whole from 100 up) or 86.4: grouped, at most one decimal. */
QString number(double value)
{
    const double rounded = std::round(value * 10.0) / 10.0;
    if (std::abs(rounded) >= 100 || rounded == std::floor(rounded))
        return uk().toString(std::round(value), 'f', 0);
    return uk().toString(rounded, 'f', 1);
}

/** A percentage as given: 6%, 12.5%. */
QString percent(double value)
{
    return uk().toString(value, 'f', QLocale::FloatingPointShortest) + u'%';
}

/** A computed percentage, to one decimal: 6.0%, 17.1%. */
QString percent1(double value)
{
    return uk().toString(value, 'f', 1) + u'%';
}

QString quoted(const QString &text)
{
    return QStringLiteral("\"%1\"").arg(text);
}

/** The CPA's name in the adopted plan, "all CPAs" for 0, else "CPA <id>". */
QString cpaName(const Round &round, CpaId cpa)
{
    if (cpa.value() == 0)
        return tr("all CPAs");
    const Cpa *found = round.adoptedCpa(cpa);
    return found ? found->name : tr("CPA %1").arg(cpa.value());
}

QJsonValue cpaJson(const Round &round, CpaId cpa)
{
    return cpa.value() == 0 ? QJsonValue() : QJsonValue(cpaName(round, cpa));
}

QString groupName(const ServiceDesign &design, const QString &key)
{
    const PaymentGroup *group = design.paymentGroup(key);
    return group ? group->name : key;
}

/** The text report's table: left-aligned text, right-aligned figures. */
QString table(const QList<QStringList> &rows, const QList<bool> &rightAligned,
              const QString &indent = QStringLiteral("  "))
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths << 0;
            if (c + 1 < row.size() || rightAligned.value(c))
                widths[c] = std::max(widths[c], row[c].size());
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (rightAligned.value(c))
                cells << row[c].rightJustified(widths[c]);
            else if (c + 1 == row.size())
                cells << row[c];
            else
                cells << row[c].leftJustified(widths[c]);
        }
        text += indent + cells.join(QStringLiteral("  ")) + u'\n';
    }
    return text;
}

QJsonObject percentilesJson(const Percentiles &p)
{
    return QJsonObject{{QStringLiteral("p10"), round2(p.p10)},
                       {QStringLiteral("p50"), round2(p.p50)},
                       {QStringLiteral("p90"), round2(p.p90)}};
}

QJsonArray figuresJson(const QList<double> &values)
{
    QJsonArray out;
    for (double v : values)
        out.append(round2(v));
    return out;
}

/** One scenario and its financial model, or why the model could not be computed. */
struct ScenarioReport
{
    const PaymentScenario *scenario = nullptr;
    Result<ScenarioForecast> forecast;
};

QJsonObject tariffJson(const Round &round, const GroupTariff &t)
{
    return QJsonObject{
        {QStringLiteral("group"), t.group},
        {QStringLiteral("cpa"), cpaJson(round, t.cpa)},
        {QStringLiteral("attachment_fee"), round2(t.attachmentFee)},
        {QStringLiteral("job_outcome_payment"), round2(t.jobOutcomePayment)},
        {QStringLiteral("sustainment_payment"), round2(t.sustainmentPayment)},
        {QStringLiteral("sustainment_payments"), t.sustainmentPayments},
        {QStringLiteral("sustainment_interval_months"), t.sustainmentIntervalMonths},
        {QStringLiteral("job_outcome_rate_percent"), t.jobOutcomeRatePercent},
        {QStringLiteral("sustainment_rate_percent"), t.sustainmentRatePercent},
        {QStringLiteral("delivery_cost_per_start"), round2(t.deliveryCostPerStart)},
    };
}

QJsonObject scenarioJson(const Round &round, const ScenarioReport &report)
{
    const PaymentScenario &s = *report.scenario;
    QJsonArray tariffs;
    for (const GroupTariff &t : s.tariffs)
        tariffs.append(tariffJson(round, t));
    QJsonObject out{
        {QStringLiteral("name"), s.name},
        {QStringLiteral("contract_years"), s.contractYears},
        {QStringLiteral("months_to_job"), s.monthsToJob},
        {QStringLiteral("payment_lag_months"), s.paymentLagMonths},
        {QStringLiteral("rate_uncertainty_points"), s.rateUncertaintyPoints},
        {QStringLiteral("volume_uncertainty_percent"), s.volumeUncertaintyPercent},
        {QStringLiteral("seed"), qint64(s.seed)},
        {QStringLiteral("tariffs"), tariffs},
    };
    if (!report.forecast) {
        out.insert(QStringLiteral("error"), report.forecast.errorMessage());
        for (const char *key : {"draws", "expected_cost", "mean_cost", "cost", "provider_margin",
                                "provider_margin_percent", "cost_per_job_outcome",
                                "cost_per_sustained_job", "delivery_fee_share"})
            out.insert(QLatin1String(key), QJsonValue());
        return out;
    }
    const ScenarioForecast &f = *report.forecast;
    const MonteCarloForecast &mc = f.monteCarlo;
    QJsonArray cpas;
    for (const CpaForecast &c : f.cpas)
        cpas.append(QJsonObject{
            {QStringLiteral("cpa"), c.name},
            {QStringLiteral("referrals_per_year"), round2(c.referralsPerYear)},
            {QStringLiteral("starts"), round2(c.starts)},
            {QStringLiteral("job_outcomes"), round2(c.jobs)},
            {QStringLiteral("sustained_jobs"), round2(c.sustained)},
            {QStringLiteral("cost"), round2(c.cost)},
            {QStringLiteral("provider_cost"), round2(c.providerCost)},
            {QStringLiteral("provider_margin"), round2(c.providerMargin)},
            {QStringLiteral("peak_funding_need"), round2(c.peakFundingNeed)},
            {QStringLiteral("cost_by_year"), figuresJson(c.costByYear)},
        });
    QJsonArray cells;
    for (const CellForecast &c : f.cells)
        cells.append(QJsonObject{
            {QStringLiteral("group"), c.group},
            {QStringLiteral("cpa"), cpaName(round, c.cpa)},
            {QStringLiteral("referrals_per_year"), round2(c.referralsPerYear)},
            {QStringLiteral("stated"), c.stated},
            {QStringLiteral("starts"), round2(c.starts)},
            {QStringLiteral("job_outcomes"), round2(c.jobs)},
            {QStringLiteral("sustained_jobs"), round2(c.sustained)},
            {QStringLiteral("cost"), round2(c.cost)},
            {QStringLiteral("provider_cost"), round2(c.providerCost)},
        });
    QJsonArray histogram;
    for (int count : mc.histogram)
        histogram.append(count);
    out.insert(QStringLiteral("error"), QJsonValue());
    out.insert(QStringLiteral("draws"), mc.draws);
    out.insert(QStringLiteral("expected_cost"), round2(f.cost));
    out.insert(QStringLiteral("mean_cost"), round2(mc.meanCost));
    out.insert(QStringLiteral("cost"), percentilesJson(mc.cost));
    out.insert(QStringLiteral("provider_margin"), percentilesJson(mc.providerMargin));
    out.insert(QStringLiteral("provider_margin_percent"),
               percentilesJson(mc.providerMarginPercent));
    out.insert(QStringLiteral("cost_per_job_outcome"), optionalFigure(f.costPerJobOutcome));
    out.insert(QStringLiteral("cost_per_sustained_job"), optionalFigure(f.costPerSustainedJob));
    out.insert(QStringLiteral("delivery_fee_share"), std::round(f.deliveryFeeShare * 1e4) / 1e4);
    out.insert(QStringLiteral("expected"),
               QJsonObject{
                   {QStringLiteral("referrals_per_year"), round2(f.referralsPerYear)},
                   {QStringLiteral("starts"), round2(f.starts)},
                   {QStringLiteral("job_outcomes"), round2(f.jobs)},
                   {QStringLiteral("sustained_jobs"), round2(f.sustained)},
                   {QStringLiteral("attachment_fees"), round2(f.attachmentFees)},
                   {QStringLiteral("job_outcome_payments"), round2(f.jobOutcomePayments)},
                   {QStringLiteral("sustainment_payments"), round2(f.sustainmentPayments)},
                   {QStringLiteral("cost"), round2(f.cost)},
                   {QStringLiteral("provider_revenue"), round2(f.revenue)},
                   {QStringLiteral("provider_cost"), round2(f.providerCost)},
                   {QStringLiteral("provider_margin"), round2(f.providerMargin)},
                   {QStringLiteral("provider_margin_percent"), round2(f.providerMarginPercent)},
                   {QStringLiteral("peak_funding_need"), round2(f.peakFundingNeed)},
               });
    out.insert(QStringLiteral("cost_by_year"), figuresJson(f.costByYear));
    out.insert(QStringLiteral("cpas"), cpas);
    out.insert(QStringLiteral("cells"), cells);
    out.insert(QStringLiteral("histogram"),
               QJsonObject{{QStringLiteral("from"), round2(mc.histogramFrom)},
                           {QStringLiteral("bin_width"), round2(mc.histogramBinWidth)},
                           {QStringLiteral("counts"), histogram}});
    out.insert(QStringLiteral("model_2"),
               f.model == DevolutionModel::PartnershipDelivery
                   ? QJsonValue(QJsonObject{
                         {QStringLiteral("bonus_per_extra_job"), round2(s.bonusPerExtraJob)},
                         {QStringLiteral("managing_agent_percent"), s.managingAgentBonusPercent},
                         {QStringLiteral("mean_bonus"), round2(mc.meanBonus)},
                         {QStringLiteral("mean_managing_agent_bonus"), round2(mc.meanAgentBonus)},
                         {QStringLiteral("mean_borough_bonus"), round2(mc.meanBoroughBonus)},
                         {QStringLiteral("bonus"), percentilesJson(mc.bonus)}})
                   : QJsonValue());
    out.insert(QStringLiteral("model_3"),
               f.model == DevolutionModel::FullDevolution
                   ? QJsonValue(QJsonObject{
                         {QStringLiteral("benefit_saving_per_sustained_job"),
                          round2(s.benefitSavingPerSustainedJob)},
                         {QStringLiteral("savings_returned_percent"), s.savingsReturnedPercent},
                         {QStringLiteral("liability_percent"), s.liabilityPercent},
                         {QStringLiteral("benefit_savings"), round2(f.benefitSavings)},
                         {QStringLiteral("savings_returned"), round2(f.savingsReturned)},
                         {QStringLiteral("mean_liability"), round2(mc.meanLiability)},
                         {QStringLiteral("liability"), percentilesJson(mc.liability)}})
                   : QJsonValue());
    return out;
}

QJsonObject reportJson(const Round &round, const QList<VolumeEstimate> &volumes,
                       const QList<ScenarioReport> &reports)
{
    const ServiceDesign &design = round.design;
    QJsonArray standards;
    for (const ServiceStandard &s : design.standards)
        standards.append(QJsonObject{{QStringLiteral("key"), s.key},
                                     {QStringLiteral("name"), s.name},
                                     {QStringLiteral("description"), s.description},
                                     {QStringLiteral("direction"), directionKey(s.direction)},
                                     {QStringLiteral("target"), s.target},
                                     {QStringLiteral("unit"), s.unit}});
    QJsonArray conditions;
    for (const DirectiveCondition &c : design.conditions)
        conditions.append(QJsonObject{{QStringLiteral("kind"), conditionKindKey(c.kind)},
                                      {QStringLiteral("subject"), c.subject},
                                      {QStringLiteral("cpa"), cpaJson(round, c.cpa)},
                                      {QStringLiteral("minimum_percent"), c.minimumPercent},
                                      {QStringLiteral("note"), c.note}});
    QJsonArray eligibility;
    for (const EligibilityRule &r : design.eligibility)
        eligibility.append(QJsonObject{{QStringLiteral("category"), r.category},
                                       {QStringLiteral("text"), r.text}});
    QJsonArray routes;
    for (const ReferralRoute &r : design.referralRoutes)
        routes.append(QJsonObject{{QStringLiteral("source"), r.source},
                                  {QStringLiteral("description"), r.description}});
    QJsonArray groups;
    for (const PaymentGroup &g : design.paymentGroups) {
        QJsonArray referrals;
        for (const VolumeEstimate &v : volumes) {
            if (v.group != g.key)
                continue;
            referrals.append(QJsonObject{
                {QStringLiteral("cpa"), cpaName(round, v.cpa)},
                {QStringLiteral("eligible"), optionalFigure(v.eligible)},
                {QStringLiteral("referrals_per_year"),
                 v.hasFigure() ? QJsonValue(round2(v.referralsPerYear)) : QJsonValue()},
                {QStringLiteral("stated"), v.stated},
                {QStringLiteral("date"), v.date.isEmpty() ? QJsonValue() : QJsonValue(v.date)},
                {QStringLiteral("basis"), v.basis},
                {QStringLiteral("problem"),
                 v.problem.isEmpty() ? QJsonValue() : QJsonValue(v.problem)}});
        }
        groups.append(
            QJsonObject{{QStringLiteral("key"), g.key},
                        {QStringLiteral("name"), g.name},
                        {QStringLiteral("measure"), g.measure},
                        {QStringLiteral("eligible_share_percent"), g.eligibleSharePercent},
                        {QStringLiteral("take_up_percent"), g.takeUpPercent},
                        {QStringLiteral("referrals"), referrals}});
    }
    QJsonArray contributions;
    double total = 0;
    for (const LocalContribution &c : design.contributions) {
        total += c.valuePerYear;
        contributions.append(
            QJsonObject{{QStringLiteral("authority"), c.authority},
                        {QStringLiteral("authority_name"), authorityName(round, c.authority)},
                        {QStringLiteral("service"), c.service},
                        {QStringLiteral("form"), contributionFormKey(c.form)},
                        {QStringLiteral("value_per_year"), round2(c.valuePerYear)},
                        {QStringLiteral("status"), contributionStatusKey(c.status)},
                        {QStringLiteral("note"), c.note}});
    }
    QJsonArray scenarios;
    for (const ScenarioReport &r : reports)
        scenarios.append(scenarioJson(round, r));
    return QJsonObject{
        {QStringLiteral("title"), round.title},
        {QStringLiteral("model"), modelNumber(round.model)},
        {QStringLiteral("has_design"), !design.isEmpty()},
        {QStringLiteral("illustrative"), design.illustrative},
        {QStringLiteral("illustrative_figures"), round.hasIllustrativeFigures()},
        {QStringLiteral("standards"), standards},
        {QStringLiteral("conditions"), conditions},
        {QStringLiteral("eligibility"), eligibility},
        {QStringLiteral("referral_routes"), routes},
        {QStringLiteral("payment_groups"), groups},
        {QStringLiteral("contributions"), contributions},
        {QStringLiteral("contributions_per_year"), round2(total)},
        {QStringLiteral("scenarios"), scenarios},
    };
}

QString standardTarget(const ServiceStandard &s)
{
    if (s.direction == StandardDirection::Required)
        return tr("required");
    const QString target =
        s.unit.isEmpty() ? number(s.target) : QStringLiteral("%1 %2").arg(number(s.target), s.unit);
    return s.direction == StandardDirection::AtMost ? tr("at most %1").arg(target)
                                                    : tr("at least %1").arg(target);
}

void printServices(const Round &round, QTextStream &out)
{
    const ServiceDesign &design = round.design;
    out << '\n' << tr("Minimum service standards") << '\n';
    if (design.standards.isEmpty()) {
        out << "  " << tr("None yet.") << '\n';
    } else {
        QList<QStringList> rows;
        for (const ServiceStandard &s : design.standards)
            rows << QStringList{s.name, standardTarget(s)};
        out << table(rows, {});
    }
    if (!design.conditions.isEmpty()) {
        out << '\n' << tr("Directive conditions") << '\n';
        for (const DirectiveCondition &c : design.conditions) {
            const QString where = cpaName(round, c.cpa);
            const QString what = c.kind == ConditionKind::GroupShare
                                     ? tr("at least %1 of starts from %2 (%3)")
                                           .arg(percent(c.minimumPercent),
                                                priorityGroupName(round, c.subject), where)
                                     : tr("a delivery presence in %1 (%2)")
                                           .arg(authorityName(round, c.subject), where);
            out << "  " << what << '\n';
        }
    }
    if (!design.eligibility.isEmpty()) {
        out << '\n' << tr("Eligibility") << '\n';
        for (const EligibilityRule &r : design.eligibility)
            out << "  " << nameOfKey(eligibilityCategories(), r.category) << ": " << r.text << '\n';
    }
    if (!design.referralRoutes.isEmpty()) {
        out << '\n' << tr("Referral routes") << '\n';
        for (const ReferralRoute &r : design.referralRoutes) {
            out << "  " << nameOfKey(referralSources(), r.source);
            if (!r.description.isEmpty())
                out << ": " << r.description;
            out << '\n';
        }
    }
}

void printPaymentModel(const Round &round, const QList<VolumeEstimate> &volumes, QTextStream &out)
{
    const ServiceDesign &design = round.design;
    out << '\n' << tr("Payment groups") << '\n';
    if (design.paymentGroups.isEmpty()) {
        out << "  " << tr("None yet.") << '\n';
        return;
    }
    QList<QStringList> rows{
        {tr("Group"), tr("Measure"), tr("Eligible share"), tr("Take-up a year")}};
    for (const PaymentGroup &g : design.paymentGroups)
        rows << QStringList{g.name, g.measure.isEmpty() ? tr("(stated only)") : g.measure,
                            percent(g.eligibleSharePercent), percent(g.takeUpPercent)};
    out << table(rows, {false, false, true, true});

    out << '\n' << tr("Referrals per year") << '\n';
    if (volumes.isEmpty()) {
        out << "  " << tr("The round has no adopted CPA plan.") << '\n';
        return;
    }
    QList<QStringList> vrows{
        {tr("Group"), tr("CPA"), tr("Eligible"), tr("Referrals"), tr("Basis")}};
    for (const VolumeEstimate &v : volumes)
        vrows << QStringList{groupName(design, v.group), cpaName(round, v.cpa),
                             v.eligible ? number(*v.eligible) : QStringLiteral("-"),
                             v.hasFigure() ? number(v.referralsPerYear) : QStringLiteral("-"),
                             v.hasFigure() ? v.basis : v.problem};
    out << table(vrows, {false, false, true, true, false});
}

void printContributions(const Round &round, QTextStream &out)
{
    const ServiceDesign &design = round.design;
    if (design.contributions.isEmpty())
        return;
    out << '\n' << tr("Local contributions (statements of intent)") << '\n';
    QList<QStringList> rows{
        {tr("Authority"), tr("Service"), tr("Form"), tr("A year"), tr("Status")}};
    double total = 0;
    for (const LocalContribution &c : design.contributions) {
        total += c.valuePerYear;
        rows << QStringList{
            authorityName(round, c.authority), nameOfKey(contributionServices(), c.service),
            contributionFormName(c.form), money(c.valuePerYear), contributionStatusName(c.status)};
    }
    out << table(rows, {false, false, false, true, false});
    out << "  " << tr("Total: %1 a year.").arg(money(total)) << '\n';
}

QString sustainmentText(const GroupTariff &t)
{
    if (t.sustainmentPayments == 0)
        return tr("none");
    return tr("%1 \u00d7 %2 every %3 months")
        .arg(QString::number(t.sustainmentPayments), money(t.sustainmentPayment),
             QString::number(t.sustainmentIntervalMonths));
}

void printScenario(const Round &round, const ScenarioReport &report, QTextStream &out)
{
    const ServiceDesign &design = round.design;
    const PaymentScenario &s = *report.scenario;
    out << '\n' << tr("Scenario %1").arg(quoted(s.name)) << '\n';
    out << "  " << tr("Tariffs") << '\n';
    if (s.tariffs.isEmpty()) {
        out << "    " << tr("None yet.") << '\n';
    } else {
        QList<QStringList> rows{{tr("Group"), tr("CPA"), tr("Attachment fee"), tr("Job outcome"),
                                 tr("Sustainment"), tr("Job rate"), tr("Sustained"),
                                 tr("Delivery cost")}};
        for (const GroupTariff &t : s.tariffs)
            rows << QStringList{groupName(design, t.group),
                                cpaName(round, t.cpa),
                                money(t.attachmentFee),
                                money(t.jobOutcomePayment),
                                sustainmentText(t),
                                percent(t.jobOutcomeRatePercent),
                                percent(t.sustainmentRatePercent),
                                money(t.deliveryCostPerStart)};
        out << table(rows, {false, false, true, true, false, true, true, true},
                     QStringLiteral("    "));
    }

    out << "  " << tr("Financial model: %n year(s) of referrals, ", nullptr, s.contractYears)
        << tr("%n month(s) from start to job, ", nullptr, s.monthsToJob)
        << tr("payments %n month(s) after the event", nullptr, s.paymentLagMonths) << '\n';
    if (!report.forecast) {
        out << "    " << tr("Cannot be computed: %1").arg(report.forecast.errorMessage()) << '\n';
        return;
    }
    const ScenarioForecast &f = *report.forecast;
    out << "    "
        << tr("Referrals %1 a year; starts %2; job outcomes %3; sustained jobs %4.")
               .arg(number(f.referralsPerYear), number(f.starts), number(f.jobs),
                    number(f.sustained))
        << '\n';
    out << "    "
        << tr("Expected cost %1: attachment fees %2, job outcome payments %3, sustainment "
              "payments %4.")
               .arg(money(f.cost), money(f.attachmentFees), money(f.jobOutcomePayments),
                    money(f.sustainmentPayments))
        << '\n';
    out << "    "
        << tr("Delivery-fee share %1; cost per job outcome %2; cost per sustained job %3.")
               .arg(percent1(f.deliveryFeeShare * 100.0),
                    f.costPerJobOutcome ? money(*f.costPerJobOutcome) : tr("none (no jobs)"),
                    f.costPerSustainedJob ? money(*f.costPerSustainedJob)
                                          : tr("none (no sustained jobs)"))
        << '\n';
    out << "    "
        << tr("Providers: revenue %1, delivery cost %2, margin %3 (%4); peak funding need %5.")
               .arg(money(f.revenue), money(f.providerCost), money(f.providerMargin),
                    percent1(f.providerMarginPercent), money(f.peakFundingNeed))
        << '\n';

    out << "    " << tr("Cost by CPA and year:") << '\n';
    QStringList header{tr("CPA")};
    for (qsizetype y = 0; y < f.costByYear.size(); ++y)
        header << tr("Year %1").arg(y + 1);
    header << tr("Total");
    QList<QStringList> rows{header};
    QList<bool> right{false};
    for (qsizetype y = 0; y <= f.costByYear.size(); ++y)
        right << true;
    for (const CpaForecast &c : f.cpas) {
        QStringList row{c.name};
        for (double v : c.costByYear)
            row << money(v);
        row << money(c.cost);
        rows << row;
    }
    QStringList all{tr("All")};
    for (double v : f.costByYear)
        all << money(v);
    all << money(f.cost);
    rows << all;
    out << table(rows, right, QStringLiteral("      "));

    const MonteCarloForecast &mc = f.monteCarlo;
    if (mc.draws == 0)
        return;
    out << "    "
        << tr("Monte Carlo: %1 draws, seed %2 (job and sustainment rates \u00b1%3 points, "
              "referrals \u00b1%4):")
               .arg(number(mc.draws), QString::number(mc.seed), number(s.rateUncertaintyPoints),
                    percent(s.volumeUncertaintyPercent))
        << '\n';
    QList<QStringList> mrows{{QString(), tr("p10"), tr("p50"), tr("p90"), tr("Mean")},
                             {tr("Cost"), money(mc.cost.p10), money(mc.cost.p50),
                              money(mc.cost.p90), money(mc.meanCost)},
                             {tr("Provider margin"), money(mc.providerMargin.p10),
                              money(mc.providerMargin.p50), money(mc.providerMargin.p90),
                              money(mc.meanProviderMargin)},
                             {tr("Provider margin %"), percent1(mc.providerMarginPercent.p10),
                              percent1(mc.providerMarginPercent.p50),
                              percent1(mc.providerMarginPercent.p90), QString()}};
    if (f.model == DevolutionModel::PartnershipDelivery)
        mrows << QStringList{tr("Bonus"), money(mc.bonus.p10), money(mc.bonus.p50),
                             money(mc.bonus.p90), money(mc.meanBonus)};
    if (f.model == DevolutionModel::FullDevolution) {
        mrows << QStringList{tr("Savings returned"), money(mc.savingsReturned.p10),
                             money(mc.savingsReturned.p50), money(mc.savingsReturned.p90),
                             money(mc.meanSavingsReturned)};
        mrows << QStringList{tr("Liability"), money(mc.liability.p10), money(mc.liability.p50),
                             money(mc.liability.p90), money(mc.meanLiability)};
    }
    out << table(mrows, {false, true, true, true, true}, QStringLiteral("      "));
    if (f.model == DevolutionModel::PartnershipDelivery)
        out << "    "
            << tr("Model 2: a bonus of %1 per job outcome above a CPA's profile; on average "
                  "%2 to the managing agent (%3) and %4 to the boroughs.")
                   .arg(money(s.bonusPerExtraJob), money(mc.meanAgentBonus),
                        percent(s.managingAgentBonusPercent), money(mc.meanBoroughBonus))
            << '\n';
    if (f.model == DevolutionModel::FullDevolution)
        out << "    "
            << tr("Model 3: expected benefit savings %1, of which %2 (%3) returned locally; "
                  "the authorities bear %4 of the savings lost below the profile.")
                   .arg(money(f.benefitSavings), money(f.savingsReturned),
                        percent(s.savingsReturnedPercent), percent(s.liabilityPercent))
            << '\n';
}

} // namespace

int runDesign(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Parsed p = parse(args, {QStringLiteral("--json")}, {QStringLiteral("--scenario")});
    if (!p.error.isEmpty())
        return usage(err, p.error, kSynopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one round file."), kSynopsis);
    const auto document = openForReading(p.positional.first(), err);
    if (!document)
        return UsageError;
    const Round &round = document->round();
    const ServiceDesign &design = round.design;

    QList<ScenarioReport> reports;
    if (p.values.contains(QStringLiteral("--scenario"))) {
        const QString name = p.values.value(QStringLiteral("--scenario")).trimmed();
        const PaymentScenario *found = design.scenario(name);
        if (!found) {
            QStringList names;
            for (const PaymentScenario &s : design.scenarios)
                names << quoted(s.name);
            return usage(err,
                         names.isEmpty()
                             ? tr("The design has no payment scenario %1; it has none yet.")
                                   .arg(quoted(name))
                             : tr("The design has no payment scenario %1; the scenarios are: "
                                  "%2.")
                                   .arg(quoted(name), names.join(QStringLiteral(", "))),
                         kSynopsis);
        }
        reports << ScenarioReport{found, forecastScenario(round, *found)};
    } else {
        for (const PaymentScenario &s : design.scenarios)
            reports << ScenarioReport{&s, forecastScenario(round, s)};
    }
    const QList<VolumeEstimate> volumes = referralVolumes(round);
    const bool allModelled = std::all_of(reports.cbegin(), reports.cend(),
                                         [](const ScenarioReport &r) { return r.forecast.ok(); });
    const int exitCode = allModelled ? Success : CheckFailed;

    if (p.flags.contains(QStringLiteral("--json"))) {
        printJson(out, reportJson(round, volumes, reports));
        return exitCode;
    }

    out << tr("Design of services: %1").arg(quoted(round.title)) << '\n';
    if (design.isEmpty()) {
        out << tr("The round has no design of services yet.") << '\n';
        return Success;
    }
    out << modelName(round.model) << '\n';
    if (design.illustrative)
        out << tr("ILLUSTRATIVE: the design's figures are invented to show the stage working; "
                  "no decision may rest on them.")
            << '\n';
    else if (round.hasIllustrativeFigures())
        out << tr("ILLUSTRATIVE: the round's needs figures are invented; referral volumes "
                  "estimated from them are too.")
            << '\n';
    printServices(round, out);
    printPaymentModel(round, volumes, out);
    printContributions(round, out);
    if (design.scenarios.isEmpty())
        out << '\n' << tr("No payment scenarios yet.") << '\n';
    for (const ScenarioReport &r : std::as_const(reports))
        printScenario(round, r, out);
    return exitCode;
}

} // namespace CoCommission::CommandLine
