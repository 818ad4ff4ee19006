#include "ui/needsview.h"

#include "core/io/nomisimport.h"
#include "core/needs/indicators.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "tests/support/mainwindow.h"
#include "tests/support/testsupport.h"
#include "ui/cpa/mapview.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/mainwindow.h"
#include "ui/models/indicatortablemodel.h"
#include "ui/needs/indicatormap.h"
#include "ui/noticebox.h"
#include "ui/settings.h"
#include "ui/stagepage.h"
#include "ui/uiutil.h"

#include <QAbstractAxis>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QGraphicsSimpleTextItem>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace CoCommission;

class TestNeedsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // The view on its own, over a round file.
    void listsTheDemoIndicators();
    void claimantRateByPartnershipEqualsCore();
    void cpaGroupingGivesOneRowPerCpa();
    void mapShadesEachAuthorityByItsRow();
    void countsHaveThousandsSeparatorsAndRightAlignment();
    void missingValuesShowADashAndSortLast();
    void modelPassesTheModelTester();
    void chartsHaveTitlesAxisTitlesAndCaptions();
    void selectingARowShowsItOverTime();
    void addingARatioThroughTheDialogService();
    void aRefusedRatioShowsWhy();
    void adoptingAnotherPlanRegroups();
    void emptyRoundPointsToTheImport();
    void readOnlyRoundDisablesAddRatio();

    // Importing through the main window.
    void importingThroughTheMainWindowAddsItsMeasures();
    void anEmptyDatasetNameTakesTheFileName();
    void cancellingTheImportLeavesTheRoundAsItWas();
    void theProgressDialogsCancelButtonCancels();
    void aBadCsvShowsTheCoresMessageNamingTheLine();
    void droppingACsvImportsIt();
    void importingALookupSumsSmallAreas();
    void readOnlyRoundDisablesTheImports();

private:
    QString createRound(const QString &name, Round round);
    std::unique_ptr<RoundDocument> openDocument(const QString &path);
    static QString nomisFile(const QString &name);
    /** Rows of the view's model: name column text, in view order. */
    static QStringList names(const NeedsView &view);
    static QList<QAbstractAxis *> axesOf(const QChart *chart);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_roundPath;
    DialogService m_dialogs;
};

void TestNeedsView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CoCommission"));
    QCoreApplication::setApplicationName(QStringLiteral("CoCommissionTest"));
    m_dialogs.setInteractive(false);
}

void TestNeedsView::init()
{
    Settings::clear();
    m_dialogs.clearMessages();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo.ok(), qPrintable(demo.errorMessage()));
    m_roundPath = createRound(QStringLiteral("demo copy.cocom"), *demo);
    QVERIFY(!m_roundPath.isEmpty());
}

void TestNeedsView::cleanup()
{
    m_dir.reset();
}

QString TestNeedsView::createRound(const QString &name, Round round)
{
    return TestSupport::createRoundFile(m_dir->filePath(name), round);
}

std::unique_ptr<RoundDocument> TestNeedsView::openDocument(const QString &path)
{
    return TestSupport::openRoundFile(path);
}

QString TestNeedsView::nomisFile(const QString &name)
{
    return TestSupport::dataDir() + QStringLiteral("/nomis/") + name;
}

QStringList TestNeedsView::names(const NeedsView &view)
{
    QStringList result;
    const IndicatorTableModel *model = view.model();
    for (int row = 0; row < model->rowCount(); ++row)
        result.append(model->index(row, IndicatorTableModel::NameColumn).data().toString());
    return result;
}

QList<QAbstractAxis *> TestNeedsView::axesOf(const QChart *chart)
{
    return chart->axes(Qt::Horizontal) + chart->axes(Qt::Vertical);
}

void TestNeedsView::listsTheDemoIndicators()
{
    auto document = openDocument(m_roundPath);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(document.get());

    const Indicators indicators(document->round());
    QCOMPARE(indicators.all().size(), 5); // four measures and the claimant rate
    QComboBox *combo = view.indicatorCombo();
    QCOMPARE(combo->count(), int(indicators.all().size()));
    for (int i = 0; i < combo->count(); ++i) {
        QCOMPARE(combo->itemText(i), indicators.all().at(i).name);
        QCOMPARE(combo->itemData(i).toString(), indicators.all().at(i).id);
    }
    // A rate compares places of different sizes: it is what the view opens on.
    QCOMPARE(combo->currentText(), QStringLiteral("Claimant rate (%)"));

    QComboBox *grouping = view.groupingCombo();
    QCOMPARE(grouping->count(), 3);
    QCOMPARE(grouping->itemText(0), QStringLiteral("Authority"));
    QCOMPARE(grouping->itemText(1), QStringLiteral("Partnership"));
    QCOMPARE(grouping->itemText(2), QStringLiteral("CPA (Sub-regional partnerships)"));
    QCOMPARE(view.grouping(), Grouping::Authority);

    // The latest date by default, shown as a month.
    const IndicatorInfo *rate = indicators.find(QStringLiteral("Claimant rate (%)"));
    QCOMPARE(view.date(), rate->dates.last());
    QCOMPARE(view.dateCombo()->currentText(), QStringLiteral("May 2024"));

    QCOMPARE(view.model()->rowCount(), int(document->round().authorities.size()));
    QVERIFY(!view.emptyState()->isVisibleTo(&view));
    QVERIFY(view.illustrativeNotice()->isVisibleTo(&view));
}

