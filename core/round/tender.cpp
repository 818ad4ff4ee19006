#include "core/round/tender.h"

#include <QCoreApplication>

#include <algorithm>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::Tender", text);
}

template<class T, class Pred>
const T *findIn(const QList<T> &list, Pred pred)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), pred);
    return it == list.cend() ? nullptr : &*it;
}

} // namespace

QString sectorKey(ProviderSector sector)
{
    switch (sector) {
    case ProviderSector::Private:
        return QStringLiteral("private");
    case ProviderSector::VoluntaryCommunity:
        return QStringLiteral("voluntary_community");
    case ProviderSector::Public:
        return QStringLiteral("public");
    }
    return {};
}

std::optional<ProviderSector> sectorFromKey(const QString &key)
{
    for (ProviderSector s :
         {ProviderSector::Private, ProviderSector::VoluntaryCommunity, ProviderSector::Public}) {
        if (sectorKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString sectorName(ProviderSector sector)
{
    switch (sector) {
    case ProviderSector::Private:
        return tr("Private");
    case ProviderSector::VoluntaryCommunity:
        return tr("Voluntary and community");
    case ProviderSector::Public:
        return tr("Public");
    }
    return {};
}

QString evidenceKey(EvidenceStrength strength)
{
    switch (strength) {
    case EvidenceStrength::None:
        return QStringLiteral("none");
    case EvidenceStrength::Asserted:
        return QStringLiteral("asserted");
    case EvidenceStrength::Evidenced:
        return QStringLiteral("evidenced");
    case EvidenceStrength::StatementOfIntent:
        return QStringLiteral("statement_of_intent");
    }
    return {};
}

std::optional<EvidenceStrength> evidenceFromKey(const QString &key)
{
    for (EvidenceStrength s : {EvidenceStrength::None, EvidenceStrength::Asserted,
                               EvidenceStrength::Evidenced, EvidenceStrength::StatementOfIntent}) {
        if (evidenceKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString evidenceName(EvidenceStrength strength)
{
    switch (strength) {
    case EvidenceStrength::None:
        return tr("None");
    case EvidenceStrength::Asserted:
        return tr("Asserted");
    case EvidenceStrength::Evidenced:
        return tr("Evidenced");
    case EvidenceStrength::StatementOfIntent:
        return tr("Statement of intent");
    }
    return {};
}

QList<LocalService> localServices()
{
    return {
        {QStringLiteral("health"), tr("Health, including mental health")},
        {QStringLiteral("housing"), tr("Housing and homelessness")},
        {QStringLiteral("skills"), tr("Skills and further education")},
        {QStringLiteral("family"), tr("Family services and Troubled Families")},
        {QStringLiteral("childcare"), tr("Childcare")},
        {QStringLiteral("public_health"), tr("Public health, including drug and alcohol")},
        {QStringLiteral("financial_support"), tr("Local financial support")},
    };
}

const TenderBid *Tender::bid(const QString &id) const
{
    return findIn(bids, [&](const TenderBid &b) { return b.id == id; });
}

const Assessor *Tender::assessor(const QString &name) const
{
    return findIn(panel, [&](const Assessor &a) { return a.name == name; });
}

const ConflictDeclaration *Tender::conflict(const QString &assessorName,
                                            const QString &bidder) const
{
    return findIn(conflicts, [&](const ConflictDeclaration &c) {
        return c.assessor == assessorName && c.bidder == bidder;
    });
}

const IndividualScore *Tender::score(const QString &assessorName, const QString &bidId,
                                     const QString &criterionId) const
{
    return findIn(scores, [&](const IndividualScore &s) {
        return s.assessor == assessorName && s.bidId == bidId && s.criterionId == criterionId;
    });
}

const ModeratedScore *Tender::moderated(const QString &bidId, const QString &criterionId) const
{
    return findIn(consensus, [&](const ModeratedScore &m) {
        return m.bidId == bidId && m.criterionId == criterionId;
    });
}

QList<TenderBid> Tender::bidsFor(CpaId lot) const
{
    QList<TenderBid> out;
    for (const TenderBid &b : bids) {
        if (b.lot == lot)
            out.append(b);
    }
    return out;
}

QList<AwardSignature> Tender::signaturesFor(CpaId lot) const
{
    QList<AwardSignature> out;
    for (const AwardSignature &s : awardSignatures) {
        if (s.lot == lot)
            out.append(s);
    }
    return out;
}

EvaluationOptions Tender::options() const
{
    EvaluationOptions o;
    o.priceFormula = priceFormula;
    o.abnormallyLowPercent = abnormallyLowPercent;
    return o;
}

} // namespace CoCommission
