#pragma once

#include "core/common/ids.h"
#include "core/round/monitoring.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

#include <memory>

class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineSeries;
class QTableView;
class QTableWidget;

namespace CoCommission {

class DialogService;
class EditRunner;
class NoticeBox;
class PerformanceTableModel;
class RoundDocument;
struct PerformanceReport;
struct Round;

/**
 * Stage 6: the performance against profile tab of MonitoringView. For the month picked (the
 * contract's months that have returns; the latest by default) and the CPA picked (or all), it
 * shows core's performanceReport(), cumulative to that month: actual against profile with the
 * RAG rating of each CPA × group × measure (in words and colour), conversion rates, the local
 * priorities (each directive condition's share of starts), the service standards, warnings
 * about the figures, and a trend chart of one measure month by month (or to date) with the
 * profile line.
 *
 * Read only. The report is worked out when the tab is shown and the round changed since (a
 * hidden tab only notes that it is stale), and again when another month is picked; the CPA and
 * the trend's pickers only filter what was worked out. The months and CPAs picked stay picked
 * across changes to the round while they still exist.
 */
class PerformanceView : public QWidget
{
    Q_OBJECT

public:
    PerformanceView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~PerformanceView() override;

    void setDocument(RoundDocument *document);
    /** Reads the round again: now when the tab is shown, else when it next is. */
    void refresh();

    /** The report shown, or null (nothing to report, or not worked out yet). */
    const PerformanceReport *report() const;
    /** How many times the report was worked out (for tests of the deferral). */
    int computeCount() const { return m_computeCount; }
    /** Whether the round changed since the report was worked out. */
    bool isStale() const { return m_stale; }

    /** The month the figures are cumulative to; invalid when there is none. */
    QDate period() const;
    bool setPeriod(const QDate &period);
    /** The CPA shown; invalid for all CPAs. */
    CpaId cpa() const;
    bool setCpa(CpaId cpa);
    /** The trend's group ("" for all groups) and measure, and whether it shows totals to date. */
    QString trendGroup() const;
    bool setTrendGroup(const QString &group);
    MonitoringMeasure trendMeasure() const;
    bool setTrendMeasure(MonitoringMeasure measure);
    bool isTrendCumulative() const;
    void setTrendCumulative(bool cumulative);

    QLabel *emptyLabel() const { return m_emptyLabel; }
    QLabel *introLabel() const { return m_intro; }
    QComboBox *periodCombo() const { return m_periodCombo; }
    QComboBox *cpaCombo() const { return m_cpaCombo; }
    NoticeBox *warningsNotice() const { return m_warnings; }
    QTableView *table() const { return m_table; }
    PerformanceTableModel *model() const { return m_model; }
    QTableWidget *conversionsTable() const { return m_conversions; }
    QTableWidget *prioritiesTable() const { return m_priorities; }
    QLabel *prioritiesLabel() const { return m_prioritiesNone; }
    QTableWidget *standardsTable() const { return m_standards; }
    QLabel *standardsLabel() const { return m_standardsNone; }
    QComboBox *groupCombo() const { return m_groupCombo; }
    QComboBox *measureCombo() const { return m_measureCombo; }
    QCheckBox *cumulativeCheck() const { return m_cumulativeCheck; }
    QChart *trendChart() const { return m_chart; }
    QChartView *trendChartView() const { return m_chartView; }
    QLabel *trendCaption() const { return m_trendCaption; }
    /** The trend's series: actual (solid) and profile (dashed). */
    QLineSeries *actualSeries() const { return m_actualSeries; }
    QLineSeries *profileSeries() const { return m_profileSeries; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void compute();
    /** Why there is no report to show (no round, no contract, no return), or "". */
    QString whyEmpty() const;
    void fillPeriods();
    void fillPickers();
    void display();
    void showConversions();
    void showPriorities();
    void showStandards();
    void showTrend();

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;

    std::unique_ptr<PerformanceReport> m_report;
    bool m_stale = true;
    bool m_filling = false;
    int m_computeCount = 0;
    QDate m_pickedPeriod; ///< invalid: the latest month with returns
    CpaId m_pickedCpa;
    QString m_pickedGroup;

    QLabel *m_emptyLabel;
    QWidget *m_content;
    QComboBox *m_periodCombo;
    QComboBox *m_cpaCombo;
    QLabel *m_intro;
    NoticeBox *m_warnings;
    QTableView *m_table;
    PerformanceTableModel *m_model;
    QComboBox *m_groupCombo;
    QComboBox *m_measureCombo;
    QCheckBox *m_cumulativeCheck;
    QChart *m_chart;
    QChartView *m_chartView;
    QLabel *m_trendCaption;
    QLineSeries *m_actualSeries = nullptr;
    QLineSeries *m_profileSeries = nullptr;
    QTableWidget *m_conversions;
    QLabel *m_conversionsNone;
    QTableWidget *m_priorities;
    QLabel *m_prioritiesNone;
    QTableWidget *m_standards;
    QLabel *m_standardsNone;
};

} // namespace CoCommission
