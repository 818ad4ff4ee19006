#include "ui/design/financialview.h"

#include "core/round/round.h"
#include "ui/dialogservice.h"
#include "ui/noticebox.h"
#include "ui/pagewidgets.h"
#include "ui/uiutil.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QScopedValueRollback>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace CoCommission {

namespace {

constexpr int kChartHeight = 360;

// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
const QColor kColours[] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
                           QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                           QColor(0xd5, 0x5e, 0x00), QColor(0x56, 0xb4, 0xe9),
                           QColor(0x00, 0x00, 0x00)};

QColor colour(qsizetype index)
{
    return kColours[index % qsizetype(std::size(kColours))];
}

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::FinancialView", text);
}

/** How a figure is written. */
enum class Kind { Money, Number, Percent };

/** One row of the figures table. */
struct FigureDef
{
    QString key; ///< "" for a section heading
    QString label;
    int model = 0;          ///< 0: every model, else the only model it is shown under
    bool simulated = false; ///< from the Monte Carlo
    Kind kind = Kind::Money;
    std::function<std::optional<double>(const ScenarioForecast &)> value;
    bool part = false; ///< a part of the row above ("of which"), indented further
};

QList<FigureDef> figureDefs()
{
    using F = ScenarioForecast;
    const auto section = [](const QString &label, int model = 0) {
        return FigureDef{QString(), label, model, false, Kind::Money, {}};
    };
    return {
        section(tr("Volumes")),
        {QStringLiteral("referrals"), tr("Referrals a year"), 0, false, Kind::Number,
         [](const F &f) {
             return f.referralsPerYear;
         }},
        {QStringLiteral("starts"), tr("Starts over the contract"), 0, false, Kind::Number,
         [](const F &f) {
             return f.starts;
         }},
        {QStringLiteral("jobs"), tr("Job outcomes expected"), 0, false, Kind::Number,
         [](const F &f) {
             return f.jobs;
         }},
        {QStringLiteral("sustained"), tr("Sustained jobs expected"), 0, false, Kind::Number,
         [](const F &f) {
             return f.sustained;
         }},
        section(tr("The commissioner's cost")),
        {QStringLiteral("cost"), tr("Expected cost"), 0, false, Kind::Money,
         [](const F &f) {
             return f.cost;
         }},
        {QStringLiteral("costPerJob"), tr("Cost per job outcome"), 0, false, Kind::Money,
         [](const F &f) {
             return f.costPerJobOutcome;
         }},
        {QStringLiteral("costPerSustained"), tr("Cost per sustained job"), 0, false, Kind::Money,
         [](const F &f) {
             return f.costPerSustainedJob;
         }},
        {QStringLiteral("feeShare"), tr("Delivery-fee share of the cost"), 0, false, Kind::Percent,
         [](const F &f) {
             return f.deliveryFeeShare * 100.0;
         }},
        {QStringLiteral("costP10"), tr("Cost, P10 (1 in 10 draws lower)"), 0, true, Kind::Money,
         [](const F &f) {
             return f.monteCarlo.cost.p10;
         }},
        {QStringLiteral("costP50"), tr("Cost, P50 (the median draw)"), 0, true, Kind::Money,
         [](const F &f) {
             return f.monteCarlo.cost.p50;
         }},
        {QStringLiteral("costP90"), tr("Cost, P90 (1 in 10 draws higher)"), 0, true, Kind::Money,
         [](const F &f) {
             return f.monteCarlo.cost.p90;
         }},
        section(tr("The provider")),
        {QStringLiteral("margin"), tr("Expected margin"), 0, false, Kind::Money,
         [](const F &f) {
             return f.providerMargin;
         }},
        {QStringLiteral("marginPercent"), tr("Expected margin, share of revenue"), 0, false,
         Kind::Percent,
         [](const F &f) {
             return f.providerMarginPercent;
         }},
        {QStringLiteral("marginP10"), tr("Margin, P10"), 0, true, Kind::Money,
         [](const F &f) {
             return f.monteCarlo.providerMargin.p10;
         }},
        {QStringLiteral("marginP50"), tr("Margin, P50"), 0, true, Kind::Money,
         [](const F &f) {
             return f.monteCarlo.providerMargin.p50;
         }},
        {QStringLiteral("marginP90"), tr("Margin, P90"), 0, true, Kind::Money,
         [](const F &f) {
             return f.monteCarlo.providerMargin.p90;
         }},
        {QStringLiteral("peakFunding"), tr("Peak funding need"), 0, false, Kind::Money,
         [](const F &f) {
             return f.peakFundingNeed;
         }},
        section(tr("Model 2: the bonus for job outcomes above the profile"), 2),
        {QStringLiteral("bonus"), tr("Bonus, average of the draws"), 2, true, Kind::Money,
         [](const F &f) {
             return f.monteCarlo.meanBonus;
         }},
        {QStringLiteral("agentBonus"), tr("of which to the managing agent"), 2, true, Kind::Money,
         [](const F &f) { return f.monteCarlo.meanAgentBonus; }, true},
        {QStringLiteral("boroughBonus"), tr("of which to the boroughs"), 2, true, Kind::Money,
         [](const F &f) { return f.monteCarlo.meanBoroughBonus; }, true},
        {QStringLiteral("bonusP90"), tr("Bonus, P90"), 2, true, Kind::Money,
         [](const F &f) {
             return f.monteCarlo.bonus.p90;
         }},
        section(tr("Model 3: benefit savings and liability"), 3),
        {QStringLiteral("benefitSavings"), tr("Benefit savings from sustained jobs"), 3, false,
         Kind::Money,
         [](const F &f) {
             return f.benefitSavings;
         }},
        {QStringLiteral("savingsReturned"), tr("Savings returned locally"), 3, false, Kind::Money,
         [](const F &f) {
             return f.savingsReturned;
         }},
        {QStringLiteral("liability"), tr("Liability, average of the draws"), 3, true, Kind::Money,
         [](const F &f) {
             return f.monteCarlo.meanLiability;
         }},
        {QStringLiteral("liabilityP90"), tr("Liability, P90"), 3, true, Kind::Money,
         [](const F &f) {
             return f.monteCarlo.liability.p90;
         }},
    };
}

