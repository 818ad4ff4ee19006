#pragma once

#include "core/design/financialmodel.h"
#include "ui/design/designtab.h"

#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class NoticeBox;

/**
 * The "Financial model" tab of stage 3: every payment scenario's forecast (core's
 * forecastScenario(): expected cost, cost per job and per sustained job, delivery-fee share,
 * the Monte Carlo's P10, P50 and P90 of the commissioner's cost and the provider's margin, the
 * provider's peak funding need, and the bonus split under model 2 or the savings and liability
 * under model 3) side by side; a chart of how likely each cost is per scenario; and for the
 * scenario picked, its cost by CPA and year and the provider's cumulative cash flow.
 *
 * The forecasts are computed when the tab is active and the round changed, through
 * DialogService::runWithProgress() (with Cancel) when the draws of all scenarios pass
 * kProgressDraws. A scenario without figures (no referrals figure for a CPA, no tariff) shows
 * core's reason in place of its figures.
 */
class FinancialView : public DesignTab
{
    Q_OBJECT

public:
    /** Above this many draws in all, the simulation runs with a progress dialog. */
    static constexpr int kProgressDraws = 200'000;

    /** What was computed for one scenario. */
    struct Figures
    {
        QString scenario;
        std::optional<ScenarioForecast> forecast; ///< none when core gave an error
        QString error;
        bool simulated = false; ///< the Monte Carlo ran (not cancelled)
    };

    FinancialView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~FinancialView() override;

    void refresh() override;
    /** Whether the tab is shown: forecasts are computed only then. */
    void setActive(bool active);
    /** Computes every scenario's forecast now and shows them. */
    void recompute();
    bool isStale() const { return m_stale; }

    const QList<Figures> &figures() const { return m_figures; }
    /**
     * The row of the figures table with \a key (e.g. "costP50"), or -1. Each cell of a
     * scenario's column holds its figure as a double in Qt::UserRole.
     */
    int figureRow(const QString &key) const;

    QString pickedScenario() const;
    bool setPickedScenario(const QString &name);

    QTableWidget *figuresTable() const { return m_table; }
    NoticeBox *errorsNotice() const { return m_errors; }
    QLabel *modelLabel() const { return m_modelLabel; }
    QLabel *emptyLabel() const { return m_emptyLabel; }
    QPushButton *runButton() const { return m_runButton; }
    QChart *costChart() const { return m_costChart; }
    QComboBox *scenarioCombo() const { return m_scenarioCombo; }
    QTableWidget *yearsTable() const { return m_years; }
    QChart *cashFlowChart() const { return m_cashChart; }
    QLabel *cashFlowCaption() const { return m_cashCaption; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void compute();
    void display();
    void showFiguresTable();
    void showCostChart();
    void showPicked();

    bool m_active = false;
    bool m_stale = true;
    bool m_computing = false;
    bool m_cancelled = false;
    bool m_filling = false;
    QList<Figures> m_figures;
    QString m_picked;

    QLabel *m_emptyLabel;
    QWidget *m_content;
    QLabel *m_modelLabel;
    NoticeBox *m_errors;
    QLabel *m_runLabel;
    QPushButton *m_runButton;
    QTableWidget *m_table;
    QChart *m_costChart;
    QChartView *m_costView;
    QLabel *m_costCaption;
    QComboBox *m_scenarioCombo;
    QWidget *m_pickedContent;
    QLabel *m_pickedError;
    QTableWidget *m_years;
    QChart *m_cashChart;
    QChartView *m_cashView;
    QLabel *m_cashCaption;
};

} // namespace CoCommission
