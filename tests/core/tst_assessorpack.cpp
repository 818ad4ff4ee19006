#include "core/io/assessorpack.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "tests/support/testsupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>

using namespace CoCommission;
using TestSupport::runCli;

namespace {

const QString kAna = QStringLiteral("Ana Assessor");
const QString kBen = QStringLiteral("Ben Borough");
const QString kAcme = QStringLiteral("Acme Employment");
const QString kBorough = QStringLiteral("Borough Works CIC");
const QString kUuid = QStringLiteral("0f3c1d5e9a2b4c6d8e0f1a2b3c4d5e6f");

/** A file split into its four header lines and its payload. */
struct Envelope
{
    QList<QByteArray> header;
    QByteArray payload;
};

Envelope split(const QByteArray &bytes)
{
    Envelope e;
    qsizetype pos = 0;
    for (int i = 0; i < 4; ++i) {
        const qsizetype end = bytes.indexOf('\n', pos);
        e.header.append(bytes.mid(pos, end - pos));
        pos = end + 1;
    }
    e.payload = bytes.mid(pos);
    return e;
}

/** The file with \a payload and a header that matches it: length and checksum recomputed. */
QByteArray rewrap(const QByteArray &magic, const QByteArray &payload)
{
    return magic + "\nformat 1\nlength " + QByteArray::number(payload.size()) + "\nsha256 " +
           QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex() + '\n' + payload;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    // A new file rather than a truncated one: ext4 flushes a truncated file to disk on close.
    QFile::remove(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace

/**
 * Assessor packs and returns: the round trip from a round to the assessor's desktop and back,
 * the scoring session's rules, every damaged, foreign, forged or misdirected file, and the merge
 * as one all-or-nothing undo step.
 */
class TestAssessorPack : public QObject
{
    Q_OBJECT

private slots:
    void packRoundTrips();
    void packIsBlindAndLeavesOutConflictedBids();
    void packIsRefused_data();
    void packIsRefused();
    void sessionKeepsTheRules();
    void returnRoundTrips();

    void damagedFilesAreRefused_data();
    void damagedFilesAreRefused();
    void oversizedFileIsRefusedWithoutReadingIt();
    void fuzzedFilesNeverCrash_data();
    void fuzzedFilesNeverCrash();
    void inconsistentContentsAreRefused();
    void writingIsSafe();

    void mergeAddsScoresAsOneUndoStep();
    void secondPackCarriesOnAndReplaces();
    void mergeIsRefusedAndChangesNothing_data();
    void mergeIsRefusedAndChangesNothing();
    void mergeIsRefusedOnceModerationOpens();

    void cliExportsAndImports();
    void cliRefusesBadFilesAndChangesNothing_data();
    void cliRefusesBadFilesAndChangesNothing();

private:
    static Round tenderRound();
    /** A round file holding tenderRound() (as changed by \a edit), opened for writing. */
    std::unique_ptr<RoundDocument> roundFile(const QString &name,
                                             const std::function<void(Round &)> &edit = {});
    /** Ana's return from a pack of \a round: no conflict with either bidder, four scores. */
    static PackReturn anasReturn(const Round &round);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

Round TestAssessorPack::tenderRound()
{
    Round round = *LondonRound::demo();
    round.uuid = kUuid;
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan || plan->cpas.size() < 2)
        qFatal("the demo round has no adopted plan of two CPAs or more");
    const CpaId lotA = plan->cpas.at(0).id;
    const CpaId lotB = plan->cpas.at(1).id;

    Tender t;
    t.criteria = {
        {QStringLiteral("Q"),
         {},
         QStringLiteral("Delivery model"),
         40,
         CriterionType::Quality,
         ScoringScale::zeroToFive()},
        {QStringLiteral("PF"),
         {},
         QStringLiteral("Minimum service standards"),
         0,
         CriterionType::PassFail,
         ScoringScale::zeroToFive()},
        {QStringLiteral("SV"),
         {},
         QStringLiteral("Social value"),
         10,
         CriterionType::SocialValue,
         ScoringScale::zeroToTen()},
        {QStringLiteral("P"),
         {},
         QStringLiteral("Price"),
         50,
         CriterionType::Price,
         ScoringScale::zeroToFive()},
    };
    const QList<Subcontractor> chain = {{QStringLiteral("Mind in the City"),
                                         ProviderSector::VoluntaryCommunity,
                                         true,
                                         {QStringLiteral("mental_health")}}};
    const QList<IntegrationEvidence> evidence = {
        {QStringLiteral("housing"), EvidenceStrength::StatementOfIntent,
         QStringLiteral("Letter from the housing options team.\nSee annex 3.")}};
    t.bids = {
        {QStringLiteral("B1"), kAcme, lotA, 1'000'000.5, chain,
         QStringLiteral("Co-located with the \"hub\", weekly – £ and ünïcode"), evidence},
        {QStringLiteral("B2"), kBorough, lotA, 900'000, {}, QStringLiteral("Outreach"), {}},
        {QStringLiteral("B3"), kAcme, lotB, 1'200'000, chain, QStringLiteral("Hub"), evidence},
    };
    t.panel = {{kAna, QStringLiteral("DWP"), QStringLiteral("Commissioning manager")},
               {kBen, plan->cpas.at(0).members.value(0), QStringLiteral("Head of employment")}};
    t.bidsOpenedAt = QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
    round.tender = t;
    return round;
}

std::unique_ptr<RoundDocument> TestAssessorPack::roundFile(const QString &name,
                                                           const std::function<void(Round &)> &edit)
{
    Round round = tenderRound();
    if (edit)
        edit(round);
    const QString file = TestSupport::createRoundFile(path(name), round);
    if (file.isEmpty())
        return {};
    auto document = TestSupport::openRoundFile(file);
    if (document && document->round().tender != round.tender)
        qWarning("the round file does not hold the tender it was made with");
    return document;
}

PackReturn TestAssessorPack::anasReturn(const Round &round)
{
    const Result<AssessorPack> pack = makePack(round, kAna);
    if (!pack)
        qFatal("%s", qPrintable(pack.errorMessage()));
    Result<PackSession> session = PackSession::start(*pack);
    if (!session)
        qFatal("%s", qPrintable(session.errorMessage()));
    for (const Status &s :
         {session->declare(kAcme, false), session->declare(kBorough, false),
          session->setScore("B1", "Q", 4, "Clear model."), session->setScore("B1", "PF", 1, "Met."),
          session->setScore("B1", "SV", 7, "Local hires."),
          session->setScore("B2", "Q", 2, "Thin on detail.")}) {
        if (!s)
            qFatal("%s", qPrintable(s.errorMessage()));
    }
    return session->makeReturn();
}

// --- The pack -----------------------------------------------------------------------------

void TestAssessorPack::packRoundTrips()
{
    Round round = tenderRound();
    round.tender.illustrative = true;
    round.tender.priceFormula = PriceFormula::Linear;
    round.tender.scores.append({kAna, "B2", "SV", 3, "Some.\nMore, \"quoted\".", {}});
    round.tender.conflicts.append({kAna, kAcme, false, {}, QDateTime::currentDateTimeUtc()});
    const Result<AssessorPack> pack = makePack(round, kAna);
    QVERIFY2(pack, qPrintable(pack.errorMessage()));
    QCOMPARE(pack->roundUuid, kUuid);
    QCOMPARE(pack->roundTitle, round.title);
    QCOMPARE(pack->assessor, round.tender.panel.first());
    QCOMPARE(pack->criteria, round.tender.criteria);
    QCOMPARE(pack->priceFormula, PriceFormula::Linear);
    QVERIFY(pack->illustrative);
    QCOMPARE(pack->bidders, (QStringList{kAcme, kBorough}));
    QCOMPARE(pack->bids.size(), 3);
    QCOMPARE(pack->bids.first().lotName, round.adoptedPlan()->cpas.first().name);
    QCOMPARE(pack->bids.first().supplyChain, round.tender.bids.first().supplyChain);
    QCOMPARE(pack->bids.first().integration, round.tender.bids.first().integration);
    QCOMPARE(pack->scores.size(), 1);
    QCOMPARE(pack->declarations.size(), 1);
    QVERIFY(!QUuid::fromString(pack->packId).isNull());
    QVERIFY(makePack(round, kAna)->packId != pack->packId);

    const QString file = path(QStringLiteral("roundtrip.ccpack"));
    QVERIFY(writePack(file, *pack));
    const Result<AssessorPack> read = readPack(file);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(*read, *pack);
    QVERIFY(readAll(file).startsWith("CoCommission assessor pack\nformat 1\nlength "));
}

void TestAssessorPack::packIsBlindAndLeavesOutConflictedBids()
{
    Round round = tenderRound();
    round.tender.scores = {{kBen, "B1", "Q", 5, "Ben's view.", {}},
                           {kAna, "B1", "Q", 3, "Ana's view.", {}},
                           {kAna, "B2", "Q", 1, "Scored before the conflict.", {}}};
    round.tender.conflicts = {{kAna, kBorough, true, "Was a trustee.", {}},
                              {kBen, kAcme, false, {}, {}}};
    const Result<AssessorPack> pack = makePack(round, kAna);
    QVERIFY2(pack, qPrintable(pack.errorMessage()));
    QCOMPARE(pack->bidders, (QStringList{kAcme, kBorough})); // still declared about
    QCOMPARE(pack->bids.size(), 2);
    QCOMPARE(pack->bids.at(0).id, QStringLiteral("B1"));
    QCOMPARE(pack->bids.at(1).id, QStringLiteral("B3"));
    QCOMPARE(pack->scores.size(), 1);
    QCOMPARE(pack->scores.first().comment, QStringLiteral("Ana's view."));
    QCOMPARE(pack->declarations.size(), 1);
    QCOMPARE(pack->declarations.first().bidder, kBorough);
}

void TestAssessorPack::packIsRefused_data()
{
    QTest::addColumn<int>("edit");
    QTest::addColumn<QString>("assessor");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not on the panel") << 0 << "Nobody"
                                      << "not on the assessment panel";
    QTest::newRow("bids not open") << 1 << kAna << "bids are not open";
    QTest::newRow("moderation open") << 2 << kAna << "Moderation is open";
    QTest::newRow("no identity") << 3 << kAna << "no identity";
    QTest::newRow("no bids") << 4 << kAna << "no bids";
    QTest::newRow("invalid criteria") << 5 << kAna << "criteria are not valid";
}

void TestAssessorPack::packIsRefused()
{
    QFETCH(int, edit);
    QFETCH(QString, assessor);
    QFETCH(QString, expected);
    Round round = tenderRound();
    switch (edit) {
    case 1:
        round.tender.bidsOpenedAt = {};
        break;
    case 2:
        round.tender.moderationOpenedAt = QDateTime::currentDateTimeUtc();
        break;
    case 3:
        round.uuid.clear();
        break;
    case 4:
        round.tender.bids.clear();
        break;
    case 5:
        round.tender.criteria.first().weightPercent = 45;
        break;
    }
    const Result<AssessorPack> pack = makePack(round, assessor);
    QVERIFY(!pack);
    QVERIFY2(pack.errorMessage().contains(expected), qPrintable(pack.errorMessage()));
}

void TestAssessorPack::sessionKeepsTheRules()
{
    const Result<AssessorPack> pack = makePack(tenderRound(), kAna);
    QVERIFY(pack);
    Result<PackSession> started = PackSession::start(*pack);
    QVERIFY2(started, qPrintable(started.errorMessage()));
    PackSession &session = *started;
    QCOMPARE(session.scoredCriteria(), (QStringList{"Q", "PF", "SV"}));
    QCOMPARE(session.missingScores(), 9);

    // Declare before scoring.
    Status s = session.setScore("B1", "Q", 4, "Good.");
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains("Declare whether"), qPrintable(s.errorMessage()));
    QVERIFY(!session.declare("Stranger Ltd", false));
    QVERIFY(!session.declare(kBorough, true)); // a conflict needs the interest named
    QVERIFY(session.declare(kAcme, false));

    // On the scale, with a comment, on a scored leaf.
    QVERIFY(!session.setScore("B1", "Q", 6, "Too high."));
    QVERIFY(!session.setScore("B1", "Q", -1, "Too low."));
    QVERIFY(!session.setScore("B1", "Q", qQNaN(), "Not a number."));
    QVERIFY(!session.setScore("B1", "SV", 10.5, "Off the 0-10 scale."));
    QVERIFY(!session.setScore("B1", "PF", 0.5, "Half a pass."));
    s = session.setScore("B1", "Q", 4, QStringLiteral("  "));
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains("needs a comment"), qPrintable(s.errorMessage()));
    QVERIFY(!session.setScore("B1", "P", 4, "Price is computed."));
    QVERIFY(!session.setScore("B1", "X", 4, "No such criterion."));
    QVERIFY(!session.setScore("B9", "Q", 4, "No such bid."));
    QVERIFY(session.setScore("B1", "Q", 4, "Good."));
    s = session.setScore("B1", "SV", 9.5, "Between two levels.");
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains("whole number from 0 to 10"), qPrintable(s.errorMessage()));
    QVERIFY(session.setScore("B1", "SV", 9, "Strong."));
    QVERIFY(session.setScore("B1", "Q", 5, "Better on a second reading."));
    QCOMPARE(session.scores().size(), 2);
    QCOMPARE(session.score("B1", "Q")->score, 5.0);
    QCOMPARE(session.missingScores(), 7);

    // A declared conflict blocks the bidder's bids; it cannot be declared over scores.
    QVERIFY(session.declare(kBorough, true, "Former trustee."));
    s = session.setScore("B2", "Q", 3, "Blocked.");
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains("conflict"), qPrintable(s.errorMessage()));
    QCOMPARE(session.missingScores(), 4);
    s = session.declare(kAcme, true, "Shares held.");
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains("withdraw those scores"), qPrintable(s.errorMessage()));
    session.clearScore("B1", "Q");
    session.clearScore("B1", "SV");
    QVERIFY(session.declare(kAcme, true, "Shares held."));
    QCOMPARE(session.missingScores(), 0);
    QVERIFY(session.declare(kAcme, false)); // declared in this session: may be withdrawn

    const PackReturn r = session.makeReturn();
    QCOMPARE(r.packId, pack->packId);
    QCOMPARE(r.roundUuid, kUuid);
    QCOMPARE(r.assessor, kAna);
    QCOMPARE(r.packCreatedAt, pack->createdAt);
    QCOMPARE(r.declarations.size(), 2);
    QVERIFY(r.scores.isEmpty());
    for (const ConflictDeclaration &d : r.declarations)
        QCOMPARE(d.assessor, kAna);

    // A conflict the round records cannot be withdrawn from the assessor's desktop.
    Round conflicted = tenderRound();
    conflicted.tender.conflicts.append({kAna, kBorough, true, "Trustee.", {}});
    Result<PackSession> second = PackSession::start(*makePack(conflicted, kAna));
    QVERIFY(second);
    s = second->declare(kBorough, false);
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains("evaluation lead"), qPrintable(s.errorMessage()));
    QVERIFY(!second->setScore("B2", "Q", 3, "Not in the pack."));
}

