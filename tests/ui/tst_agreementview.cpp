#include "ui/needs/agreementview.h"

#include "core/needs/indicators.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/noticebox.h"
#include "ui/stagepage.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace CoCommission;

class TestAgreementView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsTheRecordedAgreementWithTheCpasValues();
    void savingRecordsOneUndoStep();
    void unsavedEditsHoldTheCpaAndRevertPutsThemBack();
    void removingAndUndo();
    void frozenWhenStageOneIsReady();
    void noAdoptedPlanSaysSo();
    void theNeedsStagePageShowsThem();

private:
    static int row(const QListWidget *list, const QString &key);
    QTemporaryDir m_dir;
    std::unique_ptr<RoundDocument> m_document;
    DialogService m_dialogs;
    std::unique_ptr<EditRunner> m_edits;
    std::unique_ptr<AgreementView> m_view;
    int m_count = 0;
};

void TestAgreementView::init()
{
    m_dialogs.setInteractive(false);
    m_dialogs.clearMessages();
    auto document =
        RoundDocument::create(m_dir.filePath(QStringLiteral("v%1.cocom").arg(++m_count)),
                              *LondonRound::demo(), QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_document = std::move(*document);
    m_edits = std::make_unique<EditRunner>(&m_dialogs, nullptr);
    m_edits->setDocument(m_document.get());
    m_view = std::make_unique<AgreementView>(m_edits.get());
    m_view->setDocument(m_document.get());
}

void TestAgreementView::cleanup()
{
    m_view.reset();
    m_edits.reset();
    m_document.reset();
}

int TestAgreementView::row(const QListWidget *list, const QString &key)
{
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == key)
            return i;
    }
    return -1;
}

void TestAgreementView::showsTheRecordedAgreementWithTheCpasValues()
{
    const Round &round = m_document->round();
    const Cpa &cpa = round.adoptedPlan()->cpas.at(1);
    QVERIFY(m_view->setCpa(cpa.id));
    QCOMPARE(m_view->cpaCombo()->count(), 4);
    const LabourMarketAgreement *a = round.agreement(cpa.id);
    QCOMPARE(m_view->narrativeEdit()->toPlainText(), a->narrative);
    for (const QString &key : a->priorityGroups)
        QCOMPARE(m_view->groupList()->item(row(m_view->groupList(), key))->checkState(),
                 Qt::Checked);
    QCOMPARE(m_view->groupList()->item(row(m_view->groupList(), "care_leavers"))->checkState(),
             Qt::Unchecked);
    // The headline indicator shows the CPA's own value, recomputed from its members.
    const Indicators indicators(round);
    const QString rate = round.ratios.first().key();
    const IndicatorInfo *info = indicators.find(rate);
    const double value = *indicators.value(rate, cpa.members, info->dates.last());
    QListWidgetItem *item = m_view->indicatorList()->item(row(m_view->indicatorList(), rate));
    QCOMPARE(item->checkState(), Qt::Checked);
    QVERIFY2(item->text().contains(QLocale().toString(value, 'f', 1)), qPrintable(item->text()));
    QVERIFY(m_view->statusLabel()->text().startsWith("Recorded"));
    QVERIFY(!m_view->saveButton()->isEnabled());
    QVERIFY(m_view->removeButton()->isEnabled());
}

void TestAgreementView::savingRecordsOneUndoStep()
{
    const CpaId cpa = m_document->round().adoptedPlan()->cpas.first().id;
    QVERIFY(m_view->setCpa(cpa));
    const LabourMarketAgreement before = *m_document->round().agreement(cpa);
    m_view->narrativeEdit()->setPlainText("Agreed at the workshop.");
    m_view->groupList()->item(row(m_view->groupList(), "care_leavers"))->setCheckState(Qt::Checked);
    QVERIFY(m_view->isModified());
    QVERIFY(m_view->saveButton()->isEnabled());
    QTest::mouseClick(m_view->saveButton(), Qt::LeftButton);
    const LabourMarketAgreement *after = m_document->round().agreement(cpa);
    QCOMPARE(after->narrative, QString("Agreed at the workshop."));
    QVERIFY(after->priorityGroups.contains("care_leavers"));
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(!m_view->isModified());

    m_document->undoStack()->undo();
    QCOMPARE(m_document->round().agreement(cpa)->narrative, before.narrative);
    QCOMPARE(m_view->narrativeEdit()->toPlainText(), before.narrative); // the view follows
}

