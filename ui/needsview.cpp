#include "ui/needsview.h"

#include "core/commands/commands.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/models/indicatortablemodel.h"
#include "ui/needs/indicatormap.h"
#include "ui/noticebox.h"
#include "ui/pagewidgets.h"
#include "ui/uiutil.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxLayout>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDate>
#include <QGraphicsSimpleTextItem>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QSignalBlocker>
#include <QTableView>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace CoCommission {

namespace {

/** Below this width the table and the bar chart stack instead of standing side by side. */
constexpr int kSideBySideWidth = 800;
/** Up to this many groups the line chart shows them all; more, it shows the selected row. */
constexpr int kMaxLines = 8;
/** Vertical space a bar needs to keep its category label legible. */
constexpr int kBarPitch = 24;
/** Height of the bar chart beyond its bars: title, axis labels and axis title. */
constexpr int kBarChartFrame = 150;
constexpr int kMinBarChartHeight = 220;
constexpr int kLineChartHeight = 360;
/** Dates labelled on the line chart's axis at most; the others are ticks only. */
constexpr int kMaxDateLabels = 12;

const QColor kBarColour(0x1f, 0x6f, 0xb4);
const QColor kSelectedBarColour(0xd5, 0x5e, 0x00);
// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
const QColor kLineColours[] = {QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00),
                               QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                               QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9),
                               QColor(0x00, 0x00, 0x00), QColor(0x99, 0x99, 0x99)};

constexpr int kGroupingAuthority = int(Grouping::Authority);
constexpr int kGroupingPartnership = int(Grouping::Partnership);
constexpr int kGroupingCpa = int(Grouping::Cpa);

QChartView *makeChartView(QChart *chart, QWidget *parent)
{
    return UiUtil::makeChartView(chart, parent, 1.15);
}

QLabel *makeCaption(QWidget *parent)
{
    return UiUtil::makeText(parent, /*secondary=*/true);
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

/** A value axis from 0 (or below, for negative values) to a little above \a max. */
QValueAxis *valueAxis(double min, double max, int decimals, const QString &title)
{
    auto *axis = new QValueAxis;
    const double top = max > 0 ? max : 1;
    axis->setRange(std::min(0.0, min), top);
    axis->applyNiceNumbers();
    // Ticks can fall between whole numbers when the values are small.
    const bool fine = decimals > 0 || axis->max() - axis->min() < 10;
    axis->setLabelFormat(fine ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    axis->setTitleText(title);
    return axis;
}

/**
 * A chart's title in two lines, the indicator's name above what is shown of it: NOMIS names
 * are long, and on one line the date would be cut off.
 */
QString chartTitle(const QString &name, const QString &detail)
{
    return QStringLiteral("<div align=\"center\">%1<br><span style=\"font-weight: "
                          "normal\">%2</span></div>")
        .arg(name.toHtmlEscaped(), detail.toHtmlEscaped());
}

/** A list of names for a sentence: "A, B and C", at most \a limit then "and N more". */
QString nameList(const QStringList &names, int limit = 8)
{
    if (names.size() > limit) {
        return QCoreApplication::translate("CoCommission::NeedsView", "%1 and %2 more")
            .arg(names.mid(0, limit).join(QStringLiteral(", ")))
            .arg(names.size() - limit);
    }
    if (names.size() <= 1)
        return names.value(0);
    return QCoreApplication::translate("CoCommission::NeedsView", "%1 and %2")
        .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.last());
}

} // namespace