void TestAssessorPack::returnRoundTrips()
{
    const PackReturn r = anasReturn(tenderRound());
    QCOMPARE(r.scores.size(), 4);
    const QString file = path(QStringLiteral("roundtrip.ccreturn"));
    QVERIFY(writeReturn(file, r));
    const Result<PackReturn> read = readReturn(file);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(*read, r);
    QCOMPARE(read->scores.at(2).score, 7.0);
    QVERIFY(readAll(file).startsWith("CoCommission assessor return\nformat 1\n"));
}

// --- Damaged, foreign and misdirected files -----------------------------------------------

void TestAssessorPack::damagedFilesAreRefused_data()
{
    QTest::addColumn<bool>("asReturn"); // read with readReturn(), else readPack()
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");

    QTest::newRow("foreign text") << false << "foreign"
                                  << "is not a CoCommission assessor pack";
    QTest::newRow("foreign binary") << false << "binary"
                                    << "is not a CoCommission assessor pack";
    QTest::newRow("empty") << false << "empty"
                           << "is empty";
    QTest::newRow("empty return") << true << "empty"
                                  << "is empty";
    QTest::newRow("truncated in the first line") << false << "cut:10"
                                                 << "ends in its header";
    QTest::newRow("truncated after the first line") << false << "cut:27"
                                                    << "ends in its header";
    QTest::newRow("truncated in the header") << false << "cut:40"
                                             << "ends in its header";
    QTest::newRow("truncated after the header") << false << "cut:header"
                                                << "holds 0 of its";
    QTest::newRow("truncated in the payload") << false << "cut:half"
                                              << "is incomplete: it holds";
    QTest::newRow("last byte missing") << false << "cut:-1"
                                       << "is incomplete: it holds";
    QTest::newRow("return truncated") << true << "cut:half"
                                      << "is incomplete: it holds";
    QTest::newRow("data after the end") << false << "append"
                                        << "unexpected byte";
    QTest::newRow("flipped payload byte") << false << "flip"
                                          << "checksum does not match";
    QTest::newRow("flipped return byte") << true << "flip"
                                         << "checksum does not match";
    QTest::newRow("newer format") << false << "format:2"
                                  << "newer version of CoCommission";
    QTest::newRow("newer return format") << true << "format:99"
                                         << "newer version";
    QTest::newRow("no format") << false << "format:x"
                               << "no format version";
    QTest::newRow("bad length") << false << "length:-5"
                                << "header cannot be read";
    QTest::newRow("bad checksum line") << false << "sha:short"
                                       << "header cannot be read";
    QTest::newRow("over-long header line") << false << "longline"
                                           << "is not a CoCommission";
    QTest::newRow("garbage payload, valid checksum") << false << "junk"
                                                     << "is damaged and cannot be read";
    QTest::newRow("empty payload, valid checksum") << false << "nopayload"
                                                   << "is damaged and cannot be read";
    QTest::newRow("return payload in a pack envelope") << false << "otherpayload"
                                                       << "not those of its kind";
    QTest::newRow("huge list count") << false << "count:999999999999"
                                     << "impossible value";
    QTest::newRow("negative list count") << false << "count:-1"
                                         << "impossible value";
    QTest::newRow("two lists over the budget") << false << "budget:2"
                                               << "impossible value";
    QTest::newRow("one list within the budget") << false << "budget:1"
                                                << "criteria are not valid";
    QTest::newRow("list count past the end") << false << "count:900000"
                                             << "is damaged";
    QTest::newRow("huge string length") << false << "strlen:99999999999999"
                                        << "impossible value";
    QTest::newRow("string length past the end") << false << "strlen:rest"
                                                << "is damaged and cannot be read";
    QTest::newRow("enumeration out of range") << false << "enum"
                                              << "impossible value";
    QTest::newRow("pack where a return is wanted") << true << "kind"
                                                   << "is an assessor pack, not";
    QTest::newRow("return where a pack is wanted") << false << "kind"
                                                   << "is an assessor's return";
    QTest::newRow("missing file") << false << "missing"
                                  << "Could not open";
    QTest::newRow("a folder") << false << "folder"
                              << "is not a file";
}

