#include "ui/models/stagelistmodel.h"

#include "core/commands/commands.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace CoCommission;

class TestStageListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void noDocumentMeansNoRows();
    void rowsNameTheOverviewAndSixStages();
    void stageRowsCarryStatusSummaryAndTooltip();
    void statusChangeEmitsDataChangedForThatStage();
    void signOffUpdatesTheStageTheOverviewAndTheNextStage();
    void modelChangeUpdatesWhoMustSign();
    void deletedDocumentEmptiesTheModel();

private:
    /** Rows covered by the dataChanged() signals recorded in \a spy. */
    static QSet<int> changedRows(const QSignalSpy &spy);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RoundDocument> m_document;
};

void TestStageListModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStageListModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo.ok(), qPrintable(demo.errorMessage()));
    auto created = RoundDocument::create(m_dir->filePath(QStringLiteral("round.cocom")), *demo,
                                         QStringLiteral("tester"));
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    m_document = std::move(*created);
}

void TestStageListModel::cleanup()
{
    m_document.reset();
    m_dir.reset();
}

QSet<int> TestStageListModel::changedRows(const QSignalSpy &spy)
{
    QSet<int> rows;
    for (const QList<QVariant> &arguments : spy) {
        const auto topLeft = arguments.at(0).value<QModelIndex>();
        const auto bottomRight = arguments.at(1).value<QModelIndex>();
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
            rows.insert(row);
    }
    return rows;
}

void TestStageListModel::noDocumentMeansNoRows()
{
    StageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setDocument(m_document.get());
    QCOMPARE(model.rowCount(), StageListModel::kRowCount);
    model.setDocument(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.count(), 2);
}

void TestStageListModel::rowsNameTheOverviewAndSixStages()
{
    StageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(m_document.get());

    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Round overview"));
    QVERIFY(model.index(0).data(StageListModel::IsOverviewRole).toBool());
    QCOMPARE(model.index(0).data(StageListModel::StageRole).toInt(), -1);
    QCOMPARE(model.index(0).data(StageListModel::SummaryRole).toString(),
             QStringLiteral("0 of 6 stages signed off"));

    const QStringList expected = {
        QStringLiteral("1. Assessing local needs"),
        QStringLiteral("2. Deciding the priorities for intervention"),
        QStringLiteral("3. Design of services"),
        QStringLiteral("4. Shaping the structure of supply"),
        QStringLiteral("5. Selecting the provider"),
        QStringLiteral("6. Monitoring and evaluating provision"),
    };
    for (int i = 0; i < 6; ++i) {
        const QModelIndex index = model.index(i + 1);
        QCOMPARE(index.data().toString(), expected.at(i));
        QCOMPARE(index.data(StageListModel::StageRole).toInt(), i);
        QCOMPARE(StageListModel::stageAt(i + 1), std::optional<StageId>(kAllStages[size_t(i)]));
        QCOMPARE(StageListModel::rowOf(kAllStages[size_t(i)]), i + 1);
        QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(index.flags() & Qt::ItemIsSelectable);
    }
    QVERIFY(!StageListModel::stageAt(0));
    QVERIFY(!StageListModel::stageAt(7));

    // The last row is the CPA editor, with the state of the adopted plan.
    const QModelIndex cpa = model.index(StageListModel::kCpaRow);
    QCOMPARE(cpa.data().toString(), QStringLiteral("Contract Package Areas"));
    QVERIFY(cpa.data(StageListModel::IsCpaRole).toBool());
    QCOMPARE(cpa.data(StageListModel::StageRole).toInt(), -1);
    QCOMPARE(cpa.data(StageListModel::SummaryRole).toString(),
             QStringLiteral("1 plan · adopted plan keeps every rule"));
    QVERIFY(cpa.data(Qt::DecorationRole).value<QIcon>().isNull());
}

