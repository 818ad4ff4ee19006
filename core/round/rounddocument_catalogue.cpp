// RoundDocument: the round's catalogue of priority groups (stage 2).

#include "core/round/rounddocument.h"

#include "core/store/roundstore.h"

#include <QRegularExpression>

namespace CoCommission {

namespace {

/** A key made from \a name ("Care leavers" → "care_leavers"), unique among \a taken. */
QString keyFor(const QString &name, const QList<PriorityGroup> &taken)
{
    static const QRegularExpression notWord(QStringLiteral("[^a-z0-9]+"));
    QString base = name.toLower().replace(notWord, QStringLiteral("_"));
    base = base.mid(0, 40);
    while (base.startsWith(QLatin1Char('_')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('_')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("group");
    const auto used = [&](const QString &key) {
        return std::any_of(taken.begin(), taken.end(),
                           [&](const PriorityGroup &g) { return g.key == key; });
    };
    QString key = base;
    for (int n = 2; used(key); ++n)
        key = QStringLiteral("%1_%2").arg(base).arg(n);
    return key;
}

} // namespace

QString RoundDocument::whyCatalogueFixed() const
{
    if (const QString why = whyPrioritiesFrozen(); !why.isEmpty())
        return why;
    if (!m_round.rankings.isEmpty() || !m_round.decisions.isEmpty())
        return tr("Partners have ranked the priority groups: a group can be added or removed "
                  "only before any ranking or decision is recorded, since each ranking orders "
                  "every group. Clear the rankings and decisions first.");
    return {};
}

Status RoundDocument::writeCatalogue(const QString &action, const QString &subject,
                                     const QString &before, const QString &after,
                                     const QList<PriorityGroup> &groups)
{
    if (Status s =
            write(action, subject, before, after,
                  [&](QSqlDatabase &db) { return RoundStore::setPriorityGroups(db, groups); });
        !s)
        return s;
    m_round.priorityGroups = groups;
    emit prioritiesChanged();
    emit roundChanged();
    return {};
}

Result<QString> RoundDocument::addPriorityGroup(const QString &name, const QString &description,
                                                int position, const QString &key)
{
    if (const QString why = whyCatalogueFixed(); !why.isEmpty())
        return fail(why).error();
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("A priority group needs a name.")).error();
    for (const PriorityGroup &g : m_round.priorityGroups) {
        if (g.name.compare(trimmed, Qt::CaseInsensitive) == 0)
            return fail(tr("The catalogue already has a group called \"%1\".").arg(g.name)).error();
        if (!key.isEmpty() && g.key == key)
            return fail(tr("The catalogue already has a group with the key \"%1\".").arg(key))
                .error();
    }
    const PriorityGroup group{key.isEmpty() ? keyFor(trimmed, m_round.priorityGroups) : key,
                              trimmed, description.trimmed()};
    QList<PriorityGroup> groups = m_round.priorityGroups;
    groups.insert(position < 0 || position > groups.size() ? groups.size() : position, group);
    if (Status s = writeCatalogue(QStringLiteral("add_priority_group"),
                                  QStringLiteral("priority_group:%1").arg(group.key), QString(),
                                  group.name, groups);
        !s)
        return s.error();
    return group.key;
}

Status RoundDocument::editPriorityGroup(const QString &key, const QString &name,
                                        const QString &description)
{
    if (const QString why = whyPrioritiesFrozen(); !why.isEmpty())
        return fail(why);
    QList<PriorityGroup> groups = m_round.priorityGroups;
    const auto it = std::find_if(groups.begin(), groups.end(),
                                 [&](const PriorityGroup &g) { return g.key == key; });
    if (it == groups.end())
        return fail(tr("The catalogue has no priority group \"%1\".").arg(key));
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("A priority group needs a name."));
    for (const PriorityGroup &g : groups) {
        if (g.key != key && g.name.compare(trimmed, Qt::CaseInsensitive) == 0)
            return fail(tr("The catalogue already has a group called \"%1\".").arg(g.name));
    }
    if (it->name == trimmed && it->description == description.trimmed())
        return {};
    const QString before = QStringLiteral("%1: %2").arg(it->name, it->description);
    it->name = trimmed;
    it->description = description.trimmed();
    return writeCatalogue(QStringLiteral("edit_priority_group"),
                          QStringLiteral("priority_group:%1").arg(key), before,
                          QStringLiteral("%1: %2").arg(it->name, it->description), groups);
}

Status RoundDocument::removePriorityGroup(const QString &key)
{
    if (const QString why = whyCatalogueFixed(); !why.isEmpty())
        return fail(why);
    QList<PriorityGroup> groups = m_round.priorityGroups;
    const auto it = std::find_if(groups.begin(), groups.end(),
                                 [&](const PriorityGroup &g) { return g.key == key; });
    if (it == groups.end())
        return fail(tr("The catalogue has no priority group \"%1\".").arg(key));
    for (const LabourMarketAgreement &a : m_round.agreements) {
        if (!a.priorityGroups.contains(key))
            continue;
        const CpaPlan *plan = m_round.adoptedPlan();
        QString cpaName = QString::number(a.cpa.value());
        for (const Cpa &cpa : plan ? plan->cpas : QList<Cpa>()) {
            if (cpa.id == a.cpa)
                cpaName = cpa.name;
        }
        return fail(tr("\"%1\" is named in the Local Labour Market Agreement for %2: take it out "
                       "of the agreement first.")
                        .arg(it->name, cpaName));
    }
    const QString name = it->name;
    groups.erase(it);
    return writeCatalogue(QStringLiteral("remove_priority_group"),
                          QStringLiteral("priority_group:%1").arg(key), name, QString(), groups);
}

} // namespace CoCommission