void TestNeedsView::claimantRateByPartnershipEqualsCore()
{
    auto document = openDocument(m_roundPath);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(document.get());
    QVERIFY(view.setGrouping(Grouping::Partnership));

    const Round &round = document->round();
    const Indicators indicators(round);
    const IndicatorInfo *rate = indicators.find(QStringLiteral("Claimant rate (%)"));
    QVERIFY(rate);
    QCOMPARE(view.indicator(), rate->id);
    IndicatorTableModel *model = view.model();
    QCOMPARE(model->rowCount(), int(round.partnerships.size()));
    QCOMPARE(model->headerData(IndicatorTableModel::NameColumn, Qt::Horizontal).toString(),
             QStringLiteral("Partnership"));
    QCOMPARE(model->headerData(IndicatorTableModel::ValueColumn, Qt::Horizontal).toString(),
             QStringLiteral("Value (%)"));
    for (const Partnership &partnership : round.partnerships) {
        const int row = model->rowOf(partnership.name);
        QVERIFY2(row >= 0, qPrintable(partnership.name));
        const std::optional<double> expected =
            indicators.value(rate->id, partnership.members, view.date());
        QVERIFY(expected);
        const QModelIndex value = model->index(row, IndicatorTableModel::ValueColumn);
        QCOMPARE(value.data(IndicatorTableModel::ValueRole).toDouble(), *expected);
        // A ratio shows one decimal.
        QCOMPARE(value.data().toString(), UiUtil::numberLocale().toString(*expected, 'f', 1));
    }
    // Ranked by value by default: rank 1 first, the highest rate.
    QCOMPARE(model->index(0, IndicatorTableModel::RankColumn).data().toString(),
             QStringLiteral("1"));
    for (int row = 1; row < model->rowCount(); ++row) {
        QVERIFY(model->index(row - 1, 0).data(IndicatorTableModel::ValueRole).toDouble() >=
                model->index(row, 0).data(IndicatorTableModel::ValueRole).toDouble());
    }
}

void TestNeedsView::cpaGroupingGivesOneRowPerCpa()
{
    auto document = openDocument(m_roundPath);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(document.get());

    view.groupingCombo()->setCurrentIndex(view.groupingCombo()->findData(int(Grouping::Cpa)));
    QCOMPARE(view.grouping(), Grouping::Cpa);
    QCOMPARE(view.model()->rowCount(), 4);
    const CpaPlan *plan = document->round().adoptedPlan();
    QVERIFY(plan);
    const Indicators indicators(document->round());
    for (const Cpa &cpa : plan->cpas) {
        const int row = view.model()->rowOf(cpa.name);
        QVERIFY2(row >= 0, qPrintable(cpa.name));
        QCOMPARE(view.model()->index(row, 1).data(IndicatorTableModel::ValueRole).toDouble(),
                 *indicators.value(view.indicator(), cpa.members, view.date()));
    }
    // Four groups: the line chart shows them all, with a legend.
    QCOMPARE(view.lineChart()->series().size(), 4);
    QVERIFY(view.lineChart()->legend()->isVisible());
}

