#pragma once

#include "core/common/ids.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QTableView>

#include <optional>
#include <tuple>

namespace CoCommission {

class EditRunner;
class RoundDocument;
struct GroupTariff;
struct PaymentScenario;

/**
 * The tariffs of one payment scenario: one row per payment group of the design (the tariff for
 * every CPA, which may not be set yet), then one row per CPA's own tariff, in the design's
 * group order and the plan's CPA order. Every figure column is editable in place.
 *
 * The model holds no copy of the design: data() reads RoundDocument::round(), and setData()
 * builds the new design and records it through Commands::setDesign as one undo step (a row
 * without a tariff gets one). A refused value is reported once by the EditRunner, setData()
 * returns false and the cell shows the stored value again. refresh() follows the document.
 */
class TariffModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        GroupColumn,
        CpaColumn,
        FeeColumn,           ///< delivery (attachment) fee per start, £
        JobPaymentColumn,    ///< job outcome payment, £
        PaymentsColumn,      ///< how many sustainment payments
        EachPaymentColumn,   ///< each sustainment payment, £
        IntervalColumn,      ///< months between sustainment payments
        JobRateColumn,       ///< job outcome rate, % of starts
        SustainedRateColumn, ///< sustained, % of job outcomes
        CostColumn,          ///< the provider's delivery cost per start, £
        ColumnCount
    };

    enum Role {
        ValueRole = Qt::UserRole + 1, ///< double: the stored figure; invalid without a tariff
        HasTariffRole,                ///< bool: the row's tariff is set
        GroupKeyRole,                 ///< QString: the payment group's key
        CpaIdRole                     ///< qint64: the CPA of the row's tariff, 0 for every CPA
    };

    TariffModel(EditRunner *edits, QObject *parent = nullptr);
    ~TariffModel() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;
    /** Shows the scenario called \a name (none when the design has no such scenario). */
    void setScenario(const QString &name);
    QString scenario() const { return m_scenario; }
    /** Reads the stored design again (after any change of the round). */
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    /** The row of the tariff of \a group in \a cpa (0: every CPA), or -1. */
    int rowOf(const QString &group, CpaId cpa = {}) const;
    /** The figure of \a tariff in \a column, or nullopt for a text column. */
    static std::optional<double> figure(const GroupTariff &tariff, int column);
    /** The smallest and largest figure \a column accepts, and its decimals. */
    static std::tuple<double, double, int> range(int column);

private:
    struct Row
    {
        QString group;
        CpaId cpa;
        bool operator==(const Row &) const = default;
    };
    QList<Row> rowsOf() const;
    const PaymentScenario *shownScenario() const;
    const GroupTariff *tariffAt(int row) const;
    QString figureText(int column, double value) const;

    EditRunner *m_edits;
    QPointer<RoundDocument> m_document;
    QString m_scenario;
    QList<Row> m_rows;
};

/**
 * The table of a scenario's tariffs: Enter edits the cell picked (the first figure when a name
 * is picked) and Delete asks for the row's tariff to be removed, except while a cell is being
 * edited, when the editor's own keys (Enter commits) win.
 */
class TariffView : public QTableView
{
    Q_OBJECT

public:
    using QTableView::QTableView;

signals:
    void removeRequested(int row);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

/** Edits a tariff figure in place with a QDoubleSpinBox of the column's range and unit. */
class TariffDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace CoCommission
