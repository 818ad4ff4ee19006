// The stage 6 "Performance" and "Report to DWP" tabs, on the demo round and on a small round
// made by hand whose figures give a green, an amber and a red row: the table against core's
// report, the pickers, the trend chart, the deferral while hidden, the commentary with its
// undo, saving and copying the report, the frozen stage and the accessible names and keys.

#include "tests/support/accessibility.h"
#include "tests/support/demoround.h"
#include "tests/support/testsupport.h"
#include "ui/monitoring/monitoringview.h"

#include "core/monitoring/contractreport.h"
#include "core/monitoring/performance.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/round/stage.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/monitoring/contractreportview.h"
#include "ui/monitoring/performancemodel.h"
#include "ui/monitoring/performanceview.h"
#include "ui/monitoring/returnsview.h"
#include "ui/noticebox.h"
#include "ui/settings.h"

#include <QAbstractButton>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFocusEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace CoCommission;

namespace {

QDate month(const char *key)
{
    return *periodFromKey(QString::fromLatin1(key));
}

const QString kEsa = QStringLiteral("esa_wrag");
const QString kMulti = QStringLiteral("multiple_disadvantages");

} // namespace

class TestPerformanceView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // Performance.
    void demoTableEqualsTheReport();
    void smallTableEqualsTheReport();
    void ragIsAWordAndAColour();
    void ragColoursKeepTheirContrast();
    void changingThePeriodChangesTheCumulativeFigures();
    void cpaFilterShowsOneCpa();
    void prioritiesAndStandardsFollowTheReport();
    void warningsAreShown();
    void trendHoldsTheMonthlyAndCumulativeValues();
    void hiddenTabDoesNotRecompute();
    void selectionIsKeptAcrossChanges();
    void emptyRoundSaysWhatIsMissing();

    // Report to DWP.
    void reportShowsThePaperFindings();
    void commentaryIsStoredForItsMonthAndUndone();
    void commentaryOfAnotherMonthStaysApart();
    void saveAsHtmlWritesTheHeadings();
    void aFailedSaveIsReported();
    void copyAsTextPutsThePaperOnTheClipboard();

    // States and access.
    void frozenStageMakesTheCommentaryReadOnly();
    void everyControlHasAnAccessibleName();
    void mnemonicsDoNotClash();

private:
    void open(const std::function<void(Round &)> &change = {});
    /** The demo round without its stage 6 and a small stage 6 of the test's own. */
    void openSmall(const std::function<void(Round &)> &change = {});
    PerformanceView *performance() const { return m_view->performanceView(); }
    ContractReportView *report() const { return m_view->reportView(); }
    CpaId cpa(int index) const { return m_demo.document->round().adoptedPlan()->cpas.at(index).id; }
    const ProgrammeBoard &board() const { return m_demo.document->round().monitoring.board; }
    void showReportTab();
    /** Compares the table with core's report to the view's period, row by row. */
    void compareWithReport();
    static QStringList unnamedControls(QWidget *root);

    TestSupport::DemoRound m_demo;
    std::unique_ptr<MonitoringView> m_view;
};

void TestPerformanceView::initTestCase()
{
    TestSupport::DemoRound::setUpApplication();
}

void TestPerformanceView::init()
{
    Settings::clear();
}

void TestPerformanceView::cleanup()
{
    m_view.reset();
    m_demo.close();
}

void TestPerformanceView::open(const std::function<void(Round &)> &change)
{
    m_view.reset();
    QVERIFY(m_demo.open(change, QStringLiteral("round.cocom"), false));
    m_view = std::make_unique<MonitoringView>(m_demo.edits.get(), m_demo.dialogs.get());
    m_view->resize(1200, 900);
    m_view->setDocument(m_demo.document.get());
    m_view->show();
}