void TestAssessorPack::damagedFilesAreRefused()
{
    QFETCH(bool, asReturn);
    QFETCH(QString, damage);
    QFETCH(QString, expected);

    Round round = tenderRound();
    // A pack whose last bidder list, and first declaration, are easy to find in the archive.
    round.tender.conflicts.append({kAna, kAcme, false, {}, {}});
    const AssessorPack pack = *makePack(round, kAna);
    const PackReturn packReturn = anasReturn(round);
    const QString good = path(QStringLiteral("good.%1").arg(QTest::currentDataTag()));
    QVERIFY(asReturn ? writeReturn(good, packReturn) : writePack(good, pack));
    // "kind": the other kind of file, where this kind is wanted.
    if (damage == QLatin1String("kind"))
        QVERIFY(asReturn ? writePack(good, pack) : writeReturn(good, packReturn));
    const QByteArray bytes = readAll(good);
    const Envelope e = split(bytes);
    const QByteArray magic = e.header.first();

    QByteArray damaged = bytes;
    const QString how = damage.section(u':', 0, 0);
    const QString arg = damage.section(u':', 1);
    if (how == QLatin1String("foreign")) {
        damaged = "gss_code,cpa\nE09000001,Central\n";
    } else if (how == QLatin1String("binary")) {
        damaged = QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    } else if (how == QLatin1String("empty")) {
        damaged.clear();
    } else if (how == QLatin1String("cut")) {
        const qsizetype headerSize = bytes.size() - e.payload.size();
        const qsizetype keep = arg == QLatin1String("half")     ? headerSize + e.payload.size() / 2
                               : arg == QLatin1String("header") ? headerSize
                               : arg.toInt() < 0                ? bytes.size() + arg.toInt()
                                                                : arg.toInt();
        damaged = bytes.left(keep);
    } else if (how == QLatin1String("append")) {
        damaged += "\nextra";
    } else if (how == QLatin1String("flip")) {
        damaged[bytes.size() - e.payload.size() / 2] ^= 0x01;
    } else if (how == QLatin1String("format")) {
        damaged.replace("\nformat 1\n", "\nformat " + arg.toLatin1() + '\n');
    } else if (how == QLatin1String("length")) {
        damaged.replace(e.header.at(2), "length " + arg.toLatin1());
    } else if (how == QLatin1String("sha")) {
        damaged.replace(e.header.at(3), "sha256 abc");
    } else if (how == QLatin1String("longline")) {
        damaged = QByteArray(4096, 'A');
    } else if (how == QLatin1String("junk")) {
        QByteArray junk;
        for (int i = 0; i < 5000; ++i)
            junk += char('!' + (i * 7919) % 90);
        damaged = rewrap(magic, junk);
    } else if (how == QLatin1String("nopayload")) {
        damaged = rewrap(magic, {});
    } else if (how == QLatin1String("otherpayload")) {
        const QString other = path(QStringLiteral("other.%1").arg(QTest::currentDataTag()));
        QVERIFY(writeReturn(other, packReturn));
        damaged = rewrap(magic, split(readAll(other)).payload);
    } else if (how == QLatin1String("count")) {
        // The bidder list: its count, then each name as length and bytes.
        const QByteArray list = "2 15 " + kAcme.toLatin1() + " 17 " + kBorough.toLatin1();
        QVERIFY2(e.payload.contains(list), e.payload.constData());
        QByteArray payload = e.payload;
        payload.replace(list, arg.toLatin1() + list.mid(1));
        damaged = rewrap(magic, payload);
    } else if (how == QLatin1String("budget")) {
        // The descriptors of the first (or first two) criteria made 600,000 strings long: one
        // list fits the budget for the whole archive, two do not.
        const QByteArray first = ScoringScale::sixLevelDescriptors().first().toUtf8();
        const QByteArray list = "6 " + QByteArray::number(first.size()) + ' ' + first;
        const QByteArray padded = "600000 " + QByteArray("0 ").repeated(600000 - 6) + list.mid(2);
        QByteArray payload = e.payload;
        qsizetype at = 0;
        for (int i = 0; i < arg.toInt(); ++i) {
            at = payload.indexOf(list, at);
            QVERIFY(at > 0);
            payload.replace(at, list.size(), padded);
            at += padded.size();
        }
        damaged = rewrap(magic, payload);
    } else if (how == QLatin1String("strlen")) {
        const QByteArray name = "17 " + kBorough.toLatin1();
        QVERIFY(e.payload.contains(name));
        QByteArray payload = e.payload;
        // "rest": longer than what follows the length, yet shorter than the whole payload.
        const QByteArray length = arg == QLatin1String("rest")
                                      ? QByteArray::number(payload.size() - payload.indexOf(name))
                                      : arg.toLatin1();
        payload.replace(name, length + name.mid(2));
        damaged = rewrap(magic, payload);
    } else if (how == QLatin1String("enum")) {
        // The price formula follows the criteria and precedes the bidder list.
        QByteArray payload = e.payload;
        const QByteArray list = " 2 15 " + kAcme.toLatin1();
        const qsizetype at = payload.indexOf(list);
        QVERIFY(at > 0);
        QCOMPARE(payload.at(at - 1), '0'); // PriceFormula::LowestRatio
        payload[at - 1] = '7';
        damaged = rewrap(magic, payload);
    }

    QString file = path(QStringLiteral("damaged.%1").arg(QTest::currentDataTag()));
    if (how == QLatin1String("missing")) {
        file = path(QStringLiteral("no-such-file.ccpack"));
    } else if (how == QLatin1String("folder")) {
        file = m_dir.path();
    } else {
        writeAll(file, damaged);
    }
    const QString message =
        asReturn ? readReturn(file).errorMessage() : readPack(file).errorMessage();
    QVERIFY2(!message.isEmpty(), "the damaged file was accepted");
    QVERIFY2(message.contains(expected), qPrintable(message));
    if (how != QLatin1String("folder"))
        QVERIFY2(message.contains(QFileInfo(file).fileName()), qPrintable(message));
}

