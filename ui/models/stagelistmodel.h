#pragma once

#include "core/round/stage.h"

#include <QAbstractListModel>
#include <QPointer>

#include <array>
#include <optional>

namespace CoCommission {

class RoundDocument;
struct Round;

/**
 * The navigator of an open round: row 0 is the round overview, rows 1 to 6 the six stages in
 * order ("1. Assessing local needs"), row 7 the Contract Package Areas (the CPA editor), which
 * every stage draws on.
 *
 * Qt::DisplayRole is the first line, SummaryRole the second ("In progress · 3 things still
 * needed"); StageListDelegate draws both. The model is read-only and follows the document: on
 * every roundChanged() it recomputes its rows and emits dataChanged() for the rows whose text,
 * status or tooltip changed (a stage's state also changes what the next stage needs, and the
 * devolution model changes who must sign every stage).
 */
class StageListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int kOverviewRow = 0;
    static constexpr int kCpaRow = 7;
    static constexpr int kRowCount = 8;

    enum Role {
        StageRole = Qt::UserRole + 1, ///< int: StageId of the row, -1 on the overview row
        StatusRole,                   ///< int: StageStatus of the row; invalid on the overview
        SummaryRole,                  ///< QString: the second line of the row
        OutstandingCountRole,         ///< int: things the stage still needs
        IsOverviewRole,               ///< bool
        IsCpaRole,                    ///< bool: the Contract Package Areas row
    };

    explicit StageListModel(QObject *parent = nullptr);
    ~StageListModel() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** The row of \a stage. */
    static int rowOf(StageId stage) { return int(stage) + 1; }
    /** The stage of \a row, or nullopt on the overview and CPA rows and out of range. */
    static std::optional<StageId> stageAt(int row);

    /** "In progress · 3 things still needed", or "Signed off". */
    static QString summaryText(const Round &round, StageId stage);
    /** The tooltip: what the stage still needs, one per line. */
    static QString outstandingText(const Round &round, StageId stage);

private:
    struct Row
    {
        QString display;
        QString summary;
        QString toolTip;
        int status = -1;
        int outstanding = 0;

        bool operator==(const Row &) const = default;
    };

    void refresh();
    Row computeRow(int row) const;

    QPointer<RoundDocument> m_document;
    bool m_populated = false; ///< rows are shown; kept apart from m_document, see destroyed()
    std::array<Row, kRowCount> m_rows;
};

} // namespace CoCommission