void TestNeedsView::mapShadesEachAuthorityByItsRow()
{
    auto document = openDocument(m_roundPath);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(document.get());
    const Round &round = document->round();

    // By authority: every authority with a figure is shaded, the highest the darkest.
    QVERIFY(view.setGrouping(Grouping::Authority));
    const QHash<QString, QColor> byAuthority = view.indicatorMap()->map()->fill();
    QCOMPARE(byAuthority.size(), round.authorities.size());
    const Indicators indicators(round);
    const QHash<QString, double> values = indicators.authorityValues(view.indicator(), view.date());
    const QString highest =
        std::max_element(values.keyValueBegin(), values.keyValueEnd(), [](auto a, auto b) {
            return a.second < b.second;
        })->first;
    const QString lowest =
        std::min_element(values.keyValueBegin(), values.keyValueEnd(), [](auto a, auto b) {
            return a.second < b.second;
        })->first;
    QVERIFY(byAuthority.value(highest).lightness() < byAuthority.value(lowest).lightness());

    // By CPA: the members of a CPA share its shade; the legend and title say what is shown.
    QVERIFY(view.setGrouping(Grouping::Cpa));
    const QHash<QString, QColor> byCpa = view.indicatorMap()->map()->fill();
    for (const Cpa &cpa : round.adoptedPlan()->cpas) {
        for (const QString &code : cpa.members)
            QCOMPARE(byCpa.value(code), byCpa.value(cpa.members.first()));
    }
    QVERIFY(view.indicatorMap()->titleLabel()->text().contains("by CPA"));
    const QStringList legend = view.indicatorMap()->legendTexts();
    QCOMPARE(legend.last(), QString("No figure"));
    QVERIFY(legend.size() >= 2);
    QVERIFY(view.indicatorMap()->captionLabel()->text().contains("Illustrative"));
    QVERIFY(!view.indicatorMap()->map()->isPaintingEnabled());
}

void TestNeedsView::countsHaveThousandsSeparatorsAndRightAlignment()
{
    auto document = openDocument(m_roundPath);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(document.get());
    QVERIFY(view.setIndicator(QStringLiteral("population_16_64")));
    QVERIFY(view.setGrouping(Grouping::Partnership));

    const QModelIndex value = view.model()->index(0, IndicatorTableModel::ValueColumn);
    const double number = value.data(IndicatorTableModel::ValueRole).toDouble();
    QVERIFY(number > 1000);
    const QString text = value.data().toString();
    QCOMPARE(text, UiUtil::numberLocale().toString(number, 'f', 0));
    QVERIFY2(text.contains(UiUtil::numberLocale().groupSeparator()), qPrintable(text));
    QCOMPARE(value.data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    QCOMPARE(view.model()->headerData(1, Qt::Horizontal).toString(),
             QStringLiteral("Value (count)"));
}

void TestNeedsView::missingValuesShowADashAndSortLast()
{
    // The demo round without the claimant count of the City of London.
    Result<Round> round = LondonRound::demo();
    QVERIFY(round.ok());
    round->datasets[0].observations.removeIf([](const Observation &o) {
        return o.gssCode == QStringLiteral("E09000001") &&
               o.measure == QStringLiteral("claimant_count");
    });
    const QString path = createRound(QStringLiteral("gap.cocom"), *round);
    auto document = openDocument(path);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(document.get());
    IndicatorTableModel *model = view.model();

    const int city = model->rowOf(QStringLiteral("E09000001"));
    QVERIFY(city >= 0);
    QCOMPARE(model->index(city, IndicatorTableModel::ValueColumn).data().toString(),
             QStringLiteral("–"));
    QCOMPARE(model->index(city, IndicatorTableModel::RankColumn).data().toString(),
             QStringLiteral("–"));
    QVERIFY(!model->index(city, 1).data(IndicatorTableModel::ValueRole).isValid());
    QVERIFY(!model->index(city, 1).data(Qt::ToolTipRole).toString().isEmpty());

    // Whichever way the values or ranks are sorted, the row without a value is last.
    QHeaderView *header = view.table()->horizontalHeader();
    for (int column :
         {int(IndicatorTableModel::ValueColumn), int(IndicatorTableModel::RankColumn)}) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            header->setSortIndicator(column, order);
            QCOMPARE(model->sortColumn(), column);
            QCOMPARE(names(view).constLast(), QStringLiteral("City of London"));
        }
    }
    // By name it takes its place among the others.
    header->setSortIndicator(IndicatorTableModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(names(view).at(1), QStringLiteral("Barnet"));
    QVERIFY(names(view).indexOf(QStringLiteral("City of London")) < model->rowCount() - 1);

    // A partnership with a member lacking a figure has none either (never a partial sum).
    QVERIFY(view.setGrouping(Grouping::Partnership));
    const int central = model->rowOf(QStringLiteral("Central London Forward"));
    QVERIFY(central >= 0);
    QCOMPARE(model->index(central, 1).data().toString(), QStringLiteral("–"));
    // No bar for it: the bar chart has the others, and its caption names it.
    const auto bars = view.barChart()->axes(Qt::Vertical);
    QCOMPARE(bars.size(), 1);
    auto *categories = qobject_cast<QBarCategoryAxis *>(bars.first());
    QVERIFY(categories);
    QCOMPARE(categories->count(), model->rowCount() - 1);
    QVERIFY(!categories->categories().contains(QStringLiteral("Central London Forward")));
    QVERIFY2(view.barCaption()->text().contains(QStringLiteral("Central London Forward")),
             qPrintable(view.barCaption()->text()));
}

