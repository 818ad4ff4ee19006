#include "core/commands/tendercommands.h"

#include "core/commands/documentcommand.h"
#include "core/round/rounddocument.h"

#include <QCoreApplication>

#include <functional>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Undo Commands", text);
}

/**
 * A stage 5 edit as two calls on the document. The redo call may keep what the document
 * stamped (a time) so that a later redo restores the very same record.
 */
class TenderCommand : public DocumentCommand
{
public:
    using Step = std::function<Status(RoundDocument *)>;

    TenderCommand(RoundDocument *document, const QString &text, Step redo, Step undo)
        : DocumentCommand(document)
        , m_redo(std::move(redo))
        , m_undo(std::move(undo))
    {
        setText(text);
    }

    void redo() override { record(m_redo(m_document)); }
    void undo() override { record(m_undo(m_document)); }

private:
    Step m_redo;
    Step m_undo;
};

Status push(RoundDocument *document, const QString &text, TenderCommand::Step redo,
            TenderCommand::Step undo)
{
    if (const QString why = document->whyTenderFrozen(); !why.isEmpty())
        return Error{why};
    return pushCommand(document,
                       new TenderCommand(document, text, std::move(redo), std::move(undo)));
}

template<class T>
std::optional<T> copyOf(const T *value)
{
    return value ? std::optional<T>(*value) : std::nullopt;
}

} // namespace

Status Commands::setCriteria(RoundDocument *document, const QList<Criterion> &criteria,
                             PriceFormula formula, double abnormallyLowPercent,
                             const QString &reason)
{
    const Tender &old = document->round().tender;
    if (old.criteria == criteria && old.priceFormula == formula &&
        old.abnormallyLowPercent == abnormallyLowPercent)
        return {};
    const QList<Criterion> oldCriteria = old.criteria;
    const PriceFormula oldFormula = old.priceFormula;
    const double oldThreshold = old.abnormallyLowPercent;
    const QString undoReason =
        reason.trimmed().isEmpty() ? QString() : tr("Undone: %1").arg(reason.trimmed());
    return push(
        document, tr("Change the award criteria"),
        [=](RoundDocument *d) {
            return d->setCriteria(criteria, formula, abnormallyLowPercent, reason);
        },
        [=](RoundDocument *d) {
            return d->setCriteria(oldCriteria, oldFormula, oldThreshold, undoReason);
        });
}

Status Commands::setBidsOpened(RoundDocument *document, bool opened)
{
    if (document->round().tender.bidsOpened() == opened)
        return {};
    auto at = std::make_shared<QDateTime>();
    return push(
        document, opened ? tr("Open the bids") : tr("Close the bids"),
        [=](RoundDocument *d) {
            if (!opened)
                return d->setBidsOpened(std::nullopt);
            const Status s = d->setBidsOpened(*at);
            if (s)
                *at = d->round().tender.bidsOpenedAt;
            return s;
        },
        [=](RoundDocument *d) {
            return opened ? d->setBidsOpened(std::nullopt) : d->setBidsOpened(*at);
        });
}

Status Commands::setModerationOpened(RoundDocument *document, bool opened)
{
    if (document->round().tender.moderationOpen() == opened)
        return {};
    auto at = std::make_shared<QDateTime>(document->round().tender.moderationOpenedAt);
    return push(
        document, opened ? tr("Open moderation") : tr("Close moderation"),
        [=](RoundDocument *d) {
            if (!opened)
                return d->setModerationOpened(std::nullopt);
            const Status s = d->setModerationOpened(QDateTime());
            if (s)
                *at = d->round().tender.moderationOpenedAt;
            return s;
        },
        [=](RoundDocument *d) {
            return opened ? d->setModerationOpened(std::nullopt) : d->setModerationOpened(*at);
        });
}

Status Commands::setBid(RoundDocument *document, const TenderBid &bid)
{
    const Tender &t = document->round().tender;
    const std::optional<TenderBid> old = copyOf(t.bid(bid.id));
    if (old && *old == bid)
        return {};
    return push(
        document, old ? tr("Change bid %1").arg(bid.id) : tr("Add bid %1").arg(bid.id),
        [=](RoundDocument *d) { return d->setBid(bid); },
        [=](RoundDocument *d) { return old ? d->setBid(*old) : d->removeBid(bid.id); });
}