void TestStageListModel::stageRowsCarryStatusSummaryAndTooltip()
{
    StageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(m_document.get());

    // The demo round has stage 1 in progress with its figures in place.
    const QModelIndex needs = model.index(StageListModel::rowOf(StageId::Needs));
    QCOMPARE(needs.data(StageListModel::StatusRole).toInt(), int(StageStatus::InProgress));
    const QStringList outstanding = StageRules::outstanding(m_document->round(), StageId::Needs);
    QCOMPARE(outstanding.size(), 3); // ready, DWP, partnership board
    QCOMPARE(needs.data(StageListModel::OutstandingCountRole).toInt(), 3);
    QCOMPARE(needs.data(StageListModel::SummaryRole).toString(),
             QStringLiteral("In progress · 3 things still needed"));
    const QString toolTip = needs.data(Qt::ToolTipRole).toString();
    for (const QString &item : outstanding)
        QVERIFY2(toolTip.contains(item), qPrintable(toolTip));
    QVERIFY(needs.data(Qt::AccessibleTextRole)
                .toString()
                .contains(QStringLiteral("3 things still needed")));

    const QModelIndex design = model.index(StageListModel::rowOf(StageId::Design));
    QCOMPARE(design.data(StageListModel::StatusRole).toInt(), int(StageStatus::NotStarted));
    QVERIFY(design.data(StageListModel::SummaryRole)
                .toString()
                .startsWith(QStringLiteral("Not started · ")));
}

void TestStageListModel::statusChangeEmitsDataChangedForThatStage()
{
    StageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(m_document.get());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(Commands::setStageStatus(m_document.get(), StageId::Needs, StageStatus::ReadyForSignOff)
                .ok());
    QVERIFY(changedRows(changed).contains(1));
    // Stages the change does not touch are not repainted.
    QVERIFY(!changedRows(changed).contains(4));
    const QModelIndex needs = model.index(1);
    QCOMPARE(needs.data(StageListModel::StatusRole).toInt(), int(StageStatus::ReadyForSignOff));
    QCOMPARE(needs.data(StageListModel::SummaryRole).toString(),
             QStringLiteral("Ready for sign-off · 2 things still needed"));

    changed.clear();
    m_document->undoStack()->undo();
    QVERIFY(changedRows(changed).contains(1));
    QCOMPARE(needs.data(StageListModel::StatusRole).toInt(), int(StageStatus::InProgress));
}

void TestStageListModel::signOffUpdatesTheStageTheOverviewAndTheNextStage()
{
    StageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(m_document.get());
    const int priorNeeds = model.index(2).data(StageListModel::OutstandingCountRole).toInt();

    QVERIFY(Commands::setStageStatus(m_document.get(), StageId::Needs, StageStatus::ReadyForSignOff)
                .ok());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_document
                ->signOff(StageId::Needs, SignOffParty::Dwp, QStringLiteral("A. Shah"),
                          QStringLiteral("DWP commissioning lead"), QStringLiteral("Agreed"))
                .ok());
    QVERIFY(m_document
                ->signOff(StageId::Needs, SignOffParty::PartnershipBoard,
                          QStringLiteral("B. Jones"), QStringLiteral("Chair"),
                          QStringLiteral("Agreed"))
                .ok());

    const QSet<int> rows = changedRows(changed);
    QVERIFY(rows.contains(0));
    QVERIFY(rows.contains(1));
    QVERIFY(rows.contains(2));
    QCOMPARE(model.index(1).data(StageListModel::StatusRole).toInt(), int(StageStatus::SignedOff));
    QCOMPARE(model.index(1).data(StageListModel::SummaryRole).toString(),
             QStringLiteral("Signed off"));
    QCOMPARE(model.index(1).data(StageListModel::OutstandingCountRole).toInt(), 0);
    QCOMPARE(model.index(0).data(StageListModel::SummaryRole).toString(),
             QStringLiteral("1 of 6 stages signed off"));
    // Stage 2 no longer waits for stage 1.
    QCOMPARE(model.index(2).data(StageListModel::OutstandingCountRole).toInt(), priorNeeds - 1);
}

void TestStageListModel::modelChangeUpdatesWhoMustSign()
{
    StageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(m_document.get());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(Commands::setModel(m_document.get(), DevolutionModel::PartnershipDelivery).ok());
    // Model 2: only the lead authority signs stage 1, so one thing fewer.
    QVERIFY(changedRows(changed).contains(1));
    QCOMPARE(model.index(1).data(StageListModel::OutstandingCountRole).toInt(), 2);
    QVERIFY(model.index(1)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(partyName(SignOffParty::LeadAuthority)));
}

void TestStageListModel::deletedDocumentEmptiesTheModel()
{
    StageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(m_document.get());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    m_document.reset();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.document());
}

QTEST_MAIN(TestStageListModel)
#include "tst_stagelistmodel.moc"
