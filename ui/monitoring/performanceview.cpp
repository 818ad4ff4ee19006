#include "ui/monitoring/performanceview.h"

#include "core/monitoring/monitoringcheck.h"
#include "core/monitoring/performance.h"
#include "core/round/round.h"
#include "core/round/rounddocument.h"
#include "ui/design/designtab.h"
#include "ui/monitoring/performancemodel.h"
#include "ui/noticebox.h"
#include "ui/pagewidgets.h"
#include "ui/uiutil.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QScopedValueRollback>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace CoCommission {

namespace {

constexpr int kChartHeight = 380;
/** At most this many month labels under the trend chart; the others are left out. */
constexpr int kMostMonthLabels = 12;

// Okabe-Ito blue and vermilion: told apart with the common colour-vision deficiencies, and the
// profile is dashed as well.
const QColor kActualColour(0x00, 0x72, 0xb2);
const QColor kProfileColour(0xd5, 0x5e, 0x00);

/** A round step (1, 2 or 5 × a power of ten) giving about \a ticks intervals up to \a high. */
double niceStep(double high, int ticks)
{
    const double raw = std::max(high, 1e-9) / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double n = raw / magnitude;
    return std::max(1.0, (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude);
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

/** A label for a picker with \a buddy, its mnemonic moving the focus there. */
QLabel *pickerLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

/** A read-only table named \a name and described by \a description for assistive technology. */
QTableWidget *makeTable(const QStringList &headers, const QString &name, const QString &description,
                        const QString &objectName, int stretch, QWidget *parent)
{
    QTableWidget *table = UiUtil::makeTable(headers, parent);
    table->setAccessibleName(name);
    table->setAccessibleDescription(description);
    table->setObjectName(objectName);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    return table;
}

/** A read-only cell; a figure's is aligned right. */
QTableWidgetItem *cell(const QString &text, bool figure = false)
{
    QTableWidgetItem *item = makeCell(text, figure);
    item->setData(Qt::AccessibleTextRole, text);
    return item;
}

/** A result written in words, coloured as met (green) or not (red) when it is either. */
QTableWidgetItem *resultCell(const QString &text, std::optional<bool> met)
{
    QTableWidgetItem *item = cell(text);
    item->setTextAlignment(Qt::AlignCenter);
    if (met) {
        const Rag rag = *met ? Rag::Green : Rag::Red;
        item->setBackground(PerformanceFormat::ragBackground(rag));
        item->setForeground(PerformanceFormat::ragForeground(rag));
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
    }
    return item;
}

void rightAlignHeaders(QTableWidget *table, std::initializer_list<int> columns)
{
    for (int column : columns)
        table->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

/** A month on the chart's axis in two lines, e.g. "Apr" over "2019" (axis labels are HTML). */
QString monthLabel(const QDate &period)
{
    return QLocale().toString(period, QStringLiteral("MMM")) + QStringLiteral("<br>") +
           QString::number(period.year());
}

} // namespace

PerformanceView::PerformanceView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("performanceView"));

    m_emptyLabel = UiUtil::makeText(this);
    m_emptyLabel->setObjectName(QStringLiteral("performanceEmptyLabel"));

    m_content = new QWidget(this);
    m_periodCombo = new PageComboBox(m_content);
    m_periodCombo->setObjectName(QStringLiteral("performancePeriodCombo"));
    m_periodCombo->setAccessibleName(tr("Month the figures are cumulative to"));
    m_periodCombo->setToolTip(
        tr("Choose the month up to which the figures below are added up from the contract's "
           "start."));
    m_periodCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_cpaCombo = new PageComboBox(m_content);
    m_cpaCombo->setObjectName(QStringLiteral("performanceCpaCombo"));
    m_cpaCombo->setAccessibleName(tr("CPA shown"));
    m_cpaCombo->setToolTip(tr("Choose one CPA to show, or all of them together."));
    m_cpaCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *pickers = new QHBoxLayout;
    pickers->addWidget(pickerLabel(tr("Cumulative t&o:"), m_periodCombo, m_content));
    pickers->addWidget(m_periodCombo);
    pickers->addSpacing(18);
    pickers->addWidget(pickerLabel(tr("C&PA:"), m_cpaCombo, m_content));
    pickers->addWidget(m_cpaCombo);
    pickers->addStretch(1);

    m_intro = UiUtil::makeText(m_content, true);
    m_intro->setObjectName(QStringLiteral("performanceIntroLabel"));
    m_warnings = new NoticeBox(NoticeBox::Kind::Warning, QString(), m_content);
    m_warnings->setObjectName(QStringLiteral("performanceWarningsNotice"));

    auto *tableHeading = UiUtil::headingLabel(tr("Against the profile"), 1.15, m_content);
    m_model = new PerformanceTableModel(this);
    m_table = new QTableView(m_content);
    m_table->setObjectName(QStringLiteral("performanceTable"));
    m_table->setAccessibleName(tr("Performance against the profile"));
    m_table->setAccessibleDescription(
        tr("One row per CPA, group and measure: the actual figure to date against the "
           "profile, as a percentage and a red, amber or green rating."));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PerformanceTableModel::GroupColumn,
                                                      QHeaderView::Stretch);