void TestPerformanceView::openSmall(const std::function<void(Round &)> &change)
{
    open([&](Round &round) {
        const CpaId a = round.adoptedPlan()->cpas.at(0).id;
        const CpaId b = round.adoptedPlan()->cpas.at(1).id;
        const auto figure = [](const char *period, CpaId cpa, const QString &group,
                               MonitoringMeasure measure, double value) {
            return MonitoringFigure{month(period), cpa, group, measure, value};
        };
        Monitoring m;
        m.profile.start = month("2019-04");
        m.profile.months = 12;
        m.profile.source = QStringLiteral("Entered by the test");
        for (const char *period : {"2019-04", "2019-05", "2019-06"}) {
            m.profile.figures << figure(period, a, kEsa, MonitoringMeasure::Referrals, 20)
                              << figure(period, a, kEsa, MonitoringMeasure::Starts, 10)
                              << figure(period, a, kMulti, MonitoringMeasure::Starts, 10)
                              << figure(period, b, kEsa, MonitoringMeasure::Starts, 5);
        }
        PerformanceReturn april;
        april.id = 1;
        april.source = QStringLiteral("april.csv");
        april.receivedAt = QDateTime(QDate(2019, 5, 10), QTime(9, 0), Qt::UTC);
        // CPA b reports more job outcomes than starts: a warning.
        april.figures = {figure("2019-04", a, kEsa, MonitoringMeasure::Referrals, 20),
                         figure("2019-04", a, kEsa, MonitoringMeasure::Starts, 10),
                         figure("2019-04", a, kMulti, MonitoringMeasure::Starts, 9),
                         figure("2019-04", b, kEsa, MonitoringMeasure::Starts, 5),
                         figure("2019-04", b, kEsa, MonitoringMeasure::JobOutcomes, 8)};
        april.standards = {{month("2019-04"), a, QStringLiteral("first_contact"), 4}};
        PerformanceReturn may;
        may.id = 2;
        may.source = QStringLiteral("may.csv");
        may.receivedAt = QDateTime(QDate(2019, 6, 10), QTime(9, 0), Qt::UTC);
        may.figures = {figure("2019-05", a, kEsa, MonitoringMeasure::Referrals, 20),
                       figure("2019-05", a, kEsa, MonitoringMeasure::Starts, 10),
                       figure("2019-05", a, kMulti, MonitoringMeasure::Starts, 5)};
        m.returns = {april, may};
        round.monitoring = m;
        if (change)
            change(round);
    });
}

void TestPerformanceView::showReportTab()
{
    m_view->tabs()->setCurrentWidget(report());
    QVERIFY(report()->isVisible());
    QVERIFY2(report()->paper(), qPrintable(report()->emptyLabel()->text()));
}

void TestPerformanceView::compareWithReport()
{
    const Result<PerformanceReport> expected =
        performanceReport(m_demo.document->round(), performance()->period());
    QVERIFY2(expected.ok(), qPrintable(expected.errorMessage()));
    QVERIFY(performance()->report());
    QCOMPARE(performance()->report()->period, expected->period);
    QList<PerformanceRow> rows;
    for (const PerformanceRow &row : expected->rows) {
        if (!performance()->cpa().isValid() || row.cpa == performance()->cpa())
            rows << row;
    }
    if (!performance()->cpa().isValid())
        rows << expected->totals;
    const PerformanceTableModel *model = performance()->model();
    QCOMPARE(model->rowCount(), int(rows.size()));
    QVERIFY(!rows.isEmpty());
    using M = PerformanceTableModel;
    for (int r = 0; r < rows.size(); ++r) {
        const PerformanceRow &row = rows[r];
        const auto at = [&](int column, int role = Qt::DisplayRole) {
            return model->data(model->index(r, column), role);
        };
        QCOMPARE(at(M::CpaColumn, M::CpaRole).toLongLong(), row.cpa.value());
        QCOMPARE(at(M::GroupColumn, M::GroupRole).toString(), row.group);
        QCOMPARE(at(M::MeasureColumn).toString(), monitoringMeasureName(row.measure));
        QCOMPARE(at(M::ActualColumn, M::ValueRole).toDouble(), row.actual);
        QCOMPARE(at(M::ProfileColumn, M::ValueRole).toDouble(), row.profile);
        QCOMPARE(at(M::ActualColumn).toString(), PerformanceFormat::count(row.actual));
        QCOMPARE(at(M::ProfileColumn).toString(), PerformanceFormat::count(row.profile));
        QCOMPARE(at(M::PercentColumn).toString(), PerformanceFormat::percent(row.percentOfProfile));
        QCOMPARE(at(M::RagColumn, M::RagRole).toInt(), row.rag ? int(*row.rag) : -1);
        QCOMPARE(at(M::RagColumn).toString(), row.rag ? ragName(*row.rag) : QString("Not rated"));
        // A total over the groups is bold; "All groups" and "All CPAs" name the totals.
        QCOMPARE(at(M::GroupColumn, Qt::FontRole).value<QFont>().bold(), row.group.isEmpty());
        if (row.group.isEmpty())
            QCOMPARE(at(M::GroupColumn).toString(), QString("All groups"));
        if (!row.cpa.isValid())
            QCOMPARE(at(M::CpaColumn).toString(), QString("All CPAs"));
    }
}

