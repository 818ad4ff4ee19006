#pragma once

#include "core/common/ids.h"
#include "core/cpa/plancheck.h"
#include "core/round/round.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

namespace CoCommission {

/**
 * The legend of the CPA editor: one row per CPA of the plan shown, in plan order, with the
 * figures of its check (members, balance total, share, deviation from the mean, contiguity and
 * partnerships split), then one last row, "In no CPA", the eraser.
 *
 * A read-only presentation of a PlanCheck that core computed: the model computes no figure of
 * its own. setPlan() with the same CPAs (ids, in order) updates the rows in place, so that a
 * selection survives a painting stroke; other changes reset the model.
 */
class CpaLegendModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,         ///< the CPA's name, its colour as the decoration
        MembersColumn,      ///< number of authorities
        TotalColumn,        ///< total of the balance indicator
        ShareColumn,        ///< share of the plan's total, %
        DeviationColumn,    ///< deviation from the mean, %
        ContiguousColumn,   ///< "Yes" or "No — n parts"
        PartnershipsColumn, ///< partnerships split
        ColumnCount
    };

    enum Role {
        CpaIdRole = Qt::UserRole + 1, ///< qint64: the row's CPA id; 0 on the eraser row
        IsEraserRole,                 ///< bool: the "In no CPA" row
        ColourRole,                   ///< QColor: the CPA's colour; invalid on the eraser row
        ValueRole ///< double: the figure of a numeric column; invalid when there is none
    };

    explicit CpaLegendModel(QObject *parent = nullptr);
    ~CpaLegendModel() override;

    /**
     * Shows \a plan with its \a check (the check of that very plan). \a names gives the
     * authorities' names by code, for the tooltips.
     */
    void setPlan(const CpaPlan &plan, const PlanCheck &check, const QHash<QString, QString> &names);
    /** Shows nothing (no plan, or a check that failed). */
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** The row of \a cpa; the eraser row for an invalid id; -1 when the plan has no such CPA. */
    int rowOf(CpaId cpa) const;
    /** The CPA of \a row; invalid on the eraser row and out of range. */
    CpaId cpaAt(int row) const;
    int eraserRow() const { return m_shown ? int(m_cpas.size()) : -1; }
    bool isEraserRow(int row) const { return m_shown && row == int(m_cpas.size()); }

    /** "+2.1%", "−3.4%" (a true minus sign), "0.0%". */
    static QString signedPercent(double value);
    /** "12,345" for a whole number, else one decimal: "12,345.5". */
    static QString formatValue(double value);

private:
    QVariant cpaData(int row, int column, int role) const;
    QVariant eraserData(int column, int role) const;
    QString memberNames(const QStringList &codes) const;

    bool m_shown = false;
    QList<Cpa> m_cpas;         ///< id, name, colour of the plan's CPAs
    QList<CpaCheck> m_figures; ///< their checks, in the same order
    QStringList m_unassigned;
    bool m_hasValues = false;
    QString m_indicatorName;
    QHash<QString, QString> m_names;
};

} // namespace CoCommission
