// RoundDocument: the Local Labour Market Agreements of stage 1.

#include "core/round/rounddocument.h"

#include "core/needs/indicators.h"
#include "core/store/roundstore.h"

#include <QSet>

namespace CoCommission {

QString RoundDocument::whyAgreementsFrozen() const
{
    switch (m_round.stage(StageId::Needs).status) {
    case StageStatus::ReadyForSignOff:
        return tr("Stage 1 is ready for sign-off: withdraw it from sign-off to change the Local "
                  "Labour Market Agreements.");
    case StageStatus::SignedOff:
        return tr("Stage 1 is signed off: the Local Labour Market Agreements are final.");
    default:
        return {};
    }
}

Status RoundDocument::setAgreement(CpaId cpa, const std::optional<LabourMarketAgreement> &agreement)
{
    if (const QString why = whyAgreementsFrozen(); !why.isEmpty())
        return fail(why);
    const Cpa *target = m_round.adoptedCpa(cpa);
    if (!target)
        return fail(tr("Local Labour Market Agreements are made for the CPAs of the adopted "
                       "plan; CPA %1 is not one of them.")
                        .arg(cpa.value()));
    std::optional<LabourMarketAgreement> stored = agreement;
    if (stored) {
        stored->cpa = cpa;
        stored->narrative = stored->narrative.trimmed();
        const Indicators indicators(m_round);
        for (const QString &id : stored->headlineIndicators) {
            if (!indicators.find(id))
                return fail(tr("The round has no indicator \"%1\" to head the agreement for %2.")
                                .arg(id, target->name));
        }
        if (QSet<QString>(stored->headlineIndicators.begin(), stored->headlineIndicators.end())
                .size() != stored->headlineIndicators.size())
            return fail(tr("An indicator is named twice among the headline indicators."));
        QSet<QString> groups;
        for (const PriorityGroup &g : m_round.priorityGroups)
            groups.insert(g.key);
        for (const QString &key : stored->priorityGroups) {
            if (!groups.contains(key))
                return fail(tr("The round has no priority group \"%1\".").arg(key));
        }
        if (QSet<QString>(stored->priorityGroups.begin(), stored->priorityGroups.end()).size() !=
            stored->priorityGroups.size())
            return fail(tr("A priority group is named twice in the agreement."));
        if (!stored->updatedAt.isValid())
            stored->updatedAt = QDateTime::currentDateTimeUtc();
    }

    const auto existing =
        std::find_if(m_round.agreements.begin(), m_round.agreements.end(),
                     [&](const LabourMarketAgreement &a) { return a.cpa == cpa; });
    const bool had = existing != m_round.agreements.end();
    const auto same = [](const LabourMarketAgreement &a, const LabourMarketAgreement &b) {
        return a.headlineIndicators == b.headlineIndicators && a.narrative == b.narrative &&
               a.priorityGroups == b.priorityGroups;
    };
    if (had == stored.has_value() && (!had || same(*existing, *stored)))
        return {};
    const auto describe = [](const LabourMarketAgreement &a) {
        return QStringLiteral("indicators: %1; groups: %2; narrative: %3")
            .arg(a.headlineIndicators.join(QLatin1Char(' ')),
                 a.priorityGroups.join(QLatin1Char(' ')), a.narrative);
    };
    if (Status s =
            write(QStringLiteral("set_agreement"), QStringLiteral("agreement:%1").arg(target->name),
                  had ? describe(*existing) : QString(), stored ? describe(*stored) : QString(),
                  [&](QSqlDatabase &db) {
                      return RoundStore::setAgreement(db, cpa, stored ? &*stored : nullptr);
                  });
        !s)
        return s;
    if (had && stored)
        *existing = *stored;
    else if (had)
        m_round.agreements.erase(existing);
    else
        m_round.agreements.append(*stored);
    emit agreementsChanged();
    emit roundChanged();
    return {};
}

} // namespace CoCommission