Status Commands::removeBid(RoundDocument *document, const QString &bidId)
{
    const QList<TenderBid> &bids = document->round().tender.bids;
    const auto it =
        std::find_if(bids.begin(), bids.end(), [&](const TenderBid &b) { return b.id == bidId; });
    if (it == bids.end())
        return Error{tr("There is no bid \"%1\".").arg(bidId)};
    const TenderBid old = *it;
    const int position = int(it - bids.begin());
    return push(
        document, tr("Remove bid %1").arg(bidId),
        [=](RoundDocument *d) { return d->removeBid(bidId); },
        [=](RoundDocument *d) { return d->setBid(old, position); });
}

Status Commands::setAssessor(RoundDocument *document, const Assessor &assessor)
{
    const std::optional<Assessor> old = copyOf(document->round().tender.assessor(assessor.name));
    if (old && *old == assessor)
        return {};
    return push(
        document,
        old ? tr("Change assessor %1").arg(assessor.name)
            : tr("Add %1 to the panel").arg(assessor.name),
        [=](RoundDocument *d) { return d->setAssessor(assessor); },
        [=](RoundDocument *d) {
            return old ? d->setAssessor(*old) : d->removeAssessor(assessor.name);
        });
}

Status Commands::removeAssessor(RoundDocument *document, const QString &name)
{
    const QList<Assessor> &panel = document->round().tender.panel;
    const auto it =
        std::find_if(panel.begin(), panel.end(), [&](const Assessor &a) { return a.name == name; });
    if (it == panel.end())
        return Error{tr("%1 is not on the assessment panel.").arg(name)};
    const Assessor old = *it;
    const int position = int(it - panel.begin());
    return push(
        document, tr("Remove %1 from the panel").arg(name),
        [=](RoundDocument *d) { return d->removeAssessor(name); },
        [=](RoundDocument *d) { return d->setAssessor(old, position); });
}

Status Commands::setConflict(RoundDocument *document, const QString &assessor,
                             const QString &bidder,
                             const std::optional<ConflictDeclaration> &declaration)
{
    const std::optional<ConflictDeclaration> old =
        copyOf(document->round().tender.conflict(assessor, bidder));
    auto done = std::make_shared<std::optional<ConflictDeclaration>>(declaration);
    return push(
        document, tr("Declaration of interest: %1 and %2").arg(assessor, bidder),
        [=](RoundDocument *d) {
            const Status s = d->setConflict(assessor, bidder, *done);
            if (s)
                *done = copyOf(d->round().tender.conflict(assessor, bidder));
            return s;
        },
        [=](RoundDocument *d) { return d->setConflict(assessor, bidder, old); });
}

Status Commands::setScore(RoundDocument *document, const QString &assessor, const QString &bidId,
                          const QString &criterionId, const std::optional<IndividualScore> &score)
{
    const std::optional<IndividualScore> old =
        copyOf(document->round().tender.score(assessor, bidId, criterionId));
    if (!old && !score)
        return {};
    auto done = std::make_shared<std::optional<IndividualScore>>(score);
    return push(
        document,
        score ? tr("Score bid %1 on %2").arg(bidId, criterionId)
              : tr("Withdraw score of bid %1 on %2").arg(bidId, criterionId),
        [=](RoundDocument *d) {
            const Status s = d->setScore(assessor, bidId, criterionId, *done);
            if (s)
                *done = copyOf(d->round().tender.score(assessor, bidId, criterionId));
            return s;
        },
        [=](RoundDocument *d) { return d->setScore(assessor, bidId, criterionId, old); });
}

Status Commands::setConsensus(RoundDocument *document, const QString &bidId,
                              const QString &criterionId,
                              const std::optional<ModeratedScore> &consensus)
{
    const std::optional<ModeratedScore> old =
        copyOf(document->round().tender.moderated(bidId, criterionId));
    if (!old && !consensus)
        return {};
    auto done = std::make_shared<std::optional<ModeratedScore>>(consensus);
    return push(
        document,
        consensus ? tr("Agree the score of bid %1 on %2").arg(bidId, criterionId)
                  : tr("Reopen the score of bid %1 on %2").arg(bidId, criterionId),
        [=](RoundDocument *d) {
            const Status s = d->setConsensus(bidId, criterionId, *done);
            if (s)
                *done = copyOf(d->round().tender.moderated(bidId, criterionId));
            return s;
        },
        [=](RoundDocument *d) { return d->setConsensus(bidId, criterionId, old); });
}

Status Commands::replaceTender(RoundDocument *document, const Tender &tender, const QString &text)
{
    const Tender old = document->round().tender;
    return push(
        document, text, [=](RoundDocument *d) { return d->replaceTender(tender); },
        [=](RoundDocument *d) { return d->replaceTender(old); });
}

} // namespace CoCommission
