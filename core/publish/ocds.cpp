// The round as an OCDS 1.1 release package. One contracting process (one ocid), published as
// one release that carries what the round has reached: planning always, the tender once the
// adopted plan gives it lots, awards and contracts once a lot has a recommended winner.
#include "core/publish/ocds.h"

#include "core/design/financialmodel.h"
#include "core/evaluation/criteria.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/needs/indicators.h"
#include "core/round/round.h"
#include "core/round/roundnames.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

namespace CoCommission::Ocds {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::Ocds", text, disambiguation, n);
}

const QString kDwpId = QStringLiteral("dwp");

/** Inserts \a value unless it is empty: the schema forbids empty strings in places. */
void put(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.trimmed().isEmpty())
        object.insert(key, value);
}

void put(QJsonObject &object, const QString &key, const QJsonArray &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

void put(QJsonObject &object, const QString &key, const QJsonObject &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

QString dateTime(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODate);
}

/** A day of the timeline as a date-time in London: its start, or its end for a deadline. */
QString dayTime(const QDate &day, bool endOfDay = false)
{
    const QTimeZone london(QByteArrayLiteral("Europe/London"));
    const QTime time = endOfDay ? QTime(23, 59, 59) : QTime(0, 0);
    const QDateTime at =
        london.isValid() ? QDateTime(day, time, london) : QDateTime(day, time, QTimeZone::utc());
    return at.toString(Qt::ISODate);
}

QString money(double amount)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(amount, 'f', 0);
}

QJsonObject value(double amount)
{
    return {{QStringLiteral("amount"), std::round(amount * 100.0) / 100.0},
            {QStringLiteral("currency"), QStringLiteral("GBP")}};
}

QString illustrativeNote()
{
    return tr("Illustrative (demo) data: invented to show the export working; not a real "
              "procurement.");
}

/** " Illustrative (demo) data: ..." appended to \a text when \a illustrative. */
QString withNote(const QString &text, bool illustrative)
{
    QString sentence = text.trimmed();
    if (!sentence.isEmpty() && !sentence.endsWith(u'.'))
        sentence += u'.';
    if (!illustrative)
        return sentence;
    return sentence.isEmpty() ? illustrativeNote() : sentence + u' ' + illustrativeNote();
}

QString lotId(CpaId cpa)
{
    return QStringLiteral("lot-%1").arg(cpa.value());
}

/** The payment scenario the budget comes from: the contract profile's, else the first. */
const PaymentScenario *budgetScenario(const Round &round)
{
    for (const PaymentScenario &s : round.design.scenarios) {
        const QString &source = round.monitoring.profile.source;
        if (source.contains(QStringLiteral("\u201c%1\u201d").arg(s.name)) ||
            source.contains(QStringLiteral("\"%1\"").arg(s.name)))
            return &s;
    }
    return round.design.scenarios.isEmpty() ? nullptr : &round.design.scenarios.first();
}

const Milestone *firstMilestone(const Round &round, MilestoneKind kind)
{
    const Milestone *found = nullptr;
    for (const Milestone &m : round.supply.milestones) {
        if (m.kind == kind && m.start.isValid() && (!found || m.start < found->start))
            found = &m;
    }
    return found;
}

QString milestoneType(MilestoneKind kind)
{
    switch (kind) {
    case MilestoneKind::PriorInformationNotice:
        return QStringLiteral("preProcurement");
    case MilestoneKind::EngagementEvent:
    case MilestoneKind::SupplyChainFormation:
        return QStringLiteral("engagement");
    case MilestoneKind::TenderNotice:
    case MilestoneKind::BidDeadline:
    case MilestoneKind::Evaluation:
        return QStringLiteral("assessment");
    case MilestoneKind::Award:
    case MilestoneKind::Standstill:
        return QStringLiteral("approval");
    case MilestoneKind::GoLive:
        return QStringLiteral("delivery");
    }
    return QStringLiteral("delivery");
}

