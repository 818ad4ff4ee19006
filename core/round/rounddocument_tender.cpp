// RoundDocument: stage 5, the tender and its evaluation.
//
// The single edits and replaceTender() share one set of checks (checkBid(), checkScore(), ...)
// so that a CSV import or a merged assessor pack is held to exactly the rules of the screen.

#include "core/round/rounddocument.h"

#include "core/evaluation/moderation.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/store/tenderstore.h"

#include <QSet>
#include <QUndoStack>

#include <cmath>

namespace CoCommission {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::RoundDocument", text, disambiguation, n);
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

/** The scored leaf \a criterionId (not price, not a group), or why it cannot be scored. */
Result<Criterion> scoredLeaf(const Tender &tender, const QString &criterionId)
{
    const auto it = std::find_if(tender.criteria.begin(), tender.criteria.end(),
                                 [&](const Criterion &c) { return c.id == criterionId; });
    if (it == tender.criteria.end())
        return Error{tr("There is no criterion \"%1\".").arg(criterionId)};
    if (it->type == CriterionType::Group)
        return Error{tr("Criterion %1 (%2) is a heading: its sub-criteria are scored, not it.")
                         .arg(it->id, it->name)};
    if (it->type == CriterionType::Price)
        return Error{tr("Criterion %1 (%2) is price: it is computed from the bid's price, "
                        "never scored by the panel.")
                         .arg(it->id, it->name)};
    return *it;
}

/** Checks \a score against \a criterion's scale; \a wholeLevels for individual scores. */
Status checkOnScale(const Criterion &criterion, double score, bool wholeLevels)
{
    if (!std::isfinite(score))
        return Error{tr("The score for criterion %1 is not a number.").arg(criterion.id)};
    if (criterion.type == CriterionType::PassFail) {
        if (score != 0 && score != 1)
            return Error{tr("Criterion %1 (%2) is pass or fail: score 1 for a pass or 0 for a "
                            "fail, not %3.")
                             .arg(criterion.id, criterion.name, number(score))};
        return {};
    }
    if (score < 0 || score > criterion.scale.maxScore)
        return Error{tr("A score of %1 is outside the scale of criterion %2 (%3), 0 to %4.")
                         .arg(number(score), criterion.id, criterion.name)
                         .arg(criterion.scale.maxScore)};
    if (wholeLevels && score != std::floor(score))
        return Error{tr("A score of %1 for criterion %2 is not one of the scale's levels: "
                        "assessors score whole levels (0 to %3).")
                         .arg(number(score), criterion.id)
                         .arg(criterion.scale.maxScore)};
    return {};
}

/** Checks one bid as setBid() would, against the round's adopted plan. */
Status checkBid(const Round &round, const TenderBid &bid)
{
    if (bid.id.trimmed().isEmpty() || bid.id != bid.id.trimmed())
        return Error{tr("A bid needs an id without leading or trailing spaces.")};
    if (bid.bidder.trimmed().isEmpty())
        return Error{tr("Bid %1 needs a bidder: the prime or managing agent.").arg(bid.id)};
    if (!round.adoptedCpa(bid.lot))
        return Error{tr("Bid %1 is for lot %2, which is not a CPA of the adopted plan: each lot "
                        "is a CPA of the adopted plan.")
                         .arg(bid.id)
                         .arg(bid.lot.value())};
    if (!std::isfinite(bid.price) || bid.price <= 0)
        return Error{tr("Bid %1 gives a price of %2: a price must be above zero.")
                         .arg(bid.id, number(bid.price))};
    for (const Subcontractor &s : bid.supplyChain) {
        if (s.name.trimmed().isEmpty())
            return Error{
                tr("A subcontractor in the supply chain of bid %1 has no name.").arg(bid.id)};
    }
    QSet<QString> services;
    QSet<QString> known;
    for (const LocalService &service : localServices())
        known.insert(service.key);
    for (const IntegrationEvidence &e : bid.integration) {
        if (!known.contains(e.service))
            return Error{tr("Bid %1 gives evidence for \"%2\", which is not one of the local "
                            "services to integrate with.")
                             .arg(bid.id, e.service)};
        if (services.contains(e.service))
            return Error{tr("Bid %1 gives evidence for \"%2\" twice.").arg(bid.id, e.service)};
        services.insert(e.service);
    }
    return {};
}

Status checkAssessor(const Round &round, const Assessor &assessor)
{
    if (assessor.name.trimmed().isEmpty() || assessor.name != assessor.name.trimmed())
        return Error{tr("An assessor needs a name without leading or trailing spaces.")};
    if (!assessor.organisation.isEmpty() && assessor.organisation != QLatin1String("DWP") &&
        !round.authority(assessor.organisation))
        return Error{tr("%1's organisation must be DWP or an authority of the round, not \"%2\".")
                         .arg(assessor.name, assessor.organisation)};
    return {};
}

Status checkDeclaration(const Tender &tender, const ConflictDeclaration &d)
{
    if (!tender.assessor(d.assessor))
        return Error{tr("%1 is not on the assessment panel.").arg(d.assessor)};
    if (std::none_of(tender.bids.begin(), tender.bids.end(),
                     [&](const TenderBid &b) { return b.bidder == d.bidder; }))
        return Error{tr("No bid comes from \"%1\".").arg(d.bidder)};
    if (d.conflicted && d.note.trimmed().isEmpty())
        return Error{tr("%1's declared conflict with %2 needs a note of the interest declared.")
                         .arg(d.assessor, d.bidder)};
    return {};
}

/**
 * Checks \a score against \a tender as it would stand (its phase, panel and declarations).
 * With \a asRecorded, a score given before its assessor declared a conflict passes: such a
 * score is kept, though not counted (see isCounted()).
 */
Status checkScore(const Tender &tender, const IndividualScore &score, bool asRecorded = false)
{
    if (const QString why = whyNotScore(tender, score.assessor, score.bidId); !why.isEmpty()) {
        const TenderBid *bid = tender.bid(score.bidId);
        const ConflictDeclaration *declaration =
            bid ? tender.conflict(score.assessor, bid->bidder) : nullptr;
        const bool keptBeforeConflict =
            asRecorded && declaration && declaration->conflicted && tender.bidsOpened() &&
            !tender.moderationOpen() && tender.assessor(score.assessor) &&
            score.scoredAt.isValid() && score.scoredAt <= declaration->declaredAt;
        if (!keptBeforeConflict)
            return Error{why};
    }
    const Result<Criterion> criterion = scoredLeaf(tender, score.criterionId);
    if (!criterion)
        return criterion.error();
    if (Status s = checkOnScale(*criterion, score.score, true); !s)
        return s;
    if (score.comment.trimmed().isEmpty())
        return Error{tr("%1's score for bid %2 on criterion %3 needs a comment giving the reason.")
                         .arg(score.assessor, score.bidId, score.criterionId)};
    return {};
}

Status checkConsensus(const Tender &tender, const ModeratedScore &m)
{
    if (!tender.moderationOpen())
        return Error{tr("Consensus scores are agreed once moderation is open.")};
    const TenderBid *bid = tender.bid(m.bidId);
    if (!bid)
        return Error{tr("There is no bid \"%1\".").arg(m.bidId)};
    if (!tender.signaturesFor(bid->lot).isEmpty())
        return Error{tr("The award for the lot of bid %1 has been signed: its scores are final.")
                         .arg(m.bidId)};
    const Result<Criterion> criterion = scoredLeaf(tender, m.criterionId);
    if (!criterion)
        return criterion.error();
    if (Status s = checkOnScale(*criterion, m.score, false); !s)
        return s;
    if (m.rationale.trimmed().isEmpty())
        return Error{tr("The consensus score for bid %1 on criterion %2 needs a rationale.")
                         .arg(m.bidId, m.criterionId)};
    return {};
}

/** Every stored score and consensus must still fit \a criteria (after a change). */
Status checkScoresFit(const Tender &tender)
{
    for (const IndividualScore &s : tender.scores) {
        const Result<Criterion> c = scoredLeaf(tender, s.criterionId);
        if (!c)
            return Error{tr("%1 has scored criterion %2, so it must stay a scored criterion: %3")
                             .arg(s.assessor, s.criterionId, c.errorMessage())};
        if (Status fit = checkOnScale(*c, s.score, true); !fit)
            return Error{tr("A recorded score no longer fits: %1").arg(fit.errorMessage())};
    }
    for (const ModeratedScore &m : tender.consensus) {
        const Result<Criterion> c = scoredLeaf(tender, m.criterionId);
        if (!c)
            return Error{tr("Criterion %1 has consensus scores, so it must stay a scored "
                            "criterion: %2")
                             .arg(m.criterionId, c.errorMessage())};
        if (Status fit = checkOnScale(*c, m.score, false); !fit)
            return Error{tr("A consensus score no longer fits: %1").arg(fit.errorMessage())};
    }
    return {};
}

/** Words for what changed between two sets of criteria and price rules. */
QString describeCriteriaChange(const Tender &before, const Tender &after)
{
    QStringList parts;
    QHash<QString, Criterion> old;
    for (const Criterion &c : before.criteria)
        old.insert(c.id, c);
    QSet<QString> seen;
    for (const Criterion &c : after.criteria) {
        seen.insert(c.id);
        const auto it = old.constFind(c.id);
        if (it == old.constEnd()) {
            parts.append(tr("added %1 (%2, %3%)").arg(c.id, c.name, number(c.weightPercent)));
            continue;
        }
        if (it->weightPercent != c.weightPercent)
            parts.append(tr("%1 weight %2% → %3%")
                             .arg(c.id, number(it->weightPercent), number(c.weightPercent)));
        if (it->name != c.name)
            parts.append(tr("%1 renamed \"%2\"").arg(c.id, c.name));
        if (it->type != c.type)
            parts.append(tr("%1 now %2").arg(c.id, criterionTypeName(c.type)));
        if (it->scale != c.scale)
            parts.append(tr("%1 scale now 0-%2").arg(c.id).arg(c.scale.maxScore));
        if (it->parentId != c.parentId)
            parts.append(tr("%1 moved").arg(c.id));
    }
    for (const Criterion &c : before.criteria) {
        if (!seen.contains(c.id))
            parts.append(tr("removed %1 (%2)").arg(c.id, c.name));
    }
    if (before.priceFormula != after.priceFormula)
        parts.append(tr("price formula now %1").arg(priceFormulaName(after.priceFormula)));
    if (before.abnormallyLowPercent != after.abnormallyLowPercent)
        parts.append(
            tr("abnormally low threshold %1% → %2%")
                .arg(number(before.abnormallyLowPercent), number(after.abnormallyLowPercent)));
    return parts.join(QStringLiteral("; "));
}

/**
 * Puts \a stored in place of the element of \a list that \a matches (appending it when none
 * does), or with nullopt removes that element: how a keyed record is kept in the round value.
 */
template<class T, class Pred>
void putRecord(QList<T> &list, Pred matches, const std::optional<T> &stored)
{
    const auto it = std::find_if(list.begin(), list.end(), matches);
    if (!stored) {
        if (it != list.end())
            list.erase(it);
    } else if (it != list.end()) {
        *it = *stored;
    } else {
        list.append(*stored);
    }
}

QString describeScore(const IndividualScore &s)
{
    return QStringLiteral("%1: %2").arg(number(s.score), s.comment);
}

} // namespace