    auto *trendHeading = UiUtil::headingLabel(tr("Trend"), 1.15, m_content);
    m_groupCombo = new PageComboBox(m_content);
    m_groupCombo->setObjectName(QStringLiteral("trendGroupCombo"));
    m_groupCombo->setAccessibleName(tr("Group the trend shows"));
    m_groupCombo->setToolTip(
        tr("Choose the priority group, or all groups, whose monthly trend the chart shows."));
    // Group names run long: the picker keeps a fair width and the page never scrolls sideways.
    m_groupCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_groupCombo->setMinimumContentsLength(30);
    m_measureCombo = new PageComboBox(m_content);
    m_measureCombo->setObjectName(QStringLiteral("trendMeasureCombo"));
    m_measureCombo->setAccessibleName(tr("Measure the trend shows"));
    m_measureCombo->setToolTip(
        tr("Choose the measure, such as starts or job outcomes, that the chart shows."));
    m_measureCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (MonitoringMeasure measure : monitoringMeasures())
        m_measureCombo->addItem(monitoringMeasureName(measure), int(measure));
    m_measureCombo->setCurrentIndex(m_measureCombo->findData(int(MonitoringMeasure::Starts)));
    m_cumulativeCheck = new QCheckBox(tr("Show tota&ls to date"), m_content);
    m_cumulativeCheck->setObjectName(QStringLiteral("trendCumulativeCheck"));
    m_cumulativeCheck->setAccessibleName(tr("Show the trend as totals to date"));
    m_cumulativeCheck->setToolTip(
        tr("Off: each month's figures. On: the running totals from the contract's first month."));
    auto *trendPickers = new QHBoxLayout;
    trendPickers->addWidget(pickerLabel(tr("Gro&up:"), m_groupCombo, m_content));
    trendPickers->addWidget(m_groupCombo);
    trendPickers->addSpacing(18);
    trendPickers->addWidget(pickerLabel(tr("&Measure:"), m_measureCombo, m_content));
    trendPickers->addWidget(m_measureCombo);
    trendPickers->addStretch(1);
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chartView = UiUtil::makeChartView(m_chart, m_content, 1.1);
    m_chartView->setObjectName(QStringLiteral("trendChartView"));
    m_chartView->setFixedHeight(kChartHeight);
    m_chartView->setAccessibleName(tr("Trend chart: actual against profile by month"));
    m_trendCaption = UiUtil::makeText(m_content, true);
    m_trendCaption->setObjectName(QStringLiteral("trendCaption"));

    auto *conversionsHeading = UiUtil::headingLabel(tr("Conversion rates"), 1.15, m_content);
    m_conversions = makeTable({tr("CPA"), tr("Rate"), tr("Actual"), tr("Profile")},
                              tr("Conversion rates, actual and in the profile"),
                              tr("One row per CPA and rate: the conversion rate achieved to date "
                                 "beside the rate the profile expects."),
                              QStringLiteral("conversionsTable"), 1, m_content);
    rightAlignHeaders(m_conversions, {2, 3});
    m_conversionsNone = UiUtil::makeText(m_content, true);