QString formatFigure(Kind kind, double value)
{
    switch (kind) {
    case Kind::Money:
        return DesignFormat::money(value);
    case Kind::Number:
        return DesignFormat::number(value, 0);
    case Kind::Percent:
        return DesignFormat::percent(value);
    }
    return {};
}

/** The unit charts show money in: millions, thousands or pounds, after the largest value. */
std::pair<double, QString> moneyScale(double largest)
{
    if (largest >= 1e6)
        return {1e6, tr("£ million")};
    if (largest >= 1e4)
        return {1e3, tr("£ thousand")};
    return {1, tr("£")};
}

/** A round step (1, 2 or 5 × a power of ten) giving about \a ticks intervals over \a span. */
double niceStep(double span, int ticks)
{
    const double raw = std::max(span, 1e-9) / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double n = raw / magnitude;
    return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
}

/** Sets \a axis to cover \a low to \a high with ticks at round values. */
void setNiceRange(QValueAxis *axis, double low, double high, int ticks)
{
    const double step = niceStep(high - low, ticks);
    const double from = std::floor(low / step) * step;
    const double to = std::ceil(high / step) * step;
    axis->setRange(from, to);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(from);
    axis->setTickInterval(step);
    axis->setLabelFormat(step >= 1 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
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

QChartView *makeChartView(QChart *chart, QWidget *parent, const QString &name)
{
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChartView *view = UiUtil::makeChartView(chart, parent, 1.1);
    view->setFixedHeight(kChartHeight);
    view->setAccessibleName(name);
    return view;
}

QValueAxis *makeAxis(const QString &title, const QString &format)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(format);
    return axis;
}

} // namespace