NeedsView::NeedsView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("needsView"));

    // Empty state: no indicator yet.
    m_emptyState = new QWidget(this);
    m_emptyState->setObjectName(QStringLiteral("needsEmptyState"));
    m_emptyLabel = new QLabel(
        tr("This round holds no labour-market figures yet. Import a NOMIS download (a CSV file) "
           "with File > Import labour-market data…, or drop the file on this window."),
        m_emptyState);
    m_emptyLabel->setObjectName(QStringLiteral("needsEmptyLabel"));
    m_emptyLabel->setWordWrap(true);
    m_importButton = new QPushButton(tr("&Import labour-market data…"), m_emptyState);
    m_importButton->setObjectName(QStringLiteral("importDataButton"));
    m_importButton->setAccessibleName(tr("Import labour-market data"));
    auto *emptyButtons = new QHBoxLayout;
    emptyButtons->addWidget(m_importButton);
    emptyButtons->addStretch(1);
    auto *emptyLayout = new QVBoxLayout(m_emptyState);
    emptyLayout->setContentsMargins(0, 0, 0, 0);
    emptyLayout->addWidget(m_emptyLabel);
    emptyLayout->addLayout(emptyButtons);

    m_content = new QWidget(this);
    m_content->setObjectName(QStringLiteral("needsContent"));

    m_illustrativeNotice =
        new NoticeBox(NoticeBox::Kind::Warning,
                      tr("Illustrative figures, not official statistics. They were invented for "
                         "the demo round: do not base decisions on them."),
                      m_content);
    m_illustrativeNotice->setObjectName(QStringLiteral("needsIllustrativeNotice"));

    // The pickers: indicator on its own line (names are long), then grouping, date and Add.
    m_indicatorCombo = new PageComboBox(m_content);
    m_indicatorCombo->setObjectName(QStringLiteral("indicatorCombo"));
    m_indicatorCombo->setAccessibleName(tr("Indicator"));
    m_indicatorCombo->setToolTip(
        tr("Choose the labour-market indicator the table and charts show."));
    m_indicatorCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_indicatorCombo->setMinimumContentsLength(24);
    auto *indicatorLabel = new QLabel(tr("&Indicator:"), m_content);
    indicatorLabel->setBuddy(m_indicatorCombo);

    m_groupingCombo = new PageComboBox(m_content);
    m_groupingCombo->setObjectName(QStringLiteral("groupingCombo"));
    m_groupingCombo->setAccessibleName(tr("Group by"));
    m_groupingCombo->setToolTip(
        tr("Show the figures for each authority, or summed by partnership or by CPA."));
    m_groupingCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *groupingLabel = new QLabel(tr("Gro&up by:"), m_content);
    groupingLabel->setBuddy(m_groupingCombo);

    m_dateCombo = new PageComboBox(m_content);
    m_dateCombo->setObjectName(QStringLiteral("dateCombo"));
    m_dateCombo->setAccessibleName(tr("Date"));
    m_dateCombo->setToolTip(tr("Choose the date whose figures the table and bar chart show."));
    m_dateCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *dateLabel = new QLabel(tr("&Date:"), m_content);
    dateLabel->setBuddy(m_dateCombo);

    m_addRatioButton = new QPushButton(tr("&Add ratio indicator…"), m_content);
    m_addRatioButton->setObjectName(QStringLiteral("addRatioButton"));
    m_addRatioButton->setAccessibleName(tr("Add ratio indicator"));

    m_detailsLabel = makeCaption(m_content);
    m_detailsLabel->setObjectName(QStringLiteral("indicatorDetails"));

    auto *indicatorRow = new QHBoxLayout;
    indicatorRow->addWidget(indicatorLabel);
    indicatorRow->addWidget(m_indicatorCombo, 1);
    auto *pickerRow = new QHBoxLayout;
    pickerRow->addWidget(groupingLabel);
    pickerRow->addWidget(m_groupingCombo);
    pickerRow->addSpacing(12);
    pickerRow->addWidget(dateLabel);
    pickerRow->addWidget(m_dateCombo);
    pickerRow->addStretch(1);
    pickerRow->addWidget(m_addRatioButton);

    // The table and the ranked bar chart of the same values.
    m_model = new IndicatorTableModel(this);
    m_table = new QTableView(m_content);
    m_table->setObjectName(QStringLiteral("indicatorTable"));
    m_table->setAccessibleDescription(tr("The indicator's value for each area at the chosen "
                                         "date; select a row to see it over time."));
    m_table->setModel(m_model);
    // The indicator first: enabling sorting sorts by it at once.
    m_table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // As tall as its rows, so that the page scrolls as one rather than view by view.
    // As wide as its columns too: the bar chart beside it takes the rest.
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setMinimumSectionSize(60);

    m_barChart = new QChart;
    m_barChart->legend()->hide();
    connect(m_barChart, &QChart::plotAreaChanged, this, &NeedsView::placeBarLabels);
    m_barView = makeChartView(m_barChart, m_content);
    m_barView->setObjectName(QStringLiteral("barChartView"));
    m_barCaption = makeCaption(m_content);
    m_barCaption->setObjectName(QStringLiteral("barChartCaption"));

    auto *tableColumn = new QVBoxLayout;
    tableColumn->addWidget(m_table);
    tableColumn->addStretch(1);
    auto *barColumn = new QVBoxLayout;
    barColumn->addWidget(m_barView);
    barColumn->addWidget(m_barCaption);
    barColumn->addStretch(1);
    m_valuesLayout = new QBoxLayout(QBoxLayout::LeftToRight);
    m_valuesLayout->addLayout(tableColumn, 0);
    m_valuesLayout->addLayout(barColumn, 1);

    m_lineChart = new QChart;
    m_lineChart->legend()->setAlignment(Qt::AlignBottom);
    m_lineView = makeChartView(m_lineChart, m_content);
    m_lineView->setObjectName(QStringLiteral("lineChartView"));
    m_lineView->setFixedHeight(kLineChartHeight);
    m_lineCaption = makeCaption(m_content);
    m_lineCaption->setObjectName(QStringLiteral("lineChartCaption"));

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_illustrativeNotice);
    contentLayout->addLayout(indicatorRow);
    contentLayout->addLayout(pickerRow);
    contentLayout->addWidget(m_detailsLabel);
    contentLayout->addLayout(m_valuesLayout);
    contentLayout->addSpacing(8);
    contentLayout->addWidget(m_lineView);
    contentLayout->addWidget(m_lineCaption);
    m_map = new IndicatorMap(m_content);
    contentLayout->addSpacing(8);
    contentLayout->addWidget(m_map);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyState);
    layout->addWidget(m_content);

    connect(m_importButton, &QPushButton::clicked, this, &NeedsView::importRequested);
    connect(m_addRatioButton, &QPushButton::clicked, this, &NeedsView::addRatio);
    connect(m_indicatorCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        fillDates();
        refreshValues();
    });
    connect(m_groupingCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_selectedCode.clear(); // a partnership is no row among authorities
        refreshValues();
    });
    connect(m_dateCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            refreshValues();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NeedsView::onCurrentRowChanged);

    rebuild();
}

