#pragma once

#include "core/common/ids.h"
#include "core/evaluation/criteria.h"
#include "core/evaluation/scoring.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

/** The sector an organisation in a supply chain belongs to. */
enum class ProviderSector {
    Private,
    VoluntaryCommunity, ///< voluntary and community sector
    Public,
};

/** "private", "voluntary_community", "public". */
QString sectorKey(ProviderSector sector);
std::optional<ProviderSector> sectorFromKey(const QString &key);
/** Translated, e.g. "Voluntary and community". */
QString sectorName(ProviderSector sector);

/** A subcontractor in a bid's supply chain. */
struct Subcontractor
{
    QString name;
    ProviderSector sector = ProviderSector::Private;
    bool sme = false;        ///< a small or medium-sized enterprise
    QStringList specialisms; ///< keys, see SupplyChain (core/evaluation/supplychain.h)

    bool operator==(const Subcontractor &) const = default;
};

/** How well a bid shows that it will integrate with one local service. */
enum class EvidenceStrength {
    None,              ///< not addressed
    Asserted,          ///< claimed without evidence
    Evidenced,         ///< backed by evidence (existing arrangements, named contacts)
    StatementOfIntent, ///< backed by a statement of intent from the service
};

/** "none", "asserted", "evidenced", "statement_of_intent". */
QString evidenceKey(EvidenceStrength strength);
std::optional<EvidenceStrength> evidenceFromKey(const QString &key);
QString evidenceName(EvidenceStrength strength);

/** One line of a bid's local integration checklist. */
struct IntegrationEvidence
{
    QString service; ///< a key of localServices(), e.g. "housing"
    EvidenceStrength strength = EvidenceStrength::None;
    QString note;

    bool operator==(const IntegrationEvidence &) const = default;
};

/** A local service a bid is expected to integrate with (the source papers' seven). */
struct LocalService
{
    QString key;
    QString name; ///< translated
};
/**
 * health, housing, skills, family, childcare, public_health, financial_support: health
 * including mental health; housing and homelessness; skills and further education; family
 * services and Troubled Families; childcare; public health including drug and alcohol; local
 * financial support.
 */
QList<LocalService> localServices();

/** A bid for one lot (a CPA of the adopted plan) from a prime or managing agent. */
struct TenderBid
{
    QString id;     ///< unique in the round, e.g. "B1"
    QString bidder; ///< the prime or managing agent
    CpaId lot;      ///< the CPA of the adopted plan the bid is for
    double price = 0;
    QList<Subcontractor> supplyChain;
    QString integrationPlan; ///< the local service integration plan, as summarised
    QList<IntegrationEvidence> integration;

    bool operator==(const TenderBid &) const = default;
};

/** A member of the assessment panel. Names are unique in the round. */
struct Assessor
{
    QString name;
    QString organisation; ///< "DWP" or the GSS code of an authority of the round
    QString role;         ///< e.g. "Commissioning manager"

    bool operator==(const Assessor &) const = default;
};

/**
 * An assessor's declaration about one bidder, made before scoring any of its bids. A declared
 * conflict blocks the assessor from that bidder's bids; scores given before a conflict was
 * declared are kept but not counted.
 */
struct ConflictDeclaration
{
    QString assessor;
    QString bidder;
    bool conflicted = false;
    QString note; ///< the interest declared, when conflicted
    QDateTime declaredAt;

    bool operator==(const ConflictDeclaration &) const = default;
};

/** One assessor's score of one bid against one scored leaf, with the reason for it. */
struct IndividualScore
{
    QString assessor;
    QString bidId;
    QString criterionId;
    double score = 0; ///< on the criterion's scale; pass/fail: 1 pass, 0 fail
    QString comment;  ///< required
    QDateTime scoredAt;

    bool operator==(const IndividualScore &) const = default;
};

/** The panel's agreed score after moderation, with the rationale recorded when it was set. */
struct ModeratedScore
{
    QString bidId;
    QString criterionId;
    double score = 0;
    QString rationale; ///< required
    QDateTime agreedAt;

    bool operator==(const ModeratedScore &) const = default;
};

/** A change to the criteria, weights, scales or price rules after bids were opened. */
struct CriteriaChange
{
    QDateTime changedAt;
    QString actor;
    QString reason;
    QString summary; ///< what changed, in words

    bool operator==(const CriteriaChange &) const = default;
};

/**
 * One party's signature on the award recommendation for one lot: DWP, or a partnership with
 * authorities in the lot (Round::priorityPartners()). Final once given.
 */
struct AwardSignature
{
    CpaId lot;
    QString party; ///< "DWP" or a partnership's name
    QString name;
    QString role;
    QString rationale;
    QString winner; ///< the bid id recommended when this party signed
    QDateTime signedAt;

    bool operator==(const AwardSignature &) const = default;
};

/**
 * Stage 5: the tender and its evaluation. Criteria lock when bids are opened; individual
 * scores lock when moderation opens, and only then can anyone see anyone else's scores.
 */
struct Tender
{
    QList<Criterion> criteria; ///< a valid CriteriaTree when not empty
    PriceFormula priceFormula = PriceFormula::LowestRatio;
    double abnormallyLowPercent = 20.0;
    QDateTime bidsOpenedAt;       ///< invalid: not opened, the criteria can still change freely
    QDateTime moderationOpenedAt; ///< invalid: scoring is still blind
    QList<CriteriaChange> criteriaChanges;
    QList<TenderBid> bids;
    QList<Assessor> panel;
    QList<ConflictDeclaration> conflicts;
    QList<IndividualScore> scores;
    QList<ModeratedScore> consensus;
    QList<AwardSignature> awardSignatures;
    bool illustrative = false; ///< invented bids and scores (the demo round): say so

    bool operator==(const Tender &) const = default;

    bool bidsOpened() const { return bidsOpenedAt.isValid(); }
    bool moderationOpen() const { return moderationOpenedAt.isValid(); }

    const TenderBid *bid(const QString &id) const;
    const Assessor *assessor(const QString &name) const;
    const ConflictDeclaration *conflict(const QString &assessor, const QString &bidder) const;
    const IndividualScore *score(const QString &assessor, const QString &bidId,
                                 const QString &criterionId) const;
    const ModeratedScore *moderated(const QString &bidId, const QString &criterionId) const;
    QList<TenderBid> bidsFor(CpaId lot) const;
    QList<AwardSignature> signaturesFor(CpaId lot) const;
    /** The options the evaluator needs: price formula and abnormally-low threshold. */
    EvaluationOptions options() const;
};

} // namespace CoCommission