// --- Performance ---------------------------------------------------------------------------

void TestPerformanceView::demoTableEqualsTheReport()
{
    open();
    QCOMPARE(m_view->tabs()->currentWidget(), performance());
    QVERIFY2(performance()->report(), qPrintable(performance()->emptyLabel()->text()));
    // The latest month is picked: the demo's twelfth month of returns.
    QCOMPARE(performance()->periodCombo()->count(), 12);
    QCOMPARE(performance()->periodCombo()->currentIndex(), 11);
    compareWithReport();
    // Every month of the demo gives the same figures as core.
    QVERIFY(performance()->setPeriod(performance()->periodCombo()->itemData(5).toDate()));
    compareWithReport();
    QVERIFY(performance()->setCpa(cpa(1)));
    compareWithReport();
}

void TestPerformanceView::smallTableEqualsTheReport()
{
    openSmall();
    QCOMPARE(performance()->period(), month("2019-05"));
    compareWithReport();
    QVERIFY(performance()->introLabel()->text().contains("April 2019"));
    QVERIFY(performance()->introLabel()->text().contains("May 2019"));
}

void TestPerformanceView::ragIsAWordAndAColour()
{
    openSmall();
    const PerformanceTableModel *model = performance()->model();
    const auto ragCell = [&](const QString &group) {
        const int row = model->rowOf(cpa(0), group, MonitoringMeasure::Starts);
        return model->index(row, PerformanceTableModel::RagColumn);
    };
    const auto check = [&](const QModelIndex &index, Rag rag, const QString &word,
                           const QString &percent) {
        QVERIFY(index.isValid());
        QCOMPARE(index.data().toString(), word);
        QCOMPARE(index.data(PerformanceTableModel::RagRole).toInt(), int(rag));
        QCOMPARE(index.data(Qt::BackgroundRole).value<QColor>(),
                 PerformanceFormat::ragBackground(rag));
        QCOMPARE(index.data(Qt::ForegroundRole).value<QColor>(),
                 PerformanceFormat::ragForeground(rag));
        QCOMPARE(index.siblingAtColumn(PerformanceTableModel::PercentColumn).data().toString(),
                 percent);
        // Screen readers hear the rating too.
        QVERIFY(index.data(Qt::AccessibleTextRole).toString().contains(word));
    };
    // To May: ESA WRAG 20 of 20 starts, multiple disadvantages 14 of 20.
    check(ragCell(kEsa), Rag::Green, "Green", "100.0%");
    check(ragCell(kMulti), Rag::Red, "Red", "70.0%");
    // To April: 9 of 10.
    QVERIFY(performance()->setPeriod(month("2019-04")));
    check(ragCell(kMulti), Rag::Amber, "Amber", "90.0%");
    // No profile: no percentage, no colour, and a word.
    const int jobs = model->rowOf(cpa(0), kEsa, MonitoringMeasure::JobOutcomes);
    const QModelIndex unrated = model->index(jobs, PerformanceTableModel::RagColumn);
    QCOMPARE(unrated.data().toString(), QString("Not rated"));
    QVERIFY(!unrated.data(Qt::BackgroundRole).isValid());
}

void TestPerformanceView::ragColoursKeepTheirContrast()
{
    for (Rag rag : {Rag::Green, Rag::Amber, Rag::Red}) {
        const double ratio = PerformanceFormat::contrastRatio(
            PerformanceFormat::ragBackground(rag), PerformanceFormat::ragForeground(rag));
        QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1: %2").arg(ragKey(rag)).arg(ratio)));
    }
    // The three are told apart by their lightness too, not by hue alone.
    QVERIFY(PerformanceFormat::contrastRatio(PerformanceFormat::ragBackground(Rag::Amber),
                                             PerformanceFormat::ragBackground(Rag::Red)) >= 3);
    QCOMPARE(PerformanceFormat::contrastRatio(Qt::black, Qt::white), 21.0);
}