void TestNeedsView::modelPassesTheModelTester()
{
    auto document = openDocument(m_roundPath);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    NeedsView view(&edits, &m_dialogs);
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    view.setDocument(document.get());
    QSignalSpy layouts(view.model(), &QAbstractItemModel::layoutChanged);

    // A persistent index follows its row through a sort.
    const QPersistentModelIndex camden(view.model()->index(
        view.model()->rowOf(QStringLiteral("E09000007")), IndicatorTableModel::ValueColumn));
    const QString camdenValue = camden.data().toString();
    view.table()->horizontalHeader()->setSortIndicator(IndicatorTableModel::NameColumn,
                                                       Qt::DescendingOrder);
    QCOMPARE(layouts.size(), 1);
    QVERIFY(camden.isValid());
    QCOMPARE(camden.data().toString(), camdenValue);
    QCOMPARE(camden.sibling(camden.row(), 0).data().toString(), QStringLiteral("Camden"));

    for (Grouping grouping : {Grouping::Partnership, Grouping::Cpa, Grouping::Authority})
        QVERIFY(view.setGrouping(grouping));
    for (int i = 0; i < view.indicatorCombo()->count(); ++i)
        view.indicatorCombo()->setCurrentIndex(i);
    view.setDocument(nullptr);
    QCOMPARE(view.model()->rowCount(), 0);
}

void TestNeedsView::chartsHaveTitlesAxisTitlesAndCaptions()
{
    auto document = openDocument(m_roundPath);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(document.get());
    QVERIFY(view.setGrouping(Grouping::Partnership));

    for (const QChart *chart : {view.barChart(), view.lineChart()}) {
        QVERIFY(!chart->title().isEmpty());
        QVERIFY2(chart->title().contains(QStringLiteral("Claimant rate (%)")),
                 qPrintable(chart->title()));
        const QList<QAbstractAxis *> axes = axesOf(chart);
        QCOMPARE(axes.size(), 2);
        for (const QAbstractAxis *axis : axes)
            QVERIFY2(!axis->titleText().isEmpty(), qPrintable(chart->title()));
    }
    // The title is in two lines (rich text); the view's accessible name is the same in one.
    QVERIFY2(view.barChart()->title().contains(QStringLiteral("by partnership, May 2024")),
             qPrintable(view.barChart()->title()));
    auto *barView = view.findChild<QChartView *>(QStringLiteral("barChartView"));
    QVERIFY(barView);
    QCOMPARE(barView->accessibleName(),
             QStringLiteral("Claimant rate (%) by partnership, May 2024"));
    QCOMPARE(barView->accessibleDescription(), view.barCaption()->text());
    // The unit of a ratio scaled by 100 is per cent; of a measure, a count.
    QCOMPARE(view.barChart()->axes(Qt::Horizontal).first()->titleText(),
             QStringLiteral("Per cent (%)"));
    QCOMPARE(view.barChart()->axes(Qt::Vertical).first()->titleText(),
             QStringLiteral("Partnership"));
    QCOMPARE(view.lineChart()->axes(Qt::Horizontal).first()->titleText(), QStringLiteral("Month"));

    // Captions give the source and the date, and say first that the figures are invented.
    for (const QLabel *caption : {view.barCaption(), view.lineCaption()}) {
        QVERIFY2(caption->text().startsWith(
                     QStringLiteral("Illustrative figures, not official statistics.")),
                 qPrintable(caption->text()));
        QVERIFY(caption->text().contains(QStringLiteral("Source: ")));
        QVERIFY(caption->text().contains(QStringLiteral("May 2024")));
    }
    QVERIFY(view.illustrativeNotice()->isVisibleTo(&view));
    QVERIFY(view.illustrativeNotice()->text().startsWith(
        QStringLiteral("Illustrative figures, not official statistics")));

    // Bar labels read like the table: one decimal for a ratio, even when it is whole.
    int barLabels = 0;
    const QList<QGraphicsItem *> items = view.barChart()->childItems();
    for (QGraphicsItem *item : items) {
        if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item)) {
            ++barLabels;
            QVERIFY2(text->text().contains(UiUtil::numberLocale().decimalPoint()),
                     qPrintable(text->text()));
        }
    }
    QCOMPARE(barLabels, view.model()->rowCount());

    // A measure is a count.
    QVERIFY(view.setIndicator(QStringLiteral("claimant_count")));
    QCOMPARE(view.barChart()->axes(Qt::Horizontal).first()->titleText(), QStringLiteral("Count"));
    QCOMPARE(view.lineChart()->axes(Qt::Vertical).first()->titleText(), QStringLiteral("Count"));
}