    auto *prioritiesHeading = UiUtil::headingLabel(tr("Local priorities"), 1.15, m_content);
    m_priorities =
        makeTable({tr("CPA"), tr("Directive condition"), tr("Group starts"), tr("All starts"),
                   tr("Share"), tr("Result")},
                  tr("Local priorities: each group's share of starts against its minimum"),
                  tr("One row per CPA and directive condition: the priority group's starts as a "
                     "share of all starts, and whether the minimum share is met."),
                  QStringLiteral("prioritiesTable"), 1, m_content);
    rightAlignHeaders(m_priorities, {2, 3, 4});
    // The conditions wrap rather than lose their end.
    m_priorities->setWordWrap(true);
    new RowFitter(m_priorities, [this] { fitRows(m_priorities); });
    m_prioritiesNone = UiUtil::makeText(m_content, true);
    m_prioritiesNone->setObjectName(QStringLiteral("prioritiesNoneLabel"));

    auto *standardsHeading = UiUtil::headingLabel(tr("Service standards"), 1.15, m_content);
    m_standards = makeTable(
        {tr("Standard"), tr("CPA"), tr("Target"), tr("Latest value"), tr("Month"), tr("Result")},
        tr("Service standards: the latest value reported against the target"),
        tr("One row per service standard and CPA: the latest value reported, its month, and "
           "whether it meets the target."),
        QStringLiteral("standardsTable"), 0, m_content);
    rightAlignHeaders(m_standards, {3});
    m_standardsNone = UiUtil::makeText(m_content, true);
    m_standardsNone->setObjectName(QStringLiteral("standardsNoneLabel"));

    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->setSpacing(8);
    content->addLayout(pickers);
    content->addWidget(m_intro);
    content->addWidget(m_warnings);
    content->addSpacing(4);
    content->addWidget(tableHeading);
    content->addWidget(m_table);
    content->addSpacing(10);
    content->addWidget(trendHeading);
    content->addLayout(trendPickers);
    content->addWidget(m_cumulativeCheck);
    content->addWidget(m_chartView);
    content->addWidget(m_trendCaption);
    content->addSpacing(10);
    content->addWidget(conversionsHeading);
    content->addWidget(m_conversionsNone);
    content->addWidget(m_conversions);
    content->addSpacing(10);
    content->addWidget(prioritiesHeading);
    content->addWidget(m_prioritiesNone);
    content->addWidget(m_priorities);
    content->addSpacing(10);
    content->addWidget(standardsHeading);
    content->addWidget(m_standardsNone);
    content->addWidget(m_standards);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_content);
    layout->addStretch(1);

    connect(m_periodCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling || index < 0)
            return;
        // The latest month picked follows the returns as they come in.
        m_pickedPeriod =
            index == m_periodCombo->count() - 1 ? QDate() : m_periodCombo->itemData(index).toDate();
        if (isVisible())
            compute();
        else
            m_stale = true;
    });
    connect(m_cpaCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling || index < 0)
            return;
        m_pickedCpa = CpaId(m_cpaCombo->itemData(index).toLongLong());
        display();
    });
    connect(m_groupCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling || index < 0)
            return;
        m_pickedGroup = m_groupCombo->itemData(index).toString();
        showTrend();
    });
    connect(m_measureCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            showTrend();
    });
    connect(m_cumulativeCheck, &QCheckBox::toggled, this, &PerformanceView::showTrend);

    display();
}

PerformanceView::~PerformanceView() = default;

void PerformanceView::setDocument(RoundDocument *document)
{
    if (document != m_document) {
        m_pickedPeriod = QDate();
        m_pickedCpa = CpaId();
        m_pickedGroup.clear();
        m_report.reset();
    }
    m_document = document;
    refresh();
}

void PerformanceView::refresh()
{
    m_stale = true;
    if (isVisible())
        compute();
    else if (!m_document)
        display();
}

void PerformanceView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        compute();
}

const PerformanceReport *PerformanceView::report() const
{
    return m_report.get();
}

QString PerformanceView::whyEmpty() const
{
    if (!m_document)
        return tr("No round is open.");
    const Round &round = m_document->round();
    if (!round.adoptedPlan())
        return tr("No CPA plan is adopted: performance is reported for each CPA of the adopted "
                  "plan.");
    if (!round.monitoring.profile.hasPeriod())
        return tr("No contract period is set yet. Set the contract's first month and length on "
                  "the Contract profile tab, then receive the providers' returns on the Returns "
                  "tab to compare them with the profile.");
    if (m_periodCombo->count() == 0)
        return tr("No performance return has been received yet. Receive one on the Returns tab "
                  "to see how delivery compares with the contract profile.");
    return {};
}

