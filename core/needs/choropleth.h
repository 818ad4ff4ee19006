#pragma once

#include <QColor>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace CoCommission {

/**
 * How a map shades areas by an indicator: the values cut into classes of equal width from the
 * lowest to the highest, each class a shade of one sequential colour scale (light for low,
 * dark for high; ColorBrewer's five-class "Blues", readable by people with colour-vision
 * deficiencies and in greyscale print).
 *
 * Equal widths are used rather than quantiles because a reader can check them against the
 * table: a class is a plain range of values.
 */
class Choropleth
{
public:
    struct Class
    {
        double from = 0; ///< inclusive
        double to = 0;   ///< inclusive for the last class, else exclusive
        QColor colour;
    };

    /** Classes for \a values (non-finite ones ignored); one class when all values are equal. */
    static Choropleth equalIntervals(const QList<double> &values, int classCount = 5);

    const QList<Class> &classes() const { return m_classes; }
    bool isEmpty() const { return m_classes.isEmpty(); }
    /** The index of the class holding \a value, or -1 when there are no classes. */
    int classOf(double value) const;
    /** The colour of the class holding \a value; invalid when there are no classes. */
    QColor colourOf(double value) const;

private:
    QList<Class> m_classes;
};

} // namespace CoCommission