NeedsView::~NeedsView()
{
    // The chart goes with the child widgets, after this object has stopped being a NeedsView.
    disconnect(m_barChart, nullptr, this, nullptr);
}

void NeedsView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_selectedCode.clear();
    if (m_document) {
        connect(m_document, &RoundDocument::figuresChanged, this, &NeedsView::rebuild);
        connect(m_document, &RoundDocument::adoptedPlanChanged, this, &NeedsView::rebuild);
        connect(m_document, &RoundDocument::roundChanged, this, &NeedsView::onRoundChanged);
    }
    rebuild();
}

RoundDocument *NeedsView::document() const
{
    return m_document;
}

NeedsView::Basis NeedsView::basisOf(const RoundDocument *document)
{
    Basis basis;
    if (!document)
        return basis;
    const Round &round = document->round();
    for (const NeedsDataset &d : round.datasets) {
        basis.datasets.append(d.id);
        basis.observations += d.observations.size();
    }
    basis.ratios = round.ratios;
    basis.partnerships = round.partnerships;
    basis.plans = round.plans;
    return basis;
}

void NeedsView::onRoundChanged()
{
    // roundChanged() follows every change (titles, stage status, ...): rebuild only when what
    // the view shows has changed, so that the user's place in the table is not lost.
    if (basisOf(m_document) != m_basis)
        rebuild();
    else
        refreshEditability();
}

void NeedsView::rebuild()
{
    m_basis = basisOf(m_document);
    m_indicators = m_document ? std::make_unique<Indicators>(m_document->round()) : nullptr;
    const bool empty = !m_indicators || m_indicators->all().isEmpty();
    m_emptyState->setVisible(m_document && empty);
    m_content->setVisible(!empty);
    fillIndicators();
    fillGroupings();
    fillDates();
    refreshValues();
    refreshEditability();
}

void NeedsView::fillIndicators()
{
    const QSignalBlocker blocker(m_indicatorCombo);
    const QString current = m_indicatorCombo->currentData().toString();
    m_indicatorCombo->clear();
    if (!m_indicators)
        return;
    int ratioIndex = -1;
    for (const IndicatorInfo &info : m_indicators->all()) {
        m_indicatorCombo->addItem(info.name, info.id);
        const int index = m_indicatorCombo->count() - 1;
        QString tip = info.kind == IndicatorInfo::Kind::Ratio
                          ? tr("Ratio of two measures of %1").arg(info.dataset)
                          : tr("Measure of the dataset %1").arg(info.dataset);
        m_indicatorCombo->setItemData(index, tip, Qt::ToolTipRole);
        if (ratioIndex < 0 && info.kind == IndicatorInfo::Kind::Ratio)
            ratioIndex = index;
    }
    int index = m_indicatorCombo->findData(current);
    // A rate compares places of different sizes; a count mostly ranks them by size.
    if (index < 0)
        index = ratioIndex >= 0 ? ratioIndex : 0;
    m_indicatorCombo->setCurrentIndex(index);
}

