#pragma once

#include "core/needs/indicators.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QBoxLayout;
class QChart;
class QChartView;
class QComboBox;
class QGraphicsSimpleTextItem;
class QHorizontalBarSeries;
class QLabel;
class QPushButton;
class QTableView;

namespace CoCommission {

class DialogService;
class EditRunner;
class IndicatorMap;
class IndicatorTableModel;
class NoticeBox;
class RoundDocument;

/**
 * The labour-market indicators of a round, on the needs stage: pick an indicator, a grouping
 * (authority, partnership, or CPA of the adopted plan) and a date, and see the values as a
 * sortable table, a ranked bar chart, and a line chart over the indicator's dates.
 *
 * Every figure comes from Indicators (core): the view only picks and presents. A group with a
 * member lacking a figure shows "–", is left out of the bar chart and named in its caption.
 * Each chart has a title, axis titles with the unit, and a caption with the source and date;
 * illustrative figures are said to be so above the charts and in every caption.
 *
 * The view follows the document: it rebuilds on figuresChanged() and adoptedPlanChanged(), and
 * on roundChanged() when the figures, plans or partnerships differ from what it shows. It keeps
 * the user's indicator, grouping, date and selected row across rebuilds where they still exist.
 */
class NeedsView : public QWidget
{
    Q_OBJECT

public:
    NeedsView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~NeedsView() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;

    /** Shows indicator \a id at its latest date; false when the round has no such indicator. */
    bool setIndicator(const QString &id);
    QString indicator() const;
    /** False when \a grouping is not offered (CPA when no plan is adopted). */
    bool setGrouping(Grouping grouping);
    Grouping grouping() const;
    /** False when the indicator has no figures at \a date. */
    bool setDate(const QString &date);
    QString date() const;

    /** Asks for a ratio of two measures (through the DialogService) and adds it to the round. */
    void addRatio();

    /** "May 2024" for "2024-05", "2024" for "2024"; anything else as given. */
    static QString dateLabel(const QString &date);

    QComboBox *indicatorCombo() const { return m_indicatorCombo; }
    QComboBox *groupingCombo() const { return m_groupingCombo; }
    QComboBox *dateCombo() const { return m_dateCombo; }
    QPushButton *addRatioButton() const { return m_addRatioButton; }
    QPushButton *importButton() const { return m_importButton; }
    QTableView *table() const { return m_table; }
    IndicatorTableModel *model() const { return m_model; }
    QChart *barChart() const { return m_barChart; }
    QChart *lineChart() const { return m_lineChart; }
    QLabel *barCaption() const { return m_barCaption; }
    QLabel *lineCaption() const { return m_lineCaption; }
    IndicatorMap *indicatorMap() const { return m_map; }
    NoticeBox *illustrativeNotice() const { return m_illustrativeNotice; }
    /** The "no figures yet" part, shown instead of the rest when the round has no indicator. */
    QWidget *emptyState() const { return m_emptyState; }

signals:
    /** The user asked to import labour-market data (the button of the empty state). */
    void importRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    /** What the view is built from; a change means a rebuild. */
    struct Basis
    {
        QList<qint64> datasets;
        QList<RatioIndicator> ratios;
        QList<Partnership> partnerships;
        QList<CpaPlan> plans;
        qsizetype observations = 0;

        bool operator==(const Basis &) const = default;
    };
    static Basis basisOf(const RoundDocument *document);

    void onRoundChanged();
    void rebuild();
    void fillIndicators();
    void fillGroupings();
    void fillDates();
    void refreshValues();
    void refreshBarChart();
    void placeBarLabels();
    void refreshLineChart();
    void refreshMap();
    void refreshEditability();
    void onCurrentRowChanged();

    const IndicatorInfo *currentInfo() const;
    /** The authorities of the row with \a code in the current grouping. */
    QStringList membersOf(const QString &code) const;
    /** The unit of the current indicator's values. */
    struct Unit
    {
        QString inText; ///< "count", "%", "per 1,000"
        QString title;  ///< for an axis: "Count", "Per cent (%)", "Per 1,000"
    };
    Unit unit() const;
    QString groupingNoun() const;
    /** "Source: …" with the illustrative warning first when it applies. */
    QString sourceSentence() const;

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    std::unique_ptr<Indicators> m_indicators;
    Basis m_basis;
    QString m_selectedCode; ///< the row the user picked, kept across rebuilds
    bool m_updating = false;

    QWidget *m_emptyState;
    QLabel *m_emptyLabel;
    QPushButton *m_importButton;
    QWidget *m_content;
    NoticeBox *m_illustrativeNotice;
    QComboBox *m_indicatorCombo;
    QComboBox *m_groupingCombo;
    QComboBox *m_dateCombo;
    QPushButton *m_addRatioButton;
    QLabel *m_detailsLabel;
    QBoxLayout *m_valuesLayout;
    QTableView *m_table;
    IndicatorTableModel *m_model;
    QChart *m_barChart;
    QChartView *m_barView;
    QHorizontalBarSeries *m_barSeries = nullptr;  ///< owned by m_barChart
    QList<QGraphicsSimpleTextItem *> m_barLabels; ///< value at the end of each bar
    QLabel *m_barCaption;
    QChart *m_lineChart;
    QChartView *m_lineView;
    QLabel *m_lineCaption;
    IndicatorMap *m_map;
};

} // namespace CoCommission