void TestAssessorPack::oversizedFileIsRefusedWithoutReadingIt()
{
    const QString file = path(QStringLiteral("huge.ccpack"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("CoCommission assessor pack\nformat 1\nlength 1\nsha256 0\n");
        QVERIFY(f.resize(kMaxPackFileBytes + 1)); // sparse: costs no disk
    }
    QElapsedTimer timer;
    timer.start();
    const Result<AssessorPack> pack = readPack(file);
    QVERIFY(!pack);
    QVERIFY2(pack.errorMessage().contains("huge.ccpack is 64.0 MB, larger than"),
             qPrintable(pack.errorMessage()));
    QVERIFY2(timer.elapsed() < 1000, "the oversized file seems to have been read");
    QVERIFY(!readReturn(file));
}

void TestAssessorPack::fuzzedFilesNeverCrash_data()
{
    QTest::addColumn<bool>("asReturn");
    QTest::addColumn<bool>("fixChecksum"); // reach the archive reader, not just the checksum
    QTest::newRow("pack") << false << true;
    QTest::newRow("return") << true << true;
    QTest::newRow("pack, raw bytes") << false << false;
}

void TestAssessorPack::fuzzedFilesNeverCrash()
{
    QFETCH(bool, asReturn);
    QFETCH(bool, fixChecksum);
    Round round = tenderRound();
    round.tender.conflicts.append({kAna, kAcme, false, {}, {}});
    round.tender.scores.append({kAna, "B1", "Q", 3, "Earlier.", {}});
    const QString good = path(QStringLiteral("fuzz-good.%1").arg(QTest::currentDataTag()));
    QVERIFY(asReturn ? writeReturn(good, anasReturn(round))
                     : writePack(good, *makePack(round, kAna)));
    const QByteArray bytes = readAll(good);
    const Envelope e = split(bytes);
    const QString file = path(QStringLiteral("fuzz.%1").arg(QTest::currentDataTag()));

    QRandomGenerator random(20260302); // fixed: a failure can be replayed
    int accepted = 0;
    for (int i = 0; i < 1500; ++i) {
        QByteArray payload = fixChecksum ? e.payload : bytes;
        const qsizetype at = random.bounded(payload.size());
        switch (random.bounded(5)) {
        case 0: // flip a bit
            payload[at] = char(payload.at(at) ^ (1 << random.bounded(8)));
            break;
        case 1: // a number made huge, negative or different
            payload.insert(at, QByteArrayList{"9", "-", "99999999999", "4294967296", "0"}.at(
                                   random.bounded(5)));
            break;
        case 2: // a cut
            payload.remove(at, random.bounded(1, 64));
            break;
        case 3: // a repeat
            payload.insert(at, payload.mid(random.bounded(payload.size()), random.bounded(64)));
            break;
        default: // a token replaced by a random byte
            payload[at] = char(random.bounded(256));
            break;
        }
        writeAll(file, fixChecksum ? rewrap(e.header.first(), payload) : payload);
        const QString message =
            asReturn ? readReturn(file).errorMessage() : readPack(file).errorMessage();
        if (message.isEmpty())
            ++accepted; // a change to a comment or a name can be harmless
        else
            QVERIFY2(message.contains(QStringLiteral("fuzz.")), qPrintable(message));
    }
    qInfo("%d of 1500 mutated files were still well formed", accepted);
}

void TestAssessorPack::inconsistentContentsAreRefused()
{
    // Well-formed archives whose contents no CoCommission writes: refused as damaged.
    const AssessorPack good = *makePack(tenderRound(), kAna);
    QList<std::pair<const char *, AssessorPack>> packs;
    AssessorPack p = good;
    p.scores.append({kBen, "B1", "Q", 3, "Someone else's.", {}});
    packs.append({"another assessor's score", p});
    p = good;
    p.scores.append({kAna, "B9", "Q", 3, "No such bid.", {}});
    packs.append({"unknown bid", p});
    p = good;
    p.scores.append({kAna, "B1", "P", 3, "The price.", {}});
    packs.append({"the price scored", p});
    p = good;
    p.criteria.first().weightPercent = 99;
    packs.append({"invalid criteria", p});
    p = good;
    p.roundUuid.clear();
    packs.append({"no round", p});
    p = good;
    p.bids.append(p.bids.first());
    packs.append({"a bid twice", p});
    for (const auto &[name, pack] : packs) {
        const QString file = path(QStringLiteral("inconsistent %1.ccpack").arg(name));
        QVERIFY(writePack(file, pack));
        const Result<AssessorPack> read = readPack(file);
        QVERIFY2(!read, name);
        QVERIFY2(read.errorMessage().contains("is damaged"), qPrintable(read.errorMessage()));
        QVERIFY(!PackSession::start(pack));
    }

    // A return that names one assessor but holds another's scores.
    PackReturn r = anasReturn(tenderRound());
    r.scores.last().assessor = kBen;
    const QString file = path(QStringLiteral("wrong assessor.ccreturn"));
    QVERIFY(writeReturn(file, r));
    const Result<PackReturn> read = readReturn(file);
    QVERIFY(!read);
    QVERIFY2(read.errorMessage().contains("holds a score of \"Ben Borough\""),
             qPrintable(read.errorMessage()));
}

void TestAssessorPack::writingIsSafe()
{
    const QString file = path(QStringLiteral("no-such-folder/pack.ccpack"));
    const Status s = writePack(file, *makePack(tenderRound(), kAna));
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains("Could not write pack.ccpack"),
             qPrintable(s.errorMessage()));
}