void TestNeedsView::selectingARowShowsItOverTime()
{
    auto document = openDocument(m_roundPath);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(document.get());

    // 33 authorities are too many lines: without a selection, the round as a whole.
    QCOMPARE(view.lineChart()->series().size(), 1);
    QVERIFY2(view.lineChart()->title().contains(QStringLiteral("all authorities in the round")),
             qPrintable(view.lineChart()->title()));
    QVERIFY(view.lineCaption()->text().contains(QStringLiteral("Select a row")));

    const int camden = view.model()->rowOf(QStringLiteral("E09000007"));
    view.table()->selectRow(camden);
    auto *lineView = view.findChild<QChartView *>(QStringLiteral("lineChartView"));
    QVERIFY(lineView);
    QCOMPARE(lineView->accessibleName(), QStringLiteral("Claimant rate (%) over time, Camden"));
    QVERIFY(view.lineChart()->title().contains(QStringLiteral("over time, Camden")));
    const auto *line = qobject_cast<QLineSeries *>(view.lineChart()->series().value(0));
    QVERIFY(line);
    QCOMPARE(line->count(), 1); // the demo has one date
    const Indicators indicators(document->round());
    QCOMPARE(line->at(0).y(),
             *indicators.value(view.indicator(), {QStringLiteral("E09000007")}, view.date()));

    // The selection survives a change of indicator.
    QVERIFY(view.setIndicator(QStringLiteral("claimant_count")));
    QCOMPARE(lineView->accessibleName(), QStringLiteral("Claimant count over time, Camden"));
    QCOMPARE(view.table()->selectionModel()->currentIndex().row(),
             view.model()->rowOf(QStringLiteral("E09000007")));
}

void TestNeedsView::addingARatioThroughTheDialogService()
{
    auto document = openDocument(m_roundPath);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    edits.setDocument(document.get());
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(document.get());
    QVERIFY(view.addRatioButton()->isEnabled());

    m_dialogs.setNextRatio({QStringLiteral("Long-term claimants (%)"),
                            QStringLiteral("claimants_12_months_plus"),
                            QStringLiteral("claimant_count"), 100});
    view.addRatioButton()->click();
    QVERIFY2(m_dialogs.messages().isEmpty(), qPrintable(m_dialogs.messages().value(0).text));
    QCOMPARE(document->round().ratios.size(), 2);
    QCOMPARE(view.indicatorCombo()->count(), 6);
    QCOMPARE(view.indicatorCombo()->currentText(), QStringLiteral("Long-term claimants (%)"));

    const Indicators indicators(document->round());
    const IndicatorInfo *added = indicators.find(QStringLiteral("Long-term claimants (%)"));
    QVERIFY(added);
    QCOMPARE(view.indicator(), added->id);
    const int row = view.model()->rowOf(QStringLiteral("E09000001"));
    QCOMPARE(view.model()->index(row, 1).data(IndicatorTableModel::ValueRole).toDouble(),
             *indicators.value(added->id, {QStringLiteral("E09000001")}, view.date()));

    // Nothing queued: the (non-interactive) dialog is cancelled and nothing changes.
    view.addRatioButton()->click();
    QCOMPARE(document->round().ratios.size(), 2);
}

void TestNeedsView::aRefusedRatioShowsWhy()
{
    auto document = openDocument(m_roundPath);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    edits.setDocument(document.get());
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(document.get());

    m_dialogs.setNextRatio({QStringLiteral("claimant rate (%)"), QStringLiteral("claimant_count"),
                            QStringLiteral("population_16_64"), 100});
    view.addRatio();
    QCOMPARE(document->round().ratios.size(), 1);
    QCOMPARE(m_dialogs.messages().size(), 1); // once, not again as a write failure
    const DialogService::Message message = m_dialogs.messages().first();
    QCOMPARE(message.kind, DialogService::MessageKind::Error);
    QCOMPARE(message.title, QStringLiteral("The indicator was not added"));
    QVERIFY2(message.text.contains(QStringLiteral("already has an indicator")),
             qPrintable(message.text));
}

void TestNeedsView::adoptingAnotherPlanRegroups()
{
    Result<Round> round = LondonRound::demo();
    QVERIFY(round.ok());
    round->tender = {};     // bids fix the adopted plan
    round->monitoring = {}; // and so do the figures of stage 6
    CpaPlan single;
    single.name = QStringLiteral("One London-wide contract");
    Cpa london;
    london.name = QStringLiteral("London");
    london.colour = QStringLiteral("#1f6fb4");
    for (const Authority &authority : round->authorities)
        london.members.append(authority.gssCode);
    single.cpas.append(london);
    round->plans.append(single);
    const QString path = createRound(QStringLiteral("two plans.cocom"), *round);
    auto document = openDocument(path);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(document.get());
    QVERIFY(view.setGrouping(Grouping::Cpa));
    QCOMPARE(view.model()->rowCount(), 4);

    const PlanId other = document->round().plans.at(1).id;
    QVERIFY(document->adoptPlan(other).ok());
    QCOMPARE(view.grouping(), Grouping::Cpa);
    QCOMPARE(view.groupingCombo()->currentText(), QStringLiteral("CPA (One London-wide contract)"));
    QCOMPARE(names(view), QStringList{QStringLiteral("London")});
    const QStringList all = [&] {
        QStringList codes;
        for (const Authority &a : document->round().authorities)
            codes.append(a.gssCode);
        return codes;
    }();
    QCOMPARE(view.model()->index(0, 1).data(IndicatorTableModel::ValueRole).toDouble(),
             *Indicators(document->round()).value(view.indicator(), all, view.date()));
}