/** Builds the release from the round; one instance per export. */
class Builder
{
public:
    Builder(const Round &round, const QDateTime &publishedAt)
        : m_round(round)
        , m_publishedAt(publishedAt.toUTC())
        , m_plan(round.adoptedPlan())
    {
        if (const PaymentScenario *s = budgetScenario(round)) {
            Result<ScenarioForecast> f = forecastScenario(round, *s, 0);
            if (f)
                m_forecast = *f;
        }
    }

    QJsonObject release()
    {
        const QString ocid = Ocds::ocid(m_round);
        QJsonObject r{
            {QStringLiteral("ocid"), ocid},
            {QStringLiteral("id"),
             ocid + u'-' + m_publishedAt.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))},
            {QStringLiteral("date"), dateTime(m_publishedAt)},
            {QStringLiteral("initiationType"), QStringLiteral("tender")},
            {QStringLiteral("language"), QStringLiteral("en")},
        };
        QJsonArray tags{QStringLiteral("planning")};
        addAuthorities();
        put(r, QStringLiteral("planning"), planning());
        if (m_plan && !m_plan->cpas.isEmpty()) {
            const QJsonObject t = tender();
            r.insert(QStringLiteral("tender"), t);
            if (tenderPublished())
                tags.append(QStringLiteral("tender"));
            const auto [awards, contracts] = awardsAndContracts();
            if (!awards.isEmpty())
                tags.append(QStringLiteral("award"));
            if (!contracts.isEmpty())
                tags.append(QStringLiteral("contract"));
            put(r, QStringLiteral("awards"), awards);
            put(r, QStringLiteral("contracts"), contracts);
        }
        r.insert(QStringLiteral("tag"), tags);
        r.insert(QStringLiteral("buyer"), reference(m_buyer));
        r.insert(QStringLiteral("parties"), parties());
        return r;
    }

