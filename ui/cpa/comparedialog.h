#pragma once

#include "core/common/ids.h"
#include "core/cpa/plancompare.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QComboBox;
class QLabel;
class QTableWidget;

namespace CoCommission {

class RoundDocument;

/**
 * Two CPA plans side by side: the authorities that moved from the first plan to the second
 * (name, from CPA, to CPA) and the two plans' figures (largest deviation from the mean, largest
 * over smallest CPA, contiguity, coverage).
 *
 * Both plans are checked with the first plan's settings (its adjacency rule, balance indicator
 * and minimum size), so that their figures compare like with like; the caption says which.
 * Every figure comes from comparePlans() (core). The dialog is modeless and follows the
 * document: it compares again after every change, and closes when the first plan goes.
 */
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    CompareDialog(RoundDocument *document, PlanId first, QWidget *parent = nullptr);
    ~CompareDialog() override;

    PlanId firstPlan() const { return m_first; }
    /** Compares with \a second; false when the round has no such plan (other than the first). */
    bool setSecondPlan(PlanId second);
    PlanId secondPlan() const;

    /** The comparison shown; nullopt when there is no second plan or the check failed. */
    const std::optional<PlanComparison> &comparison() const { return m_comparison; }

    QComboBox *secondCombo() const { return m_secondCombo; }
    QTableWidget *movedTable() const { return m_movedTable; }
    QTableWidget *figuresTable() const { return m_figuresTable; }
    QLabel *summaryLabel() const { return m_summaryLabel; }

    /** The rows of the figures table. */
    enum FigureRow {
        LargestDeviationRow,
        MaxMinRatioRow,
        ContiguityRow,
        CoverageRow,
        RulesRow,
        FigureRowCount
    };

private:
    void refresh();
    void fillPlans();
    void compare();

    QPointer<RoundDocument> m_document;
    PlanId m_first;
    std::optional<PlanComparison> m_comparison;

    QLabel *m_firstLabel;
    QComboBox *m_secondCombo;
    QLabel *m_settingsLabel;
    QLabel *m_summaryLabel;
    QTableWidget *m_movedTable;
    QTableWidget *m_figuresTable;
};

} // namespace CoCommission