void TestPerformanceView::changingThePeriodChangesTheCumulativeFigures()
{
    openSmall();
    const PerformanceTableModel *model = performance()->model();
    QStringList months;
    for (int i = 0; i < performance()->periodCombo()->count(); ++i)
        months << performance()->periodCombo()->itemText(i);
    // The contract's months that have returns, not every month of the contract.
    QCOMPARE(months, (QStringList{"April 2019", "May 2019"}));
    const auto actual = [&](MonitoringMeasure measure, const QString &group = kMulti) {
        const int row = model->rowOf(cpa(0), group, measure);
        return model->index(row, PerformanceTableModel::ActualColumn)
            .data(PerformanceTableModel::ValueRole)
            .toDouble();
    };
    QCOMPARE(actual(MonitoringMeasure::Starts), 14.0);
    QCOMPARE(actual(MonitoringMeasure::Starts, QString()), 34.0); // the CPA's total
    const int computed = performance()->computeCount();
    QVERIFY(performance()->setPeriod(month("2019-04")));
    QCOMPARE(performance()->computeCount(), computed + 1);
    QCOMPARE(performance()->report()->period, month("2019-04"));
    QCOMPARE(actual(MonitoringMeasure::Starts), 9.0);
    QCOMPARE(actual(MonitoringMeasure::Starts, QString()), 19.0);
    compareWithReport();
}

void TestPerformanceView::cpaFilterShowsOneCpa()
{
    openSmall();
    const PerformanceTableModel *model = performance()->model();
    QCOMPARE(performance()->cpaCombo()->itemText(0), QString("All CPAs"));
    const int all = model->rowCount();
    QCOMPARE(model->data(model->index(all - 1, 0)).toString(), QString("All CPAs"));
    const int computed = performance()->computeCount();

    QVERIFY(performance()->setCpa(cpa(1)));
    QCOMPARE(performance()->cpa(), cpa(1));
    QCOMPARE(performance()->computeCount(), computed); // a filter, not a new report
    QVERIFY(performance()->table()->isColumnHidden(PerformanceTableModel::CpaColumn));
    QVERIFY(model->rowCount() > 0 && model->rowCount() < all);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->index(row, 0).data(PerformanceTableModel::CpaRole).toLongLong(),
                 cpa(1).value());
    compareWithReport();
    const QString name = m_demo.document->round().adoptedPlan()->cpas.at(1).name;
    const QTableWidget *conversions = performance()->conversionsTable();
    QVERIFY(conversions->rowCount() > 0);
    for (int row = 0; row < conversions->rowCount(); ++row)
        QCOMPARE(conversions->item(row, 0)->text(), name);

    QVERIFY(performance()->setCpa(CpaId()));
    QCOMPARE(model->rowCount(), all);
    QVERIFY(!performance()->table()->isColumnHidden(PerformanceTableModel::CpaColumn));
}

void TestPerformanceView::prioritiesAndStandardsFollowTheReport()
{
    openSmall();
    const PerformanceReport &report = *performance()->report();
    const QTableWidget *priorities = performance()->prioritiesTable();
    QCOMPARE(priorities->rowCount(), int(report.priorities.size()));
    QVERIFY(priorities->rowCount() > 0);
    int met = 0;
    int notMet = 0;
    for (int row = 0; row < report.priorities.size(); ++row) {
        const PriorityShare &share = report.priorities[row];
        const QString result = priorities->item(row, 5)->text();
        if (!share.measurable)
            QCOMPARE(result, QString("Not measured by returns"));
        else if (!share.met)
            QCOMPARE(result, QString("No starts yet"));
        else
            QCOMPARE(result, *share.met ? QString("Met") : QString("Not met"));
        if (share.met && share.measurable) {
            QCOMPARE(priorities->item(row, 4)->text(),
                     PerformanceFormat::percent(share.sharePercent));
            QCOMPARE(priorities->item(row, 5)->background().color(),
                     PerformanceFormat::ragBackground(*share.met ? Rag::Green : Rag::Red));
            (*share.met ? met : notMet)++;
        }
    }
    // CPA a: ESA WRAG 20 and multiple disadvantages 14 of 34 starts meet 30% and 15%; CPA b's
    // 5 starts are all ESA WRAG, so its multiple disadvantages condition is not met.
    QVERIFY(met > 0);
    QVERIFY(notMet > 0);

    const QTableWidget *standards = performance()->standardsTable();
    QCOMPARE(standards->rowCount(), int(report.standards.size()));
    bool reported = false;
    for (int row = 0; row < report.standards.size(); ++row) {
        const StandardCheck &check = report.standards[row];
        const QString result = standards->item(row, 5)->text();
        if (!check.met) {
            QCOMPARE(result, QString("No data"));
            continue;
        }
        QCOMPARE(result, *check.met ? QString("Met") : QString("Not met"));
        QCOMPARE(standards->item(row, 4)->text(), periodName(check.reportedFor));
        reported = reported || check.standard == "first_contact";
    }
    QVERIFY(reported);
}