// --- Merging ------------------------------------------------------------------------------

void TestAssessorPack::mergeAddsScoresAsOneUndoStep()
{
    auto document = roundFile(QStringLiteral("merge.cocom"));
    QVERIFY(document);
    const Tender before = document->round().tender;
    const int steps = document->undoStack()->count();

    const QString file = path(QStringLiteral("merge.ccreturn"));
    QVERIFY(writeReturn(file, anasReturn(document->round())));
    const Result<PackReturn> read = readReturn(file);
    QVERIFY(read);
    const Result<PackMergeSummary> summary = mergeReturn(*document, *read);
    QVERIFY2(summary, qPrintable(summary.errorMessage()));
    QCOMPARE(summary->assessor, kAna);
    QCOMPARE(summary->packId, read->packId);
    QCOMPARE(summary->newScores, 4);
    QCOMPARE(summary->newDeclarations, 2);
    QCOMPARE(summary->conflicts, 0);

    const Tender &merged = document->round().tender;
    QCOMPARE(merged.scores.size(), before.scores.size() + 4);
    QVERIFY(merged.score(kAna, "B1", "SV"));
    QCOMPARE(merged.score(kAna, "B1", "SV")->score, 7.0);
    QCOMPARE(merged.score(kAna, "B2", "Q")->comment, QStringLiteral("Thin on detail."));
    QVERIFY(merged.conflict(kAna, kBorough));
    QCOMPARE(document->undoStack()->count(), steps + 1);

    // Kept in the file.
    const Tender saved = merged;
    document.reset();
    document = TestSupport::openRoundFile(path(QStringLiteral("merge.cocom")));
    QVERIFY(document);
    QCOMPARE(document->round().tender.scores.size(), saved.scores.size());

    // Merging the same return again changes nothing and pushes nothing.
    const int after = document->undoStack()->count();
    const Result<PackMergeSummary> again = mergeReturn(*document, *read);
    QVERIFY2(again, qPrintable(again.errorMessage()));
    QCOMPARE(again->unchangedScores, 4);
    QCOMPARE(again->unchangedDeclarations, 2);
    QVERIFY(!again->changedAnything());
    QCOMPARE(document->undoStack()->count(), after);

    // Undo and redo, in a fresh session on the same kind of round.
    auto second = roundFile(QStringLiteral("undo.cocom"));
    QVERIFY(second);
    const Tender original = second->round().tender;
    QVERIFY(mergeReturn(*second, *read));
    const Tender withScores = second->round().tender;
    second->undoStack()->undo();
    QCOMPARE(second->round().tender, original);
    second->undoStack()->redo();
    QCOMPARE(second->round().tender, withScores);
}

