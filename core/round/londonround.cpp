#include "core/round/londonround.h"

#include "core/priorities/catalogue.h"

#include <QCoreApplication>
#include <QFile>

namespace CoCommission::LondonRound {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::LondonRound", text, disambiguation, n);
}

/** Rows of a simple CSV resource (no quoted fields), header first, '#' lines skipped. */
Result<QList<QStringList>> readResource(const QString &path, int columns)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{tr("The built-in data %1 is missing from this build.").arg(path)};
    QList<QStringList> rows;
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(file.readLine()).trimmed();
        if (text.isEmpty() || text.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = text.split(QLatin1Char(','));
        if (fields.size() != columns)
            return Error{tr("%1, line %2: expected %3 fields, found %4.")
                             .arg(path)
                             .arg(line)
                             .arg(columns)
                             .arg(fields.size())};
        rows.append(fields);
    }
    if (!rows.isEmpty())
        rows.removeFirst(); // header
    return rows;
}

// Colours with good contrast between neighbours, and against white text.
const char *const kCpaColours[] = {"#1f6fb4", "#c0392b", "#2e8b57", "#8e44ad"};

} // namespace

Result<Round> blank(const QString &title)
{
    const Result<QList<QStringList>> rows =
        readResource(QStringLiteral(":/demo/authorities.csv"), 3);
    if (!rows)
        return rows.error();
    Round round;
    round.title = title;
    round.priorityGroups = PriorityCatalogue::version1();
    round.model = DevolutionModel::CoCommissioning;
    for (const QStringList &row : *rows) {
        round.authorities.append({row[0], row[1]});
        auto it = std::find_if(round.partnerships.begin(), round.partnerships.end(),
                               [&](const Partnership &p) { return p.name == row[2]; });
        if (it == round.partnerships.end()) {
            Partnership p;
            p.name = row[2];
            round.partnerships.append(p);
            it = round.partnerships.end() - 1;
        }
        it->members.append(row[0]);
    }
    return round;
}

Result<Round> demo()
{
    Result<Round> round = blank(tr("London specialist employment support (demo round)"));
    if (!round)
        return round;
    round->programme = tr("Work and Health Programme: illustrative demo");

    // Ids are given here so that the agreements below can name their CPAs; the file keeps them.
    CpaPlan plan;
    plan.id = PlanId(1);
    plan.name = tr("Sub-regional partnerships");
    plan.adopted = true;
    int colour = 0;
    for (const Partnership &p : round->partnerships) {
        Cpa cpa;
        cpa.id = CpaId(colour + 1);
        cpa.name = p.name;
        cpa.colour = QString::fromLatin1(kCpaColours[colour++ % 4]);
        cpa.members = p.members;
        plan.cpas.append(cpa);
    }
    round->plans.append(plan);

    const Result<QList<QStringList>> rows =
        readResource(QStringLiteral(":/demo/needs_illustrative.csv"), 4);
    if (!rows)
        return rows.error();
    NeedsDataset figures;
    figures.name = tr("Illustrative labour-market figures");
    figures.source = tr("Invented for the demo round: not official statistics");
    figures.illustrative = true;
    figures.dimensions = {tr("Measure")};
    const std::pair<const char *, const char *> measures[] = {
        {"population_16_64",
         QT_TRANSLATE_NOOP("CoCommission::LondonRound", "Population aged 16-64")},
        {"claimant_count", QT_TRANSLATE_NOOP("CoCommission::LondonRound", "Claimant count")},
        {"claimants_12_months_plus",
         QT_TRANSLATE_NOOP("CoCommission::LondonRound", "Claimants for 12 months or more")},
        {"esa_claimants", QT_TRANSLATE_NOOP("CoCommission::LondonRound", "ESA claimants")},
    };
    for (const auto &[key, label] : measures)
        figures.measures.append({QString::fromLatin1(key), tr(label), {QString::fromLatin1(key)}});
    for (const QStringList &row : *rows)
        figures.observations.append({row[0], row[1], row[2], row[3].toDouble()});
    round->datasets.append(figures);
    round->ratios.append({1, tr("Claimant rate (%)"), QStringLiteral("claimant_count"),
                          QStringLiteral("population_16_64"), 100.0});

    // An illustrative Local Labour Market Agreement per CPA, so that stage 1 can be seen whole.
    const QString rate = round->ratios.first().key();
    const std::pair<const char *, QStringList> agreements[] = {
        {QT_TRANSLATE_NOOP("CoCommission::LondonRound",
                           "Illustrative: the claimant rate is close to the London average, but "
                           "long-term claimants are concentrated in the inner boroughs. Health "
                           "conditions and homelessness are the barriers partners report most."),
         {QStringLiteral("health_condition"), QStringLiteral("homelessness")}},
        {QT_TRANSLATE_NOOP("CoCommission::LondonRound",
                           "Illustrative: the highest claimant rate of the four areas, with the "
                           "largest number of ESA claimants. Workless families and young people "
                           "who have never worked are the groups partners name first."),
         {QStringLiteral("esa_wrag"), QStringLiteral("workless_families"),
          QStringLiteral("young_never_worked")}},
        {QT_TRANSLATE_NOOP("CoCommission::LondonRound",
                           "Illustrative: a lower claimant rate, but a rising share of claimants "
                           "out of work for a year or more; lone parents face childcare gaps."),
         {QStringLiteral("jsa_12_months"), QStringLiteral("lone_parents")}},
        {QT_TRANSLATE_NOOP("CoCommission::LondonRound",
                           "Illustrative: claimant numbers vary widely between boroughs; ESA "
                           "claimants and people with multiple disadvantages need the most "
                           "specialist support."),
         {QStringLiteral("esa_wrag"), QStringLiteral("multiple_disadvantages")}},
    };
    int index = 0;
    for (const auto &[narrative, groups] : agreements) {
        if (index >= round->plans.first().cpas.size())
            break;
        round->agreements.append({round->plans.first().cpas.at(index++).id,
                                  {rate, QStringLiteral("claimants_12_months_plus")},
                                  tr(narrative),
                                  groups,
                                  QDateTime()}); // no time: demo() gives the same round each call
    }

    round->design = demoDesign(*round);
    round->supply = demoSupply(*round);
    round->tender = demoTender(round->plans.first().cpas.first());
    round->monitoring = demoMonitoring(*round);
    round->stage(StageId::Needs).status = StageStatus::InProgress;
    return round;
}

} // namespace CoCommission::LondonRound