QString RoundDocument::whyTenderFrozen() const
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return why;
    switch (m_round.stage(StageId::Selection).status) {
    case StageStatus::ReadyForSignOff:
        return tr("Stage 5 is ready for sign-off: withdraw it from sign-off to change the tender.");
    case StageStatus::SignedOff:
        return tr("Stage 5 is signed off: the tender and its evaluation are final.");
    default:
        return {};
    }
}

QStringList RoundDocument::awardParties(CpaId lot) const
{
    const Cpa *cpa = m_round.adoptedCpa(lot);
    return cpa ? m_round.priorityPartners(*cpa) : QStringList();
}

Status RoundDocument::setCriteria(const QList<Criterion> &criteria, PriceFormula formula,
                                  double abnormallyLowPercent, const QString &reason)
{
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return fail(why);
    if (!criteria.isEmpty()) {
        if (const auto tree = CriteriaTree::fromList(criteria); !tree)
            return fail(tree.errorMessage());
    }
    if (!std::isfinite(abnormallyLowPercent) || abnormallyLowPercent <= 0 ||
        abnormallyLowPercent >= 100)
        return fail(tr("The abnormally low threshold must be between 0% and 100% below the mean "
                       "price, not %1%.")
                        .arg(number(abnormallyLowPercent)));
    Tender updated = m_round.tender;
    updated.criteria = criteria;
    updated.priceFormula = formula;
    updated.abnormallyLowPercent = abnormallyLowPercent;
    if (updated == m_round.tender)
        return {};
    if (!m_round.tender.awardSignatures.isEmpty())
        return fail(tr("An award has been signed: the criteria it was made on are final."));
    if (Status s = checkScoresFit(updated); !s)
        return fail(s.errorMessage());
    const QString summary = describeCriteriaChange(m_round.tender, updated);
    std::optional<CriteriaChange> change;
    if (m_round.tender.bidsOpened()) {
        if (reason.trimmed().isEmpty())
            return fail(tr("The bids have been opened, so the published criteria are locked: a "
                           "change needs a recorded reason, and every report will show it."));
        change =
            CriteriaChange{QDateTime::currentDateTimeUtc(), m_actor, reason.trimmed(), summary};
    }
    if (Status s = write(QStringLiteral("set_criteria"), QStringLiteral("tender"), QString(),
                         change ? tr("%1 (reason: %2)").arg(summary, change->reason) : summary,
                         [&](QSqlDatabase &db) {
                             Status w = TenderStore::setCriteria(db, updated.criteria);
                             if (w)
                                 w = TenderStore::setSettings(db, updated);
                             if (w && change)
                                 w = TenderStore::insertCriteriaChange(db, *change);
                             return w;
                         });
        !s)
        return s;
    if (change)
        updated.criteriaChanges.append(*change);
    m_round.tender = std::move(updated);
    emit tenderChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setBidsOpened(const std::optional<QDateTime> &at)
{
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return fail(why);
    Tender updated = m_round.tender;
    if (at) {
        if (updated.bidsOpened())
            return {};
        if (updated.criteria.isEmpty())
            return fail(tr("Publish the award criteria before opening the bids: they lock when "
                           "the bids are opened."));
        updated.bidsOpenedAt = at->isValid() ? *at : QDateTime::currentDateTimeUtc();
    } else {
        if (!updated.bidsOpened())
            return {};
        if (!updated.scores.isEmpty() || updated.moderationOpen())
            return fail(tr("Scores have been recorded: the bids cannot be closed again."));
        updated.bidsOpenedAt = {};
    }
    if (Status s = write(QStringLiteral("set_bids_opened"), QStringLiteral("tender"),
                         m_round.tender.bidsOpenedAt.toString(Qt::ISODate),
                         updated.bidsOpenedAt.toString(Qt::ISODate),
                         [&](QSqlDatabase &db) { return TenderStore::setSettings(db, updated); });
        !s)
        return s;
    m_round.tender = std::move(updated);
    emit tenderChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setBid(const TenderBid &bid, int position)
{
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return fail(why);
    if (m_round.tender.moderationOpen())
        return fail(tr("Moderation is open: the bids are no longer changed."));
    if (Status s = checkBid(m_round, bid); !s)
        return fail(s.errorMessage());
    QList<TenderBid> bids = m_round.tender.bids;
    const auto existing =
        std::find_if(bids.begin(), bids.end(), [&](const TenderBid &b) { return b.id == bid.id; });
    QString before;
    if (existing != bids.end()) {
        if (*existing == bid)
            return {};
        const bool scored =
            std::any_of(m_round.tender.scores.begin(), m_round.tender.scores.end(),
                        [&](const IndividualScore &s) { return s.bidId == bid.id; });
        if (scored && (existing->bidder != bid.bidder || existing->lot != bid.lot))
            return fail(
                tr("Bid %1 has been scored: its bidder and lot can no longer change.").arg(bid.id));
        before = QStringLiteral("%1, lot %2, %3")
                     .arg(existing->bidder)
                     .arg(existing->lot.value())
                     .arg(number(existing->price));
        *existing = bid;
    } else {
        bids.insert(position < 0 || position > bids.size() ? bids.size() : position, bid);
    }
    if (Status s = write(QStringLiteral("set_bid"), QStringLiteral("bid:%1").arg(bid.id), before,
                         QStringLiteral("%1, lot %2, %3")
                             .arg(bid.bidder)
                             .arg(bid.lot.value())
                             .arg(number(bid.price)),
                         [&](QSqlDatabase &db) { return TenderStore::setBids(db, bids); });
        !s)
        return s;
    m_round.tender.bids = std::move(bids);
    emit tenderChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::removeBid(const QString &bidId)
{
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return fail(why);
    const Tender &t = m_round.tender;
    const TenderBid *bid = t.bid(bidId);
    if (!bid)
        return fail(tr("There is no bid \"%1\".").arg(bidId));
    if (std::any_of(t.scores.begin(), t.scores.end(),
                    [&](const IndividualScore &s) { return s.bidId == bidId; }) ||
        std::any_of(t.consensus.begin(), t.consensus.end(),
                    [&](const ModeratedScore &m) { return m.bidId == bidId; }))
        return fail(tr("Bid %1 has been scored: a scored bid is kept.").arg(bidId));
    QList<TenderBid> bids = t.bids;
    bids.removeIf([&](const TenderBid &b) { return b.id == bidId; });
    // Declarations about a bidder with no bid left go with its last bid.
    const QString bidder = bid->bidder;
    const bool lastOfBidder = std::none_of(bids.begin(), bids.end(),
                                           [&](const TenderBid &b) { return b.bidder == bidder; });
    if (lastOfBidder &&
        std::any_of(t.conflicts.begin(), t.conflicts.end(),
                    [&](const ConflictDeclaration &c) { return c.bidder == bidder; }))
        return fail(tr("Declarations of interest about %1 are recorded: withdraw them before "
                       "removing its last bid.")
                        .arg(bidder));
    if (Status s =
            write(QStringLiteral("remove_bid"), QStringLiteral("bid:%1").arg(bidId), bidder,
                  QString(), [&](QSqlDatabase &db) { return TenderStore::setBids(db, bids); });
        !s)
        return s;
    m_round.tender.bids = std::move(bids);
    emit tenderChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setAssessor(const Assessor &assessor, int position)
{
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return fail(why);
    if (m_round.tender.moderationOpen())
        return fail(tr("Moderation is open: the panel that scored is kept as it was."));
    if (Status s = checkAssessor(m_round, assessor); !s)
        return fail(s.errorMessage());
    QList<Assessor> panel = m_round.tender.panel;
    const auto existing = std::find_if(panel.begin(), panel.end(),
                                       [&](const Assessor &a) { return a.name == assessor.name; });
    QString before;
    if (existing != panel.end()) {
        if (*existing == assessor)
            return {};
        before = QStringLiteral("%1, %2").arg(existing->organisation, existing->role);
        *existing = assessor;
    } else {
        panel.insert(position < 0 || position > panel.size() ? panel.size() : position, assessor);
    }
    if (Status s =
            write(QStringLiteral("set_assessor"), QStringLiteral("assessor:%1").arg(assessor.name),
                  before, QStringLiteral("%1, %2").arg(assessor.organisation, assessor.role),
                  [&](QSqlDatabase &db) { return TenderStore::setPanel(db, panel); });
        !s)
        return s;
    m_round.tender.panel = std::move(panel);
    emit tenderChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::removeAssessor(const QString &name)
{
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return fail(why);
    const Tender &t = m_round.tender;
    if (!t.assessor(name))
        return fail(tr("%1 is not on the assessment panel.").arg(name));
    if (std::any_of(t.scores.begin(), t.scores.end(),
                    [&](const IndividualScore &s) { return s.assessor == name; }) ||
        std::any_of(t.conflicts.begin(), t.conflicts.end(),
                    [&](const ConflictDeclaration &c) { return c.assessor == name; }))
        return fail(tr("%1 has made declarations or scores, which are kept: they stay on the "
                       "panel.")
                        .arg(name));
    QList<Assessor> panel = t.panel;
    panel.removeIf([&](const Assessor &a) { return a.name == name; });
    if (Status s =
            write(QStringLiteral("remove_assessor"), QStringLiteral("assessor:%1").arg(name), name,
                  QString(), [&](QSqlDatabase &db) { return TenderStore::setPanel(db, panel); });
        !s)
        return s;
    m_round.tender.panel = std::move(panel);
    emit tenderChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setConflict(const QString &assessor, const QString &bidder,
                                  const std::optional<ConflictDeclaration> &declaration)
{
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return fail(why);
    Tender &t = m_round.tender;
    if (t.moderationOpen())
        return fail(tr("Moderation is open: declarations of interest are kept as made."));
    const ConflictDeclaration *existing = t.conflict(assessor, bidder);
    std::optional<ConflictDeclaration> stored = declaration;
    if (stored) {
        stored->assessor = assessor;
        stored->bidder = bidder;
        stored->note = stored->note.trimmed();
        if (!stored->declaredAt.isValid())
            stored->declaredAt = QDateTime::currentDateTimeUtc();
        if (Status s = checkDeclaration(t, *stored); !s)
            return fail(s.errorMessage());
        if (existing && existing->conflicted == stored->conflicted &&
            existing->note == stored->note)
            return {};
    } else {
        if (!existing)
            return {};
        const bool scored =
            std::any_of(t.scores.begin(), t.scores.end(), [&](const IndividualScore &s) {
                const TenderBid *b = t.bid(s.bidId);
                return s.assessor == assessor && b && b->bidder == bidder;
            });
        if (scored)
            return fail(tr("%1 has scored bids from %2: the declaration made before scoring is "
                           "kept.")
                            .arg(assessor, bidder));
    }
    const auto describe = [](const ConflictDeclaration &d) {
        return d.conflicted ? tr("conflict: %1").arg(d.note) : tr("no conflict");
    };
    if (Status s = write(QStringLiteral("declare_interest"),
                         QStringLiteral("declaration:%1/%2").arg(assessor, bidder),
                         existing ? describe(*existing) : QString(),
                         stored ? describe(*stored) : QString(),
                         [&](QSqlDatabase &db) {
                             return stored ? TenderStore::setConflict(db, *stored)
                                           : TenderStore::removeConflict(db, assessor, bidder);
                         });
        !s)
        return s;
    putRecord(
        t.conflicts,
        [&](const ConflictDeclaration &c) { return c.assessor == assessor && c.bidder == bidder; },
        stored);
    emit tenderChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setScore(const QString &assessor, const QString &bidId,
                               const QString &criterionId,
                               const std::optional<IndividualScore> &score)
{
    if (score) {
        IndividualScore s = *score;
        s.assessor = assessor;
        s.bidId = bidId;
        s.criterionId = criterionId;
        return setScores({s});
    }
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return fail(why);
    Tender &t = m_round.tender;
    if (t.moderationOpen())
        return fail(tr("Moderation is open: individual scores are locked and kept as given."));
    const IndividualScore *existing = t.score(assessor, bidId, criterionId);
    if (!existing)
        return {};
    if (Status s = write(QStringLiteral("withdraw_score"),
                         QStringLiteral("score:%1/%2/%3").arg(assessor, bidId, criterionId),
                         describeScore(*existing), QString(),
                         [&](QSqlDatabase &db) {
                             return TenderStore::removeScore(db, assessor, bidId, criterionId);
                         });
        !s)
        return s;
    t.scores.removeIf([&](const IndividualScore &s) {
        return s.assessor == assessor && s.bidId == bidId && s.criterionId == criterionId;
    });
    emit tenderChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setScores(const QList<IndividualScore> &scores)
{
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return fail(why);
    Tender &t = m_round.tender;
    QList<IndividualScore> stored;
    QSet<QString> keys;
    for (IndividualScore s : scores) {
        s.comment = s.comment.trimmed();
        if (!s.scoredAt.isValid())
            s.scoredAt = QDateTime::currentDateTimeUtc();
        if (Status c = checkScore(t, s); !c)
            return fail(c.errorMessage());
        const QString key = s.assessor + QChar(0) + s.bidId + QChar(0) + s.criterionId;
        if (keys.contains(key))
            return fail(tr("%1 scores bid %2 on criterion %3 twice.")
                            .arg(s.assessor, s.bidId, s.criterionId));
        keys.insert(key);
        const IndividualScore *existing = t.score(s.assessor, s.bidId, s.criterionId);
        if (existing && existing->score == s.score && existing->comment == s.comment)
            continue;
        stored.append(s);
    }
    if (stored.isEmpty())
        return {};
    const QString subject =
        stored.size() == 1 ? QStringLiteral("score:%1/%2/%3")
                                 .arg(stored[0].assessor, stored[0].bidId, stored[0].criterionId)
                           : QStringLiteral("scores");
    const IndividualScore *first =
        stored.size() == 1 ? t.score(stored[0].assessor, stored[0].bidId, stored[0].criterionId)
                           : nullptr;
    if (Status s =
            write(QStringLiteral("score"), subject, first ? describeScore(*first) : QString(),
                  stored.size() == 1 ? describeScore(stored[0])
                                     : tr("%n scores", nullptr, int(stored.size())),
                  [&](QSqlDatabase &db) {
                      for (const IndividualScore &score : stored) {
                          if (Status w = TenderStore::setScore(db, score); !w)
                              return w;
                      }
                      return Status{};
                  });
        !s)
        return s;
    for (const IndividualScore &s : stored) {
        putRecord(
            t.scores,
            [&](const IndividualScore &o) {
                return o.assessor == s.assessor && o.bidId == s.bidId &&
                       o.criterionId == s.criterionId;
            },
            std::optional<IndividualScore>(s));
    }
    emit tenderChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setModerationOpened(const std::optional<QDateTime> &at)
{
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return fail(why);
    Tender updated = m_round.tender;
    if (at) {
        if (updated.moderationOpen())
            return {};
        if (!updated.bidsOpened())
            return fail(tr("The bids have not been opened yet: there is nothing to moderate."));
        updated.moderationOpenedAt = at->isValid() ? *at : QDateTime::currentDateTimeUtc();
    } else {
        if (!updated.moderationOpen())
            return {};
        if (!updated.consensus.isEmpty())
            return fail(tr("Consensus scores have been agreed: moderation stays open."));
        updated.moderationOpenedAt = {};
    }
    if (Status s = write(QStringLiteral("set_moderation_opened"), QStringLiteral("tender"),
                         m_round.tender.moderationOpenedAt.toString(Qt::ISODate),
                         updated.moderationOpenedAt.toString(Qt::ISODate),
                         [&](QSqlDatabase &db) { return TenderStore::setSettings(db, updated); });
        !s)
        return s;
    m_round.tender = std::move(updated);
    emit tenderChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setConsensus(const QString &bidId, const QString &criterionId,
                                   const std::optional<ModeratedScore> &consensus)
{
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return fail(why);
    Tender &t = m_round.tender;
    const ModeratedScore *existing = t.moderated(bidId, criterionId);
    std::optional<ModeratedScore> stored = consensus;
    if (stored) {
        stored->bidId = bidId;
        stored->criterionId = criterionId;
        stored->rationale = stored->rationale.trimmed();
        if (!stored->agreedAt.isValid())
            stored->agreedAt = QDateTime::currentDateTimeUtc();
        if (Status s = checkConsensus(t, *stored); !s)
            return fail(s.errorMessage());
        if (existing && existing->score == stored->score &&
            existing->rationale == stored->rationale)
            return {};
    } else {
        if (!existing)
            return {};
        const TenderBid *bid = t.bid(bidId);
        if (bid && !t.signaturesFor(bid->lot).isEmpty())
            return fail(tr("The award for the lot of bid %1 has been signed: its scores are "
                           "final.")
                            .arg(bidId));
    }
    const auto describe = [](const ModeratedScore &m) {
        return QStringLiteral("%1: %2").arg(number(m.score), m.rationale);
    };
    if (Status s = write(QStringLiteral("set_consensus"),
                         QStringLiteral("consensus:%1/%2").arg(bidId, criterionId),
                         existing ? describe(*existing) : QString(),
                         stored ? describe(*stored) : QString(),
                         [&](QSqlDatabase &db) {
                             return stored ? TenderStore::setConsensus(db, *stored)
                                           : TenderStore::removeConsensus(db, bidId, criterionId);
                         });
        !s)
        return s;
    putRecord(
        t.consensus,
        [&](const ModeratedScore &m) { return m.bidId == bidId && m.criterionId == criterionId; },
        stored);
    emit tenderChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::replaceTender(const Tender &tender)
{
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return fail(why);
    const Tender &current = m_round.tender;
    if (!current.awardSignatures.isEmpty())
        return fail(tr("An award has been signed: the tender can no longer be replaced."));
    Tender updated = tender;
    updated.criteriaChanges = current.criteriaChanges;
    updated.awardSignatures = current.awardSignatures;
    if (updated == current)
        return {};
    // Invented demo data may be replaced whole, and put back by an undo.
    if (current.bidsOpened() && updated.bidsOpened() && !current.illustrative &&
        !updated.illustrative && current.criteria != updated.criteria)
        return fail(tr("The bids have been opened, so the published criteria are locked: change "
                       "them on the stage 5 page, where the reason is recorded."));
    if (!updated.criteria.isEmpty()) {
        if (const auto tree = CriteriaTree::fromList(updated.criteria); !tree)
            return fail(tree.errorMessage());
    } else if (updated.bidsOpened()) {
        return fail(tr("Bids cannot be open without published criteria."));
    }
    if (updated.moderationOpen() && !updated.bidsOpened())
        return fail(tr("Moderation cannot be open before the bids are opened."));

    QSet<QString> ids;
    for (const TenderBid &bid : updated.bids) {
        if (Status s = checkBid(m_round, bid); !s)
            return fail(s.errorMessage());
        if (ids.contains(bid.id))
            return fail(tr("Two bids have the id %1.").arg(bid.id));
        ids.insert(bid.id);
    }
    QSet<QString> names;
    for (const Assessor &a : updated.panel) {
        if (Status s = checkAssessor(m_round, a); !s)
            return fail(s.errorMessage());
        if (names.contains(a.name))
            return fail(tr("Two assessors are called %1.").arg(a.name));
        names.insert(a.name);
    }
    QSet<QString> keys;
    for (const ConflictDeclaration &d : updated.conflicts) {
        if (Status s = checkDeclaration(updated, d); !s)
            return fail(s.errorMessage());
        const QString key = d.assessor + QChar(0) + d.bidder;
        if (keys.contains(key))
            return fail(tr("%1 declares twice about %2.").arg(d.assessor, d.bidder));
        keys.insert(key);
    }
    // Scores are checked as they were given: before moderation opened.
    Tender scoring = updated;
    scoring.moderationOpenedAt = {};
    keys.clear();
    for (const IndividualScore &s : updated.scores) {
        if (Status c = checkScore(scoring, s, /*asRecorded=*/true); !c)
            return fail(c.errorMessage());
        const QString key = s.assessor + QChar(0) + s.bidId + QChar(0) + s.criterionId;
        if (keys.contains(key))
            return fail(tr("%1 scores bid %2 on criterion %3 twice.")
                            .arg(s.assessor, s.bidId, s.criterionId));
        keys.insert(key);
    }
    keys.clear();
    for (const ModeratedScore &m : updated.consensus) {
        if (Status c = checkConsensus(updated, m); !c)
            return fail(c.errorMessage());
        const QString key = m.bidId + QChar(0) + m.criterionId;
        if (keys.contains(key))
            return fail(
                tr("Bid %1 has two consensus scores on criterion %2.").arg(m.bidId, m.criterionId));
        keys.insert(key);
    }

    if (Status s = write(QStringLiteral("replace_tender"), QStringLiteral("tender"),
                         tr("%n bids", nullptr, int(current.bids.size())),
                         tr("%1 criteria, %2 bids, %3 assessors, %4 scores, %5 consensus")
                             .arg(updated.criteria.size())
                             .arg(updated.bids.size())
                             .arg(updated.panel.size())
                             .arg(updated.scores.size())
                             .arg(updated.consensus.size()),
                         [&](QSqlDatabase &db) { return TenderStore::replace(db, updated); });
        !s)
        return s;
    m_round.tender = std::move(updated);
    emit tenderChanged();
    emit roundChanged();
    return {};
}

Result<QString> RoundDocument::awardWinner(CpaId lot, const QString &party) const
{
    if (const QString why = whyTenderFrozen(); !why.isEmpty())
        return Error{why};
    const Cpa *cpa = m_round.adoptedCpa(lot);
    if (!cpa)
        return Error{tr("Lot %1 is not a CPA of the adopted plan.").arg(lot.value())};
    const QStringList parties = awardParties(lot);
    if (!parties.contains(party))
        return Error{tr("The award for %1 is signed by %2; not by \"%3\".")
                         .arg(cpa->name, parties.join(QStringLiteral(", ")), party)};
    const QList<AwardSignature> signatures = m_round.tender.signaturesFor(lot);
    if (std::any_of(signatures.begin(), signatures.end(),
                    [&](const AwardSignature &a) { return a.party == party; }))
        return Error{tr("%1 has already signed the award for %2.").arg(party, cpa->name)};
    const TenderStatus status = tenderStatus(m_round);
    const LotProgress *progress = status.lot(lot);
    if (!progress || !progress->allAgreed())
        return Error{tr("Every score of every bid for %1 needs an agreed consensus before the "
                        "award is signed.")
                         .arg(cpa->name)};
    const Result<Evaluation> evaluation = evaluateTender(m_round);
    if (!evaluation)
        return evaluation.error();
    const LotResult *result = evaluation->lot(cpa->name);
    if (!result || !result->winner)
        return Error{tr("%1 has no sole winner: the award cannot be signed.").arg(cpa->name)};
    if (!signatures.isEmpty() && signatures.first().winner != *result->winner)
        return Error{tr("The winner has changed since %1 signed; the award cannot be co-signed.")
                         .arg(signatures.first().party)};
    return *result->winner;
}

Status RoundDocument::signAward(CpaId lot, const QString &party, const QString &name,
                                const QString &role, const QString &rationale)
{
    const Result<QString> winner = awardWinner(lot, party);
    if (!winner)
        return fail(winner.errorMessage());
    if (name.trimmed().isEmpty() || rationale.trimmed().isEmpty())
        return fail(tr("A signature needs the signatory's name and the reason for the award."));
    const Cpa *cpa = m_round.adoptedCpa(lot);
    const AwardSignature signature{lot,
                                   party,
                                   name.trimmed(),
                                   role.trimmed(),
                                   rationale.trimmed(),
                                   *winner,
                                   QDateTime::currentDateTimeUtc()};
    if (Status s = write(
            QStringLiteral("sign_award"), QStringLiteral("award:%1").arg(cpa->name), QString(),
            tr("%1 (%2, %3) recommends bid %4: %5")
                .arg(party, signature.name, signature.role, signature.winner, signature.rationale),
            [&](QSqlDatabase &db) { return TenderStore::insertAwardSignature(db, signature); });
        !s)
        return s;
    m_round.tender.awardSignatures.append(signature);
    // Undoing an edit made before a signature would change what was signed.
    m_undoStack->clear();
    emit tenderChanged();
    emit roundChanged();
    return {};
}

} // namespace CoCommission