void TestNeedsView::emptyRoundPointsToTheImport()
{
    const Result<Round> blank = LondonRound::blank(QStringLiteral("Empty"));
    QVERIFY(blank.ok());
    const QString path = createRound(QStringLiteral("empty.cocom"), *blank);
    auto document = openDocument(path);
    QVERIFY(document);
    EditRunner edits(&m_dialogs, nullptr);
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(document.get());

    QVERIFY(view.emptyState()->isVisibleTo(&view));
    QVERIFY(!view.indicatorCombo()->isVisibleTo(&view));
    QVERIFY(!view.table()->isVisibleTo(&view));
    auto *label = view.findChild<QLabel *>(QStringLiteral("needsEmptyLabel"));
    QVERIFY(label);
    QVERIFY2(label->text().contains(QStringLiteral("File > Import labour-market data…")),
             qPrintable(label->text()));
    QVERIFY(view.importButton()->isEnabled());
    QSignalSpy requested(&view, &NeedsView::importRequested);
    QTest::keyClick(view.importButton(), Qt::Key_Space);
    QCOMPARE(requested.size(), 1);

    // Figures arrive: the view leaves its empty state by itself.
    const auto imported = document->importNomis(nomisFile(QStringLiteral("claimant_count.csv")));
    QVERIFY2(imported, qPrintable(imported.errorMessage()));
    QVERIFY(!view.emptyState()->isVisibleTo(&view));
    QVERIFY(view.table()->isVisibleTo(&view));
    QCOMPARE(view.indicatorCombo()->count(), 2);
    // Real figures: no illustrative notice.
    QVERIFY(!view.illustrativeNotice()->isVisibleTo(&view));
    QVERIFY(!view.barCaption()->text().contains(QStringLiteral("Illustrative")));
}

void TestNeedsView::readOnlyRoundDisablesAddRatio()
{
    auto writer = openDocument(m_roundPath);
    QVERIFY(writer);
    auto reader = openDocument(m_roundPath);
    QVERIFY(reader);
    QVERIFY(reader->isReadOnly());
    EditRunner edits(&m_dialogs, nullptr);
    NeedsView view(&edits, &m_dialogs);
    view.setDocument(reader.get());
    QVERIFY(!view.addRatioButton()->isEnabled());
    QCOMPARE(view.addRatioButton()->toolTip(), reader->whyNotEditable());
    // The figures are still there to read.
    QCOMPARE(view.model()->rowCount(), 33);
}

void TestNeedsView::importingThroughTheMainWindowAddsItsMeasures()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    NeedsView *view = window->stagePage()->needsView();
    const int before = view->indicatorCombo()->count();

    m_dialogs.setNextFileName(nomisFile(QStringLiteral("claimant_count.csv")));
    m_dialogs.setNextText(QStringLiteral("Claimants"));
    QSignalSpy progress(&m_dialogs, &DialogService::progressReported);
    window->importNomisAction()->trigger();

    QVERIFY(progress.size() >= 2); // at the start and at the end
    QCOMPARE(window->document()->round().datasets.size(), 2);
    QCOMPARE(view->indicatorCombo()->count(), before + 2);
    QVERIFY(view->indicatorCombo()->findText(
                QStringLiteral("Claimants: All categories: Age 16+")) >= 0);
    QVERIFY(view->indicatorCombo()->findText(QStringLiteral("Claimants: Aged 18-24")) >= 0);
    // The stage page shows the first new measure at its latest date.
    QCOMPARE(window->stagePage()->stage(), StageId::Needs);
    QCOMPARE(view->indicatorCombo()->currentText(),
             QStringLiteral("Claimants: All categories: Age 16+"));
    QCOMPARE(view->dateCombo()->count(), 2);
    QCOMPARE(view->date(), QStringLiteral("2024-05"));
    const int city = view->model()->rowOf(QStringLiteral("E09000001"));
    QCOMPARE(view->model()->index(city, 1).data().toString(), QStringLiteral("300"));

    QCOMPARE(m_dialogs.messages().size(), 1);
    const DialogService::Message summary = m_dialogs.messages().first();
    QCOMPARE(summary.kind, DialogService::MessageKind::Information);
    QCOMPARE(summary.title, QStringLiteral("Labour-market data imported"));
    for (const char *part :
         {"132 rows of claimant_count.csv", "\"Claimants\"", "2 measures", "Claimants: Aged 18-24",
          "April 2024 to May 2024", "1 value was missing"})
        QVERIFY2(summary.text.contains(QLatin1String(part)), qPrintable(summary.text));
    QVERIFY(!summary.text.contains(QStringLiteral("does not know")));
}

