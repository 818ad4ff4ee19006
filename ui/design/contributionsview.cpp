#include "ui/design/contributionsview.h"

#include "core/design/designcheck.h"
#include "core/round/round.h"
#include "ui/uiutil.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace CoCommission {

namespace {

constexpr ContributionStatus kStatuses[] = {ContributionStatus::Proposed,
                                            ContributionStatus::Agreed, ContributionStatus::Signed};
constexpr ContributionForm kForms[] = {ContributionForm::Money, ContributionForm::StaffTime,
                                       ContributionForm::PriorityAccess,
                                       ContributionForm::CoLocation};

void setBold(QTableWidget *table, int row)
{
    for (int column = 0; column < table->columnCount(); ++column) {
        if (QTableWidgetItem *item = table->item(row, column)) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    }
}

} // namespace

ContributionsView::ContributionsView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : DesignTab(edits, dialogs, parent)
{
    setObjectName(QStringLiteral("contributionsView"));

    auto *heading = UiUtil::headingLabel(tr("Statements of intent"), 1.15, this);
    QLabel *intro = UiUtil::makeText(this, true);
    intro->setText(tr("What each authority commits from its local services in return for "
                      "shaping the programme: money, staff time, priority access to a service "
                      "or co-location, with what it is worth a year."));
    m_emptyLabel = UiUtil::makeText(this);
    m_emptyLabel->setObjectName(QStringLiteral("contributionsEmptyLabel"));
    m_emptyLabel->setText(tr("No statement of intent is recorded yet."));
    m_table = makeRowTable({tr("Authority"), tr("Local service"), tr("Form"), tr("Value a year"),
                            tr("Status"), tr("Note")},
                           tr("Statements of intent"),
                           tr("What each authority commits from its local services, its value a "
                              "year and whether it is proposed, agreed or signed."),
                           QStringLiteral("contributionsTable"), NoteColumn, this);
    m_add = makeEditButton(tr("&Add statement…"), tr("Add a statement of intent"),
                           tr("Record what an authority commits from one of its local services."),
                           QStringLiteral("addContributionButton"), this);
    m_edit = makeEditButton(tr("&Edit…"), tr("Edit the statement of intent"),
                            tr("Change the selected statement of intent."),
                            QStringLiteral("editContributionButton"), this);
    m_remove = makeEditButton(tr("&Remove"), tr("Remove the statement of intent"),
                              tr("Delete the selected statement of intent."),
                              QStringLiteral("removeContributionButton"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    auto *totalsHeading = UiUtil::headingLabel(tr("Totals a year"), 1.15, this);
    m_byStatus = UiUtil::makeTable({tr("Status"), tr("Statements"), tr("Value a year")}, this);
    m_byStatus->setObjectName(QStringLiteral("statusTotalsTable"));
    m_byStatus->setAccessibleName(tr("Totals by status"));
    m_byStatus->setAccessibleDescription(
        tr("The number and yearly value of the statements of intent at each status."));
    m_byAuthority = UiUtil::makeTable(
        {tr("Authority"), tr("Statements"), tr("Value a year"), tr("Of which signed")}, this);
    m_byAuthority->setObjectName(QStringLiteral("authorityTotalsTable"));
    m_byAuthority->setAccessibleName(tr("Totals by authority"));
    m_byAuthority->setAccessibleDescription(
        tr("The number and yearly value of each authority's statements, and how much is signed."));
    for (QTableWidget *table : {m_byStatus, m_byAuthority}) {
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
        for (int column = 1; column < table->columnCount(); ++column)
            table->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight |
                                                                  Qt::AlignVCenter);
    }
    auto *byStatusLabel = new QLabel(tr("By status"), this);
    auto *byAuthorityLabel = new QLabel(tr("By authority"), this);
    auto *totals = new QHBoxLayout;
    auto *statusColumn = new QVBoxLayout;
    statusColumn->addWidget(byStatusLabel);
    statusColumn->addWidget(m_byStatus);
    statusColumn->addStretch(1);
    auto *authorityColumn = new QVBoxLayout;
    authorityColumn->addWidget(byAuthorityLabel);
    authorityColumn->addWidget(m_byAuthority);
    authorityColumn->addStretch(1);
    totals->addLayout(statusColumn, 2);
    totals->addSpacing(16);
    totals->addLayout(authorityColumn, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    layout->addSpacing(12);
    layout->addWidget(totalsHeading);
    layout->addLayout(totals);
    layout->addStretch(1);

    connect(m_add, &QPushButton::clicked, this, [this] { editContribution(-1); });
    connect(m_edit, &QPushButton::clicked, this,
            [this] { editContribution(selectedRow(m_table)); });
    connect(m_remove, &QPushButton::clicked, this,
            [this] { removeContribution(selectedRow(m_table)); });
    auto *keys = m_table->findChild<RowKeys *>();
    connect(keys, &RowKeys::editRequested, this, &ContributionsView::editContribution);
    connect(keys, &RowKeys::removeRequested, this, &ContributionsView::removeContribution);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ContributionsView::refreshButtons);
    refresh();
}

QString ContributionsView::authorityName(const QString &code) const
{
    const Authority *a = round().authority(code);
    return a ? a->name : code;
}

void ContributionsView::refresh()
{
    const int selected = selectedRow(m_table);
    const QList<LocalContribution> contributions =
        hasDocument() ? design().contributions : QList<LocalContribution>();
    m_table->setRowCount(int(contributions.size()));
    for (int row = 0; row < contributions.size(); ++row) {
        const LocalContribution &c = contributions[row];
        m_table->setItem(row, AuthorityColumn, makeCell(authorityName(c.authority)));
        m_table->setItem(row, ServiceColumn,
                         makeCell(nameOfKey(contributionServices(), c.service)));
        m_table->setItem(row, FormColumn, makeCell(contributionFormName(c.form)));
        QTableWidgetItem *value = makeCell(DesignFormat::money(c.valuePerYear), true);
        value->setData(Qt::UserRole, c.valuePerYear);
        m_table->setItem(row, ValueColumn, value);
        m_table->setItem(row, StatusColumn, makeCell(contributionStatusName(c.status)));
        m_table->setItem(row, NoteColumn, makeCell(c.note));
    }
    if (selected >= 0 && selected < m_table->rowCount())
        m_table->selectRow(selected);
    fitRows(m_table);
    m_emptyLabel->setVisible(hasDocument() && contributions.isEmpty());
    refreshTotals();
    refreshButtons();
}

void ContributionsView::refreshTotals()
{
    const QList<LocalContribution> contributions =
        hasDocument() ? design().contributions : QList<LocalContribution>();

    m_byStatus->setRowCount(int(std::size(kStatuses)) + 1);
    int count = 0;
    double value = 0;
    for (int row = 0; row < int(std::size(kStatuses)); ++row) {
        int n = 0;
        double sum = 0;
        for (const LocalContribution &c : contributions) {
            if (c.status == kStatuses[row]) {
                ++n;
                sum += c.valuePerYear;
            }
        }
        count += n;
        value += sum;
        m_byStatus->setItem(row, 0, makeCell(contributionStatusName(kStatuses[row])));
        m_byStatus->setItem(row, 1, makeCell(QString::number(n), true));
        QTableWidgetItem *total = makeCell(DesignFormat::money(sum), true);
        total->setData(Qt::UserRole, sum);
        m_byStatus->setItem(row, 2, total);
    }
    const int last = int(std::size(kStatuses));
    m_byStatus->setItem(last, 0, makeCell(tr("All")));
    m_byStatus->setItem(last, 1, makeCell(QString::number(count), true));
    QTableWidgetItem *all = makeCell(DesignFormat::money(value), true);
    all->setData(Qt::UserRole, value);
    m_byStatus->setItem(last, 2, all);
    setBold(m_byStatus, last);
    UiUtil::fitTableHeight(m_byStatus);

    // By authority, in the round's order of authorities.
    QStringList codes;
    if (hasDocument()) {
        for (const Authority &a : round().authorities) {
            if (std::any_of(contributions.cbegin(), contributions.cend(),
                            [&](const LocalContribution &c) { return c.authority == a.gssCode; }))
                codes << a.gssCode;
        }
    }
    m_byAuthority->setRowCount(int(codes.size()));
    for (int row = 0; row < codes.size(); ++row) {
        int n = 0;
        double sum = 0;
        double signedSum = 0;
        for (const LocalContribution &c : contributions) {
            if (c.authority != codes[row])
                continue;
            ++n;
            sum += c.valuePerYear;
            if (c.status == ContributionStatus::Signed)
                signedSum += c.valuePerYear;
        }
        m_byAuthority->setItem(row, 0, makeCell(authorityName(codes[row])));
        m_byAuthority->setItem(row, 1, makeCell(QString::number(n), true));
        QTableWidgetItem *total = makeCell(DesignFormat::money(sum), true);
        total->setData(Qt::UserRole, sum);
        m_byAuthority->setItem(row, 2, total);
        m_byAuthority->setItem(row, 3, makeCell(DesignFormat::money(signedSum), true));
    }
    m_byAuthority->setVisible(!codes.isEmpty());
    UiUtil::fitTableHeight(m_byAuthority);
}

void ContributionsView::refreshButtons()
{
    const QString frozen = whyFrozen();
    const bool editable = frozen.isEmpty();
    const bool picked = selectedRow(m_table) >= 0;
    m_add->setEnabled(editable);
    m_edit->setEnabled(editable && picked);
    m_remove->setEnabled(editable && picked);
    showWhyFrozen(frozen);
}

void ContributionsView::editContribution(int row)
{
    if (!isEditable() || row >= int(design().contributions.size()))
        return;
    const bool isNew = row < 0;
    LocalContribution current;
    if (!isNew)
        current = design().contributions[row];
    QList<KeyName> authorities;
    for (const Authority &a : round().authorities)
        authorities.append({a.gssCode, a.name});
    QList<KeyName> forms;
    for (ContributionForm f : kForms)
        forms.append({contributionFormKey(f), contributionFormName(f)});
    QList<KeyName> statuses;
    for (ContributionStatus s : kStatuses)
        statuses.append({contributionStatusKey(s), contributionStatusName(s)});

    auto *dialog = new RecordDialog(
        isNew ? tr("Add a statement of intent") : tr("Edit the statement of intent"), this);
    dialog->addChoice(QStringLiteral("authority"), tr("&Authority:"),
                      tr("The borough whose statement of intent this is."), authorities,
                      current.authority);
    dialog->addChoice(QStringLiteral("service"), tr("Local &service:"),
                      tr("The local service the borough brings to the programme."),
                      contributionServices(), current.service);
    dialog->addChoice(
        QStringLiteral("form"), tr("&Form:"),
        tr("What the borough contributes: money, staff time, priority access or co-location."),
        forms, contributionFormKey(current.form));
    dialog->addNumber(QStringLiteral("value"), tr("&Value a year:"),
                      tr("What the contribution is worth a year, in pounds."), 0,
                      DesignLimits::kMaxContributionPerYear, 0, current.valuePerYear,
                      QStringLiteral("\u00a3"));
    dialog->addChoice(QStringLiteral("status"), tr("S&tatus:"),
                      tr("How far the statement has got: proposed, agreed or signed."), statuses,
                      contributionStatusKey(current.status));
    dialog->addLine(QStringLiteral("note"), tr("&Note:"),
                    tr("Optional: anything the board should know about the contribution."),
                    current.note);
    openDialog(dialog, [this, dialog, row, isNew] {
        ServiceDesign d = design();
        if (!isNew && row >= d.contributions.size())
            return false;
        LocalContribution c;
        c.authority = dialog->choice(QStringLiteral("authority"));
        c.service = dialog->choice(QStringLiteral("service"));
        c.form = contributionFormFromKey(dialog->choice(QStringLiteral("form")))
                     .value_or(ContributionForm::Money);
        c.valuePerYear = dialog->number(QStringLiteral("value"));
        c.status = contributionStatusFromKey(dialog->choice(QStringLiteral("status")))
                       .value_or(ContributionStatus::Proposed);
        c.note = dialog->text(QStringLiteral("note"));
        if (isNew)
            d.contributions.append(c);
        else
            d.contributions[row] = c;
        return apply(d,
                     isNew ? tr("Add a statement of intent") : tr("Change a statement of intent"));
    });
}

bool ContributionsView::removeContribution(int row)
{
    if (!isEditable() || row < 0 || row >= design().contributions.size())
        return false;
    ServiceDesign d = design();
    d.contributions.removeAt(row);
    return apply(d, tr("Remove a statement of intent"));
}

} // namespace CoCommission
