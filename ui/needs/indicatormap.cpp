#include "ui/needs/indicatormap.h"

#include "core/cpa/roundcheck.h"
#include "core/cpa/tilegrid.h"
#include "core/needs/choropleth.h"
#include "core/round/round.h"
#include "ui/cpa/mapview.h"
#include "ui/models/indicatortablemodel.h"
#include "ui/uiutil.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

namespace CoCommission {

namespace {

QPixmap swatch(const QColor &colour, bool dashed)
{
    QPixmap pixmap(18, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setBrush(colour);
    QPen pen(QColor(0x55, 0x55, 0x55));
    if (dashed)
        pen.setStyle(Qt::DashLine);
    painter.setPen(pen);
    painter.drawRect(QRectF(0.5, 0.5, 17, 13));
    return pixmap;
}

} // namespace

IndicatorMap::IndicatorMap(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("indicatorMapTitle"));
    m_title->setAlignment(Qt::AlignHCenter);
    m_title->setWordWrap(true);
    m_map = new MapView(this);
    m_map->setObjectName(QStringLiteral("indicatorMap"));
    m_map->setPaintingEnabled(false);
    m_map->setMinimumSize(360, 300);
    m_map->setToolTipProvider([this](const QString &code) { return m_tips.value(code); });
    m_legend = new QWidget(this);
    m_legend->setObjectName(QStringLiteral("indicatorMapLegend"));
    m_legendLayout = new QGridLayout(m_legend);
    m_legendLayout->setContentsMargins(0, 0, 0, 0);
    m_legendLayout->setHorizontalSpacing(6);
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("indicatorMapCaption"));
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    UiUtil::makeSecondary(m_caption);

    auto *mapRow = new QHBoxLayout;
    mapRow->addWidget(m_map, 1);
    auto *legendColumn = new QVBoxLayout;
    legendColumn->addWidget(m_legend);
    legendColumn->addStretch(1);
    mapRow->addLayout(legendColumn);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(mapRow);
    layout->addWidget(m_caption);

    if (const Result<TileGrid> grid = TileGrid::london())
        m_map->setTileGrid(*grid);
}

IndicatorMap::~IndicatorMap() = default;

void IndicatorMap::clear()
{
    m_title->clear();
    m_caption->clear();
    m_map->setFill({});
    m_tips.clear();
    UiUtil::clearLayout(m_legendLayout);
}

void IndicatorMap::show(const Round &round, const Content &content, const CpaPlan *plan)
{
    m_map->setAuthorities(round.authorities);
    const auto boundaries = roundBoundaries(round);
    m_map->setBoundaries(boundaries && *boundaries ? boundaries->get() : nullptr);
    m_map->setMode(m_map->hasBoundaries() ? MapView::Mode::Boundaries : MapView::Mode::Tiles);

    // Each authority's row: itself, or the partnership or CPA holding it.
    QHash<QString, QString> rowOf;
    QHash<QString, QString> groupName;
    switch (content.grouping) {
    case Grouping::Authority:
        for (const Authority &a : round.authorities)
            rowOf.insert(a.gssCode, a.gssCode);
        break;
    case Grouping::Partnership:
        for (const Partnership &p : round.partnerships) {
            for (const QString &code : p.members)
                rowOf.insert(code, p.name);
        }
        break;
    case Grouping::Cpa:
        if (const CpaPlan *shown = plan ? plan : round.adoptedPlan()) {
            for (const Cpa &cpa : shown->cpas) {
                for (const QString &code : cpa.members)
                    rowOf.insert(code, cpa.name);
            }
        }
        break;
    }
    QHash<QString, std::optional<double>> valueOf;
    QList<double> known;
    for (const IndicatorValue &v : content.values) {
        valueOf.insert(v.code, v.value);
        groupName.insert(v.code, v.name);
        if (v.value)
            known.append(*v.value);
    }
    const Choropleth classes = Choropleth::equalIntervals(known);
    const auto format = [&](double value) {
        return IndicatorTableModel::formatValue(value, content.decimals);
    };

    QHash<QString, QColor> fill;
    m_tips.clear();
    for (const Authority &a : round.authorities) {
        const QString row = rowOf.value(a.gssCode);
        const std::optional<double> value = valueOf.value(row);
        if (value)
            fill.insert(a.gssCode, classes.colourOf(*value));
        const QString shown = value ? format(*value) : IndicatorTableModel::missingText();
        QString tip = tr("%1 (%2)").arg(a.name, a.gssCode);
        if (content.grouping == Grouping::Authority)
            tip += QLatin1Char('\n') + tr("Value: %1 %2").arg(shown, content.unit);
        else if (!row.isEmpty())
            tip += QLatin1Char('\n') +
                   tr("%1: %2 %3").arg(groupName.value(row, row), shown, content.unit);
        else
            tip += QLatin1Char('\n') + tr("In no group of this grouping.");
        m_tips.insert(a.gssCode, tip.trimmed());
    }
    m_map->setFill(fill);

    UiUtil::clearLayout(m_legendLayout);
    int line = 0;
    const auto addEntry = [&](const QColor &colour, bool dashed, const QString &text) {
        auto *mark = new QLabel(m_legend);
        mark->setPixmap(swatch(colour, dashed));
        auto *label = new QLabel(text, m_legend);
        label->setObjectName(QStringLiteral("legendEntry"));
        m_legendLayout->addWidget(mark, line, 0);
        m_legendLayout->addWidget(label, line, 1);
        ++line;
    };
    // Highest first, as in the bar chart.
    for (qsizetype i = classes.classes().size() - 1; i >= 0; --i) {
        const Choropleth::Class &c = classes.classes().at(i);
        addEntry(c.colour, false,
                 c.from == c.to
                     ? tr("%1 %2").arg(format(c.from), content.unit).trimmed()
                     : tr("%1 to %2 %3").arg(format(c.from), format(c.to), content.unit).trimmed());
    }
    addEntry(QColor(0xe0, 0xe0, 0xe0), true, tr("No figure"));

    m_title->setText(QStringLiteral("<b>%1</b>").arg(content.title.toHtmlEscaped()));
    QString caption = content.caption;
    caption += QLatin1Char(' ') +
               tr("Shaded in equal steps from the lowest to the highest value; a darker shade "
                  "is a higher value.");
    if (!m_map->hasBoundaries())
        caption += QLatin1Char(' ') + tr("One square per authority, in London's usual tile "
                                         "layout; import boundaries for a real map.");
    m_caption->setText(caption);
    m_map->setAccessibleName(tr("Map: %1").arg(content.title));
    m_map->setAccessibleDescription(caption);
}

QStringList IndicatorMap::legendTexts() const
{
    QStringList texts;
    for (int row = 0; row < m_legendLayout->rowCount(); ++row) {
        if (QLayoutItem *item = m_legendLayout->itemAtPosition(row, 1)) {
            if (auto *label = qobject_cast<QLabel *>(item->widget()))
                texts.append(label->text());
        }
    }
    return texts;
}

} // namespace CoCommission
