#pragma once

#include "core/needs/indicators.h"

#include <QWidget>

class QGridLayout;
class QLabel;

namespace CoCommission {

class MapView;
struct Round;

/**
 * A map of the authorities shaded by an indicator (see Choropleth): each authority takes the
 * value of its row in the grouping shown (its own, its partnership's or its CPA's), so the map
 * reads the same as the table beside it. A title, a legend of the classes and a caption with
 * the source and date go with it; authorities without a figure are drawn grey and said so.
 *
 * It draws on the round's imported boundaries when there are any, else on the built-in tile
 * grid. The map is for reading: nothing is painted here.
 */
class IndicatorMap : public QWidget
{
    Q_OBJECT

public:
    explicit IndicatorMap(QWidget *parent = nullptr);
    ~IndicatorMap() override;

    struct Content
    {
        QString title;   ///< e.g. "Claimant rate (%) by CPA, May 2024"
        QString caption; ///< source and date
        QString unit;    ///< for the legend, e.g. "%"
        int decimals = 0;
        Grouping grouping = Grouping::Authority;
        QList<IndicatorValue> values;
    };

    /** Shows \a content for \a round's authorities; groups are \a plan's CPAs (or adopted). */
    void show(const Round &round, const Content &content, const CpaPlan *plan = nullptr);
    void clear();

    MapView *map() const { return m_map; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *captionLabel() const { return m_caption; }
    /** The legend's entries as shown, e.g. "4.0 to 5.2 %", last "No figure". */
    QStringList legendTexts() const;

private:
    QLabel *m_title;
    MapView *m_map;
    QWidget *m_legend;
    QGridLayout *m_legendLayout;
    QLabel *m_caption;
    QHash<QString, QString> m_tips; ///< per authority code
};

} // namespace CoCommission