private:
    struct Party
    {
        QString id;
        QString name;
        QStringList roles;
        QJsonObject details;
    };

    QJsonObject reference(const QString &id) const
    {
        for (const Party &p : m_parties) {
            if (p.id == id)
                return {{QStringLiteral("id"), p.id}, {QStringLiteral("name"), p.name}};
        }
        return {{QStringLiteral("id"), id}};
    }

    Party &party(const QString &id, const QString &name)
    {
        for (Party &p : m_parties) {
            if (p.id == id)
                return p;
        }
        m_parties.append({id, name, {}, {}});
        return m_parties.last();
    }

    static void addRole(Party &p, const QString &role)
    {
        if (!p.roles.contains(role))
            p.roles.append(role);
    }

    /**
     * DWP and the boroughs. Under co-commissioning DWP buys and runs the procurement with the
     * partnerships' lead authorities; under the devolved models the lead authority of the
     * first partnership is the buyer and procuring entity, and DWP funds.
     */
    void addAuthorities()
    {
        // party() may grow m_parties: no reference is kept across calls.
        addRole(party(kDwpId, tr("Department for Work and Pensions")), QStringLiteral("funder"));
        QStringList leads;
        for (const Partnership &p : m_round.partnerships) {
            const bool inRound =
                std::any_of(p.members.begin(), p.members.end(),
                            [&](const QString &c) { return m_round.authority(c); });
            if (!inRound)
                continue;
            const QString id = p.leadAuthority.isEmpty()
                                   ? QStringLiteral("partnership-") + slug(p.name)
                                   : p.leadAuthority;
            const QString name =
                p.leadAuthority.isEmpty() ? p.name : authorityName(m_round, p.leadAuthority);
            Party &lead = party(id, name);
            QJsonArray partnerships = lead.details.value(QStringLiteral("partnerships")).toArray();
            partnerships.append(p.name);
            lead.details.insert(QStringLiteral("partnerships"), partnerships);
            leads.append(id);
        }
        if (m_round.model == DevolutionModel::CoCommissioning || leads.isEmpty()) {
            m_buyer = kDwpId;
            addRole(party(kDwpId, {}), QStringLiteral("buyer"));
            addRole(party(kDwpId, {}), QStringLiteral("procuringEntity"));
            for (const QString &id : leads)
                addRole(party(id, {}), QStringLiteral("buyer"));
        } else {
            m_buyer = leads.first();
            for (const QString &id : leads)
                addRole(party(id, {}), QStringLiteral("buyer"));
            addRole(party(m_buyer, {}), QStringLiteral("procuringEntity"));
        }
    }

    /** A bidder: scale and VCSE from the provider register when the bidder is listed there. */
    QString addBidder(const QString &name, const QString &role)
    {
        const QString id = slug(name);
        Party &p = party(id, name);
        addRole(p, role);
        if (const Provider *provider = m_round.supply.provider(name)) {
            p.details.insert(QStringLiteral("scale"),
                             provider->sme ? QStringLiteral("sme") : QStringLiteral("large"));
            p.details.insert(QStringLiteral("vcse"),
                             provider->sector == ProviderSector::VoluntaryCommunity);
        }
        return id;
    }

    QJsonArray parties() const
    {
        QJsonArray list;
        for (const Party &p : m_parties) {
            QJsonObject o{{QStringLiteral("id"), p.id}, {QStringLiteral("name"), p.name}};
            o.insert(QStringLiteral("roles"), QJsonArray::fromStringList(p.roles));
            put(o, QStringLiteral("details"), p.details);
            list.append(o);
        }
        return list;
    }

    QJsonObject planning() const
    {
        QJsonObject planning;
        QStringList rationale;
        QJsonArray documents;
        const Indicators indicators(m_round);
        for (const LabourMarketAgreement &a : m_round.agreements) {
            const Cpa *cpa = m_round.adoptedCpa(a.cpa);
            if (!cpa)
                continue;
            if (!a.narrative.trimmed().isEmpty())
                rationale.append(QStringLiteral("%1: %2").arg(cpa->name, a.narrative.trimmed()));
            QStringList parts;
            if (!a.narrative.trimmed().isEmpty())
                parts << a.narrative.trimmed();
            QStringList figures;
            for (const QString &id : a.headlineIndicators) {
                const IndicatorInfo *info = indicators.find(id);
                if (!info || info->dates.isEmpty())
                    continue;
                const std::optional<double> v =
                    indicators.value(id, cpa->members, info->dates.last());
                if (v) {
                    const bool whole = std::abs(*v - std::round(*v)) < 1e-9;
                    figures << QStringLiteral("%1 %2 (%3)")
                                   .arg(info->name,
                                        QLocale(QLocale::English, QLocale::UnitedKingdom)
                                            .toString(*v, 'f', whole ? 0 : 1),
                                        info->dates.last());
                }
            }
            if (!figures.isEmpty())
                parts << tr("Headline indicators: %1.").arg(figures.join(QStringLiteral("; ")));
            QStringList groups;
            for (const QString &key : a.priorityGroups) {
                const auto it =
                    std::find_if(m_round.priorityGroups.begin(), m_round.priorityGroups.end(),
                                 [&](const PriorityGroup &g) { return g.key == key; });
                groups << (it == m_round.priorityGroups.end() ? key : it->name);
            }
            if (!groups.isEmpty())
                parts << tr("Priority groups: %1.").arg(groups.join(QStringLiteral("; ")));
            QJsonObject doc{
                {QStringLiteral("id"), QStringLiteral("needs-%1").arg(cpa->id.value())},
                {QStringLiteral("documentType"), QStringLiteral("needsAssessment")},
                {QStringLiteral("title"), tr("Local Labour Market Agreement: %1").arg(cpa->name)},
                {QStringLiteral("language"), QStringLiteral("en")},
            };
            put(doc, QStringLiteral("description"),
                withNote(parts.join(u' '), m_round.hasIllustrativeFigures()));
            if (a.updatedAt.isValid())
                doc.insert(QStringLiteral("dateModified"), dateTime(a.updatedAt));
            documents.append(doc);
        }
        for (const NeedsDataset &d : m_round.datasets) {
            QJsonObject doc{
                {QStringLiteral("id"), QStringLiteral("dataset-%1").arg(d.id)},
                {QStringLiteral("documentType"), QStringLiteral("needsAssessment")},
                {QStringLiteral("language"), QStringLiteral("en")},
            };
            put(doc, QStringLiteral("title"),
                d.name.isEmpty() ? tr("Labour-market figures") : d.name);
            put(doc, QStringLiteral("description"),
                withNote(tr("Labour-market figures behind the needs assessment. Source: %1.")
                             .arg(d.source.isEmpty() ? tr("not stated") : d.source),
                         d.illustrative));
            if (d.importedAt.isValid())
                doc.insert(QStringLiteral("datePublished"), dateTime(d.importedAt));
            documents.append(doc);
        }
        if (!rationale.isEmpty())
            put(planning, QStringLiteral("rationale"),
                withNote(tr("The needs evidence of the Local Labour Market Agreements. %1")
                             .arg(rationale.join(u' ')),
                         m_round.hasIllustrativeFigures()));
        put(planning, QStringLiteral("documents"), documents);
        if (m_forecast) {
            QJsonObject budget{
                {QStringLiteral("id"), QStringLiteral("budget")},
                {QStringLiteral("amount"), value(m_forecast->cost)},
                {QStringLiteral("description"),
                 withNote(
                     tr("Expected cost to the commissioner of the payment scenario \u201c%1\u201d "
                        "over %2 years of referrals (stage 3 financial model): \u00a3%3.")
                         .arg(m_forecast->scenario)
                         .arg(m_forecast->contractYears)
                         .arg(money(m_forecast->cost)),
                     m_round.design.illustrative)},
            };
            put(budget, QStringLiteral("project"), m_round.programme);
            planning.insert(QStringLiteral("budget"), budget);
        }
        QJsonArray milestones;
        for (const Milestone &m : m_round.supply.milestones) {
            if (m.kind <= MilestoneKind::SupplyChainFormation)
                milestones.append(milestone(m));
        }
        put(planning, QStringLiteral("milestones"), milestones);
        return planning;
    }

    QJsonObject milestone(const Milestone &m) const
    {
        const int index = int(m_round.supply.milestones.indexOf(m));
        QJsonObject o{
            {QStringLiteral("id"),
             QStringLiteral("%1-%2").arg(milestoneKey(m.kind)).arg(index + 1)},
            {QStringLiteral("title"), m.name.isEmpty() ? milestoneName(m.kind) : m.name},
            {QStringLiteral("type"), milestoneType(m.kind)},
            {QStringLiteral("code"), milestoneKey(m.kind)},
        };
        if (m.end.isValid())
            o.insert(QStringLiteral("dueDate"), dayTime(m.end, true));
        if (m.start.isValid() && m.end.isValid() && m.start != m.end)
            put(o, QStringLiteral("description"),
                withNote(tr("From %1 to %2.")
                             .arg(m.start.toString(Qt::ISODate), m.end.toString(Qt::ISODate)),
                         m_round.supply.illustrativeTimeline));
        else if (m_round.supply.illustrativeTimeline)
            o.insert(QStringLiteral("description"), illustrativeNote());
        if (m.end.isValid() && m.end > m_publishedAt.date())
            o.insert(QStringLiteral("status"), QStringLiteral("scheduled"));
        return o;
    }

    bool tenderPublished() const
    {
        return !m_round.tender.criteria.isEmpty() || !m_round.tender.bids.isEmpty();
    }

    QJsonObject period(const QDate &start, const QDate &end) const
    {
        QJsonObject p;
        if (start.isValid())
            p.insert(QStringLiteral("startDate"), dayTime(start));
        if (end.isValid())
            p.insert(QStringLiteral("endDate"), dayTime(end, true));
        return p;
    }

    QJsonObject contractPeriod() const
    {
        const ContractProfile &profile = m_round.monitoring.profile;
        if (profile.hasPeriod())
            return period(profile.start, profile.end().addMonths(1).addDays(-1));
        if (const Milestone *live = firstMilestone(m_round, MilestoneKind::GoLive);
            live && m_forecast)
            return period(live->start, live->start.addYears(m_forecast->contractYears).addDays(-1));
        return {};
    }

    QJsonObject tender()
    {
        const Tender &t = m_round.tender;
        QJsonObject tender{
            {QStringLiteral("id"), ocid(m_round) + QStringLiteral("-tender")},
            {QStringLiteral("mainProcurementCategory"), QStringLiteral("services")},
            {QStringLiteral("procurementMethod"), QStringLiteral("open")},
            {QStringLiteral("procurementMethodDetails"),
             tr("Open competition with one lot per Contract Package Area of the adopted plan "
                "\u201c%1\u201d.")
                 .arg(m_plan->name)},
            {QStringLiteral("procuringEntity"),
             reference(m_round.model == DevolutionModel::CoCommissioning ? kDwpId : m_buyer)},
        };
        put(tender, QStringLiteral("title"), m_round.title);
        put(tender, QStringLiteral("description"),
            withNote(m_round.programme, t.illustrative || m_round.hasIllustrativeFigures()));

        bool complete = !t.bids.isEmpty();
        QJsonArray lots, items;
        for (const Cpa &cpa : m_plan->cpas) {
            QStringList names;
            for (const QString &code : cpa.members)
                names << authorityName(m_round, code);
            QJsonObject lot{
                {QStringLiteral("id"), lotId(cpa.id)},
                {QStringLiteral("title"), cpa.name},
                {QStringLiteral("description"),
                 tr("Contract Package Area of %n authority(ies): %1.", nullptr, int(names.size()))
                     .arg(names.join(QStringLiteral(", ")))},
            };
            if (m_forecast) {
                for (const CpaForecast &f : m_forecast->cpas) {
                    if (f.cpa == cpa.id)
                        lot.insert(QStringLiteral("value"), value(f.cost));
                }
            }
            lots.append(lot);
            items.append(QJsonObject{
                {QStringLiteral("id"), QStringLiteral("item-%1").arg(cpa.id.value())},
                {QStringLiteral("description"),
                 tr("Specialist employment support in %1").arg(cpa.name)},
                {QStringLiteral("classification"),
                 QJsonObject{
                     {QStringLiteral("scheme"), QStringLiteral("CPV")},
                     {QStringLiteral("id"), QStringLiteral("79611000")},
                     {QStringLiteral("description"), QStringLiteral("Job search services")}}},
                {QStringLiteral("relatedLot"), lotId(cpa.id)},
            });
            complete = complete && allSigned(cpa);
        }
        tender.insert(QStringLiteral("lots"), lots);
        tender.insert(QStringLiteral("items"), items);
        if (m_forecast)
            tender.insert(QStringLiteral("value"), value(m_forecast->cost));

        if (!t.criteria.isEmpty()) {
            const Result<CriteriaTree> tree = CriteriaTree::fromList(t.criteria);
            const bool priceOnly = tree && tree->totalWeight(CriterionType::Price) >= 100 - 1e-6;
            tender.insert(QStringLiteral("awardCriteria"), priceOnly
                                                               ? QStringLiteral("priceOnly")
                                                               : QStringLiteral("ratedCriteria"));
            put(tender, QStringLiteral("awardCriteriaDetails"), criteriaDetails(t.criteria));
        }

        const Milestone *notice = firstMilestone(m_round, MilestoneKind::TenderNotice);
        const Milestone *deadline = firstMilestone(m_round, MilestoneKind::BidDeadline);
        put(tender, QStringLiteral("tenderPeriod"),
            period(notice ? notice->start : QDate(), deadline ? deadline->end : QDate()));
        const Milestone *evaluation = firstMilestone(m_round, MilestoneKind::Evaluation);
        const Milestone *award = firstMilestone(m_round, MilestoneKind::Award);
        put(tender, QStringLiteral("awardPeriod"),
            period(evaluation ? evaluation->start : QDate(), award ? award->end : QDate()));
        put(tender, QStringLiteral("contractPeriod"), contractPeriod());
        QJsonArray milestones;
        for (const Milestone &m : m_round.supply.milestones) {
            if (m.kind >= MilestoneKind::TenderNotice && m.kind <= MilestoneKind::Standstill)
                milestones.append(milestone(m));
        }
        put(tender, QStringLiteral("milestones"), milestones);

        QStringList bidders;
        QJsonArray tenderers;
        for (const TenderBid &b : t.bids) {
            if (b.bidder.trimmed().isEmpty() || bidders.contains(b.bidder))
                continue;
            bidders << b.bidder;
            tenderers.append(reference(addBidder(b.bidder, QStringLiteral("tenderer"))));
        }
        if (t.bidsOpened() && !bidders.isEmpty()) {
            tender.insert(QStringLiteral("numberOfTenderers"), int(bidders.size()));
            tender.insert(QStringLiteral("tenderers"), tenderers);
        }

        QString status = QStringLiteral("planning");
        if (complete)
            status = QStringLiteral("complete");
        else if (tenderPublished())
            status = QStringLiteral("active");
        else if (notice)
            status = QStringLiteral("planned");
        tender.insert(QStringLiteral("status"), status);
        return tender;
    }

    bool allSigned(const Cpa &cpa) const
    {
        const QList<AwardSignature> signatures = m_round.tender.signaturesFor(cpa.id);
        return !signatures.isEmpty() && signatures.size() >= m_round.priorityPartners(cpa).size();
    }

    /** "Quality 70%; ... Criteria: Local service integration 20% (...)". */
    static QString criteriaDetails(const QList<Criterion> &criteria)
    {
        const Result<CriteriaTree> tree = CriteriaTree::fromList(criteria);
        const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
        const auto percent = [&](double v) {
            return uk.toString(v, 'g', 4) + u'%';
        };
        if (!tree) {
            QStringList plain;
            for (const Criterion &c : criteria)
                plain << QStringLiteral("%1 %2").arg(c.name, percent(c.weightPercent));
            return tr("Award criteria and weights: %1.").arg(plain.join(QStringLiteral("; ")));
        }
        const std::function<QString(const QString &)> describe = [&](const QString &id) {
            const Criterion &c = tree->criterion(id);
            QString text = QStringLiteral("%1 %2").arg(c.name, percent(c.weightPercent));
            if (c.type == CriterionType::PassFail)
                text += tr(" (pass or fail)");
            const QStringList children = tree->children(id);
            if (!children.isEmpty()) {
                QStringList parts;
                for (const QString &child : children)
                    parts << describe(child);
                text += QStringLiteral(" (%1)").arg(parts.join(QStringLiteral(", ")));
            }
            return text;
        };
        QStringList top;
        for (const QString &id : tree->children(QString()))
            top << describe(id);
        return tr("Marks out of 100: quality %1, social value %2, price %3. Criteria, each weight "
                  "a share of its level: %4.")
            .arg(percent(tree->totalWeight(CriterionType::Quality)),
                 percent(tree->totalWeight(CriterionType::SocialValue)),
                 percent(tree->totalWeight(CriterionType::Price)), top.join(QStringLiteral("; ")));
    }

    /** One award per lot with a recommended or signed winner, and its contract. */
    std::pair<QJsonArray, QJsonArray> awardsAndContracts()
    {
        QJsonArray awards, contracts;
        const Tender &t = m_round.tender;
        std::optional<Evaluation> evaluation;
        if (!t.bids.isEmpty()) {
            // A lot whose scores are incomplete has no recommendation yet, only signatures.
            if (Result<Evaluation> e = evaluateTender(m_round))
                evaluation = *e;
        }
        const TenderStatus status = tenderStatus(m_round);
        for (const Cpa &cpa : m_plan->cpas) {
            const QList<AwardSignature> signatures = t.signaturesFor(cpa.id);
            QString winnerId;
            const LotResult *result = evaluation ? evaluation->lot(cpa.name) : nullptr;
            if (!signatures.isEmpty())
                winnerId = signatures.first().winner;
            else if (result && result->winner)
                winnerId = *result->winner;
            const TenderBid *bid = winnerId.isEmpty() ? nullptr : t.bid(winnerId);
            if (!bid)
                continue;
            const bool active = allSigned(cpa);
            const LotProgress *progress = status.lot(cpa.id);
            const bool provisional = !progress || !progress->allAgreed();

            QStringList notes;
            if (active)
                notes << tr("Signed by %1.")
                             .arg(m_round.priorityPartners(cpa).join(QStringLiteral(", ")));
            else if (!signatures.isEmpty())
                notes << tr("Recommended; signed so far by %1 of %2 parties.")
                             .arg(signatures.size())
                             .arg(m_round.priorityPartners(cpa).size());
            else
                notes << tr("Recommended by the evaluation; not yet signed.");
            if (provisional && !active)
                notes << tr("Some scores are provisional until moderation agrees them.");
            if (result) {
                if (const BidResult *r = result->bid(bid->id))
                    notes << tr("Ranked first of %1 bids with %2 marks out of 100.")
                                 .arg(result->bids.size())
                                 .arg(QLocale(QLocale::English, QLocale::UnitedKingdom)
                                          .toString(r->total, 'f', 1));
            }

            const QString supplier = addBidder(bid->bidder, QStringLiteral("supplier"));
            const QString awardId = QStringLiteral("award-%1").arg(cpa.id.value());
            QJsonObject award{
                {QStringLiteral("id"), awardId},
                {QStringLiteral("title"), tr("Award of %1").arg(cpa.name)},
                {QStringLiteral("description"), withNote(notes.join(u' '), t.illustrative)},
                {QStringLiteral("status"),
                 active ? QStringLiteral("active") : QStringLiteral("pending")},
                {QStringLiteral("value"), value(bid->price)},
                {QStringLiteral("suppliers"), QJsonArray{reference(supplier)}},
                {QStringLiteral("relatedLots"), QJsonArray{lotId(cpa.id)}},
            };
            if (active) {
                QDateTime last;
                for (const AwardSignature &s : signatures)
                    last = std::max(last, s.signedAt);
                if (last.isValid())
                    award.insert(QStringLiteral("date"), dateTime(last));
            }
            put(award, QStringLiteral("contractPeriod"), contractPeriod());
            awards.append(award);
            contracts.append(contract(cpa, *bid, awardId, active));
        }
        return {awards, contracts};
    }

    QJsonObject contract(const Cpa &cpa, const TenderBid &bid, const QString &awardId,
                         bool awardActive) const
    {
        const ContractProfile &profile = m_round.monitoring.profile;
        const bool running =
            awardActive && profile.hasPeriod() && profile.start <= m_publishedAt.date();
        QJsonObject contract{
            {QStringLiteral("id"), QStringLiteral("contract-%1").arg(cpa.id.value())},
            {QStringLiteral("awardID"), awardId},
            {QStringLiteral("title"), tr("Specialist employment support in %1").arg(cpa.name)},
            {QStringLiteral("status"),
             running ? QStringLiteral("active") : QStringLiteral("pending")},
            {QStringLiteral("value"), value(bid.price)},
        };
        put(contract, QStringLiteral("description"),
            withNote(running ? QString()
                             : tr("Not yet in force: it awaits the award's signatures and the "
                                  "contract's start."),
                     m_round.tender.illustrative));
        put(contract, QStringLiteral("period"), contractPeriod());

        QJsonArray milestones;
        const Milestone *award = firstMilestone(m_round, MilestoneKind::Award);
        for (const Milestone &m : m_round.supply.milestones) {
            if (m.kind >= MilestoneKind::Standstill && (!award || m.start >= award->start))
                milestones.append(milestone(m));
        }
        if (profile.hasPeriod()) {
            const QString note = withNote(profile.source, profile.illustrative);
            QJsonObject start{
                {QStringLiteral("id"), QStringLiteral("contract-start")},
                {QStringLiteral("title"), tr("Contract starts")},
                {QStringLiteral("type"), QStringLiteral("delivery")},
                {QStringLiteral("dueDate"), dayTime(profile.start)},
            };
            put(start, QStringLiteral("description"), note);
            const QDate last = profile.end().addMonths(1).addDays(-1);
            QJsonObject end{
                {QStringLiteral("id"), QStringLiteral("contract-end")},
                {QStringLiteral("title"), tr("Contract ends")},
                {QStringLiteral("type"), QStringLiteral("delivery")},
                {QStringLiteral("dueDate"), dayTime(last, true)},
            };
            put(end, QStringLiteral("description"),
                withNote(tr("The end of the contract's %n month(s).", nullptr, profile.months),
                         profile.illustrative));
            if (profile.start > m_publishedAt.date())
                start.insert(QStringLiteral("status"), QStringLiteral("scheduled"));
            if (last > m_publishedAt.date())
                end.insert(QStringLiteral("status"), QStringLiteral("scheduled"));
            milestones.append(start);
            milestones.append(end);
        }
        if (!milestones.isEmpty())
            contract.insert(QStringLiteral("implementation"),
                            QJsonObject{{QStringLiteral("milestones"), milestones}});
        return contract;
    }

    const Round &m_round;
    QDateTime m_publishedAt;
    const CpaPlan *m_plan;
    std::optional<ScenarioForecast> m_forecast;
    QList<Party> m_parties;
    QString m_buyer;
};

} // namespace