void TestNeedsView::anEmptyDatasetNameTakesTheFileName()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    QVERIFY(window->importNomisAction()->isEnabled());
    m_dialogs.setNextFileName(nomisFile(QStringLiteral("claimant_count.csv")));
    m_dialogs.setNextText(QString());
    QVERIFY(window->importNomisData());
    QCOMPARE(window->document()->round().datasets.constLast().name,
             QStringLiteral("claimant_count"));

    // Cancelling the name question imports nothing.
    m_dialogs.setNextFileName(nomisFile(QStringLiteral("lsoa_population.csv")));
    QVERIFY(!window->importNomisData());
    QCOMPARE(window->document()->round().datasets.size(), 2);
}

void TestNeedsView::cancellingTheImportLeavesTheRoundAsItWas()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    const Round before = window->document()->round();
    NeedsView *view = window->stagePage()->needsView();
    const int indicators = view->indicatorCombo()->count();

    // The user presses Cancel at the first progress report.
    m_dialogs.setNextFileName(nomisFile(QStringLiteral("claimant_count.csv")));
    m_dialogs.setNextText(QStringLiteral("Claimants"));
    m_dialogs.setNextProgressCancel(1);
    QSignalSpy figures(window->document(), &RoundDocument::figuresChanged);
    window->importNomisAction()->trigger();

    QCOMPARE(window->document()->round(), before);
    QCOMPARE(figures.size(), 0);
    QCOMPARE(view->indicatorCombo()->count(), indicators);
    // No error for what the user chose; the status bar confirms nothing changed.
    QVERIFY2(m_dialogs.messages().isEmpty(), qPrintable(m_dialogs.messages().value(0).text));
    QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")),
             qPrintable(window->statusBar()->currentMessage()));
    QVERIFY(window->importNomisAction()->isEnabled());

    // Nothing was half-imported: the same file imports afterwards as new.
    m_dialogs.setNextFileName(nomisFile(QStringLiteral("claimant_count.csv")));
    m_dialogs.setNextText(QStringLiteral("Claimants"));
    window->importNomisAction()->trigger();
    QCOMPARE(window->document()->round().datasets.size(), 2);
    QCOMPARE(view->indicatorCombo()->count(), indicators + 2);
}

void TestNeedsView::theProgressDialogsCancelButtonCancels()
{
    // An interactive service, as in the program: a real progress dialog whose Cancel button the
    // "user" presses while the import runs. Nothing here opens a blocking dialog: the file and
    // the name are queued, and a cancelled import reports in the status bar only.
    DialogService dialogs;
    MainWindow window(&dialogs);
    window.show();
    QVERIFY(window.openFile(m_roundPath));
    const Round before = window.document()->round();

    int reports = 0;
    connect(&dialogs, &DialogService::progressReported, &window, [&] {
        ++reports;
        auto *progress = window.findChild<QProgressDialog *>();
        QVERIFY(progress);
        QVERIFY(progress->isModal());
        QCOMPARE(progress->labelText(), QStringLiteral("Importing claimant_count.csv…"));
        progress->cancel();
    });
    dialogs.setNextFileName(nomisFile(QStringLiteral("claimant_count.csv")));
    dialogs.setNextText(QStringLiteral("Claimants"));
    window.importNomisAction()->trigger();

    QCOMPARE(reports, 1); // the first report answered "cancel"
    QCOMPARE(window.document()->round(), before);
    QVERIFY(dialogs.messages().isEmpty());
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
    QVERIFY(!window.findChild<QProgressDialog *>()); // gone with the import
}

