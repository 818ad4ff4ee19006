#include "ui/supply/coverageview.h"

#include "core/round/rounddocument.h"
#include "core/supply/coverage.h"
#include "ui/stagelistdelegate.h"
#include "ui/supply/supplytables.h"
#include "ui/uiutil.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace CoCommission {

namespace {

// A gap is marked by its words and a colour pair that keeps 7:1 whatever the desktop theme.
const QColor kGapBackground(0xf6, 0xd7, 0xd2);
const QColor kGapText(0x7a, 0x1e, 0x10);

/** \a text broken at the space nearest its middle when long, for a column heading. */
QString twoLines(const QString &text)
{
    constexpr int kLongHeading = 16;
    if (text.size() <= kLongHeading)
        return text;
    const qsizetype middle = text.size() / 2;
    const qsizetype before = text.lastIndexOf(QLatin1Char(' '), middle);
    const qsizetype after = text.indexOf(QLatin1Char(' '), middle);
    qsizetype at = before;
    if (after >= 0 && (before < 0 || after - middle < middle - before))
        at = after;
    if (at <= 0)
        return text;
    return text.left(at) + QLatin1Char('\n') + text.mid(at + 1);
}

QString percent(double share)
{
    return UiUtil::numberLocale().toString(std::lround(share * 100)) + QLatin1Char('%');
}

QLabel *boldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

CoverageView::CoverageView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("coverageView"));

    m_noPlanLabel = UiUtil::makeText(this);
    m_noPlanLabel->setObjectName(QStringLiteral("coverageNoPlanLabel"));
    m_noPlanLabel->setText(
        tr("No CPA plan is adopted, so there is no coverage to show yet: it is worked out for "
           "each CPA of the adopted plan. Adopt a plan in the Contract Package Areas editor."));

    m_intro = UiUtil::makeText(this);
    m_intro->setObjectName(QStringLiteral("coverageIntroLabel"));

    m_matrix = UiUtil::makeTable({tr("Priority group")}, this);
    m_matrix->setObjectName(QStringLiteral("coverageTable"));
    m_matrix->setAccessibleName(tr("Coverage: specialist providers by priority group and CPA"));
    m_matrix->setAccessibleDescription(
        tr("One row per priority group and one column per CPA, each cell the number of "
           "specialist providers; a gap is a priority group of the CPA that no specialist "
           "serves."));
    m_matrix->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_matrix->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);

    m_cpaHeading = boldLabel(tr("Providers in each CPA"), this);
    m_cpaTable = UiUtil::makeTable(
        {tr("CPA"), tr("Providers serving"), tr("Voluntary and community"), tr("SMEs")}, this);
    m_cpaTable->setObjectName(QStringLiteral("coverageCpaTable"));
    m_cpaTable->setAccessibleName(tr("Providers in each CPA"));
    m_cpaTable->setAccessibleDescription(
        tr("One row per CPA with the number of providers serving it and how many of them are "
           "voluntary and community organisations or SMEs."));
    m_cpaTable->horizontalHeader()->setSectionResizeMode(CpaNameColumn, QHeaderView::Stretch);
    for (int column : {ProvidersColumn, VoluntaryColumn, SmeColumn})
        m_cpaTable->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_cpaHeading->setBuddy(m_cpaTable);

    m_gapsHeading = boldLabel(tr("Gaps"), this);
    m_gapsLabel = UiUtil::makeText(this);
    m_gapsLabel->setObjectName(QStringLiteral("coverageGapsLabel"));
    m_gapsLabel->setAccessibleName(tr("Gaps"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_noPlanLabel);
    layout->addWidget(m_intro);
    layout->addWidget(m_matrix);
    layout->addSpacing(6);
    layout->addWidget(m_gapsHeading);
    layout->addWidget(m_gapsLabel);
    layout->addSpacing(6);
    layout->addWidget(m_cpaHeading);
    layout->addWidget(m_cpaTable);
    layout->addStretch(1);
    refresh();
}

CoverageView::~CoverageView() = default;

void CoverageView::setDocument(RoundDocument *document)
{
    m_document = document;
    refresh();
}