void PerformanceView::compute()
{
    ++m_computeCount;
    m_stale = false;
    m_report.reset();
    fillPeriods();
    fillPickers();
    if (whyEmpty().isEmpty()) {
        Result<PerformanceReport> report = performanceReport(m_document->round(), period());
        if (report)
            m_report = std::make_unique<PerformanceReport>(std::move(*report));
        else
            m_emptyLabel->setText(report.errorMessage());
    }
    display();
}

void PerformanceView::fillPeriods()
{
    const QScopedValueRollback filling(m_filling, true);
    m_periodCombo->clear();
    if (!m_document)
        return;
    const QList<QDate> months = PerformanceFormat::reportMonths(m_document->round().monitoring);
    for (const QDate &month : months)
        m_periodCombo->addItem(periodName(month), month);
    int index = m_pickedPeriod.isValid() ? m_periodCombo->findData(m_pickedPeriod) : -1;
    if (index < 0) {
        m_pickedPeriod = QDate();
        index = int(months.size()) - 1;
    }
    m_periodCombo->setCurrentIndex(index);
}

void PerformanceView::fillPickers()
{
    const QScopedValueRollback filling(m_filling, true);
    m_cpaCombo->clear();
    m_groupCombo->clear();
    if (!m_document)
        return;
    const Round &round = m_document->round();
    m_cpaCombo->addItem(tr("All CPAs"), qint64(0));
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const Cpa &cpa : plan->cpas)
            m_cpaCombo->addItem(cpa.name, cpa.id.value());
    }
    int index = m_cpaCombo->findData(m_pickedCpa.value());
    if (index < 0) {
        m_pickedCpa = CpaId();
        index = 0;
    }
    m_cpaCombo->setCurrentIndex(index);

    m_groupCombo->addItem(tr("All groups"), QString());
    const QList<KeyName> groups = monitoringGroups(round);
    for (const KeyName &group : groups)
        m_groupCombo->addItem(group.name, group.key);
    index = m_groupCombo->findData(m_pickedGroup);
    if (index < 0) {
        m_pickedGroup.clear();
        index = 0;
    }
    m_groupCombo->setCurrentIndex(index);
}

QDate PerformanceView::period() const
{
    return m_periodCombo->currentData().toDate();
}

bool PerformanceView::setPeriod(const QDate &period)
{
    const int index = m_periodCombo->findData(period);
    if (index < 0)
        return false;
    m_periodCombo->setCurrentIndex(index);
    return true;
}

CpaId PerformanceView::cpa() const
{
    return m_pickedCpa;
}

bool PerformanceView::setCpa(CpaId cpa)
{
    const int index = m_cpaCombo->findData(cpa.value());
    if (index < 0)
        return false;
    m_cpaCombo->setCurrentIndex(index);
    return true;
}

QString PerformanceView::trendGroup() const
{
    return m_pickedGroup;
}

bool PerformanceView::setTrendGroup(const QString &group)
{
    const int index = m_groupCombo->findData(group);
    if (index < 0)
        return false;
    m_groupCombo->setCurrentIndex(index);
    return true;
}

MonitoringMeasure PerformanceView::trendMeasure() const
{
    return MonitoringMeasure(m_measureCombo->currentData().toInt());
}

bool PerformanceView::setTrendMeasure(MonitoringMeasure measure)
{
    const int index = m_measureCombo->findData(int(measure));
    if (index < 0)
        return false;
    m_measureCombo->setCurrentIndex(index);
    return true;
}

bool PerformanceView::isTrendCumulative() const
{
    return m_cumulativeCheck->isChecked();
}

void PerformanceView::setTrendCumulative(bool cumulative)
{
    m_cumulativeCheck->setChecked(cumulative);
}

