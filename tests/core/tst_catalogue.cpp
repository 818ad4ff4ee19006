#include "core/commands/cataloguecommands.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace CoCommission;

class TestCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void addEditRemoveAreStoredAndUndoable();
    void namesMustBeUniqueAndPresent();
    void rankingsFixTheSetOfGroups();
    void agreementsKeepTheirGroups();
    void frozenWithStageTwo();

private:
    QStringList keys() const;
    void reopen();
    QTemporaryDir m_dir;
    std::unique_ptr<RoundDocument> m_document;
    int m_count = 0;
};

void TestCatalogue::init()
{
    Round demo = *LondonRound::demo();
    demo.agreements.clear(); // none naming groups, unless a test makes one
    auto document = RoundDocument::create(
        m_dir.filePath(QStringLiteral("c%1.cocom").arg(++m_count)), demo, QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_document = std::move(*document);
}

QStringList TestCatalogue::keys() const
{
    QStringList result;
    for (const PriorityGroup &g : m_document->round().priorityGroups)
        result.append(g.key);
    return result;
}

void TestCatalogue::reopen()
{
    const QString path = m_document->filePath();
    m_document.reset();
    auto reopened = RoundDocument::open(path);
    QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
    m_document = std::move(*reopened);
}

void TestCatalogue::addEditRemoveAreStoredAndUndoable()
{
    const QStringList original = keys();
    QUndoStack *stack = m_document->undoStack();
    const Result<QString> key = Commands::addPriorityGroup(
        m_document.get(), "  Carers returning to work ", "Unpaid carers");
    QVERIFY2(key, qPrintable(key.errorMessage()));
    QCOMPARE(*key, QString("carers_returning_to_work"));
    QCOMPARE(keys(), original + QStringList{*key});
    QCOMPARE(m_document->round().priorityGroups.constLast().name,
             QString("Carers returning to work"));
    QVERIFY(Commands::editPriorityGroup(m_document.get(), "care_leavers", "Young care leavers",
                                        "Aged 18-25"));
    QVERIFY(Commands::removePriorityGroup(m_document.get(), "ex_offenders"));
    QCOMPARE(stack->count(), 3);
    QVERIFY(!keys().contains("ex_offenders"));

    const Round edited = m_document->round();
    reopen();
    QCOMPARE(m_document->round().priorityGroups, edited.priorityGroups);

    // Undo on a fresh stack is not possible after reopening; do it all again and undo.
    QVERIFY(Commands::removePriorityGroup(m_document.get(), "homelessness"));
    const int place = int(edited.priorityGroups.indexOf(
        *std::find_if(edited.priorityGroups.begin(), edited.priorityGroups.end(),
                      [](const PriorityGroup &g) { return g.key == "homelessness"; })));
    m_document->undoStack()->undo();
    QCOMPARE(m_document->round().priorityGroups, edited.priorityGroups); // back in its place
    QCOMPARE(keys().indexOf("homelessness"), place);
    m_document->undoStack()->redo();
    QVERIFY(!keys().contains("homelessness"));
}

void TestCatalogue::namesMustBeUniqueAndPresent()
{
    const Round before = m_document->round();
    QVERIFY(!Commands::addPriorityGroup(m_document.get(), "   ", ""));
    QVERIFY(!Commands::addPriorityGroup(m_document.get(), "care LEAVERS", ""));
    QVERIFY(!Commands::editPriorityGroup(m_document.get(), "care_leavers", "Ex-offenders", ""));
    QVERIFY(!Commands::editPriorityGroup(m_document.get(), "no_such_group", "X", ""));
    QVERIFY(!Commands::removePriorityGroup(m_document.get(), "no_such_group"));
    QCOMPARE(m_document->round(), before);
    QCOMPARE(m_document->undoStack()->count(), 0);
    // The same name twice gets a key of its own.
    QVERIFY(m_document->addPriorityGroup("Group", ""));
    QVERIFY(m_document->editPriorityGroup("group", "Renamed", ""));
    QCOMPARE(*m_document->addPriorityGroup("Group", ""), QString("group_2"));
}

void TestCatalogue::rankingsFixTheSetOfGroups()
{
    const CpaId cpa = m_document->round().adoptedPlan()->cpas.first().id;
    QVERIFY(m_document->setPartnerRanking(cpa, "DWP", keys()));
    const Result<QString> refused = Commands::addPriorityGroup(m_document.get(), "Veterans", "");
    QVERIFY(refused.errorMessage().contains("ranked"));
    QVERIFY(!Commands::removePriorityGroup(m_document.get(), "care_leavers"));
    // Renaming is still allowed: rankings hold keys, not names.
    QVERIFY(
        Commands::editPriorityGroup(m_document.get(), "care_leavers", "Care leavers (18-25)", ""));
    QVERIFY(m_document->setPartnerRanking(cpa, "DWP", std::nullopt));
    QVERIFY(Commands::addPriorityGroup(m_document.get(), "Veterans", ""));
}

void TestCatalogue::agreementsKeepTheirGroups()
{
    const CpaId cpa = m_document->round().adoptedPlan()->cpas.first().id;
    QVERIFY(m_document->setAgreement(
        cpa, LabourMarketAgreement{cpa, {"claimant_count"}, "Needs", {"care_leavers"}, {}}));
    const Status refused = m_document->removePriorityGroup("care_leavers");
    QVERIFY(refused.errorMessage().contains("Central London Forward"));
    QVERIFY(keys().contains("care_leavers"));
}

void TestCatalogue::frozenWithStageTwo()
{
    // A round whose stage 2 is signed off, as a file holds it.
    Round frozen = m_document->round();
    frozen.stage(StageId::Priorities).status = StageStatus::SignedOff;
    auto document =
        RoundDocument::create(m_dir.filePath("frozen.cocom"), frozen, QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    QVERIFY((*document)
                ->editPriorityGroup("care_leavers", "Changed", "")
                .errorMessage()
                .contains("signed off"));
    QVERIFY(!(*document)->addPriorityGroup("New", ""));
}

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