void NeedsView::fillGroupings()
{
    const QSignalBlocker blocker(m_groupingCombo);
    const QVariant current = m_groupingCombo->currentData();
    m_groupingCombo->clear();
    if (!m_document)
        return;
    const Round &round = m_document->round();
    m_groupingCombo->addItem(tr("Authority"), kGroupingAuthority);
    if (!round.partnerships.isEmpty())
        m_groupingCombo->addItem(tr("Partnership"), kGroupingPartnership);
    if (const CpaPlan *plan = round.adoptedPlan()) {
        m_groupingCombo->addItem(tr("CPA (%1)").arg(plan->name), kGroupingCpa);
        m_groupingCombo->setItemData(m_groupingCombo->count() - 1,
                                     tr("The CPAs of the adopted plan, %1").arg(plan->name),
                                     Qt::ToolTipRole);
    }
    const int index = current.isValid() ? m_groupingCombo->findData(current) : -1;
    m_groupingCombo->setCurrentIndex(std::max(index, 0));
}

void NeedsView::fillDates()
{
    const QSignalBlocker blocker(m_dateCombo);
    const QString current = m_dateCombo->currentData().toString();
    m_dateCombo->clear();
    const IndicatorInfo *info = currentInfo();
    if (!info)
        return;
    // Latest first: it is the one people want, and the default.
    for (auto it = info->dates.crbegin(); it != info->dates.crend(); ++it)
        m_dateCombo->addItem(dateLabel(*it), *it);
    const int index = m_dateCombo->findData(current);
    m_dateCombo->setCurrentIndex(std::max(index, 0));
}

bool NeedsView::setIndicator(const QString &id)
{
    const int index = m_indicatorCombo->findData(id);
    if (index < 0)
        return false;
    {
        // The latest date of the new indicator, not the date shown before.
        const QSignalBlocker blocker(m_dateCombo);
        m_dateCombo->clear();
    }
    if (index == m_indicatorCombo->currentIndex()) {
        fillDates();
        refreshValues();
    } else {
        m_indicatorCombo->setCurrentIndex(index);
    }
    return true;
}

QString NeedsView::indicator() const
{
    return m_indicatorCombo->currentData().toString();
}

bool NeedsView::setGrouping(Grouping grouping)
{
    const int index = m_groupingCombo->findData(int(grouping));
    if (index < 0)
        return false;
    m_groupingCombo->setCurrentIndex(index);
    return true;
}

Grouping NeedsView::grouping() const
{
    const QVariant data = m_groupingCombo->currentData();
    return data.isValid() ? Grouping(data.toInt()) : Grouping::Authority;
}

bool NeedsView::setDate(const QString &date)
{
    const int index = m_dateCombo->findData(date);
    if (index < 0)
        return false;
    m_dateCombo->setCurrentIndex(index);
    return true;
}

QString NeedsView::date() const
{
    return m_dateCombo->currentData().toString();
}

