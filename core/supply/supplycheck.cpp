#include "core/supply/supplycheck.h"

#include "core/evaluation/supplychain.h"
#include "core/round/round.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSet>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::SupplyCheck", text);
}

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

/** "Provider 3 (“Acme Ltd”)", or "Provider 3" when it has no name. */
QString providerLabel(qsizetype index, const Provider &provider)
{
    const QString number = QString::number(index + 1);
    return provider.name.trimmed().isEmpty()
               ? tr("Provider %1").arg(number)
               : tr("Provider %1 (%2)").arg(number, quoted(provider.name));
}

QString ruleLabel(qsizetype index, const TimelineRule &rule)
{
    return tr("Timeline rule %1 (%2 to %3)")
        .arg(QString::number(index + 1), milestoneName(rule.from), milestoneName(rule.to));
}

Status checkProviders(const Round &round, const QList<Provider> &providers)
{
    QSet<QString> knownSpecialisms;
    for (const Specialism &s : specialisms())
        knownSpecialisms.insert(s.key);
    QHash<QString, qsizetype> nameIndex; // folded name -> index

    for (qsizetype i = 0; i < providers.size(); ++i) {
        const Provider &p = providers[i];
        const QString who = providerLabel(i, p);
        if (p.name.trimmed().isEmpty())
            return Error{tr("%1, field name: the name is empty.").arg(who)};
        if (p.name != p.name.trimmed())
            return Error{tr("%1, field name: the name has spaces at its start or end.").arg(who)};
        const QString folded = p.name.toCaseFolded();
        if (const auto earlier = nameIndex.constFind(folded); earlier != nameIndex.cend()) {
            return Error{
                tr("%1, field name: provider %2 is already called %3; names must "
                   "differ by more than case.")
                    .arg(who, QString::number(*earlier + 1), quoted(providers[*earlier].name))};
        }
        nameIndex.insert(folded, i);

        QSet<QString> seen;
        for (const QString &key : p.specialisms) {
            if (!knownSpecialisms.contains(key))
                return Error{tr("%1, field specialisms: %2 is not a known specialism.")
                                 .arg(who, quoted(key))};
            if (seen.contains(key))
                return Error{
                    tr("%1, field specialisms: %2 is listed twice.").arg(who, specialismName(key))};
            seen.insert(key);
        }

        seen.clear();
        for (const QString &code : p.areas) {
            const Authority *authority = round.authority(code);
            if (!authority)
                return Error{tr("%1, field areas: %2 is not the GSS code of an authority of the "
                                "round.")
                                 .arg(who, quoted(code))};
            if (seen.contains(code))
                return Error{tr("%1, field areas: %2 (%3) is listed twice.")
                                 .arg(who, authority->name, code)};
            seen.insert(code);
        }
    }
    return {};
}

Status checkMilestones(const QList<Milestone> &milestones)
{
    for (qsizetype i = 0; i < milestones.size(); ++i) {
        const Milestone &m = milestones[i];
        const QString who = tr("Milestone %1 (%2)").arg(QString::number(i + 1), milestoneLabel(m));
        if (!m.start.isValid())
            return Error{tr("%1, field start: the start date is missing or not a date.").arg(who)};
        if (!m.end.isValid())
            return Error{tr("%1, field end: the end date is missing or not a date.").arg(who)};
        if (m.end < m.start)
            return Error{tr("%1, field end: it ends (%2) before it starts (%3).")
                             .arg(who, longDate(m.end), longDate(m.start))};
    }
    // Only once every date is valid: the order compares them. Each kind is compared by its
    // first milestone, so that engagement events (or any kind held more than once) may go on
    // while later stages run.
    QHash<int, const Milestone *> firstOfKind;
    for (const Milestone &m : milestones) {
        const Milestone *&first = firstOfKind[int(m.kind)];
        if (!first || m.start < first->start)
            first = &m;
    }
    for (const Milestone &m : milestones) {
        for (int kind = 0; kind < int(m.kind); ++kind) {
            const Milestone *earlier = firstOfKind.value(kind);
            if (earlier && earlier->start > m.start) {
                return Error{tr("%1 (%2) comes before %3 (%4).")
                                 .arg(capitalised(milestoneLabel(m)), longDate(m.start),
                                      milestoneLabel(*earlier), longDate(earlier->start))};
            }
        }
    }
    return {};
}

Status checkRules(const QList<TimelineRule> &rules)
{
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const TimelineRule &r = rules[i];
        const QString which = ruleLabel(i, r);
        if (r.minimumDays < 0 || r.minimumDays > kMaxRuleDays)
            return Error{
                tr("%1, field minimum days: %2 is not from 0 to %3.")
                    .arg(which, QString::number(r.minimumDays), QString::number(kMaxRuleDays))};
        if (int(r.to) < int(r.from))
            return Error{
                tr("%1, field to: a %2 comes before a %3, so the rule would measure "
                   "backwards; swap them.")
                    .arg(which, milestoneName(r.to).toLower(), milestoneName(r.from).toLower())};
    }
    return {};
}

} // namespace

QString milestoneLabel(const Milestone &milestone)
{
    QString kind = milestoneName(milestone.kind);
    if (!kind.isEmpty())
        kind[0] = kind[0].toLower();
    if (milestone.name.trimmed().isEmpty())
        return tr("the %1").arg(kind);
    return tr("the %1 %2").arg(kind, quoted(milestone.name.trimmed()));
}

QString longDate(const QDate &date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(date, QStringLiteral("d MMMM yyyy"));
}

Status checkSupply(const Round &round, const SupplyMarket &supply)
{
    if (Status s = checkProviders(round, supply.providers); !s)
        return s;
    if (Status s = checkMilestones(supply.milestones); !s)
        return s;
    return checkRules(supply.rules);
}

} // namespace CoCommission