FinancialView::FinancialView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : DesignTab(edits, dialogs, parent)
{
    setObjectName(QStringLiteral("financialView"));

    m_emptyLabel = UiUtil::makeText(this);
    m_emptyLabel->setObjectName(QStringLiteral("financialEmptyLabel"));

    m_content = new QWidget(this);
    auto *heading = UiUtil::headingLabel(tr("The scenarios side by side"), 1.15, m_content);
    QLabel *intro = UiUtil::makeText(m_content, true);
    intro->setText(tr("Expected figures at the assumed volumes and rates over the whole "
                      "contract, then the spread of a simulation that varies outcome rates and "
                      "referrals: P10 and P90 bound the middle 80% of the draws."));
    m_modelLabel = UiUtil::makeText(m_content, true);
    m_modelLabel->setObjectName(QStringLiteral("financialModelLabel"));
    m_errors = new NoticeBox(NoticeBox::Kind::Warning, QString(), m_content);
    m_errors->setObjectName(QStringLiteral("financialErrorsNotice"));
    m_runLabel = UiUtil::makeText(m_content);
    m_runLabel->setObjectName(QStringLiteral("simulationLabel"));
    m_runButton = UiUtil::makeButton(tr("&Run the simulation"), tr("Run the simulation"),
                                     QStringLiteral("runSimulationButton"), m_content);
    m_runButton->setToolTip(
        tr("Simulate the spread of each scenario's cost by varying outcome rates and referrals."));
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_runLabel, 1);
    runRow->addWidget(m_runButton);

    m_table = UiUtil::makeTable({tr("Figure")}, m_content);
    m_table->setObjectName(QStringLiteral("financialTable"));
    m_table->setAccessibleName(tr("Financial figures of each payment scenario"));
    m_table->setAccessibleDescription(
        tr("The expected figures of each scenario over the contract, with the spread the "
           "simulation gives."));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    m_costChart = new QChart;
    m_costView =
        makeChartView(m_costChart, m_content, tr("Chart of how likely each cost is, per scenario"));
    m_costView->setObjectName(QStringLiteral("costChartView"));
    m_costCaption = UiUtil::makeText(m_content, true);
    m_costCaption->setObjectName(QStringLiteral("costChartCaption"));

    auto *pickedHeading = UiUtil::headingLabel(tr("One scenario in detail"), 1.15, m_content);
    m_scenarioCombo = new PageComboBox(m_content);
    m_scenarioCombo->setObjectName(QStringLiteral("financialScenarioCombo"));
    m_scenarioCombo->setAccessibleName(tr("Scenario shown in detail"));
    m_scenarioCombo->setToolTip(tr("Choose the scenario whose cost by year and cash flow are "
                                   "shown."));
    m_scenarioCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *scenarioLabel = new QLabel(tr("Scenari&o:"), m_content);
    scenarioLabel->setBuddy(m_scenarioCombo);
    auto *scenarioRow = new QHBoxLayout;
    scenarioRow->addWidget(scenarioLabel);
    scenarioRow->addWidget(m_scenarioCombo);
    scenarioRow->addStretch(1);
    m_pickedError = UiUtil::makeText(m_content);
    m_pickedError->setObjectName(QStringLiteral("pickedScenarioError"));

    m_pickedContent = new QWidget(m_content);
    auto *yearsHeading = UiUtil::headingLabel(tr("Cost by year and CPA"), 1.05, m_pickedContent);
    QLabel *yearsIntro = UiUtil::makeText(m_pickedContent, true);
    yearsIntro->setText(tr("The payments falling in each year from the first start, at the "
                           "expected volumes and rates. Payments lag outcomes, so they run past "
                           "the contract: the years after it are in italics."));
    m_years = UiUtil::makeTable({tr("Year")}, m_pickedContent);
    m_years->setObjectName(QStringLiteral("costByYearTable"));
    m_years->setAccessibleName(tr("Cost by year and CPA"));
    m_years->setAccessibleDescription(
        tr("The payments of the chosen scenario falling in each year, for each CPA."));
    // Each CPA's column as wide as its name; the year column takes what is left.
    m_years->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_years->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_cashChart = new QChart;
    m_cashView = makeChartView(m_cashChart, m_pickedContent,
                               tr("Chart of the provider's cumulative cash flow"));
    m_cashView->setObjectName(QStringLiteral("cashFlowChartView"));
    m_cashCaption = UiUtil::makeText(m_pickedContent, true);
    m_cashCaption->setObjectName(QStringLiteral("cashFlowCaption"));
    auto *pickedLayout = new QVBoxLayout(m_pickedContent);
    pickedLayout->setContentsMargins(0, 0, 0, 0);
    pickedLayout->setSpacing(8);
    pickedLayout->addWidget(yearsHeading);
    pickedLayout->addWidget(yearsIntro);
    pickedLayout->addWidget(m_years);
    pickedLayout->addSpacing(6);
    pickedLayout->addWidget(m_cashView);
    pickedLayout->addWidget(m_cashCaption);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(8);
    contentLayout->addWidget(heading);
    contentLayout->addWidget(intro);
    contentLayout->addWidget(m_modelLabel);
    contentLayout->addWidget(m_errors);
    contentLayout->addLayout(runRow);
    contentLayout->addWidget(m_table);
    contentLayout->addSpacing(6);
    contentLayout->addWidget(m_costView);
    contentLayout->addWidget(m_costCaption);
    contentLayout->addSpacing(12);
    contentLayout->addWidget(pickedHeading);
    contentLayout->addLayout(scenarioRow);
    contentLayout->addWidget(m_pickedError);
    contentLayout->addWidget(m_pickedContent);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_content);
    layout->addStretch(1);

    connect(m_runButton, &QPushButton::clicked, this, &FinancialView::recompute);
    connect(m_scenarioCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling || index < 0)
            return;
        m_picked = m_scenarioCombo->itemData(index).toString();
        showPicked();
    });
    refresh();
}