QString NeedsView::dateLabel(const QString &date)
{
    static const QRegularExpression month(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    if (const QRegularExpressionMatch m = month.match(date); m.hasMatch()) {
        const QDate first(m.captured(1).toInt(), m.captured(2).toInt(), 1);
        if (first.isValid())
            return QLocale().toString(first, QStringLiteral("MMMM yyyy"));
    }
    return date;
}

const IndicatorInfo *NeedsView::currentInfo() const
{
    if (!m_indicators)
        return nullptr;
    const QString id = indicator();
    return id.isEmpty() ? nullptr : m_indicators->find(id);
}

QStringList NeedsView::membersOf(const QString &code) const
{
    if (!m_document)
        return {};
    const Round &round = m_document->round();
    switch (grouping()) {
    case Grouping::Authority:
        return {code};
    case Grouping::Partnership:
        for (const Partnership &p : round.partnerships) {
            if (p.name == code)
                return p.members;
        }
        break;
    case Grouping::Cpa:
        if (const CpaPlan *plan = round.adoptedPlan()) {
            for (const Cpa &c : plan->cpas) {
                if (c.name == code)
                    return c.members;
            }
        }
        break;
    }
    return {};
}

NeedsView::Unit NeedsView::unit() const
{
    const IndicatorInfo *info = currentInfo();
    if (info && info->percentage)
        return {tr("%"), tr("Per cent (%)")};
    if (info && info->rate)
        return {tr("rate"), tr("Rate")};
    if (!info || info->kind != IndicatorInfo::Kind::Ratio || !m_document)
        return {tr("count"), tr("Count")};
    const double scale = info->scale;
    if (scale == 100)
        return {tr("%"), tr("Per cent (%)")};
    if (scale == 1)
        return {tr("ratio"), tr("Ratio")};
    const QString per = IndicatorTableModel::formatValue(scale, 0);
    return {tr("per %1").arg(per), tr("Per %1").arg(per)};
}

QString NeedsView::groupingNoun() const
{
    switch (grouping()) {
    case Grouping::Authority:
        return tr("authority");
    case Grouping::Partnership:
        return tr("partnership");
    case Grouping::Cpa:
        return tr("CPA");
    }
    return {};
}

QString NeedsView::sourceSentence() const
{
    const IndicatorInfo *info = currentInfo();
    if (!info)
        return {};
    QString text;
    if (info->illustrative)
        text = tr("Illustrative figures, not official statistics. ");
    text += tr("Source: %1 (dataset: %2).").arg(info->source, info->dataset);
    return text;
}

void NeedsView::refreshValues()
{
    const IndicatorInfo *info = currentInfo();
    m_illustrativeNotice->setVisible(info && info->illustrative);
    if (!info) {
        m_model->clear();
        refreshBarChart();
        refreshLineChart();
        m_barChart->setTitle(QString());
        m_lineChart->setTitle(QString());
        m_detailsLabel->clear();
        m_barCaption->clear();
        m_lineCaption->clear();
        m_map->clear();
        return;
    }

    const QString date = this->date();
    const QList<IndicatorValue> values = m_indicators->values(info->id, grouping(), date);
    int decimals = info->kind == IndicatorInfo::Kind::Ratio || info->rate ? 1 : 0;
    for (const IndicatorValue &v : values) {
        if (v.value && std::floor(*v.value) != *v.value)
            decimals = std::max(decimals, 1);
    }
    const QString nameHeader = groupingNoun().at(0).toUpper() + groupingNoun().mid(1);
    const QString missingReason =
        grouping() == Grouping::Authority ? tr("No figure for this authority at this date.")
        : info->rate ? tr("No figure: rates of authorities do not add up to a group's rate. "
                          "Define a ratio of two counts to see it for groups.")
                     : tr("No figure: an authority of this group has none at this date, and a "
                          "partial total would mislead.");

    QString details;
    if (info->kind == IndicatorInfo::Kind::Ratio) {
        const IndicatorInfo *num = m_indicators->find(info->numerator);
        const IndicatorInfo *den = m_indicators->find(info->denominator);
        details = tr("%1 = %2 ÷ %3 × %4. For a group it is worked out from the summed figures "
                     "of its authorities.")
                      .arg(info->name, num ? num->name : info->numerator,
                           den ? den->name : info->denominator,
                           IndicatorTableModel::formatValue(info->scale, 0));
    } else if (info->rate) {
        details = tr("%1 is a rate, not a count: it is shown for each authority, but rates do "
                     "not add up, so groups have no figure. For a group's rate, define a ratio "
                     "of two counts.")
                      .arg(info->name);
    } else if (grouping() != Grouping::Authority) {
        details = tr("A group's figure is the sum of its authorities' figures.");
    }
    if (date.isEmpty())
        details = tr("This indicator has no figures: its measures share no date.");
    m_detailsLabel->setText(details);
    m_detailsLabel->setVisible(!details.isEmpty());

    m_updating = true;
    m_model->setValues(values, decimals, nameHeader, tr("Value (%1)").arg(unit().inText),
                       missingReason);
    m_table->setAccessibleName(tr("%1 by %2, %3").arg(info->name, groupingNoun(), dateLabel(date)));
    if (const int row = m_model->rowOf(m_selectedCode); row >= 0) {
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    } else {
        m_selectedCode.clear();
    }
    m_updating = false;
    m_table->updateGeometry();

    refreshBarChart();
    refreshLineChart();
    refreshMap();
}

void NeedsView::refreshMap()
{
    const IndicatorInfo *info = currentInfo();
    if (!info || !m_document) {
        m_map->clear();
        return;
    }
    IndicatorMap::Content content;
    const QString date = this->date();
    content.title = tr("%1 by %2, %3").arg(info->name, groupingNoun(), dateLabel(date));
    content.caption = sourceSentence() + QLatin1Char(' ') +
                      tr("Figures for %1, by %2.").arg(dateLabel(date), groupingNoun());
    content.unit = unit().inText == tr("count") ? QString() : unit().inText;
    content.decimals = m_model->decimals();
    content.grouping = grouping();
    content.values = m_indicators->values(info->id, grouping(), date);
    m_map->show(m_document->round(), content);
}

void NeedsView::refreshBarChart()
{
    qDeleteAll(m_barLabels);
    m_barLabels.clear();
    m_barSeries = nullptr;
    clearChart(m_barChart);
    const IndicatorInfo *info = currentInfo();
    if (!info)
        return;
    const QString date = this->date();
    const int decimals = m_model->decimals();

    struct Bar
    {
        QString code;
        QString name;
        double value;
    };
    QList<Bar> bars;
    QStringList missing;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, IndicatorTableModel::NameColumn);
        const QVariant value = index.data(IndicatorTableModel::ValueRole);
        if (value.isValid())
            bars.append({index.data(IndicatorTableModel::CodeRole).toString(),
                         index.data().toString(), value.toDouble()});
        else
            missing.append(index.data().toString());
    }
    // Ranked: the highest at the top. A horizontal bar series draws its first category at the
    // bottom, so the bars go in lowest first.
    std::stable_sort(bars.begin(), bars.end(),
                     [](const Bar &a, const Bar &b) { return a.value < b.value; });

    auto *set = new QBarSet(info->name);
    set->setColor(kBarColour);
    set->setBorderColor(kBarColour);
    set->setSelectedColor(kSelectedBarColour);
    QStringList categories;
    double min = 0;
    double max = 0;
    const double factor = std::pow(10.0, decimals);
    for (const Bar &bar : std::as_const(bars)) {
        // Rounded as the table shows it, so that the bar labels read the same.
        set->append(std::round(bar.value * factor) / factor);
        categories.append(bar.name);
        min = std::min(min, bar.value);
        max = std::max(max, bar.value);
    }
    if (const int selected =
            int(std::find_if(bars.cbegin(), bars.cend(),
                             [&](const Bar &b) { return b.code == m_selectedCode; }) -
                bars.cbegin());
        selected < bars.size())
        set->selectBar(selected);

    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    m_barChart->addSeries(series);
    m_barSeries = series;

    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    categoryAxis->setTitleText(groupingNoun().at(0).toUpper() + groupingNoun().mid(1));
    categoryAxis->setGridLineVisible(false);
    // Room beyond the longest bar for its label.
    QValueAxis *axis = valueAxis(min, max * 1.12, decimals, unit().title);
    m_barChart->addAxis(categoryAxis, Qt::AlignLeft);
    m_barChart->addAxis(axis, Qt::AlignBottom);
    series->attachAxis(categoryAxis);
    series->attachAxis(axis);

    const QString detail = tr("by %1, %2").arg(groupingNoun(), dateLabel(date));
    const QString title = tr("%1 %2").arg(info->name, detail);
    m_barChart->setTitle(chartTitle(info->name, detail));
    QString caption = sourceSentence() + QLatin1Char(' ') +
                      tr("Figures for %1; the highest value is at the top.").arg(dateLabel(date));
    if (!missing.isEmpty())
        caption += QLatin1Char(' ') + tr("No figure, so no bar, for %1.").arg(nameList(missing));
    m_barCaption->setText(caption);
    m_barView->setAccessibleName(title);
    m_barView->setAccessibleDescription(caption);
    m_barView->setFixedHeight(
        std::max(kMinBarChartHeight, kBarChartFrame + int(bars.size()) * kBarPitch));

    // Value labels drawn here rather than by the series: its labels cannot keep a fixed number
    // of decimals ("7" beside "6.9"), and they are formatted like the table's.
    QFont labelFont = m_barChart->font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.9);
    for (qsizetype i = 0; i < bars.size(); ++i) {
        auto *label = new QGraphicsSimpleTextItem(
            IndicatorTableModel::formatValue(bars.at(i).value, decimals), m_barChart);
        label->setFont(labelFont);
        label->setBrush(Qt::black); // the chart's background is white whatever the theme
        label->setZValue(100);      // above the grid lines that cross it
        label->setData(0, set->at(int(i)));
        label->setData(1, double(i));
        m_barLabels.append(label);
    }
    placeBarLabels();
}