void CoverageView::refresh()
{
    const bool hasPlan = m_document && m_document->round().adoptedPlan();
    m_noPlanLabel->setVisible(m_document && !hasPlan);
    for (QWidget *w : {static_cast<QWidget *>(m_intro), static_cast<QWidget *>(m_matrix),
                       static_cast<QWidget *>(m_cpaHeading), static_cast<QWidget *>(m_cpaTable),
                       static_cast<QWidget *>(m_gapsHeading), static_cast<QWidget *>(m_gapsLabel)})
        w->setVisible(hasPlan);
    if (!hasPlan) {
        m_matrix->setRowCount(0);
        m_cpaTable->setRowCount(0);
        m_gapsLabel->clear();
        return;
    }

    const Round &round = m_document->round();
    const CoverageMatrix coverage = supplyCoverage(round, round.supply);
    // Still 4.5:1 against the table's background, unlike the placeholder colour.
    const QColor secondary = StageListDelegate::secondaryColour(
        m_matrix->palette().color(QPalette::Text), m_matrix->palette().color(QPalette::Base));

    QString intro = tr("The number of specialist providers in the register for each priority "
                       "group in each CPA: organisations serving an authority of the CPA with a "
                       "specialism that serves the group. A gap is a priority of the CPA that no "
                       "specialist serves. Figures in grey are for groups that are not a "
                       "priority of that CPA. Point at a figure to see the providers.");
    if (coverage.wholeCatalogue)
        intro += QLatin1Char(' ') +
                 tr("No priority decision or Local Labour Market Agreement names the priorities "
                    "yet, so every group counts as a priority in every CPA.");
    m_intro->setText(intro);

    // The matrix: priority groups down, CPAs across.
    m_matrix->clear();
    m_matrix->setColumnCount(1 + int(coverage.cpas.size()));
    m_matrix->setRowCount(int(coverage.groups.size()));
    QStringList headers{tr("Priority group")};
    for (const CpaSupply &cpa : coverage.cpas)
        headers << twoLines(cpa.name);
    m_matrix->setHorizontalHeaderLabels(headers);
    m_matrix->horizontalHeaderItem(GroupColumn)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (int c = 0; c < coverage.cpas.size(); ++c)
        m_matrix->horizontalHeaderItem(1 + c)->setToolTip(coverage.cpas[c].name);
    for (int row = 0; row < coverage.groups.size(); ++row) {
        const PriorityGroup &group = coverage.groups[row];
        QTableWidgetItem *name = SupplyTables::cell(group.name);
        name->setToolTip(group.description.isEmpty() ? group.name : group.description);
        m_matrix->setItem(row, GroupColumn, name);
        for (int c = 0; c < coverage.cpas.size(); ++c) {
            const CoverageCell &cell = coverage.cell(row, c);
            const QString cpa = coverage.cpas[c].name;
            QString text = QString::number(cell.count());
            QString spoken;
            if (cell.gap) {
                text = tr("%1 — gap").arg(cell.count());
                spoken = tr("%1 in %2: gap, no specialist provider for a priority group.")
                             .arg(group.name, cpa);
            } else if (cell.count() == 0) {
                spoken = tr("%1 in %2: no specialist provider; not a priority of the CPA.")
                             .arg(group.name, cpa);
            } else {
                spoken = cell.count() == 1
                             ? tr("%1 in %2: 1 specialist provider, %3.")
                                   .arg(group.name, cpa, cell.providers.first())
                             : tr("%1 in %2: %3 specialist providers: %4.")
                                   .arg(group.name, cpa, QString::number(cell.count()),
                                        cell.providers.join(tr(", ")));
                if (!cell.priority)
                    spoken += QLatin1Char(' ') + tr("Not a priority of the CPA.");
            }
            QTableWidgetItem *item = SupplyTables::cell(text);
            item->setTextAlignment(Qt::AlignCenter);
            QString tip = spoken;
            if (cell.count() > 0) {
                tip = tr("Specialists for %1 in %2:").arg(group.name, cpa) + QLatin1Char('\n') +
                      cell.providers.join(QLatin1Char('\n'));
                if (!cell.priority)
                    tip += QLatin1Char('\n') + tr("(Not a priority of %1.)").arg(cpa);
            }
            item->setToolTip(tip);
            item->setData(Qt::AccessibleTextRole, spoken);
            if (cell.gap) {
                item->setBackground(kGapBackground);
                item->setForeground(kGapText);
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            } else if (!cell.priority) {
                item->setForeground(secondary);
            }
            m_matrix->setItem(row, 1 + c, item);
        }
    }
    QHeaderView *header = m_matrix->horizontalHeader();
    header->setSectionResizeMode(GroupColumn, QHeaderView::Stretch);
    for (int c = 1; c < m_matrix->columnCount(); ++c) {
        header->setSectionResizeMode(c, QHeaderView::Fixed);
        m_matrix->resizeColumnToContents(c);
        m_matrix->setColumnWidth(c, std::max(m_matrix->columnWidth(c), 96));
    }
    SupplyTables::fitHeight(m_matrix, 40);

    // What each CPA has.
    m_cpaTable->setRowCount(int(coverage.cpas.size()));
    for (int row = 0; row < coverage.cpas.size(); ++row) {
        const CpaSupply &cpa = coverage.cpas[row];
        const int n = int(cpa.providers.size());
        m_cpaTable->setItem(row, CpaNameColumn, SupplyTables::cell(cpa.name));
        QTableWidgetItem *providers = SupplyTables::cell(QString::number(n));
        providers->setToolTip(cpa.providers.join(QLatin1Char('\n')));
        m_cpaTable->setItem(row, ProvidersColumn, providers);
        const auto share = [&](int count, double fraction) {
            return n == 0 ? tr("—") : tr("%1 (%2)").arg(count).arg(percent(fraction));
        };
        m_cpaTable->setItem(
            row, VoluntaryColumn,
            SupplyTables::cell(share(cpa.voluntaryCommunity, cpa.voluntaryCommunityShare)));
        m_cpaTable->setItem(row, SmeColumn, SupplyTables::cell(share(cpa.smes, cpa.smeShare)));
        for (int column : {ProvidersColumn, VoluntaryColumn, SmeColumn})
            m_cpaTable->item(row, column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    SupplyTables::fitHeight(m_cpaTable, 40);

    // The gaps, in words.
    if (coverage.gaps.isEmpty()) {
        m_gapsLabel->setText(
            tr("None: every priority group has a specialist provider in every CPA."));
    } else {
        QStringList lines;
        lines << (coverage.gaps.size() == 1
                      ? tr("1 priority group has no specialist provider in a CPA:")
                      : tr("%1 priorities have no specialist provider in their CPA:")
                            .arg(coverage.gaps.size()));
        for (const CoverageGap &gap : coverage.gaps)
            lines << tr("• %1").arg(gap.message);
        m_gapsLabel->setText(lines.join(QLatin1Char('\n')));
    }
}

} // namespace CoCommission