void TestAgreementView::unsavedEditsHoldTheCpaAndRevertPutsThemBack()
{
    const CpaId cpa = m_document->round().adoptedPlan()->cpas.first().id;
    QVERIFY(m_view->setCpa(cpa));
    const QString recorded = m_view->narrativeEdit()->toPlainText();
    m_view->narrativeEdit()->setPlainText("Half-written");
    QVERIFY(!m_view->cpaCombo()->isEnabled());
    // A change elsewhere does not throw away what is being typed.
    QVERIFY(m_document->setTitle("Renamed elsewhere"));
    QCOMPARE(m_view->narrativeEdit()->toPlainText(), QString("Half-written"));
    QTest::mouseClick(m_view->revertButton(), Qt::LeftButton);
    QCOMPARE(m_view->narrativeEdit()->toPlainText(), recorded);
    QVERIFY(m_view->cpaCombo()->isEnabled());
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestAgreementView::removingAndUndo()
{
    const CpaId cpa = m_document->round().adoptedPlan()->cpas.at(2).id;
    QVERIFY(m_view->setCpa(cpa));
    QTest::mouseClick(m_view->removeButton(), Qt::LeftButton);
    QVERIFY(!m_document->round().agreement(cpa));
    QVERIFY(m_view->narrativeEdit()->toPlainText().isEmpty());
    QCOMPARE(m_view->statusLabel()->text(), QString("No agreement recorded for this CPA yet."));
    QVERIFY(!m_view->removeButton()->isEnabled());
    m_document->undoStack()->undo();
    QVERIFY(m_document->round().agreement(cpa));
    QVERIFY(!m_view->narrativeEdit()->toPlainText().isEmpty());
}

void TestAgreementView::frozenWhenStageOneIsReady()
{
    QVERIFY(m_document->setStageStatus(StageId::Needs, StageStatus::ReadyForSignOff));
    QVERIFY(!m_view->frozenNotice()->isHidden());
    QVERIFY(m_view->frozenNotice()->text().contains("ready for sign-off"));
    QVERIFY(m_view->narrativeEdit()->isReadOnly());
    QVERIFY(!(m_view->groupList()->item(0)->flags() & Qt::ItemIsUserCheckable));
    QVERIFY(!m_view->removeButton()->isEnabled());
    QVERIFY(m_document->setStageStatus(StageId::Needs, StageStatus::InProgress));
    QVERIFY(m_view->frozenNotice()->isHidden());
    QVERIFY(!m_view->narrativeEdit()->isReadOnly());
}

void TestAgreementView::noAdoptedPlanSaysSo()
{
    Round round = *LondonRound::demo();
    round.plans.first().adopted = false;
    round.agreements.clear();
    auto document = RoundDocument::create(m_dir.filePath("unadopted.cocom"), round, "tester");
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_view->setDocument(document->get());
    QVERIFY(m_view->cpaCombo()->isHidden() || !m_view->cpaCombo()->isVisibleTo(m_view.get()));
    const QList<QLabel *> labels = m_view->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [&](QLabel *l) {
        return l->isVisibleTo(m_view.get()) && l->text().contains("adopt a plan");
    }));
    m_view->setDocument(nullptr);
}

void TestAgreementView::theNeedsStagePageShowsThem()
{
    StagePage page(m_edits.get(), &m_dialogs);
    page.setDocument(m_document.get());
    auto *box = page.findChild<QGroupBox *>("agreementsBox");
    QVERIFY(box);
    page.setStage(StageId::Needs);
    QVERIFY(box->isVisibleTo(&page));
    QCOMPARE(page.agreementView()->cpaCombo()->count(), 4);
    page.setStage(StageId::Design);
    QVERIFY(!box->isVisibleTo(&page));
}

QTEST_MAIN(TestAgreementView)
#include "tst_agreementview.moc"