void PerformanceView::display()
{
    QString empty = whyEmpty();
    if (empty.isEmpty() && !m_report)
        empty = m_stale ? tr("The figures are worked out when this tab is shown.")
                        : m_emptyLabel->text();
    m_emptyLabel->setText(empty);
    m_emptyLabel->setVisible(!m_report);
    m_content->setVisible(m_report != nullptr);
    if (!m_report) {
        m_model->clear();
        return;
    }
    const Round &round = m_document->round();
    const PerformanceReport &report = *m_report;
    const ProgrammeBoard &board = round.monitoring.board;
    const QString green = PerformanceFormat::count(board.greenPercent) + QLatin1Char('%');
    const QString amber = PerformanceFormat::count(board.amberPercent) + QLatin1Char('%');
    m_intro->setText(
        tr("Figures added up from %1 to the end of %2. Green: %3 of the profile or better; "
           "amber: %4 or better; red: below %4 (the board's thresholds). A CPA's \u201cAll "
           "groups\u201d row, in bold, is its total.")
            .arg(periodName(report.from), periodName(report.period), green, amber));

    QStringList warnings;
    for (const QString &warning : report.warnings)
        warnings << QStringLiteral("\u2022 ") + warning;
    m_warnings->setText(tr("Check these figures before relying on them:") + QLatin1Char('\n') +
                        warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());

    m_model->setReport(report, monitoringGroups(round), m_pickedCpa);
    // One CPA picked: its name on every row says nothing.
    m_table->setColumnHidden(PerformanceTableModel::CpaColumn, m_pickedCpa.isValid());
    fitViewHeight(m_table);

    showConversions();
    showPriorities();
    showStandards();
    showTrend();
}

void PerformanceView::showConversions()
{
    QList<ConversionRate> rates;
    for (const ConversionRate &rate : m_report->conversions) {
        if (!m_pickedCpa.isValid() || rate.cpa == m_pickedCpa)
            rates << rate;
    }
    const Round &round = m_document->round();
    m_conversions->setRowCount(int(rates.size()));
    for (int row = 0; row < rates.size(); ++row) {
        const ConversionRate &rate = rates[row];
        const Cpa *cpa = round.adoptedCpa(rate.cpa);
        const bool all = !rate.cpa.isValid();
        QTableWidgetItem *name = cell(all ? tr("All CPAs") : cpa ? cpa->name : QString());
        m_conversions->setItem(row, 0, name);
        m_conversions->setItem(row, 1, cell(rate.name));
        m_conversions->setItem(row, 2, cell(PerformanceFormat::percent(rate.actualPercent), true));
        m_conversions->setItem(row, 3, cell(PerformanceFormat::percent(rate.profilePercent), true));
        for (int column = 0; column < 4; ++column) {
            QTableWidgetItem *item = m_conversions->item(row, column);
            item->setData(Qt::UserRole, rate.key);
            if (all) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
        }
    }
    m_conversionsNone->setText(tr("No conversion rates to show."));
    m_conversionsNone->setVisible(rates.isEmpty());
    m_conversions->setVisible(!rates.isEmpty());
    UiUtil::fitTableHeight(m_conversions);
}