void TestAssessorPack::secondPackCarriesOnAndReplaces()
{
    auto document = roundFile(QStringLiteral("second.cocom"));
    QVERIFY(document);
    QVERIFY(mergeReturn(*document, anasReturn(document->round())));

    const Result<AssessorPack> pack = makePack(document->round(), kAna);
    QVERIFY(pack);
    QCOMPARE(pack->scores.size(), 4);
    QCOMPARE(pack->declarations.size(), 2);
    Result<PackSession> session = PackSession::start(*pack);
    QVERIFY(session);
    QCOMPARE(session->missingScores(), 5);
    QVERIFY(session->setScore("B2", "Q", 3, "Better than I first thought."));
    QVERIFY(session->setScore("B3", "Q", 4, "Same model as B1."));
    session->clearScore("B1", "PF"); // not in the return: kept in the round
    const Result<PackMergeSummary> summary = mergeReturn(*document, session->makeReturn());
    QVERIFY2(summary, qPrintable(summary.errorMessage()));
    QCOMPARE(summary->newScores, 1);
    QCOMPARE(summary->replacedScores, 1);
    QCOMPARE(summary->unchangedScores, 2);
    QCOMPARE(summary->unchangedDeclarations, 2);
    const Tender &t = document->round().tender;
    QCOMPARE(t.score(kAna, "B2", "Q")->score, 3.0);
    QVERIFY(t.score(kAna, "B1", "PF"));
    QCOMPARE(t.scores.size(), 5);
}

