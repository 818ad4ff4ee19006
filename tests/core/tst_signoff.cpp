#include "core/commands/commands.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"
#include "core/store/auditlog.h"
#include "core/store/verifier.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace CoCommission;

class TestSignOff : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void everyRequiredPartySigns_data();
    void everyRequiredPartySigns();
    void signatureArchivesTheRoundAsSigned();
    void signatureNeedsNameRoleAndRationale();
    void signatureIsFinal();
    void modelCannotChangeOnceSigned();

private:
    std::unique_ptr<RoundDocument> openDemo(DevolutionModel model);
    QTemporaryDir m_dir;
    int m_count = 0;
};

void TestSignOff::init()
{
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<RoundDocument> TestSignOff::openDemo(DevolutionModel model)
{
    Round round = *LondonRound::demo();
    round.model = model;
    auto document =
        RoundDocument::create(m_dir.filePath(QStringLiteral("r%1.cocom").arg(++m_count)), round,
                              QStringLiteral("tester"));
    if (!document)
        qFatal("%s", qPrintable(document.errorMessage()));
    return std::move(*document);
}

void TestSignOff::everyRequiredPartySigns_data()
{
    QTest::addColumn<int>("model");
    QTest::newRow("model 1: DWP and the partnership board") << 1;
    QTest::newRow("model 2: lead authority") << 2;
    QTest::newRow("model 3: lead authority") << 3;
}

void TestSignOff::everyRequiredPartySigns()
{
    QFETCH(int, model);
    auto document = openDemo(*modelFromNumber(model));
    QVERIFY(document->setStageStatus(StageId::Needs, StageStatus::ReadyForSignOff));

    const QList<SignOffParty> parties =
        StageRules::requiredParties(*modelFromNumber(model), StageId::Needs);
    QSignalSpy recorded(document.get(), &RoundDocument::signOffRecorded);
    for (qsizetype i = 0; i < parties.size(); ++i) {
        QCOMPARE(document->round().stage(StageId::Needs).status, StageStatus::ReadyForSignOff);
        const auto id = document->signOff(StageId::Needs, parties[i], QStringLiteral("A. Signer"),
                                          QStringLiteral("Chair"),
                                          QStringLiteral("The needs analysis is sound."));
        QVERIFY2(id, qPrintable(id.errorMessage()));
    }
    QCOMPARE(recorded.count(), parties.size());
    QCOMPARE(document->round().stage(StageId::Needs).status, StageStatus::SignedOff);

    // A party the model does not name is refused.
    for (SignOffParty p :
         {SignOffParty::Dwp, SignOffParty::PartnershipBoard, SignOffParty::LeadAuthority}) {
        if (!parties.contains(p))
            QVERIFY(!document->signOff(StageId::Needs, p, QStringLiteral("X"), QStringLiteral("Y"),
                                       QStringLiteral("Z")));
    }

    // The signatures and the status survive reopening, and the file verifies.
    const QString path = document->filePath();
    const Round signedRound = document->round();
    document.reset();
    auto reopened = RoundDocument::open(path);
    QVERIFY(reopened);
    QCOMPARE((*reopened)->round(), signedRound);
    QVERIFY(verifyRoundFile(path)->passed());
}

void TestSignOff::signatureArchivesTheRoundAsSigned()
{
    auto document = openDemo(DevolutionModel::CoCommissioning);
    QVERIFY(document->setStageStatus(StageId::Needs, StageStatus::ReadyForSignOff));
    const Round asSigned = document->round();
    const auto id =
        document->signOff(StageId::Needs, SignOffParty::Dwp, QStringLiteral("D. Official"),
                          QStringLiteral("DWP commissioning lead"), QStringLiteral("Agreed"));
    QVERIFY(id);
    const SignOff &s = document->round().signOffs.constLast();
    QCOMPARE(s.id, *id);
    QCOMPARE(s.snapshotSha256.size(), 64);
    QVERIFY(s.signedAt.isValid());

    const Result<Round> archived = document->snapshotRound(s.snapshot);
    QVERIFY2(archived, qPrintable(archived.errorMessage()));
    QCOMPARE(*archived, asSigned);

    const auto entries = document->auditEntries();
    QCOMPARE(entries->constLast().action, QStringLiteral("sign_off"));
    QVERIFY(entries->constLast().after.contains(s.snapshotSha256));
    QVERIFY(entries->constLast().after.contains(QStringLiteral("D. Official")));
}

void TestSignOff::signatureNeedsNameRoleAndRationale()
{
    auto document = openDemo(DevolutionModel::CoCommissioning);
    QVERIFY(document->setStageStatus(StageId::Needs, StageStatus::ReadyForSignOff));
    const auto entriesBefore = document->auditEntries()->size();
    QVERIFY(!document->signOff(StageId::Needs, SignOffParty::Dwp, QStringLiteral("Name"),
                               QStringLiteral("Role"), QStringLiteral("  ")));
    QVERIFY(document->round().signOffs.isEmpty());
    QCOMPARE(document->auditEntries()->size(), entriesBefore);
}

void TestSignOff::signatureIsFinal()
{
    auto document = openDemo(DevolutionModel::CoCommissioning);
    QVERIFY(Commands::setTitle(document.get(), QStringLiteral("Before signing")));
    QVERIFY(Commands::setStageStatus(document.get(), StageId::Needs, StageStatus::ReadyForSignOff));
    QCOMPARE(document->undoStack()->count(), 2);
    QVERIFY(document->signOff(StageId::Needs, SignOffParty::Dwp, QStringLiteral("N"),
                              QStringLiteral("R"), QStringLiteral("Because")));
    QCOMPARE(document->undoStack()->count(), 0);
    // A stage carrying a signature cannot be withdrawn.
    QVERIFY(!document->setStageStatus(StageId::Needs, StageStatus::InProgress));
    QVERIFY(!Commands::setStageStatus(document.get(), StageId::Needs, StageStatus::InProgress));
    QCOMPARE(document->round().stage(StageId::Needs).status, StageStatus::ReadyForSignOff);
}

void TestSignOff::modelCannotChangeOnceSigned()
{
    auto document = openDemo(DevolutionModel::CoCommissioning);
    QVERIFY(document->setModel(DevolutionModel::PartnershipDelivery));
    QVERIFY(document->setModel(DevolutionModel::CoCommissioning));
    QVERIFY(document->setStageStatus(StageId::Needs, StageStatus::ReadyForSignOff));
    QVERIFY(document->signOff(StageId::Needs, SignOffParty::Dwp, QStringLiteral("N"),
                              QStringLiteral("R"), QStringLiteral("Because")));
    const Status s = document->setModel(DevolutionModel::FullDevolution);
    QVERIFY(!s);
    QVERIFY(s.errorMessage().contains(QStringLiteral("signatures")));
    QCOMPARE(document->round().model, DevolutionModel::CoCommissioning);
}

QTEST_GUILESS_MAIN(TestSignOff)
#include "tst_signoff.moc"