void TestPerformanceView::warningsAreShown()
{
    openSmall();
    const PerformanceReport &report = *performance()->report();
    QVERIFY(!report.warnings.isEmpty());
    QVERIFY(performance()->warningsNotice()->isVisibleTo(performance()));
    for (const QString &warning : report.warnings)
        QVERIFY(performance()->warningsNotice()->text().contains(warning));

    // Without the stray job outcomes, no warning.
    openSmall([](Round &round) { round.monitoring.returns[0].figures.removeLast(); });
    QVERIFY(performance()->report()->warnings.isEmpty());
    QVERIFY(!performance()->warningsNotice()->isVisibleTo(performance()));
}

void TestPerformanceView::trendHoldsTheMonthlyAndCumulativeValues()
{
    openSmall();
    QVERIFY(performance()->setCpa(cpa(0)));
    QVERIFY(performance()->setTrendGroup(kMulti));
    QVERIFY(performance()->setTrendMeasure(MonitoringMeasure::Starts));
    performance()->setTrendCumulative(false);
    const auto points = [](QLineSeries *series) {
        return series ? series->points() : QList<QPointF>();
    };

    QCOMPARE(points(performance()->actualSeries()), (QList<QPointF>{{0, 9}, {1, 5}}));
    QCOMPARE(points(performance()->profileSeries()), (QList<QPointF>{{0, 10}, {1, 10}}));
    // The profile line is dashed, the actual one solid; both named in the legend.
    QCOMPARE(performance()->profileSeries()->pen().style(), Qt::DashLine);
    QCOMPARE(performance()->actualSeries()->pen().style(), Qt::SolidLine);
    QCOMPARE(performance()->actualSeries()->name(), QString("Actual"));
    QCOMPARE(performance()->profileSeries()->name(), QString("Profile"));
    QVERIFY(performance()->trendChart()->legend()->isVisible());
    // Months on the axis.
    const QList<QAbstractAxis *> axes = performance()->trendChart()->axes(Qt::Horizontal);
    QCOMPARE(axes.size(), 1);
    auto *x = qobject_cast<QCategoryAxis *>(axes.first());
    QVERIFY(x);
    QCOMPARE(x->categoriesLabels().first(),
             QLocale().toString(month("2019-04"), "MMM") + "<br>2019");
    QVERIFY(!performance()->trendChart()->axes(Qt::Vertical).first()->titleText().isEmpty());
    const QString described = performance()->trendChartView()->accessibleDescription();
    QVERIFY2(described.contains("April 2019: actual 9, profile 10"), qPrintable(described));

    performance()->setTrendCumulative(true);
    QCOMPARE(points(performance()->actualSeries()), (QList<QPointF>{{0, 9}, {1, 14}}));
    QCOMPARE(points(performance()->profileSeries()), (QList<QPointF>{{0, 10}, {1, 20}}));
    QVERIFY(performance()->trendCaption()->text().contains("14"));

    // All groups of all CPAs: core's trend, month by month.
    QVERIFY(performance()->setCpa(CpaId()));
    QVERIFY(performance()->setTrendGroup(QString()));
    const QList<TrendPoint> trend = performanceTrend(m_demo.document->round(), CpaId(), QString(),
                                                     MonitoringMeasure::Starts, month("2019-05"));
    QCOMPARE(int(trend.size()), 2);
    QCOMPARE(points(performance()->actualSeries()),
             (QList<QPointF>{{0, trend[0].cumulativeActual}, {1, trend[1].cumulativeActual}}));
    QCOMPARE(points(performance()->profileSeries()),
             (QList<QPointF>{{0, trend[0].cumulativeProfile}, {1, trend[1].cumulativeProfile}}));
}

