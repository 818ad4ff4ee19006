#include "core/commands/prioritycommands.h"

#include "core/commands/documentcommand.h"
#include "core/round/rounddocument.h"

#include <QCoreApplication>
#include <QUndoStack>

#include <algorithm>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Undo Commands", text);
}

QString cpaName(const RoundDocument *document, CpaId id)
{
    const Cpa *cpa = document->round().adoptedCpa(id);
    return cpa ? cpa->name : QString::number(id.value());
}

/** One partner's ranking as stored: the order and, for the points method, the points. */
struct Ranking
{
    QStringList order;
    QList<double> points;

    bool operator==(const Ranking &) const = default;
};

std::optional<Ranking> rankingOf(const Round &round, CpaId cpa, const QString &partner)
{
    for (const PartnerRankingRecord &r : round.rankings) {
        if (r.cpa == cpa && r.partner == partner)
            return Ranking{r.order, r.points};
    }
    return std::nullopt;
}

std::optional<PriorityDecision> decisionOf(const Round &round, CpaId cpa)
{
    for (const PriorityDecision &d : round.decisions) {
        if (d.cpa == cpa)
            return d;
    }
    return std::nullopt;
}

/** One partner's ranking for one CPA set, replaced or cleared. */
class SetPartnerRanking : public DocumentCommand
{
public:
    SetPartnerRanking(RoundDocument *document, CpaId cpa, const QString &partner,
                      const std::optional<Ranking> &ranking)
        : DocumentCommand(document)
        , m_cpa(cpa)
        , m_partner(partner)
        , m_old(rankingOf(document->round(), cpa, partner))
        , m_new(ranking)
    {
        const bool order = ranking.has_value();
        const QString text =
            order ? tr("Rank priority groups: %1 for %2") : tr("Clear ranking: %1 for %2");
        setText(text.arg(partner, cpaName(document, cpa)));
    }

    void redo() override { record(apply(m_new)); }
    void undo() override { record(apply(m_old)); }

private:
    Status apply(const std::optional<Ranking> &ranking)
    {
        if (!ranking)
            return m_document->setPartnerRanking(m_cpa, m_partner, std::nullopt);
        return m_document->setPartnerRanking(m_cpa, m_partner, ranking->order, ranking->points);
    }

    CpaId m_cpa;
    QString m_partner;
    std::optional<Ranking> m_old; ///< nullopt: there was no ranking
    std::optional<Ranking> m_new; ///< nullopt: the ranking is cleared
};

/** The decision on one CPA's priorities recorded, replaced or removed. */
class SetPriorityDecision : public DocumentCommand
{
public:
    SetPriorityDecision(RoundDocument *document, CpaId cpa,
                        const std::optional<PriorityDecision> &decision)
        : DocumentCommand(document)
        , m_cpa(cpa)
        , m_old(decisionOf(document->round(), cpa))
        , m_new(decision)
    {
        QString text;
        if (!decision)
            text = tr("Remove priorities decision for %1");
        else if (m_old)
            text = tr("Replace priorities decision for %1");
        else
            text = tr("Record priorities decision for %1");
        setText(text.arg(cpaName(document, cpa)));
    }

    void redo() override
    {
        const Status s = m_document->setPriorityDecision(m_cpa, m_new);
        // The document stamps the time of a new decision; a later redo restores that time.
        if (s && m_new)
            m_new = decisionOf(m_document->round(), m_cpa);
        record(s);
    }
    void undo() override { record(m_document->setPriorityDecision(m_cpa, m_old)); }

private:
    CpaId m_cpa;
    std::optional<PriorityDecision> m_old;
    std::optional<PriorityDecision> m_new;
};

/** The round's priority places replaced. */
class SetPriorityPlaces : public DocumentCommand
{
public:
    SetPriorityPlaces(RoundDocument *document, const QStringList &codes)
        : DocumentCommand(document)
        , m_old(document->round().priorityPlaces)
        , m_new(codes)
    {
        setText(tr("Change priority places"));
    }

    void redo() override { record(m_document->setPriorityPlaces(m_new)); }
    void undo() override { record(m_document->setPriorityPlaces(m_old)); }

private:
    QStringList m_old;
    QStringList m_new;
};

/** The method that combines the partners' rankings changed. */
class SetPriorityMethod : public DocumentCommand
{
public:
    SetPriorityMethod(RoundDocument *document, RankingMethod method)
        : DocumentCommand(document)
        , m_old(document->round().priorityMethod)
        , m_new(method)
    {
        setText(method == RankingMethod::PointsSum ? tr("Combine rankings by points sum")
                                                   : tr("Combine rankings by Borda count"));
    }

    void redo() override { record(m_document->setPriorityMethod(m_new)); }
    void undo() override { record(m_document->setPriorityMethod(m_old)); }

private:
    RankingMethod m_old;
    RankingMethod m_new;
};

} // namespace

namespace Commands {

namespace {

/** Why stage 2's content cannot be changed now, as an error; fine when it can. */
Status prioritiesEditable(RoundDocument *document)
{
    if (const QString why = document->whyNotEditable(); !why.isEmpty())
        return Error{why};
    if (const QString why = document->whyPrioritiesFrozen(); !why.isEmpty())
        return Error{why};
    return {};
}

} // namespace

Status setPartnerRanking(RoundDocument *document, CpaId cpa, const QString &partner,
                         const std::optional<QStringList> &order, const QList<double> &points)
{
    std::optional<Ranking> ranking;
    if (order)
        ranking = Ranking{*order, points};
    if (rankingOf(document->round(), cpa, partner) == ranking)
        return {};
    if (Status s = prioritiesEditable(document); !s)
        return s;
    return pushCommand(document, new SetPartnerRanking(document, cpa, partner, ranking));
}

Status setPriorityDecision(RoundDocument *document, CpaId cpa,
                           const std::optional<PriorityDecision> &decision)
{
    const std::optional<PriorityDecision> current = decisionOf(document->round(), cpa);
    if (!current && !decision)
        return {};
    if (current && decision && current->order == decision->order &&
        current->rationale == decision->rationale.trimmed())
        return {};
    if (Status s = prioritiesEditable(document); !s)
        return s;
    return pushCommand(document, new SetPriorityDecision(document, cpa, decision));
}

Status setPriorityPlaces(RoundDocument *document, const QStringList &codes)
{
    if (codes == document->round().priorityPlaces)
        return {};
    if (Status s = prioritiesEditable(document); !s)
        return s;
    return pushCommand(document, new SetPriorityPlaces(document, codes));
}

Status setPriorityMethod(RoundDocument *document, RankingMethod method)
{
    if (method == document->round().priorityMethod)
        return {};
    if (Status s = prioritiesEditable(document); !s)
        return s;
    return pushCommand(document, new SetPriorityMethod(document, method));
}

} // namespace Commands
} // namespace CoCommission