FinancialView::~FinancialView() = default;

void FinancialView::refresh()
{
    m_stale = true;
    if (m_active && !m_computing)
        compute();
    else
        display();
}

void FinancialView::setActive(bool active)
{
    m_active = active;
    if (m_active && m_stale && !m_computing)
        compute();
}

void FinancialView::showEvent(QShowEvent *event)
{
    DesignTab::showEvent(event);
    if (m_active && m_stale && !m_computing)
        compute();
}

void FinancialView::recompute()
{
    m_stale = true;
    m_cancelled = false;
    compute(); // asked for: even a large simulation runs
}

void FinancialView::compute()
{
    if (!hasDocument()) {
        m_figures.clear();
        m_stale = false;
        display();
        return;
    }
    const QScopedValueRollback computing(m_computing, true);
    const Round &r = round();
    const QList<PaymentScenario> scenarios = r.design.scenarios;
    qint64 total = 0;
    for (const PaymentScenario &s : scenarios)
        total += std::max(0, s.draws);
    const bool large = total > kProgressDraws;

    QList<Figures> out;
    bool cancelled = false;
    const auto run = [&](const DialogService::Progress &progress) {
        qint64 offset = 0;
        for (const PaymentScenario &s : scenarios) {
            Figures f;
            f.scenario = s.name;
            ForecastProgress forecastProgress;
            if (progress) {
                forecastProgress = [&](int done, int) {
                    if (!progress(offset + done, total))
                        cancelled = true;
                    return !cancelled;
                };
            }
            Result<ScenarioForecast> forecast = cancelled
                                                    ? forecastScenario(r, s, 0)
                                                    : forecastScenario(r, s, -1, forecastProgress);
            if (!forecast && cancelled) // keep the expected figures without the simulation
                forecast = forecastScenario(r, s, 0);
            if (forecast) {
                f.simulated = !cancelled && forecast->monteCarlo.draws > 0;
                f.forecast = std::move(*forecast);
            } else {
                f.error = forecast.errorMessage();
            }
            offset += std::max(0, s.draws);
            out.append(std::move(f));
        }
    };
    // A long simulation waits until the screen is shown, and after a cancel until it is asked
    // for again (the Run button): the expected figures are shown meanwhile.
    const bool deferred = large && !isVisible();
    if (large && (m_cancelled || deferred)) {
        cancelled = true;
        run({});
    } else if (large) {
        m_dialogs->runWithProgress(window(), tr("Financial model"),
                                   tr("Simulating %1 draws of the payment scenarios…")
                                       .arg(UiUtil::numberLocale().toString(total)),
                                   run);
    } else {
        run({});
    }
    m_figures = out;
    m_cancelled = cancelled && !deferred;
    m_stale = deferred;
    display();
}