void TestPerformanceView::hiddenTabDoesNotRecompute()
{
    openSmall();
    // The report tab has not been shown: nothing worked out there yet.
    QCOMPARE(report()->computeCount(), 0);
    QVERIFY(!report()->paper());
    const int computed = performance()->computeCount();
    QCOMPARE(performance()->report()->period, month("2019-05"));

    m_view->tabs()->setCurrentWidget(m_view->returnsView());
    QVERIFY(!performance()->isVisible());
    PerformanceReturn june;
    june.source = QStringLiteral("june.csv");
    june.figures = {{month("2019-06"), cpa(0), kEsa, MonitoringMeasure::Starts, 10}};
    QVERIFY(m_demo.document->addReturn(june));
    QCOMPARE(performance()->computeCount(), computed);
    QVERIFY(performance()->isStale());
    QCOMPARE(performance()->report()->period, month("2019-05"));
    QCOMPARE(report()->computeCount(), 0);

    m_view->tabs()->setCurrentWidget(performance());
    QCOMPARE(performance()->computeCount(), computed + 1);
    QVERIFY(!performance()->isStale());
    QCOMPARE(performance()->report()->period, month("2019-06"));
    compareWithReport();
    QCOMPARE(report()->computeCount(), 0);
}

void TestPerformanceView::selectionIsKeptAcrossChanges()
{
    openSmall();
    QVERIFY(performance()->setPeriod(month("2019-04")));
    QVERIFY(performance()->setCpa(cpa(0)));
    QVERIFY(performance()->setTrendGroup(kMulti));
    QVERIFY(performance()->setTrendMeasure(MonitoringMeasure::Referrals));
    const int row = performance()->model()->rowOf(cpa(0), kMulti, MonitoringMeasure::Starts);
    const QModelIndex rag = performance()->model()->index(row, PerformanceTableModel::RagColumn);
    QCOMPARE(rag.data().toString(), QString("Amber"));

    // The board lowers its green threshold: 90% is green now, and the picks stay.
    ProgrammeBoard lower = board();
    lower.greenPercent = 90;
    lower.amberPercent = 80;
    QVERIFY(m_demo.document->setBoard(lower));
    QCOMPARE(performance()->period(), month("2019-04"));
    QCOMPARE(performance()->cpa(), cpa(0));
    QCOMPARE(performance()->trendGroup(), kMulti);
    QCOMPARE(performance()->trendMeasure(), MonitoringMeasure::Referrals);
    const int again = performance()->model()->rowOf(cpa(0), kMulti, MonitoringMeasure::Starts);
    QCOMPARE(
        performance()->model()->index(again, PerformanceTableModel::RagColumn).data().toString(),
        QString("Green"));
    QVERIFY(performance()->introLabel()->text().contains("90%"));
}

void TestPerformanceView::emptyRoundSaysWhatIsMissing()
{
    open([](Round &round) { round.monitoring = {}; });
    QVERIFY(!performance()->report());
    QVERIFY(performance()->emptyLabel()->isVisibleTo(performance()));
    QVERIFY(performance()->emptyLabel()->text().contains("Contract profile"));
    QVERIFY(!performance()->table()->isVisibleTo(performance()));

    open([](Round &round) {
        round.monitoring = {};
        round.monitoring.profile.start = month("2019-04");
        round.monitoring.profile.months = 12;
    });
    QVERIFY(!performance()->report());
    QVERIFY(performance()->emptyLabel()->text().contains("No performance return"));
    m_view->tabs()->setCurrentWidget(report());
    QVERIFY(!report()->paper());
    QVERIFY(report()->emptyLabel()->isVisibleTo(report()));
    QVERIFY(report()->emptyLabel()->text().contains("No performance return"));
    QVERIFY(!report()->saveHtml());
}

// --- Report to DWP -------------------------------------------------------------------------

void TestPerformanceView::reportShowsThePaperFindings()
{
    open();
    showReportTab();
    const ContractManagerPaper &paper = *report()->paper();
    QCOMPARE(report()->period(), paper.period);
    QCOMPARE(int(paper.sections.size()), 4);
    for (const ReportSection &section : paper.sections) {
        const QLabel *findings = report()->findingsLabel(section.matter);
        QVERIFY(findings->isVisibleTo(report()));
        for (const QString &finding : section.findings)
            QVERIFY2(findings->text().contains(finding.toHtmlEscaped()), qPrintable(finding));
        QCOMPARE(report()->commentaryEdit(section.matter)->toPlainText(), section.commentary);
    }
    // The demo's figures are invented: the report says so.
    QCOMPARE(report()->illustrativeNotice()->isVisibleTo(report()), paper.illustrative);
    QVERIFY(paper.illustrative);
    QVERIFY(report()->pdfNote()->text().contains("board-paper composer"));
}

