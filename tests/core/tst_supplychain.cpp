#include "core/evaluation/supplychain.h"
#include "core/priorities/catalogue.h"
#include "core/round/round.h"

#include <QSet>
#include <QTest>

#include <algorithm>

using namespace CoCommission;

class TestSupplyChain : public QObject
{
    Q_OBJECT

private slots:
    void specialismList();
    void mappingCoversTheCatalogue();
    void unmappedGroupServedByItsOwnKey();
    void sharesOfHandCase();
    void emptySupplyChain();
    void prioritySource_data();
    void prioritySource();
    void integrationChecklist();
};

namespace {

const CpaId kNorth(1); // a priority decision (and an agreement, which the decision overrides)
const CpaId kSouth(2); // an agreement, and a decision without an order (ignored)
const CpaId kEast(3);  // neither: the whole catalogue

Subcontractor sub(const QString &name, ProviderSector sector, bool sme,
                  const QStringList &specialisms)
{
    return Subcontractor{name, sector, sme, specialisms};
}

Round round()
{
    Round r;
    CpaPlan plan;
    plan.id = PlanId(1);
    plan.name = "Plan";
    plan.adopted = true;
    plan.cpas = {Cpa{kNorth, "North", "#ff0000", {}}, Cpa{kSouth, "South", "#00ff00", {}},
                 Cpa{kEast, "East", "#0000ff", {}}};
    r.plans = {plan};
    r.priorityGroups = {PriorityGroup{"esa_wrag", "ESA WRAG", {}},
                        PriorityGroup{"homelessness", "Homeless", {}},
                        PriorityGroup{"care_leavers", "Care leavers", {}},
                        PriorityGroup{"veterans", "Armed forces veterans", {}}};
    r.decisions = {
        PriorityDecision{kNorth, {"homelessness", "esa_wrag", "care_leavers"}, "Why", {}},
        PriorityDecision{kSouth, {}, "Not yet ordered", {}}};
    r.agreements = {LabourMarketAgreement{kNorth, {}, {}, {"lone_parents"}, {}},
                    LabourMarketAgreement{kSouth, {}, {}, {"lone_parents", "ex_offenders"}, {}}};
    return r;
}

/*
 * Five subcontractors: four specialists (4/5), two voluntary and community (2/5), two SMEs
 * (2/5). North's groups: homelessness (Hope Housing), esa_wrag (MindWorks: mental_health),
 * care_leavers (nobody: Local Skills' skills is not among care_leavers' specialisms).
 */
TenderBid northBid()
{
    TenderBid b;
    b.id = "B1";
    b.bidder = "Alpha Ltd";
    b.lot = kNorth;
    b.price = 100;
    b.supplyChain = {
        sub("Hope Housing", ProviderSector::VoluntaryCommunity, true, {"homelessness"}),
        sub("MindWorks", ProviderSector::VoluntaryCommunity, false, {"mental_health"}),
        sub("Big Training plc", ProviderSector::Private, false, {}),
        sub("Local Skills Ltd", ProviderSector::Private, true, {"skills"}),
        sub("Adult Learning Service", ProviderSector::Public, false, {"skills"}),
    };
    b.integration = {
        IntegrationEvidence{"housing", EvidenceStrength::Evidenced, "Named contact"},
        IntegrationEvidence{"health", EvidenceStrength::StatementOfIntent, "Letter from the ICB"},
        IntegrationEvidence{"skills", EvidenceStrength::Asserted, {}},
        IntegrationEvidence{"transport", EvidenceStrength::Evidenced, "Not a local service"},
    };
    return b;
}

} // namespace

void TestSupplyChain::specialismList()
{
    const QList<Specialism> list = specialisms();
    QStringList keys;
    QSet<QString> names;
    for (const Specialism &s : list) {
        keys << s.key;
        QVERIFY(!s.name.isEmpty());
        QVERIFY(s.name != s.key); // a name, not the key again
        names.insert(s.name);
        QCOMPARE(specialismName(s.key), s.name);
    }
    QCOMPARE(keys, (QStringList{"mental_health", "disability", "drug_alcohol", "homelessness",
                                "skills", "ex_offenders", "lone_parents", "young_people",
                                "families", "care_leavers", "long_term_unemployed", "health"}));
    QCOMPARE(names.size(), list.size());
    QCOMPARE(specialismName("veterans"), QString("veterans"));
}

void TestSupplyChain::mappingCoversTheCatalogue()
{
    QSet<QString> known;
    for (const Specialism &s : specialisms())
        known.insert(s.key);
    // Every group of the built-in catalogue is served by at least one of our specialisms.
    for (const PriorityGroup &g : PriorityCatalogue::version1()) {
        const QStringList serving = specialismsServing(g.key);
        QVERIFY2(std::any_of(serving.cbegin(), serving.cend(),
                             [&](const QString &k) { return known.contains(k); }),
                 qPrintable(g.key));
        QVERIFY(serving.contains(g.key));
    }
    QCOMPARE(specialismsServing("multiple_disadvantages"),
             (QStringList{"drug_alcohol", "homelessness", "mental_health", "ex_offenders",
                          "multiple_disadvantages"}));
    QCOMPARE(specialismsServing("esa_wrag"),
             (QStringList{"health", "mental_health", "disability", "esa_wrag"}));
    QCOMPARE(specialismsServing("homelessness"), QStringList{"homelessness"});
}