void PerformanceView::showPriorities()
{
    const Round &round = m_document->round();
    QList<PriorityShare> shares;
    for (const PriorityShare &share : m_report->priorities) {
        if (!m_pickedCpa.isValid() || share.cpa == m_pickedCpa)
            shares << share;
    }
    const QList<KeyName> groups = monitoringGroups(round);
    const auto groupName = [&](const QString &key) {
        for (const KeyName &g : groups) {
            if (g.key == key)
                return g.name;
        }
        return key;
    };
    m_priorities->setRowCount(int(shares.size()));
    for (int row = 0; row < shares.size(); ++row) {
        const PriorityShare &share = shares[row];
        const Cpa *cpa = round.adoptedCpa(share.cpa);
        QString condition;
        QString result;
        if (share.measurable) {
            condition =
                tr("%1: at least %2% of starts")
                    .arg(groupName(share.group), PerformanceFormat::count(share.minimumPercent));
            result = !share.met ? tr("No starts yet") : *share.met ? tr("Met") : tr("Not met");
        } else {
            const Authority *place = round.authority(share.group);
            condition = tr("Delivery presence in %1").arg(place ? place->name : share.group);
            result = tr("Not measured by returns");
        }
        QTableWidgetItem *conditionCell = cell(condition);
        if (share.condition >= 0 && share.condition < round.design.conditions.size() &&
            !round.design.conditions[share.condition].note.isEmpty())
            conditionCell->setToolTip(round.design.conditions[share.condition].note);
        m_priorities->setItem(row, 0, cell(cpa ? cpa->name : QString()));
        m_priorities->setItem(row, 1, conditionCell);
        m_priorities->setItem(
            row, 2,
            cell(share.measurable ? PerformanceFormat::count(share.groupStarts) : QString(), true));
        m_priorities->setItem(
            row, 3,
            cell(share.measurable ? PerformanceFormat::count(share.totalStarts) : QString(), true));
        m_priorities->setItem(
            row, 4,
            cell(share.measurable ? PerformanceFormat::percent(share.sharePercent) : QString(),
                 true));
        QTableWidgetItem *resultItem =
            resultCell(result, share.measurable ? share.met : std::nullopt);
        resultItem->setData(Qt::AccessibleTextRole,
                            tr("%1 in %2: %3").arg(condition, cpa ? cpa->name : QString(), result));
        m_priorities->setItem(row, 5, resultItem);
    }
    m_prioritiesNone->setText(
        round.design.conditions.isEmpty()
            ? tr("The design sets no directive condition for the priority groups or places.")
            : tr("No directive condition applies to this CPA."));
    m_prioritiesNone->setVisible(shares.isEmpty());
    m_priorities->setVisible(!shares.isEmpty());
    fitRows(m_priorities);
}

void PerformanceView::showStandards()
{
    const Round &round = m_document->round();
    QList<StandardCheck> checks;
    for (const StandardCheck &check : m_report->standards) {
        if (!m_pickedCpa.isValid() || check.cpa == m_pickedCpa)
            checks << check;
    }
    m_standards->setRowCount(int(checks.size()));
    for (int row = 0; row < checks.size(); ++row) {
        const StandardCheck &check = checks[row];
        const ServiceStandard *standard = nullptr;
        for (const ServiceStandard &s : round.design.standards) {
            if (s.key == check.standard)
                standard = &s;
        }
        const Cpa *cpa = round.adoptedCpa(check.cpa);
        const QString unit = standard ? standard->unit : QString();
        const auto withUnit = [&](double value) {
            const QString number = PerformanceFormat::count(value);
            return unit.isEmpty() ? number : tr("%1 %2").arg(number, unit);
        };
        QString target;
        if (standard) {
            switch (standard->direction) {
            case StandardDirection::AtMost:
                target = tr("At most %1").arg(withUnit(standard->target));
                break;
            case StandardDirection::AtLeast:
                target = tr("At least %1").arg(withUnit(standard->target));
                break;
            case StandardDirection::Required:
                target = tr("Required");
                break;
            }
        }
        QString value = tr("No data");
        if (check.value) {
            if (standard && standard->direction == StandardDirection::Required)
                value = *check.value >= 1 ? tr("Yes") : tr("No");
            else
                value = withUnit(*check.value);
        }
        const QString name = standard ? standard->name : check.standard;
        const QString result = !check.met ? tr("No data") : *check.met ? tr("Met") : tr("Not met");
        m_standards->setItem(row, 0, cell(name));
        m_standards->setItem(row, 1, cell(cpa ? cpa->name : QString()));
        m_standards->setItem(row, 2, cell(target));
        m_standards->setItem(row, 3, cell(value, true));
        m_standards->setItem(row, 4,
                             cell(check.reportedFor.isValid() ? periodName(check.reportedFor)
                                                              : QStringLiteral("\u2014")));
        QTableWidgetItem *resultItem = resultCell(result, check.met);
        resultItem->setData(Qt::AccessibleTextRole,
                            tr("%1 in %2: %3").arg(name, cpa ? cpa->name : QString(), result));
        m_standards->setItem(row, 5, resultItem);
    }
    m_standardsNone->setText(round.design.standards.isEmpty()
                                 ? tr("The design sets no minimum service standard.")
                                 : tr("No service standard to check for this CPA."));
    m_standardsNone->setVisible(checks.isEmpty());
    m_standards->setVisible(!checks.isEmpty());
    UiUtil::fitTableHeight(m_standards);
}