void NeedsView::placeBarLabels()
{
    if (!m_barSeries)
        return;
    for (QGraphicsSimpleTextItem *label : std::as_const(m_barLabels)) {
        const QPointF end = m_barChart->mapToPosition(
            QPointF(label->data(0).toDouble(), label->data(1).toDouble()), m_barSeries);
        label->setPos(end.x() + 4, end.y() - label->boundingRect().height() / 2);
    }
}

void NeedsView::refreshLineChart()
{
    clearChart(m_lineChart);
    const IndicatorInfo *info = currentInfo();
    if (!info || !m_document)
        return;

    // Which lines: every group when there are few, else the selected row, else the whole round.
    struct Line
    {
        QString code;
        QString name;
        QStringList members;
        QColor colour;
    };
    QList<Line> lines;
    const int rows = m_model->rowCount();
    const Round &round = m_document->round();
    auto colourOf = [&](const QString &code, int n) {
        if (grouping() == Grouping::Cpa) {
            if (const CpaPlan *plan = round.adoptedPlan()) {
                for (const Cpa &c : plan->cpas) {
                    if (const QColor colour = QColor::fromString(c.colour);
                        c.name == code && colour.isValid())
                        return colour;
                }
            }
        }
        return kLineColours[n % std::size(kLineColours)];
    };
    QString subject;
    if (rows > 0 && rows <= kMaxLines) {
        // In table order, so that the legend reads like the table.
        for (int row = 0; row < rows; ++row) {
            const QString code = m_model->codeAt(row);
            lines.append({code, m_model->index(row, 0).data().toString(), membersOf(code),
                          colourOf(code, row)});
        }
        subject = tr("by %1").arg(groupingNoun());
    } else if (const int row = m_model->rowOf(m_selectedCode); row >= 0) {
        lines.append({m_selectedCode, m_model->index(row, 0).data().toString(),
                      membersOf(m_selectedCode), colourOf(m_selectedCode, 0)});
        subject = lines.first().name;
    } else {
        QStringList all;
        for (const Authority &a : round.authorities)
            all.append(a.gssCode);
        lines.append({QString(), tr("All authorities in the round"), all, kLineColours[0]});
        subject = tr("all authorities in the round");
    }

    const QStringList &dates = info->dates;
    const int decimals = m_model->decimals();
    double min = 0;
    double max = 0;
    QStringList withGaps;
    for (const Line &line : std::as_const(lines)) {
        const auto series = m_indicators->series(info->id, line.members);
        // One series per unbroken run: a missing figure is a gap in the line, never a 0.
        QList<QLineSeries *> runs;
        QLineSeries *run = nullptr;
        bool gap = false;
        for (qsizetype i = 0; i < series.size(); ++i) {
            const std::optional<double> value = series.at(i).second;
            if (!value) {
                run = nullptr;
                gap = true;
                continue;
            }
            if (!run) {
                run = new QLineSeries;
                run->setName(line.name);
                QPen pen(line.colour);
                const bool selected = lines.size() > 1 && m_selectedCode == line.code;
                pen.setWidthF(selected ? 4 : 2.5);
                run->setPen(pen);
                run->setColor(line.colour);
                run->setBrush(line.colour);  // the markers' fill
                run->setPointsVisible(true); // a single date is a point, not an invisible line
                run->setMarkerSize(selected ? 9 : 7);
                runs.append(run);
            }
            run->append(double(i), *value);
            min = std::min(min, *value);
            max = std::max(max, *value);
        }
        if (gap)
            withGaps.append(line.name);
        for (QLineSeries *s : std::as_const(runs))
            m_lineChart->addSeries(s);
        // One legend entry per line, not per run.
        for (qsizetype i = 1; i < runs.size(); ++i) {
            const QList<QLegendMarker *> markers = m_lineChart->legend()->markers(runs.at(i));
            for (QLegendMarker *marker : markers)
                marker->setVisible(false);
        }
    }

    auto *dateAxis = new QCategoryAxis;
    dateAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    dateAxis->setStartValue(-0.5);
    const int step = std::max(1, int(std::ceil(double(dates.size()) / kMaxDateLabels)));
    for (qsizetype i = 0; i < dates.size(); i += step)
        dateAxis->append(dateLabel(dates.at(i)), double(i));
    dateAxis->setRange(-0.5, std::max(0.5, double(dates.size()) - 0.5));
    static const QRegularExpression monthly(QStringLiteral("^\\d{4}-\\d{2}$"));
    static const QRegularExpression yearly(QStringLiteral("^\\d{4}$"));
    const bool byMonth = !dates.isEmpty() &&
                         std::all_of(dates.cbegin(), dates.cend(),
                                     [](const QString &d) { return monthly.match(d).hasMatch(); });
    const bool byYear = !dates.isEmpty() &&
                        std::all_of(dates.cbegin(), dates.cend(),
                                    [](const QString &d) { return yearly.match(d).hasMatch(); });
    dateAxis->setTitleText(byMonth ? tr("Month") : byYear ? tr("Year") : tr("Date"));
    QValueAxis *axis = valueAxis(min, max * 1.05, decimals, unit().title);
    m_lineChart->addAxis(dateAxis, Qt::AlignBottom);
    m_lineChart->addAxis(axis, Qt::AlignLeft);
    const QList<QAbstractSeries *> all = m_lineChart->series();
    for (QAbstractSeries *s : all) {
        s->attachAxis(dateAxis);
        s->attachAxis(axis);
    }
    m_lineChart->legend()->setVisible(lines.size() > 1);

    const QString detail = tr("over time, %1").arg(subject);
    const QString title = tr("%1 %2").arg(info->name, detail);
    m_lineChart->setTitle(chartTitle(info->name, detail));
    QString caption = sourceSentence() + QLatin1Char(' ');
    if (dates.size() == 1)
        caption += tr("The figures cover one date only, %1.").arg(dateLabel(dates.first()));
    else if (!dates.isEmpty())
        caption +=
            tr("Figures from %1 to %2.").arg(dateLabel(dates.first()), dateLabel(dates.last()));
    if (!withGaps.isEmpty())
        caption += QLatin1Char(' ') +
                   tr("Gaps mark dates without a figure for %1.").arg(nameList(withGaps));
    if (rows > kMaxLines && m_model->rowOf(m_selectedCode) < 0)
        caption += QLatin1Char(' ') + tr("Select a row of the table to see it over time.");
    m_lineCaption->setText(caption);
    m_lineView->setAccessibleName(title);
    m_lineView->setAccessibleDescription(caption);
}