int FinancialView::figureRow(const QString &key) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 0) && m_table->item(row, 0)->data(Qt::UserRole).toString() == key)
            return row;
    }
    return -1;
}

QString FinancialView::pickedScenario() const
{
    return m_picked;
}

bool FinancialView::setPickedScenario(const QString &name)
{
    const int index = m_scenarioCombo->findData(name);
    if (index < 0)
        return false;
    m_scenarioCombo->setCurrentIndex(index);
    return true;
}

void FinancialView::display()
{
    QString empty;
    if (!hasDocument())
        empty = tr("No round is open.");
    else if (design().scenarios.isEmpty())
        empty = tr("The design has no payment scenario yet: add one on the Payment model tab "
                   "to see what it costs.");
    else if (m_stale && m_figures.isEmpty())
        empty = tr("The figures are worked out when this tab is shown.");
    m_emptyLabel->setText(empty);
    m_emptyLabel->setVisible(!empty.isEmpty());
    m_content->setVisible(empty.isEmpty());
    if (!empty.isEmpty())
        return;

    switch (round().model) {
    case DevolutionModel::CoCommissioning:
        m_modelLabel->setText(tr("This round follows model 1 (co-commissioning): no bonus split "
                                 "or shared savings apply. The bonus split is shown under model "
                                 "2 and benefit savings and liability under model 3."));
        break;
    case DevolutionModel::PartnershipDelivery:
        m_modelLabel->setText(tr("This round follows model 2 (partnership delivery), so the "
                                 "bonus for job outcomes above the profile is shown with its "
                                 "split between the managing agent and the boroughs."));
        break;
    case DevolutionModel::FullDevolution:
        m_modelLabel->setText(tr("This round follows model 3 (full devolution), so the benefit "
                                 "savings returned locally and the liability for a shortfall of "
                                 "sustained jobs are shown."));
        break;
    }

    QStringList errors;
    for (const Figures &f : std::as_const(m_figures)) {
        if (!f.forecast)
            errors << tr("No figures for \u201c%1\u201d: %2").arg(f.scenario, f.error);
    }
    m_errors->setText(errors.join(QLatin1Char('\n')));
    m_errors->setVisible(!errors.isEmpty());

    const bool anyFigures = std::any_of(m_figures.cbegin(), m_figures.cend(),
                                        [](const Figures &f) { return f.forecast.has_value(); });
    const bool unsimulated =
        std::any_of(m_figures.cbegin(), m_figures.cend(),
                    [](const Figures &f) { return f.forecast && !f.simulated; });
    m_runLabel->setText(tr("The simulation was cancelled, so the P10, P50 and P90 figures are "
                           "missing. Run it when you are ready."));
    m_runLabel->setVisible(m_cancelled && unsimulated);
    m_runButton->setVisible(m_cancelled && unsimulated);

    m_table->setVisible(anyFigures);
    m_costView->setVisible(anyFigures);
    m_costCaption->setVisible(anyFigures);
    showFiguresTable();
    showCostChart();

    const QScopedValueRollback filling(m_filling, true);
    m_scenarioCombo->clear();
    for (const Figures &f : std::as_const(m_figures))
        m_scenarioCombo->addItem(f.scenario, f.scenario);
    int index = m_scenarioCombo->findData(m_picked);
    if (index < 0) {
        // First the first scenario with figures.
        for (int i = 0; i < m_figures.size() && index < 0; ++i) {
            if (m_figures[i].forecast)
                index = i;
        }
        index = std::max(index, m_scenarioCombo->count() > 0 ? 0 : -1);
    }
    m_scenarioCombo->setCurrentIndex(index);
    m_picked = index >= 0 ? m_scenarioCombo->itemData(index).toString() : QString();
    showPicked();
}