void PerformanceView::showTrend()
{
    clearChart(m_chart);
    m_actualSeries = m_profileSeries = nullptr;
    if (!m_report || !m_document)
        return;
    const Round &round = m_document->round();
    const MonitoringMeasure measure = trendMeasure();
    const bool cumulative = isTrendCumulative();
    const QList<TrendPoint> points =
        performanceTrend(round, m_pickedCpa, m_pickedGroup, measure, m_report->period);

    const Cpa *cpa = round.adoptedCpa(m_pickedCpa);
    const QString where = cpa ? cpa->name : tr("all CPAs");
    const QString group = m_pickedGroup.isEmpty() ? tr("all groups") : m_groupCombo->currentText();
    const QString measureName = monitoringMeasureName(measure);
    m_chart->setTitle(cumulative ? tr("%1 to date: %2, %3").arg(measureName, where, group)
                                 : tr("%1 by month: %2, %3").arg(measureName, where, group));

    m_actualSeries = new QLineSeries;
    m_actualSeries->setName(tr("Actual"));
    m_actualSeries->setPen(QPen(kActualColour, 2.5));
    m_actualSeries->setPointsVisible(true);
    m_profileSeries = new QLineSeries;
    m_profileSeries->setName(tr("Profile"));
    QPen dashed(kProfileColour, 2.2, Qt::DashLine);
    m_profileSeries->setPen(dashed);

    // Months without a return have no actual point: a line to zero would read as a collapse.
    double highest = 0;
    QStringList spoken;
    const TrendPoint *last = nullptr;
    for (int i = 0; i < points.size(); ++i) {
        const TrendPoint &p = points[i];
        const double profile = cumulative ? p.cumulativeProfile : p.profile;
        m_profileSeries->append(i, profile);
        highest = std::max(highest, profile);
        QString line =
            tr("%1: profile %2").arg(periodName(p.period), PerformanceFormat::count(profile));
        if (p.reported) {
            const double actual = cumulative ? p.cumulativeActual : p.actual;
            m_actualSeries->append(i, actual);
            highest = std::max(highest, actual);
            line = tr("%1: actual %2, profile %3")
                       .arg(periodName(p.period), PerformanceFormat::count(actual),
                            PerformanceFormat::count(profile));
            last = &p;
        } else {
            line += tr(", no return");
        }
        spoken << line;
    }
    m_chart->addSeries(m_profileSeries);
    m_chart->addSeries(m_actualSeries);

    auto *x = new QCategoryAxis;
    x->setTitleText(tr("Month"));
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int step = std::max<int>(1, int(std::ceil(double(points.size()) / kMostMonthLabels)));
    for (int i = 0; i < points.size(); i += step)
        x->append(monthLabel(points[i].period), i);
    x->setRange(-0.5, std::max<double>(0.5, double(points.size()) - 0.5));
    auto *y = new QValueAxis;
    y->setTitleText(cumulative ? tr("%1 to date").arg(measureName)
                               : tr("%1 in the month").arg(measureName));
    const double interval = niceStep(highest * 1.05, 5);
    y->setRange(0, std::max(interval, std::ceil(highest * 1.05 / interval) * interval));
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(interval);
    y->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *series : {m_profileSeries, m_actualSeries}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    m_chart->legend()->setVisible(true);

    QString caption;
    if (!last) {
        caption = tr("No return reports %1 for %2, %3 up to %4.")
                      .arg(measureName.toLower(), where, group, periodName(m_report->period));
    } else if (cumulative) {
        caption =
            tr("To the end of %1: %2 against a profile of %3. The dashed line is the "
               "profile.")
                .arg(periodName(last->period), PerformanceFormat::count(last->cumulativeActual),
                     PerformanceFormat::count(last->cumulativeProfile));
    } else {
        caption = tr("In %1: %2 against a profile of %3. The dashed line is the profile; tick "
                     "\u201cShow totals to date\u201d for the running totals.")
                      .arg(periodName(last->period), PerformanceFormat::count(last->actual),
                           PerformanceFormat::count(last->profile));
    }
    m_trendCaption->setText(caption);
    m_chartView->setAccessibleDescription(m_chart->title() + QStringLiteral(". ") +
                                          spoken.join(QStringLiteral("; ")) + QLatin1Char('.'));
}

} // namespace CoCommission