void NeedsView::onCurrentRowChanged()
{
    if (m_updating)
        return;
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    m_selectedCode = current.isValid() ? m_model->codeAt(current.row()) : QString();
    refreshBarChart();
    refreshLineChart();
}

void NeedsView::refreshEditability()
{
    QString why = m_document ? m_document->whyNotEditable() : tr("No round is open.");
    m_importButton->setEnabled(why.isEmpty());
    // The reason when disabled, else what the button does: the tool tip is also its description.
    m_importButton->setToolTip(why.isEmpty() ? tr("Import a NOMIS download (a CSV file) of "
                                                  "labour-market figures into this round.")
                                             : why);
    if (why.isEmpty()) {
        int measures = 0;
        if (m_indicators) {
            for (const IndicatorInfo &info : m_indicators->all())
                measures += info.isCount() ? 1 : 0;
        }
        if (measures < 2)
            why = tr("A ratio divides one count by another: the round needs two measures that "
                     "are counts.");
    }
    m_addRatioButton->setEnabled(why.isEmpty());
    m_addRatioButton->setToolTip(why.isEmpty() ? tr("Define an indicator as one measure divided "
                                                    "by another, such as a claimant rate.")
                                               : why);
}

void NeedsView::addRatio()
{
    if (!m_document || !m_indicators)
        return;
    QList<IndicatorChoice> measures;
    for (const IndicatorInfo &info : m_indicators->all()) {
        if (info.isCount())
            measures.append({info.id, info.name});
    }
    const std::optional<RatioDetails> details = m_dialogs->askRatio(window(), measures);
    if (!details || !m_document)
        return;
    QString added;
    const bool ok = m_edits->run(tr("The indicator was not added"), [&]() -> Status {
        const Result<QString> id = Commands::addRatio(m_document, details->name, details->numerator,
                                                      details->denominator, details->scale);
        if (!id)
            return id.error();
        added = *id;
        return {};
    });
    if (ok)
        setIndicator(added);
}

void NeedsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const auto direction = event->size().width() < kSideBySideWidth ? QBoxLayout::TopToBottom
                                                                    : QBoxLayout::LeftToRight;
    if (m_valuesLayout->direction() != direction)
        m_valuesLayout->setDirection(direction);
}

} // namespace CoCommission