void TestAssessorPack::mergeIsRefusedAndChangesNothing_data()
{
    QTest::addColumn<QString>("forgery");
    QTest::addColumn<QString>("expected");
    QTest::newRow("another round") << "round"
                                   << "another round";
    QTest::newRow("assessor not on the panel") << "assessor"
                                               << "not on the assessment panel";
    QTest::newRow("a score of another assessor") << "scoreof"
                                                 << "holds a score of";
    QTest::newRow("a declaration of another assessor") << "declof"
                                                       << "holds a declaration of";
    QTest::newRow("unknown bid") << "bid"
                                 << "unknown bid \"B9\"";
    QTest::newRow("unknown criterion") << "criterion"
                                       << "not a criterion the panel scores";
    QTest::newRow("the price scored") << "price"
                                      << "not a criterion the panel scores";
    QTest::newRow("off the scale") << "scale"
                                   << "between 0 and 5";
    QTest::newRow("no comment") << "comment"
                                << "needs a comment";
    QTest::newRow("a bidder not declared about") << "undeclared"
                                                 << "declared neither";
    QTest::newRow("a conflicted bidder scored") << "conflicted"
                                                << "declared a conflict";
    QTest::newRow("a conflict without its interest") << "nonote"
                                                     << "without saying";
    QTest::newRow("an unknown bidder") << "bidder"
                                       << "has no bid in this round";
    QTest::newRow("a recorded conflict withdrawn") << "withdraw"
                                                   << "withdraws the conflict";
    QTest::newRow("a score twice") << "twice"
                                   << "two scores";
    QTest::newRow("a half level") << "half"
                                  << "whole number";
    QTest::newRow("a conflict over recorded scores") << "conflictover"
                                                     << "withdraw them first";
}

void TestAssessorPack::mergeIsRefusedAndChangesNothing()
{
    QFETCH(QString, forgery);
    QFETCH(QString, expected);
    // A refused merge leaves the file as it was, so the rows share a file per kind of round.
    const QString variant =
        forgery == QLatin1String("withdraw") || forgery == QLatin1String("conflictover")
            ? forgery
            : QStringLiteral("plain");
    const QString roundPath = path(QStringLiteral("refused-%1.cocom").arg(variant));
    std::unique_ptr<RoundDocument> document;
    if (QFile::exists(roundPath)) {
        document = TestSupport::openRoundFile(roundPath);
    } else {
        document = roundFile(QFileInfo(roundPath).fileName(), [&](Round &round) {
            if (variant == QLatin1String("withdraw"))
                round.tender.conflicts.append({kAna, kBorough, true, "Trustee.", {}});
            if (variant == QLatin1String("conflictover")) {
                round.tender.conflicts.append({kAna, kBorough, false, {}, {}});
                round.tender.scores.append({kAna, "B2", "Q", 3, "Before the interest.", {}});
            }
        });
    }
    QVERIFY(document);
    PackReturn r = anasReturn(tenderRound());
    if (forgery == QLatin1String("withdraw")) {
        r.scores.removeIf([](const IndividualScore &s) { return s.bidId == "B2"; });
    }
    // Every forgery but the first keeps a valid score first: the merge is all or nothing.
    IndividualScore extra{kAna, "B3", "Q", 2, "A late one.", QDateTime::currentDateTimeUtc()};
    if (forgery == QLatin1String("round")) {
        r.roundUuid = QStringLiteral("ffffffffffffffffffffffffffffffff");
    } else if (forgery == QLatin1String("assessor")) {
        r.assessor = QStringLiteral("Mallory");
        extra.assessor = r.assessor;
        for (ConflictDeclaration &d : r.declarations)
            d.assessor = r.assessor;
        for (IndividualScore &s : r.scores)
            s.assessor = r.assessor;
    } else if (forgery == QLatin1String("scoreof")) {
        extra.assessor = kBen;
    } else if (forgery == QLatin1String("declof")) {
        r.declarations.last().assessor = kBen;
    } else if (forgery == QLatin1String("bid")) {
        extra.bidId = QStringLiteral("B9");
    } else if (forgery == QLatin1String("criterion")) {
        extra.criterionId = QStringLiteral("X");
    } else if (forgery == QLatin1String("price")) {
        extra.criterionId = QStringLiteral("P");
    } else if (forgery == QLatin1String("scale")) {
        extra.score = 6;
    } else if (forgery == QLatin1String("comment")) {
        extra.comment = QStringLiteral(" ");
    } else if (forgery == QLatin1String("undeclared")) {
        r.declarations.removeIf([](const ConflictDeclaration &d) { return d.bidder == kBorough; });
    } else if (forgery == QLatin1String("conflicted")) {
        r.declarations.last().conflicted = true;
        r.declarations.last().note = QStringLiteral("Trustee.");
    } else if (forgery == QLatin1String("nonote")) {
        r.declarations.last().conflicted = true;
    } else if (forgery == QLatin1String("bidder")) {
        r.declarations.append({kAna, QStringLiteral("Stranger Ltd"), false, {}, {}});
    } else if (forgery == QLatin1String("withdraw")) {
        // r declares no conflict with Borough Works, which the round records.
    } else if (forgery == QLatin1String("half")) {
        extra.score = 2.5;
    } else if (forgery == QLatin1String("conflictover")) {
        r.scores.removeIf([](const IndividualScore &s) { return s.bidId == "B2"; });
        r.declarations.last().conflicted = true;
        r.declarations.last().note = QStringLiteral("Joined the board.");
    } else if (forgery == QLatin1String("twice")) {
        extra = r.scores.first();
        extra.score = 1;
    }
    r.scores.append(extra);

    const Tender before = document->round().tender;
    const int steps = document->undoStack()->count();
    const QByteArray roundBytes = TestSupport::fileHash(roundPath);
    const Result<PackMergeSummary> summary = mergeReturn(*document, r);
    QVERIFY(!summary);
    QVERIFY2(summary.errorMessage().contains(expected), qPrintable(summary.errorMessage()));
    QCOMPARE(document->round().tender, before);
    QCOMPARE(document->undoStack()->count(), steps);
    QCOMPARE(TestSupport::fileHash(roundPath), roundBytes);
}