void TestSupplyChain::unmappedGroupServedByItsOwnKey()
{
    QCOMPARE(specialismsServing("veterans"), QStringList{"veterans"});

    TenderBid b = northBid();
    b.lot = kEast; // the catalogue: esa_wrag, homelessness, care_leavers, veterans
    SupplyChainSummary s = supplyChainSummary(round(), b);
    QCOMPARE(s.uncoveredGroups, (QStringList{"care_leavers", "veterans"}));

    b.supplyChain << sub("Forces Futures", ProviderSector::VoluntaryCommunity, true, {"veterans"});
    s = supplyChainSummary(round(), b);
    QCOMPARE(s.uncoveredGroups, QStringList{"care_leavers"});
}

void TestSupplyChain::sharesOfHandCase()
{
    const SupplyChainSummary s = supplyChainSummary(round(), northBid());
    QCOMPARE(s.bidId, QString("B1"));
    QCOMPARE(s.subcontractors, 5);
    QCOMPARE(s.specialists, 4);
    QCOMPARE(s.specialistShare, 0.8);
    QCOMPARE(s.voluntaryCommunity, 2);
    QCOMPARE(s.voluntaryCommunityShare, 0.4);
    QCOMPARE(s.smes, 2);
    QCOMPARE(s.smeShare, 0.4);
    QCOMPARE(s.priorityGroups, (QStringList{"homelessness", "esa_wrag", "care_leavers"}));
    // skills serves neither care_leavers nor young_people.
    QCOMPARE(s.uncoveredGroups, QStringList{"care_leavers"});

    TenderBid better = northBid();
    better.supplyChain[3].specialisms << "young_people";
    QVERIFY(supplyChainSummary(round(), better).uncoveredGroups.isEmpty());
}

void TestSupplyChain::emptySupplyChain()
{
    TenderBid b;
    b.id = "B2";
    b.lot = kSouth;
    const SupplyChainSummary s = supplyChainSummary(round(), b);
    QCOMPARE(s.subcontractors, 0);
    QCOMPARE(s.specialistShare, 0.0);
    QCOMPARE(s.voluntaryCommunityShare, 0.0);
    QCOMPARE(s.smeShare, 0.0);
    QCOMPARE(s.uncoveredGroups, (QStringList{"lone_parents", "ex_offenders"}));
    QCOMPARE(s.count(EvidenceStrength::None), 7);
}

void TestSupplyChain::prioritySource_data()
{
    QTest::addColumn<qint64>("lot");
    QTest::addColumn<int>("source");
    QTest::addColumn<QStringList>("groups");

    QTest::newRow("decision overrides agreement")
        << kNorth.value() << int(PrioritySource::Decision)
        << QStringList{"homelessness", "esa_wrag", "care_leavers"};
    QTest::newRow("decision without order: agreement")
        << kSouth.value() << int(PrioritySource::Agreement)
        << QStringList{"lone_parents", "ex_offenders"};
    QTest::newRow("neither: catalogue")
        << kEast.value() << int(PrioritySource::Catalogue)
        << QStringList{"esa_wrag", "homelessness", "care_leavers", "veterans"};
}

void TestSupplyChain::prioritySource()
{
    QFETCH(qint64, lot);
    QFETCH(int, source);
    QFETCH(QStringList, groups);

    TenderBid b = northBid();
    b.lot = CpaId(lot);
    const SupplyChainSummary s = supplyChainSummary(round(), b);
    QCOMPARE(int(s.prioritySource), source);
    QCOMPARE(s.priorityGroups, groups);
}

void TestSupplyChain::integrationChecklist()
{
    const SupplyChainSummary s = supplyChainSummary(round(), northBid());
    const QList<LocalService> services = localServices();
    QCOMPARE(s.integration.size(), services.size());
    for (qsizetype i = 0; i < services.size(); ++i)
        QCOMPARE(s.integration[i].service, services[i].key);
    QCOMPARE(s.integration[0].strength, EvidenceStrength::StatementOfIntent); // health
    QCOMPARE(s.integration[0].note, QString("Letter from the ICB"));
    QCOMPARE(s.integration[1].strength, EvidenceStrength::Evidenced); // housing
    QCOMPARE(s.integration[2].strength, EvidenceStrength::Asserted);  // skills
    QCOMPARE(s.integration[3].strength, EvidenceStrength::None);      // family: silent
    // "transport" is not a local service: not listed, not counted.
    QCOMPARE(s.count(EvidenceStrength::None), 4);
    QCOMPARE(s.count(EvidenceStrength::Asserted), 1);
    QCOMPARE(s.count(EvidenceStrength::Evidenced), 1);
    QCOMPARE(s.count(EvidenceStrength::StatementOfIntent), 1);
}

QTEST_GUILESS_MAIN(TestSupplyChain)
#include "tst_supplychain.moc"
