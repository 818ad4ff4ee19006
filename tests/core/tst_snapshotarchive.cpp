#include "core/io/snapshotarchive.h"
#include "core/round/londonround.h"

#include <QTest>

using namespace CoCommission;

class TestSnapshotArchive : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEverything();
    void archiveIsDeterministicAndHashed();
    void damagedArchivesAreRefused_data();
    void damagedArchivesAreRefused();

private:
    static Round richRound();
};

Round TestSnapshotArchive::richRound()
{
    Round round = *LondonRound::demo();
    round.title = QStringLiteral("Round with \"quotes\", commas, new\nlines and ünïcode – £");
    round.createdAt = QDateTime(QDate(2026, 11, 22), QTime(9, 30, 15, 123), Qt::UTC);
    round.model = DevolutionModel::FullDevolution;
    round.partnerships.first().leadAuthority = QStringLiteral("E09000019");
    round.partnerships.first().id = PartnershipId(7);
    round.plans.first().id = PlanId(3);
    round.stage(StageId::Needs).status = StageStatus::SignedOff;
    round.stage(StageId::Priorities).status = StageStatus::ReadyForSignOff;
    SignOff s;
    s.id = SignOffId(11);
    s.stage = StageId::Needs;
    s.party = SignOffParty::LeadAuthority;
    s.name = QStringLiteral("Cllr Example");
    s.role = QStringLiteral("Lead member");
    s.rationale = QStringLiteral("Needs agreed.\nSee the appendix.");
    s.signedAt = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
    s.snapshot = SnapshotId(5);
    s.snapshotSha256 = QString(64, QLatin1Char('a'));
    round.signOffs.append(s);
    round.datasets.first().observations.first().value = 0.1 + 0.2; // not exactly representable
    CpaPlan &plan = round.plans.first();
    plan.rule = AdjacencyRule::LandContactOnly;
    plan.balanceIndicator = QStringLiteral("r1");
    plan.minimumSize = 1234.5;
    const CpaId cpa = plan.cpas.first().id;
    round.rankings.append({cpa, QStringLiteral("DWP"), {QStringLiteral("esa_wrag")}, {7.5}});
    round.priorityMethod = RankingMethod::PointsSum;
    round.agreements.append({cpa,
                             {QStringLiteral("r1"), QStringLiteral("claimant_count")},
                             QStringLiteral("High long-term claimancy;\nsee the table."),
                             {QStringLiteral("esa_wrag")},
                             QDateTime(QDate(2026, 10, 2), QTime(8, 0), Qt::UTC)});
    round.boundaries = {QStringLiteral("london.geojson"), QString(64, QLatin1Char('b')),
                        QStringLiteral("LAD23CD"),
                        QDateTime(QDate(2026, 10, 3), QTime(9, 0), Qt::UTC),
                        QByteArray("{\"type\": \"FeatureCollection\",\n \"features\": []}\0x", 48)};
    return round;
}

void TestSnapshotArchive::roundTripKeepsEverything()
{
    const Round round = richRound();
    const Result<Round> loaded = SnapshotArchive::load(SnapshotArchive::save(round));
    QVERIFY2(loaded, qPrintable(loaded.errorMessage()));
    QCOMPARE(loaded->title, round.title);
    QCOMPARE(loaded->createdAt, round.createdAt);
    QCOMPARE(loaded->signOffs, round.signOffs);
    QCOMPARE(loaded->datasets.first().observations.first().value, 0.1 + 0.2);
    QCOMPARE(loaded->plans.first().minimumSize, std::optional(1234.5));
    QCOMPARE(loaded->plans.first().rule, AdjacencyRule::LandContactOnly);
    QCOMPARE(loaded->rankings.constLast().points, QList<double>{7.5});
    QCOMPARE(loaded->agreements, round.agreements);
    QCOMPARE(loaded->boundaries.geoJson, round.boundaries.geoJson);
    QCOMPARE(*loaded, round);
}

void TestSnapshotArchive::archiveIsDeterministicAndHashed()
{
    const QByteArray a = SnapshotArchive::save(richRound());
    const QByteArray b = SnapshotArchive::save(richRound());
    QCOMPARE(a, b);
    QCOMPARE(SnapshotArchive::sha256(a), SnapshotArchive::sha256(b));
    QCOMPARE(SnapshotArchive::sha256(QByteArray("abc")),
             QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    Round other = richRound();
    other.title += QLatin1Char('.');
    QVERIFY(SnapshotArchive::sha256(SnapshotArchive::save(other)) != SnapshotArchive::sha256(a));
}

void TestSnapshotArchive::damagedArchivesAreRefused_data()
{
    QTest::addColumn<QByteArray>("archive");
    QTest::addColumn<QString>("expected");

    const QByteArray good = SnapshotArchive::save(richRound());
    QTest::newRow("empty") << QByteArray() << "damaged";
    QTest::newRow("cut in half") << good.left(good.size() / 2) << "damaged";
    QTest::newRow("garbage") << QByteArray("this is not an archive at all") << "damaged";

    QByteArray foreign = good;
    foreign.replace("cocommission-round-snapshot", "some-other-program-snapshot");
    QTest::newRow("another program's archive") << foreign << "not a CoCommission snapshot";

    QByteArray newer = good;
    newer.replace("cocommission-round-snapshot 1 ", "cocommission-round-snapshot 99 ");
    QTest::newRow("newer format") << newer << "newer version";

    // An absurd element count must be refused, not allocated.
    QByteArray absurd = good;
    const int at = absurd.indexOf(" 33 ");
    absurd.replace(at, 4, " 999999999999 ");
    QTest::newRow("absurd count") << absurd << "impossible";
}

void TestSnapshotArchive::damagedArchivesAreRefused()
{
    QFETCH(QByteArray, archive);
    QFETCH(QString, expected);
    const Result<Round> loaded = SnapshotArchive::load(archive);
    QVERIFY(!loaded);
    QVERIFY2(loaded.errorMessage().contains(expected), qPrintable(loaded.errorMessage()));
}

QTEST_GUILESS_MAIN(TestSnapshotArchive)
#include "tst_snapshotarchive.moc"