void FinancialView::showFiguresTable()
{
    const DevolutionModel model = round().model;
    QList<FigureDef> defs = figureDefs();
    defs.removeIf(
        [&](const FigureDef &d) { return d.model != 0 && d.model != modelNumber(model); });

    m_table->clear();
    m_table->setColumnCount(int(m_figures.size()) + 1);
    QStringList headers{tr("Figure")};
    for (const Figures &f : std::as_const(m_figures))
        headers << f.scenario;
    m_table->setHorizontalHeaderLabels(headers);
    for (int column = 1; column < m_table->columnCount(); ++column)
        m_table->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setRowCount(int(defs.size()));
    for (int row = 0; row < defs.size(); ++row) {
        const FigureDef &def = defs[row];
        QTableWidgetItem *label = makeCell(def.label);
        label->setData(Qt::UserRole, def.key);
        if (def.key.isEmpty()) {
            QFont bold = label->font();
            bold.setBold(true);
            label->setFont(bold);
        } else {
            label->setText(QString(def.part ? 7 : 3, u' ') + def.label);
        }
        m_table->setItem(row, 0, label);
        for (int i = 0; i < m_figures.size(); ++i) {
            const Figures &f = m_figures[i];
            QString text;
            std::optional<double> value;
            if (def.key.isEmpty()) {
                text = QString();
            } else if (!f.forecast) {
                text = row == 1 ? tr("No figures: see above") : QString();
            } else if (def.simulated && !f.simulated) {
                text = tr("Not simulated");
            } else {
                value = def.value(*f.forecast);
                text = value ? formatFigure(def.kind, *value) : tr("None");
            }
            QTableWidgetItem *cell = makeCell(text, true);
            if (value)
                cell->setData(Qt::UserRole, *value);
            m_table->setItem(row, i + 1, cell);
        }
    }
    UiUtil::fitTableHeight(m_table);
}