void TestNeedsView::aBadCsvShowsTheCoresMessageNamingTheLine()
{
    const QString path = m_dir->filePath(QStringLiteral("bad.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("DATE,GEOGRAPHY_NAME,GEOGRAPHY_CODE,MEASURES_NAME,OBS_VALUE\n"
               "2024-05,City of London,E09000001,Value,273\n"
               "2024-05,Camden,E09000007,Value,lots\n");
    file.close();

    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    const Round before = window->document()->round();
    m_dialogs.setNextFileName(path);
    m_dialogs.setNextText(QStringLiteral("Bad"));
    QVERIFY(!window->importNomisData());

    QCOMPARE(window->document()->round(), before);
    QCOMPARE(m_dialogs.messages().size(), 1);
    const DialogService::Message message = m_dialogs.messages().first();
    QCOMPARE(message.kind, DialogService::MessageKind::Error);
    QCOMPARE(message.title, QStringLiteral("The labour-market data was not imported"));
    QVERIFY2(message.text.contains(QStringLiteral("bad.csv, line 3")), qPrintable(message.text));
    QVERIFY2(message.text.contains(QStringLiteral("OBS_VALUE")), qPrintable(message.text));
}

void TestNeedsView::droppingACsvImportsIt()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(nomisFile(QStringLiteral("claimant_count.csv")))});

    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &enter);
    QVERIFY(enter.isAccepted());

    m_dialogs.setNextText(QStringLiteral("Dropped"));
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &drop);
    QVERIFY(drop.isAccepted());
    // The import runs once the drop has returned.
    QTRY_COMPARE(window->document()->round().datasets.size(), 2);
    QCOMPARE(window->document()->round().datasets.constLast().name, QStringLiteral("Dropped"));
    QCOMPARE(m_dialogs.messages().size(), 1);
    QCOMPARE(m_dialogs.messages().first().title, QStringLiteral("Labour-market data imported"));

    // Without a round a CSV has nowhere to go.
    window->closeRound();
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &refused);
    QVERIFY(!refused.isAccepted());
}

void TestNeedsView::importingALookupSumsSmallAreas()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    NeedsView *view = window->stagePage()->needsView();

    // LSOA figures first: the round knows none of their codes yet, and says so.
    m_dialogs.setNextFileName(nomisFile(QStringLiteral("lsoa_population.csv")));
    m_dialogs.setNextText(QStringLiteral("LSOA population"));
    QVERIFY(window->importNomisData());
    QCOMPARE(m_dialogs.messages().size(), 1);
    QString summary = m_dialogs.messages().first().text;
    QVERIFY2(summary.contains(QStringLiteral("does not know 7 geography codes")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("W01000001")), qPrintable(summary));
    QCOMPARE(view->indicatorCombo()->currentText(), QStringLiteral("LSOA population"));
    QCOMPARE(view->model()->index(0, 1).data().toString(), QStringLiteral("–"));

    m_dialogs.clearMessages();
    m_dialogs.setNextFileName(nomisFile(QStringLiteral("lsoa_lookup.csv")));
    QVERIFY(window->importLookupAction()->isEnabled());
    window->importLookupAction()->trigger();
    QCOMPARE(m_dialogs.messages().size(), 1);
    summary = m_dialogs.messages().first().text;
    QCOMPARE(m_dialogs.messages().first().title, QStringLiteral("Lookup imported"));
    QVERIFY2(summary.contains(QStringLiteral("6 small areas")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("1 imported dataset was summed again")),
             qPrintable(summary));

    // Barking and Dagenham is the sum of its three LSOAs; Barnet has a missing part: no figure.
    IndicatorTableModel *model = view->model();
    QCOMPARE(view->indicatorCombo()->currentText(), QStringLiteral("LSOA population"));
    const int barking = model->rowOf(QStringLiteral("E09000002"));
    const int barnet = model->rowOf(QStringLiteral("E09000003"));
    QCOMPARE(model->index(barking, 1).data().toString(), QStringLiteral("60"));
    QCOMPARE(model->index(barnet, 1).data().toString(), QStringLiteral("–"));
    QCOMPARE(barking, 0); // ranked first: the only value
}

void TestNeedsView::readOnlyRoundDisablesTheImports()
{
    auto first = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(first);
    QVERIFY(first->importNomisAction()->isEnabled());
    auto second = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(second);
    QVERIFY(second->document()->isReadOnly());
    for (QAction *action : {second->importNomisAction(), second->importLookupAction()}) {
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
        QCOMPARE(action->toolTip(), second->document()->whyNotEditable());
    }
    QVERIFY(!second->stagePage()->needsView()->addRatioButton()->isEnabled());
    QVERIFY(!second->importNomisData()); // even when called directly

    // A CSV dropped on it is refused too.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(nomisFile(QStringLiteral("claimant_count.csv")))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(second.get(), &enter);
    QVERIFY(!enter.isAccepted());

    // No round open: nothing to import into.
    first->closeRound();
    QVERIFY(!first->importNomisAction()->isEnabled());
    QVERIFY(!first->importNomisAction()->toolTip().isEmpty());
}

QTEST_MAIN(TestNeedsView)
#include "tst_needsview.moc"
