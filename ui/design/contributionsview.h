#pragma once

#include "ui/design/designtab.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace CoCommission {

/**
 * The "Local contributions" tab of stage 3: the statements of intent in which each authority
 * commits a local service (money, staff time, priority access or co-location) with its value
 * a year and how far it has got, added, edited and removed through a RecordDialog; and their
 * totals by status and by authority.
 */
class ContributionsView : public DesignTab
{
    Q_OBJECT

public:
    enum Column {
        AuthorityColumn,
        ServiceColumn,
        FormColumn,
        ValueColumn,
        StatusColumn,
        NoteColumn,
        ColumnCount
    };

    ContributionsView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);

    void refresh() override;

    void editContribution(int row);
    bool removeContribution(int row);

    QTableWidget *contributionsTable() const { return m_table; }
    QTableWidget *statusTotalsTable() const { return m_byStatus; }
    QTableWidget *authorityTotalsTable() const { return m_byAuthority; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *removeButton() const { return m_remove; }

private:
    void refreshTotals();
    void refreshButtons();
    QString authorityName(const QString &code) const;

    QLabel *m_emptyLabel;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QTableWidget *m_byStatus;
    QTableWidget *m_byAuthority;
};

} // namespace CoCommission