void FinancialView::showCostChart()
{
    clearChart(m_costChart);
    m_costChart->setTitle(tr("The commissioner's cost: how likely each amount is"));
    double largest = 0;
    for (const Figures &f : std::as_const(m_figures)) {
        if (f.forecast && f.simulated)
            largest = std::max(largest, std::abs(f.forecast->monteCarlo.cost.p90));
    }
    const auto [divisor, unit] = moneyScale(largest);
    auto *x = makeAxis(tr("Cost over the contract (%1)").arg(unit),
                       divisor == 1 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    auto *y = makeAxis(tr("Share of the draws (%)"), QStringLiteral("%.0f"));
    m_costChart->addAxis(x, Qt::AlignBottom);
    m_costChart->addAxis(y, Qt::AlignLeft);
    double minX = std::numeric_limits<double>::max();
    double maxX = std::numeric_limits<double>::lowest();
    double maxY = 0;
    QStringList ranges;
    for (int i = 0; i < m_figures.size(); ++i) {
        const Figures &f = m_figures[i];
        if (!f.forecast || !f.simulated)
            continue;
        const MonteCarloForecast &mc = f.forecast->monteCarlo;
        auto *upper = new QLineSeries;
        const double width = mc.histogramBinWidth;
        for (int bin = 0; bin < mc.histogram.size(); ++bin) {
            const double centre = (mc.histogramFrom + (bin + 0.5) * width) / divisor;
            const double share = 100.0 * mc.histogram[bin] / std::max(1, mc.draws);
            upper->append(centre, share);
            minX = std::min(minX, centre);
            maxX = std::max(maxX, centre);
            maxY = std::max(maxY, share);
        }
        auto *area = new QAreaSeries(upper);
        upper->setParent(area); // the chart owns the area, the area its outline
        area->setName(f.scenario);
        QColor fill = colour(i);
        QPen pen(fill, 2.5);
        fill.setAlpha(70);
        area->setBrush(fill);
        area->setPen(pen);
        m_costChart->addSeries(area);
        area->attachAxis(x);
        area->attachAxis(y);
        ranges << tr("%1: P10 %2, P50 %3, P90 %4")
                      .arg(f.scenario, DesignFormat::money(mc.cost.p10),
                           DesignFormat::money(mc.cost.p50), DesignFormat::money(mc.cost.p90));
    }
    if (maxY > 0) {
        const double pad = std::max((maxX - minX) * 0.03, 0.05);
        setNiceRange(x, minX - pad, maxX + pad, 8);
        setNiceRange(y, 0, maxY * 1.05, 5);
    }
    m_costChart->legend()->setVisible(true);
    m_costCaption->setText(ranges.isEmpty()
                               ? tr("No simulation to chart.")
                               : tr("How often each cost came up in the simulation's draws. %1.")
                                     .arg(ranges.join(QStringLiteral("; "))));
}

void FinancialView::showPicked()
{
    const Figures *picked = nullptr;
    int pickedIndex = 0;
    for (int i = 0; i < m_figures.size(); ++i) {
        if (m_figures[i].scenario == m_picked) {
            picked = &m_figures[i];
            pickedIndex = i;
        }
    }
    const bool hasFigures = picked && picked->forecast;
    m_pickedError->setText(
        picked && !picked->forecast
            ? tr("No figures for \u201c%1\u201d: %2").arg(picked->scenario, picked->error)
            : QString());
    m_pickedError->setVisible(picked && !picked->forecast);
    m_pickedContent->setVisible(hasFigures);
    clearChart(m_cashChart);
    if (!hasFigures) {
        m_years->setRowCount(0);
        return;
    }
    const ScenarioForecast &f = *picked->forecast;

    // Cost by year (rows) and CPA (columns), with the totals last.
    qsizetype years = f.costByYear.size();
    for (const CpaForecast &c : f.cpas)
        years = std::max(years, c.costByYear.size());
    m_years->clear();
    m_years->setColumnCount(int(f.cpas.size()) + 2);
    QStringList headers{tr("Year")};
    for (const CpaForecast &c : f.cpas)
        headers << c.name;
    headers << tr("All CPAs");
    m_years->setHorizontalHeaderLabels(headers);
    for (int column = 1; column < m_years->columnCount(); ++column)
        m_years->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_years->setRowCount(int(years) + 1);
    const auto setFigure = [&](int row, int column, double value) {
        QTableWidgetItem *cell = makeCell(DesignFormat::money(value), true);
        cell->setData(Qt::UserRole, value);
        m_years->setItem(row, column, cell);
    };
    const auto inYear = [](const QList<double> &byYear, qsizetype year) {
        return year < byYear.size() ? byYear[year] : 0.0;
    };
    for (qsizetype y = 0; y < years; ++y) {
        const int row = int(y);
        for (int c = 0; c < f.cpas.size(); ++c)
            setFigure(row, c + 1, inYear(f.cpas[c].costByYear, y));
        setFigure(row, int(f.cpas.size()) + 1, inYear(f.costByYear, y));
        QTableWidgetItem *year = makeCell(tr("Year %1").arg(y + 1));
        if (y >= f.contractYears) { // payments that lag the contract's last outcomes
            for (int column = 0; column < m_years->columnCount(); ++column) {
                if (QTableWidgetItem *cell = m_years->item(row, column)) {
                    QFont font = cell->font();
                    font.setItalic(true);
                    cell->setFont(font);
                }
            }
            QFont font = year->font();
            font.setItalic(true);
            year->setFont(font);
            year->setToolTip(tr("After the contract: payments for its last outcomes"));
        }
        m_years->setItem(row, 0, year);
    }
    const int totalRow = int(years);
    m_years->setItem(totalRow, 0, makeCell(tr("Total")));
    for (int c = 0; c < f.cpas.size(); ++c)
        setFigure(totalRow, c + 1, f.cpas[c].cost);
    setFigure(totalRow, int(f.cpas.size()) + 1, f.cost);
    for (int row = 0; row < m_years->rowCount(); ++row) {
        for (int column = 0; column < m_years->columnCount(); ++column) {
            if (row == totalRow || column == m_years->columnCount() - 1) {
                QFont font = m_years->item(row, column)->font();
                font.setBold(true);
                m_years->item(row, column)->setFont(font);
            }
        }
    }
    UiUtil::fitTableHeight(m_years);

    // The provider's cumulative cash flow.
    m_cashChart->setTitle(tr("The provider's cumulative cash flow: %1").arg(f.scenario));
    double largest = 0;
    int trough = 0;
    for (int m = 0; m < f.cashFlow.size(); ++m) {
        largest = std::max(largest, std::abs(f.cashFlow[m].cumulative));
        if (f.cashFlow[m].cumulative < f.cashFlow[trough].cumulative)
            trough = m;
    }
    const auto [divisor, unit] = moneyScale(largest);
    auto *x = makeAxis(tr("Months from the first start"), QStringLiteral("%.0f"));
    auto *y = makeAxis(tr("Cumulative position (%1)").arg(unit),
                       divisor == 1 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    m_cashChart->addAxis(x, Qt::AlignBottom);
    m_cashChart->addAxis(y, Qt::AlignLeft);
    auto *line = new QLineSeries;
    line->setName(tr("Cumulative position"));
    line->setPen(QPen(colour(pickedIndex), 2.5));
    double minY = 0;
    double maxY = 0;
    for (int m = 0; m < f.cashFlow.size(); ++m) {
        const double value = f.cashFlow[m].cumulative / divisor;
        line->append(m + 1, value);
        minY = std::min(minY, value);
        maxY = std::max(maxY, value);
    }
    auto *zero = new QLineSeries;
    zero->setName(tr("Break-even"));
    zero->setPen(QPen(QColor(0x55, 0x55, 0x55), 1, Qt::DashLine));
    zero->append(0, 0);
    zero->append(std::max<qsizetype>(1, f.cashFlow.size()), 0);
    m_cashChart->addSeries(zero);
    m_cashChart->addSeries(line);
    for (QAbstractSeries *series :
         {static_cast<QAbstractSeries *>(zero), static_cast<QAbstractSeries *>(line)}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    if (f.peakFundingNeed > 0 && !f.cashFlow.isEmpty()) {
        auto *low = new QScatterSeries;
        low->setName(tr("Peak funding need"));
        low->setMarkerSize(11);
        low->setColor(QColor(0xd5, 0x5e, 0x00));
        low->append(trough + 1, f.cashFlow[trough].cumulative / divisor);
        m_cashChart->addSeries(low);
        low->attachAxis(x);
        low->attachAxis(y);
    }
    setNiceRange(x, 0, double(std::max<qsizetype>(1, f.cashFlow.size())), 8);
    const double pad = std::max((maxY - minY) * 0.05, 0.1);
    setNiceRange(y, minY - pad, maxY + pad, 6);
    m_cashChart->legend()->setVisible(true);
    m_cashCaption->setText(
        f.peakFundingNeed > 0
            ? tr("The provider pays for delivery before outcome payments come in: its position "
                 "is lowest in month %1, a peak funding need of %2. It ends at %3.")
                  .arg(trough + 1)
                  .arg(DesignFormat::money(f.peakFundingNeed),
                       DesignFormat::money(f.cashFlow.isEmpty() ? 0 : f.cashFlow.last().cumulative))
            : tr("The payments cover the provider's delivery costs as they fall: it needs no "
                 "funding of its own."));
}

} // namespace CoCommission