void TestAssessorPack::mergeIsRefusedOnceModerationOpens()
{
    auto document = roundFile(QStringLiteral("moderation.cocom"), [](Round &round) {
        round.tender.moderationOpenedAt = QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
    });
    QVERIFY(document);
    const Tender before = document->round().tender;
    const Result<PackMergeSummary> summary = mergeReturn(*document, anasReturn(tenderRound()));
    QVERIFY(!summary);
    QVERIFY2(summary.errorMessage().contains("Moderation is open"),
             qPrintable(summary.errorMessage()));
    QCOMPARE(document->round().tender, before);
}

// --- The command line ---------------------------------------------------------------------

void TestAssessorPack::cliExportsAndImports()
{
    const QString round = TestSupport::createRoundFile(path("cli.cocom"), tenderRound());
    QVERIFY(!round.isEmpty());
    const QString packFile = path(QStringLiteral("ana.ccpack"));
    const auto exported = runCli({"pack", "export", round, "--assessor", kAna, "-o", packFile});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QVERIFY2(exported.out.contains(QStringLiteral(
                 "Wrote the pack for Ana Assessor (DWP, Commissioning manager) to ana.ccpack: 3 "
                 "bids and 3 scored criteria.")),
             qPrintable(exported.out));

    const Result<AssessorPack> pack = readPack(packFile);
    QVERIFY2(pack, qPrintable(pack.errorMessage()));
    Result<PackSession> session = PackSession::start(*pack);
    QVERIFY(session);
    QVERIFY(session->declare(kAcme, false));
    QVERIFY(session->declare(kBorough, true, QStringLiteral("Former trustee.")));
    QVERIFY(session->setScore("B1", "Q", 4, "Clear."));
    QVERIFY(session->setScore("B3", "SV", 6, "Some local hires."));
    const QString returnFile = path(QStringLiteral("ana.ccreturn"));
    QVERIFY(writeReturn(returnFile, session->makeReturn()));

    const auto imported = runCli({"pack", "import", round, returnFile});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY2(imported.out.contains(QStringLiteral("Merged the return of Ana Assessor (pack %1) "
                                                  "from ana.ccreturn:")
                                       .arg(pack->packId)),
             qPrintable(imported.out));
    QVERIFY2(imported.out.contains(QStringLiteral("2 scores: 2 new, 0 replaced, 0 unchanged.")),
             qPrintable(imported.out));
    QVERIFY2(imported.out.contains(QStringLiteral("2 declarations: 2 new, 0 changed, 0 "
                                                  "unchanged; 1 conflict declared.")),
             qPrintable(imported.out));
    auto document = TestSupport::openRoundFile(round);
    QVERIFY(document);
    QVERIFY(document->round().tender.score(kAna, "B3", "SV"));
    QVERIFY(document->round().tender.conflict(kAna, kBorough)->conflicted);
    document.reset();

    const auto again = runCli({"pack", "import", round, returnFile});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(QStringLiteral("nothing changed")), qPrintable(again.out));
}

void TestAssessorPack::cliRefusesBadFilesAndChangesNothing_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a pack to import") << "import"
                                      << "pack"
                                      << "is an assessor pack, not a return";
    QTest::newRow("a tampered return") << "import"
                                       << "tampered"
                                       << "checksum does not match";
    QTest::newRow("a return for another round") << "import"
                                                << "otherround"
                                                << "another round";
    QTest::newRow("an unknown assessor") << "export"
                                         << "Nobody"
                                         << "not on the assessment panel";
    QTest::newRow("no output") << "export"
                               << ""
                               << "-o";
    QTest::newRow("unknown verb") << "score"
                                  << ""
                                  << "Unknown pack command";
}

void TestAssessorPack::cliRefusesBadFilesAndChangesNothing()
{
    QFETCH(QString, verb);
    QFETCH(QString, file);
    QFETCH(QString, expected);
    // Every row is refused and changes nothing, so they share one round file.
    const QString shared = path(QStringLiteral("cli-refused.cocom"));
    const QString round =
        QFile::exists(shared) ? shared : TestSupport::createRoundFile(shared, tenderRound());
    QVERIFY(!round.isEmpty());
    const QByteArray before = TestSupport::fileHash(round);
    const QString out = path(QStringLiteral("cli-%1.file").arg(QTest::currentDataTag()));

    QStringList arguments{"pack", verb, round};
    if (verb == QLatin1String("export")) {
        if (!file.isEmpty())
            arguments << "--assessor" << file << "-o" << out;
        else
            arguments << "--assessor" << kAna;
    } else if (verb == QLatin1String("import")) {
        if (file == QLatin1String("pack")) {
            QVERIFY(writePack(out, *makePack(tenderRound(), kAna)));
        } else {
            PackReturn r = anasReturn(tenderRound());
            if (file == QLatin1String("otherround"))
                r.roundUuid = QStringLiteral("another");
            QVERIFY(writeReturn(out, r));
            if (file == QLatin1String("tampered")) {
                QByteArray bytes = readAll(out);
                bytes.replace("Clear model.", "Great model.");
                writeAll(out, bytes);
            }
        }
        arguments << out;
    }
    const auto run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    if (verb == QLatin1String("import"))
        QVERIFY2(run.err.contains(QFileInfo(out).fileName()), qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(round), before);
}

QTEST_GUILESS_MAIN(TestAssessorPack)
#include "tst_assessorpack.moc"