QString ocidPrefix()
{
    return QStringLiteral("ocds-cocom");
}

QString lotsExtensionUrl()
{
    return QStringLiteral("https://raw.githubusercontent.com/open-contracting-extensions/"
                          "ocds_lots_extension/v1.1.5/extension.json");
}

QString slug(const QString &name)
{
    static const QRegularExpression nonWord(QStringLiteral("[^a-z0-9]+"));
    QString s = name.normalized(QString::NormalizationForm_KD).toLower();
    s.replace(nonWord, QStringLiteral("-"));
    while (s.startsWith(u'-'))
        s.remove(0, 1);
    while (s.endsWith(u'-'))
        s.chop(1);
    return s.isEmpty() ? QStringLiteral("organisation") : s;
}

QString ocid(const Round &round)
{
    return ocidPrefix() + u'-' + (round.uuid.isEmpty() ? QStringLiteral("unsaved") : round.uuid);
}

QJsonObject releasePackage(const Round &round, const QDateTime &publishedAt)
{
    const QDateTime at = publishedAt.toUTC();
    const QString ocid = Ocds::ocid(round);
    return {
        {QStringLiteral("uri"),
         QStringLiteral("urn:cocommission:ocds:%1:%2")
             .arg(ocid, at.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")))},
        {QStringLiteral("version"), QStringLiteral("1.1")},
        {QStringLiteral("extensions"), QJsonArray{lotsExtensionUrl()}},
        {QStringLiteral("publishedDate"), dateTime(at)},
        {QStringLiteral("publisher"),
         QJsonObject{{QStringLiteral("name"), round.programme.trimmed().isEmpty()
                                                  ? QStringLiteral("CoCommission")
                                                  : round.programme.trimmed()}}},
        {QStringLiteral("releases"), QJsonArray{Builder(round, at).release()}},
    };
}

QByteArray releasePackageJson(const Round &round, const QDateTime &publishedAt)
{
    return QJsonDocument(releasePackage(round, publishedAt)).toJson(QJsonDocument::Indented);
}

} // namespace CoCommission::Ocds