void TestPerformanceView::commentaryIsStoredForItsMonthAndUndone()
{
    openSmall();
    showReportTab();
    QVERIFY(report()->setPeriod(month("2019-04")));
    QUndoStack *stack = m_demo.document->undoStack();
    const int steps = stack->count();
    QPlainTextEdit *edit = report()->commentaryEdit(ReportMatter::LocalIntegration);
    QVERIFY(!edit->isReadOnly());
    QFocusEvent in(QEvent::FocusIn, Qt::TabFocusReason);
    QCoreApplication::sendEvent(edit, &in);

    // Stored after a pause in typing...
    QTest::keyClicks(edit, "Good links");
    QVERIFY(!board().report(month("2019-04")));
    QTRY_VERIFY_WITH_TIMEOUT(board().report(month("2019-04")),
                             ContractReportView::kIdleMilliseconds * 4);
    QCOMPARE(board().report(month("2019-04"))->on(ReportMatter::LocalIntegration),
             QString("Good links"));
    // ... and on leaving the box; one spell of typing is one undo step.
    QTest::keyClicks(edit, " with councils");
    QFocusEvent out(QEvent::FocusOut, Qt::TabFocusReason);
    QCoreApplication::sendEvent(edit, &out);
    QCOMPARE(board().report(month("2019-04"))->on(ReportMatter::LocalIntegration),
             QString("Good links with councils"));
    QCOMPARE(stack->count(), steps + 1);
    QVERIFY(stack->undoText().contains("local integration"));
    QVERIFY(!board().report(month("2019-05")));
    QVERIFY(report()->paper()->sections[0].commentary == "Good links with councils");

    // A second spell is a second step.
    QCoreApplication::sendEvent(edit, &in);
    QTest::keyClicks(edit, ".");
    QVERIFY(report()->commitCommentary());
    QCOMPARE(stack->count(), steps + 2);

    stack->undo();
    QCOMPARE(board().report(month("2019-04"))->on(ReportMatter::LocalIntegration),
             QString("Good links with councils"));
    QCOMPARE(edit->toPlainText(), QString("Good links with councils"));
    stack->undo();
    QVERIFY(!board().report(month("2019-04")));
    QCOMPARE(edit->toPlainText(), QString());
    stack->redo();
    QCOMPARE(edit->toPlainText(), QString("Good links with councils"));
}

void TestPerformanceView::commentaryOfAnotherMonthStaysApart()
{
    openSmall();
    showReportTab();
    QCOMPARE(report()->period(), month("2019-05"));
    QPlainTextEdit *best = report()->commentaryEdit(ReportMatter::BestPractice);
    QTest::keyClicks(best, "Peer mentoring");
    // Picking another month stores the text for the month it was typed for first.
    QVERIFY(report()->setPeriod(month("2019-04")));
    QCOMPARE(board().report(month("2019-05"))->on(ReportMatter::BestPractice),
             QString("Peer mentoring"));
    QVERIFY(!board().report(month("2019-04")));
    QCOMPARE(best->toPlainText(), QString());
    QVERIFY(report()->setPeriod(month("2019-05")));
    QCOMPARE(best->toPlainText(), QString("Peer mentoring"));
    // The paper of that month carries it.
    QCOMPARE(report()->paper()->sections[int(ReportMatter::BestPractice)].commentary,
             QString("Peer mentoring"));
    // Clearing the box leaves no empty report behind.
    best->clear();
    QVERIFY(report()->commitCommentary());
    QVERIFY(!board().report(month("2019-05")));
}

void TestPerformanceView::saveAsHtmlWritesTheHeadings()
{
    openSmall();
    showReportTab();
    QTest::keyClicks(report()->commentaryEdit(ReportMatter::OperationalDelivery),
                     "Caseloads <steady>");
    const QString path = m_demo.dir->filePath(QStringLiteral("report.html"));
    m_demo.dialogs->setNextFileName(path);
    QVERIFY(report()->saveHtml());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    QCOMPARE(html, report()->paper()->toHtml());
    QVERIFY(html.contains(QRegularExpression("<h[1-3][^>]*>")));
    for (ReportMatter matter : reportMatters())
        QVERIFY2(html.contains(reportMatterName(matter)), qPrintable(reportMatterName(matter)));
    // The commentary typed was stored first and is in the file, escaped.
    QVERIFY(html.contains("Caseloads &lt;steady&gt;"));
    QVERIFY(board().report(month("2019-05")));
    QVERIFY(m_demo.dialogs->messages().isEmpty());

    // Cancelled: nothing written.
    QVERIFY(!report()->saveHtml());
}

void TestPerformanceView::aFailedSaveIsReported()
{
    openSmall();
    showReportTab();
    m_demo.dialogs->setNextFileName(
        m_demo.dir->filePath(QStringLiteral("no/such/folder/report.html")));
    QVERIFY(!report()->saveHtml());
    QCOMPARE(int(m_demo.dialogs->messages().size()), 1);
    QCOMPARE(m_demo.dialogs->messages().first().kind, DialogService::MessageKind::Error);
    QCOMPARE(m_demo.dialogs->messages().first().title, QString("The report was not saved"));
    QVERIFY(m_demo.dialogs->messages().first().text.contains("report.html"));
}

void TestPerformanceView::copyAsTextPutsThePaperOnTheClipboard()
{
    openSmall();
    showReportTab();
    QTest::keyClicks(report()->commentaryEdit(ReportMatter::LocalPriorities), "On track");
    QGuiApplication::clipboard()->clear();
    report()->copyButton()->click();
    const QString text = QGuiApplication::clipboard()->text();
    QCOMPARE(text, report()->paper()->toText());
    QVERIFY(text.contains("On track"));
    QVERIFY(text.contains(reportMatterName(ReportMatter::OperationalDelivery)));
}

// --- States and access ---------------------------------------------------------------------

void TestPerformanceView::frozenStageMakesTheCommentaryReadOnly()
{
    openSmall([](Round &round) {
        round.stage(StageId::Monitoring).status = StageStatus::ReadyForSignOff;
    });
    const QString why = m_demo.document->whyMonitoringFrozen();
    QVERIFY(!why.isEmpty());
    QVERIFY(performance()->report()); // reading stays open
    showReportTab();
    for (ReportMatter matter : reportMatters()) {
        QPlainTextEdit *edit = report()->commentaryEdit(matter);
        QVERIFY(edit->isReadOnly());
        QCOMPARE(edit->toolTip(), why);
    }
    // Text put in by other means is not stored.
    const ProgrammeBoard before = board();
    report()->commentaryEdit(ReportMatter::LocalIntegration)->setPlainText("Not allowed");
    QVERIFY(!report()->commitCommentary());
    QCOMPARE(board(), before);
    QCOMPARE(m_demo.document->undoStack()->count(), 0);
    // Saving and copying still work.
    QVERIFY(report()->saveButton()->isEnabled());
    QVERIFY(report()->copyText());
}

QStringList TestPerformanceView::unnamedControls(QWidget *root)
{
    return TestSupport::unnamedControls(
        root, [](QWidget *w) { return qobject_cast<QChartView *>(w) != nullptr; },
        [](QWidget *w) { return w->inherits("QTabBar") || w->inherits("QToolButton"); });
}

void TestPerformanceView::everyControlHasAnAccessibleName()
{
    openSmall();
    showReportTab();
    QStringList unnamed = unnamedControls(performance());
    unnamed << unnamedControls(report());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(", ")));
    QVERIFY(!performance()->trendChartView()->accessibleDescription().isEmpty());
}

void TestPerformanceView::mnemonicsDoNotClash()
{
    openSmall();
    showReportTab();
    const auto mnemonic = [](const QString &text) {
        const qsizetype at = text.indexOf(QRegularExpression("&[^&]"));
        return at < 0 ? QChar() : text.at(at + 1).toLower();
    };
    // The tab bar's own keys are taken on every tab.
    QString taken;
    for (int i = 0; i < m_view->tabs()->count(); ++i)
        taken += mnemonic(m_view->tabs()->tabText(i));
    for (QWidget *tab : {static_cast<QWidget *>(performance()), static_cast<QWidget *>(report())}) {
        QStringList keys;
        QStringList texts;
        for (QLabel *label : tab->findChildren<QLabel *>()) {
            if (label->buddy()) {
                texts << label->text();
                QVERIFY2(!mnemonic(label->text()).isNull(), qPrintable(label->text()));
            }
        }
        for (QAbstractButton *button : tab->findChildren<QAbstractButton *>())
            texts << button->text();
        QString used;
        for (const QString &text : std::as_const(texts)) {
            const QChar key = mnemonic(text);
            if (key.isNull())
                continue;
            QVERIFY2(!used.contains(key) && !taken.contains(key),
                     qPrintable(QStringLiteral("%1 in %2").arg(text, tab->objectName())));
            used += key;
        }
        QVERIFY(used.size() >= 3);
    }
}

QTEST_MAIN(TestPerformanceView)
#include "tst_performanceview.moc"
