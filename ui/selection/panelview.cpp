#include "ui/selection/panelview.h"

#include "core/commands/tendercommands.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/pagewidgets.h"
#include "ui/uiutil.h"

#include <QApplication>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;
constexpr int kMaxRows = 12;
const QLatin1String kDwp("DWP");

QLabel *makeText(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QTableWidget *makeTable(int columns, const QString &name, const QString &description,
                        QWidget *parent)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setAccessibleName(name);
    table->setAccessibleDescription(description); // the cells have tool tips of their own
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    return table;
}

void fitRows(QTableWidget *table, int rows)
{
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    table->setMinimumHeight(table->horizontalHeader()->sizeHint().height() +
                            std::clamp(rows, 2, kMaxRows) * rowHeight + 2 * table->frameWidth());
    table->setMaximumHeight(table->minimumHeight());
}

/** \a text broken at the space nearest its middle when long, for a column heading. */
QString twoLines(const QString &text)
{
    constexpr int kLongHeading = 24;
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

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

PanelView::PanelView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("panelView"));

    m_lockLabel = makeText(this);
    m_lockLabel->setObjectName(QStringLiteral("panelLockLabel"));
    m_emptyLabel = makeText(this);
    m_emptyLabel->setObjectName(QStringLiteral("panelEmptyLabel"));
    m_emptyLabel->setText(tr("No one is on the assessment panel yet."));

    auto *panelHeading = new QLabel(tr("Assessment panel"), this);
    QFont bold = panelHeading->font();
    bold.setBold(true);
    panelHeading->setFont(bold);
    m_panelTable = makeTable(
        PanelColumnCount, tr("Assessment panel"),
        tr("One row per assessor with their organisation and role; select one to edit it below."),
        this);
    m_panelTable->setObjectName(QStringLiteral("panelTable"));
    m_panelTable->setHorizontalHeaderLabels({tr("Assessor"), tr("Organisation"), tr("Role")});
    m_panelTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_panelTable->verticalHeader()->hide();
    m_panelTable->horizontalHeader()->setSectionResizeMode(RoleColumn, QHeaderView::Stretch);

    m_newButton = new QPushButton(tr("&New assessor"), this);
    m_newButton->setObjectName(QStringLiteral("newAssessorButton"));
    m_newButton->setAccessibleName(tr("New assessor"));
    // The buttons' tool tips give the reason while they are disabled; these descriptions stay.
    m_newButton->setAccessibleDescription(
        tr("Starts a new member of the assessment panel in the form below."));
    m_removeButton = new QPushButton(tr("Remove assessor…"), this);
    m_removeButton->setObjectName(QStringLiteral("removeAssessorButton"));
    m_removeButton->setAccessibleName(tr("Remove assessor"));
    m_removeButton->setAccessibleDescription(
        tr("Removes the selected assessor from the assessment panel."));
    auto *panelButtons = new QHBoxLayout;
    panelButtons->addWidget(m_newButton);
    panelButtons->addWidget(m_removeButton);
    panelButtons->addStretch(1);

    m_formBox = new QGroupBox(this);
    m_formBox->setObjectName(QStringLiteral("assessorFormBox"));
    m_nameEdit = new QLineEdit(m_formBox);
    m_nameEdit->setObjectName(QStringLiteral("assessorNameEdit"));
    m_nameEdit->setAccessibleName(tr("Assessor name"));
    m_nameEdit->setToolTip(tr("The assessor's full name, which identifies them in the round"));
    m_organisationCombo = new PageComboBox(m_formBox);
    m_organisationCombo->setObjectName(QStringLiteral("assessorOrganisationCombo"));
    m_organisationCombo->setAccessibleName(tr("Assessor organisation"));
    m_organisationCombo->setToolTip(tr("The organisation the assessor works for: DWP or one of "
                                       "the partnership's authorities"));
    m_roleEdit = new QLineEdit(m_formBox);
    m_roleEdit->setObjectName(QStringLiteral("assessorRoleEdit"));
    m_roleEdit->setAccessibleName(tr("Assessor role"));
    m_roleEdit->setPlaceholderText(tr("For example, commissioning manager"));
    auto *nameLabel = new QLabel(tr("Na&me:"), m_formBox);
    nameLabel->setBuddy(m_nameEdit);
    auto *organisationLabel = new QLabel(tr("&Organisation:"), m_formBox);
    organisationLabel->setBuddy(m_organisationCombo);
    auto *roleLabel = new QLabel(tr("&Role:"), m_formBox);
    roleLabel->setBuddy(m_roleEdit);
    m_saveButton = new QPushButton(tr("Sa&ve assessor"), m_formBox);
    m_saveButton->setObjectName(QStringLiteral("saveAssessorButton"));
    m_saveButton->setAccessibleName(tr("Save assessor"));
    m_saveButton->setAccessibleDescription(tr("Records the assessor as edited in the round."));
    m_revertButton = new QPushButton(tr("Rever&t"), m_formBox);
    m_revertButton->setObjectName(QStringLiteral("revertAssessorButton"));
    m_revertButton->setAccessibleName(tr("Revert assessor"));
    m_revertButton->setToolTip(tr("Put back the assessor as recorded"));
    auto *formLayout = new QGridLayout(m_formBox);
    formLayout->addWidget(nameLabel, 0, 0);
    formLayout->addWidget(m_nameEdit, 0, 1);
    formLayout->addWidget(organisationLabel, 0, 2);
    formLayout->addWidget(m_organisationCombo, 0, 3);
    formLayout->addWidget(roleLabel, 1, 0);
    formLayout->addWidget(m_roleEdit, 1, 1, 1, 3);
    auto *formButtons = new QHBoxLayout;
    formButtons->addWidget(m_saveButton);
    formButtons->addWidget(m_revertButton);
    formButtons->addStretch(1);
    formLayout->addLayout(formButtons, 2, 1, 1, 3);
    formLayout->setColumnStretch(1, 1);
    formLayout->setColumnStretch(3, 1);

    auto *declarationsHeading = new QLabel(tr("Declarations of &interest"), this);
    declarationsHeading->setFont(bold);
    m_declarationsLabel = makeText(this);
    m_declarationsLabel->setObjectName(QStringLiteral("declarationsLabel"));
    UiUtil::makeSecondary(m_declarationsLabel);
    m_matrix = makeTable(0, tr("Declarations of interest, assessors by bidder"),
                         tr("One row per assessor, one column per bidder: each cell says whether "
                            "the assessor declared a conflict with the bidder."),
                         this);
    m_matrix->setObjectName(QStringLiteral("declarationTable"));
    m_matrix->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    declarationsHeading->setBuddy(m_matrix);
    m_noConflictButton = new QPushButton(tr("No con&flict"), this);
    m_noConflictButton->setObjectName(QStringLiteral("noConflictButton"));
    m_noConflictButton->setAccessibleName(tr("Declare no conflict"));
    m_noConflictButton->setAccessibleDescription(
        tr("Records that the assessor in the selected cell has no conflict with the bidder."));
    m_conflictButton = new QPushButton(tr("&Declare a conflict…"), this);
    m_conflictButton->setObjectName(QStringLiteral("conflictButton"));
    m_conflictButton->setAccessibleName(tr("Declare a conflict"));
    m_conflictButton->setAccessibleDescription(
        tr("Records a conflict of interest for the selected cell, which keeps the assessor from "
           "scoring that bid."));
    m_withdrawButton = new QPushButton(tr("&Withdraw declaration"), this);
    m_withdrawButton->setObjectName(QStringLiteral("withdrawDeclarationButton"));
    m_withdrawButton->setAccessibleName(tr("Withdraw declaration"));
    m_withdrawButton->setAccessibleDescription(
        tr("Withdraws the declaration recorded in the selected cell."));
    auto *declareButtons = new QHBoxLayout;
    declareButtons->addWidget(m_noConflictButton);
    declareButtons->addWidget(m_conflictButton);
    declareButtons->addWidget(m_withdrawButton);
    declareButtons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_lockLabel);
    layout->addWidget(panelHeading);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_panelTable);
    layout->addLayout(panelButtons);
    layout->addWidget(m_formBox);
    layout->addSpacing(8);
    layout->addWidget(declarationsHeading);
    layout->addWidget(m_declarationsLabel);
    layout->addWidget(m_matrix);
    layout->addLayout(declareButtons);
    layout->addStretch(1);

    QWidget *previous = m_panelTable;
    for (QWidget *next : std::initializer_list<QWidget *>{
             m_newButton, m_removeButton, m_nameEdit, m_organisationCombo, m_roleEdit, m_saveButton,
             m_revertButton, m_matrix, m_noConflictButton, m_conflictButton, m_withdrawButton}) {
        setTabOrder(previous, next);
        previous = next;
    }

    connect(m_panelTable, &QTableWidget::itemSelectionChanged, this, [this] {
        if (m_loading || m_modified || !m_document)
            return;
        const QList<QTableWidgetItem *> items = m_panelTable->selectedItems();
        if (items.isEmpty())
            return;
        const QString name =
            m_panelTable->item(items.first()->row(), NameColumn)->data(kKeyRole).toString();
        if (const Assessor *a = m_document->round().tender.assessor(name))
            loadForm(*a);
    });
    connect(m_newButton, &QPushButton::clicked, this, &PanelView::newAssessor);
    connect(m_removeButton, &QPushButton::clicked, this, &PanelView::removeAssessor);
    connect(m_saveButton, &QPushButton::clicked, this, &PanelView::saveAssessor);
    connect(m_revertButton, &QPushButton::clicked, this, &PanelView::revertAssessor);
    connect(m_nameEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_draft.name = text.trimmed();
        edited();
    });
    connect(m_organisationCombo, &QComboBox::activated, this, [this] {
        m_draft.organisation = m_organisationCombo->currentData().toString();
        edited();
    });
    connect(m_roleEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_draft.role = text;
        edited();
    });
    connect(m_matrix, &QTableWidget::currentCellChanged, this, [this] {
        if (!m_loading)
            refreshState();
    });
    connect(m_noConflictButton, &QPushButton::clicked, this, &PanelView::declareNoConflict);
    connect(m_conflictButton, &QPushButton::clicked, this, &PanelView::declareConflict);
    connect(m_withdrawButton, &QPushButton::clicked, this, &PanelView::withdrawDeclaration);
    refreshPanel();
    loadForm(std::nullopt);
    refreshMatrix();
}

PanelView::~PanelView() = default;

void PanelView::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &RoundDocument::tenderChanged, this, &PanelView::onTenderChanged);
        connect(m_document, &RoundDocument::roundChanged, this, &PanelView::refreshState);
    }
    setModified(false);
    refreshOrganisations();
    refreshPanel();
    const Tender *tender = m_document ? &m_document->round().tender : nullptr;
    if (!tender || tender->panel.isEmpty() || !selectAssessor(tender->panel.first().name))
        loadForm(std::nullopt);
    refreshMatrix();
}

RoundDocument *PanelView::document() const
{
    return m_document;
}

void PanelView::setLot(CpaId lot)
{
    m_lot = lot;
    refreshMatrix();
    refreshState();
}

QString PanelView::whyNotEditable() const
{
    if (!m_document)
        return tr("No round is open.");
    if (const QString why = m_document->whyTenderFrozen(); !why.isEmpty())
        return why;
    if (m_document->round().tender.moderationOpen())
        return tr("Moderation is open: the panel and its declarations of interest are kept as "
                  "they were when scoring ended.");
    return {};
}

QString PanelView::organisationName(const QString &organisation) const
{
    if (organisation.isEmpty())
        return tr("Not given");
    if (organisation == kDwp)
        return tr("DWP");
    if (m_document) {
        if (const Authority *a = m_document->round().authority(organisation))
            return a->name;
    }
    return organisation;
}

void PanelView::onTenderChanged()
{
    refreshPanel();
    refreshMatrix();
    if (m_modified) {
        refreshState();
        return;
    }
    const QString shown = m_draft.name;
    if (!selectAssessor(shown)) {
        const Tender &tender = m_document->round().tender;
        if (tender.panel.isEmpty() || !selectAssessor(tender.panel.first().name))
            loadForm(std::nullopt);
    }
}

void PanelView::refreshOrganisations()
{
    m_loading = true;
    m_organisationCombo->clear();
    m_organisationCombo->addItem(tr("Not given"), QString());
    m_organisationCombo->addItem(tr("DWP"), QString(kDwp));
    if (m_document) {
        QList<Authority> authorities = m_document->round().authorities;
        std::sort(authorities.begin(), authorities.end(),
                  [](const Authority &a, const Authority &b) {
                      return QString::localeAwareCompare(a.name, b.name) < 0;
                  });
        for (const Authority &a : std::as_const(authorities))
            m_organisationCombo->addItem(a.name, a.gssCode);
    }
    m_loading = false;
}

void PanelView::refreshPanel()
{
    const QList<Assessor> panel = m_document ? m_document->round().tender.panel : QList<Assessor>();
    m_loading = true;
    m_panelTable->setRowCount(int(panel.size()));
    for (int row = 0; row < panel.size(); ++row) {
        const Assessor &a = panel[row];
        m_panelTable->setItem(row, NameColumn, cell(a.name));
        m_panelTable->item(row, NameColumn)->setData(kKeyRole, a.name);
        m_panelTable->setItem(row, OrganisationColumn, cell(organisationName(a.organisation)));
        m_panelTable->item(row, OrganisationColumn)->setToolTip(a.organisation);
        m_panelTable->setItem(row, RoleColumn, cell(a.role));
        if (m_hasDraft && !m_isNew && a.name == m_draft.name)
            m_panelTable->selectRow(row);
    }
    fitRows(m_panelTable, int(panel.size()));
    m_panelTable->setVisible(!panel.isEmpty());
    m_emptyLabel->setVisible(m_document && panel.isEmpty());
    m_loading = false;
}

bool PanelView::selectAssessor(const QString &name)
{
    if (!m_document || name.isEmpty())
        return false;
    const Assessor *a = m_document->round().tender.assessor(name);
    if (!a)
        return false;
    for (int row = 0; row < m_panelTable->rowCount(); ++row) {
        if (m_panelTable->item(row, NameColumn)->data(kKeyRole).toString() == name) {
            m_loading = true;
            m_panelTable->selectRow(row);
            m_loading = false;
        }
    }
    loadForm(*a);
    return true;
}

void PanelView::loadForm(const std::optional<Assessor> &assessor, bool isNew)
{
    m_loading = true;
    m_hasDraft = assessor.has_value();
    m_isNew = isNew;
    m_draft = assessor.value_or(Assessor{});
    m_nameEdit->setText(m_draft.name);
    int index = m_organisationCombo->findData(m_draft.organisation);
    if (index < 0 && !m_draft.organisation.isEmpty()) {
        // A code the round does not know (it was changed since): shown as it is.
        m_organisationCombo->addItem(m_draft.organisation, m_draft.organisation);
        index = m_organisationCombo->count() - 1;
    }
    m_organisationCombo->setCurrentIndex(std::max(index, 0));
    m_roleEdit->setText(m_draft.role);
    m_formBox->setTitle(!m_hasDraft ? tr("Assessor")
                        : isNew     ? tr("New assessor")
                                    : tr("Assessor: %1").arg(m_draft.name));
    m_loading = false;
    setModified(false);
    refreshState();
}

void PanelView::refreshMatrix()
{
    const auto [pickedAssessor, pickedBidder] = pickedCell();
    m_bidders.clear();
    QList<Assessor> panel;
    if (m_document) {
        const Tender &tender = m_document->round().tender;
        panel = tender.panel;
        for (const TenderBid &bid : tender.bidsFor(m_lot)) {
            if (!m_bidders.contains(bid.bidder))
                m_bidders.append(bid.bidder);
        }
    }
    m_loading = true;
    m_matrix->clear();
    m_matrix->setRowCount(int(panel.size()));
    m_matrix->setColumnCount(int(m_bidders.size()));
    QStringList headers;
    for (const QString &bidder : std::as_const(m_bidders))
        headers.append(twoLines(bidder));
    m_matrix->setHorizontalHeaderLabels(headers);
    for (int column = 0; column < m_bidders.size(); ++column)
        m_matrix->horizontalHeaderItem(column)->setToolTip(m_bidders[column]);
    QStringList names;
    for (const Assessor &a : std::as_const(panel))
        names.append(a.name);
    m_matrix->setVerticalHeaderLabels(names);
    int undeclared = 0;
    int conflicts = 0;
    for (int row = 0; row < panel.size(); ++row) {
        for (int column = 0; column < m_bidders.size(); ++column) {
            const QString &assessor = panel[row].name;
            const QString &bidder = m_bidders[column];
            const ConflictDeclaration *d = m_document->round().tender.conflict(assessor, bidder);
            QString text;
            QString spoken;
            if (!d) {
                text = tr("Not declared");
                spoken = tr("%1 about %2: not declared").arg(assessor, bidder);
                ++undeclared;
            } else if (d->conflicted) {
                text = tr("Conflict: %1").arg(d->note);
                spoken = tr("%1 about %2: conflict declared, %3").arg(assessor, bidder, d->note);
                ++conflicts;
            } else {
                text = tr("No conflict");
                spoken = tr("%1 about %2: no conflict").arg(assessor, bidder);
            }
            QTableWidgetItem *item = cell(text);
            item->setData(Qt::AccessibleTextRole, spoken);
            if (d) {
                item->setToolTip(
                    tr("%1\nDeclared %2")
                        .arg(spoken, QLocale().toString(d->declaredAt.toLocalTime(),
                                                        QStringLiteral("d MMM yyyy, HH:mm"))));
            } else {
                item->setToolTip(spoken);
                item->setForeground(palette().color(QPalette::PlaceholderText));
            }
            if (d && d->conflicted) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_matrix->setItem(row, column, item);
        }
    }
    fitRows(m_matrix, int(panel.size()));
    const int row = int(names.indexOf(pickedAssessor));
    const int column = int(m_bidders.indexOf(pickedBidder));
    if (row >= 0 && column >= 0)
        m_matrix->setCurrentCell(row, column);
    m_loading = false;

    const bool shown = !panel.isEmpty() && !m_bidders.isEmpty();
    m_matrix->setVisible(shown);
    QString text;
    if (!m_document)
        text.clear();
    else if (panel.isEmpty())
        text = tr("Add the assessors first: each declares their interests before scoring.");
    else if (m_bidders.isEmpty())
        text = tr("No bid has been entered for this lot yet: declarations are made about each "
                  "bidder.");
    else
        text = tr("Each assessor declares their interests in each bidder before scoring; a "
                  "declared conflict blocks the assessor from that bidder's bids in every lot.") +
               QLatin1Char(' ') +
               (undeclared == 0   ? tr("Every declaration is made")
                : undeclared == 1 ? tr("1 declaration still to make")
                                  : tr("%1 declarations still to make").arg(undeclared)) +
               tr(", ") +
               (conflicts == 0   ? tr("no conflict declared.")
                : conflicts == 1 ? tr("1 conflict declared.")
                                 : tr("%1 conflicts declared.").arg(conflicts));
    m_declarationsLabel->setText(text);
}

std::pair<QString, QString> PanelView::pickedCell() const
{
    const int row = m_matrix->currentRow();
    const int column = m_matrix->currentColumn();
    if (row < 0 || column < 0 || column >= m_bidders.size() || !m_matrix->verticalHeaderItem(row))
        return {};
    return {m_matrix->verticalHeaderItem(row)->text(), m_bidders[column]};
}

bool PanelView::selectDeclaration(const QString &assessor, const QString &bidder)
{
    const int column = int(m_bidders.indexOf(bidder));
    for (int row = 0; row < m_matrix->rowCount() && column >= 0; ++row) {
        if (m_matrix->verticalHeaderItem(row)->text() == assessor) {
            m_matrix->setCurrentCell(row, column);
            refreshState();
            return true;
        }
    }
    return false;
}

void PanelView::refreshState()
{
    const QString why = whyNotEditable();
    const bool editable = why.isEmpty();
    m_lockLabel->setText(why);
    m_lockLabel->setVisible(m_document && !why.isEmpty());

    QWidget *focused = QApplication::focusWidget();
    const auto enable = [&](QWidget *w, bool on, const QString &tip = {}) {
        if (!on && w == focused)
            (w->parentWidget() == m_formBox ? static_cast<QWidget *>(m_panelTable) : m_matrix)
                ->setFocus(Qt::OtherFocusReason);
        UiUtil::setAvailable(w, on, {}, !editable ? why : tip);
    };
    enable(m_newButton, editable && !m_modified,
           tr("Save or revert the assessor being edited first."));
    enable(m_removeButton, editable && m_hasDraft && !m_isNew && !m_modified,
           !m_hasDraft ? tr("Pick the assessor to remove.")
                       : tr("Save or revert the assessor being edited first."));
    m_panelTable->setEnabled(!m_modified);
    m_formBox->setVisible(m_hasDraft);
    m_nameEdit->setReadOnly(!editable || !m_isNew); // the name identifies the assessor
    m_organisationCombo->setEnabled(editable);
    m_roleEdit->setReadOnly(!editable);
    enable(m_saveButton, editable && m_modified, tr("Nothing has changed."));
    m_revertButton->setEnabled(m_modified);

    const auto [assessor, bidder] = pickedCell();
    const bool picked = !assessor.isEmpty();
    const ConflictDeclaration *d =
        picked && m_document ? m_document->round().tender.conflict(assessor, bidder) : nullptr;
    const QString pick = tr("Pick an assessor and a bidder in the table.");
    enable(m_noConflictButton, editable && picked, pick);
    enable(m_conflictButton, editable && picked, pick);
    enable(m_withdrawButton, editable && d, picked ? tr("Nothing is declared here.") : pick);
}

void PanelView::setModified(bool modified)
{
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void PanelView::edited()
{
    if (m_loading || !m_hasDraft)
        return;
    setModified(true);
    refreshState();
}

void PanelView::newAssessor()
{
    if (!whyNotEditable().isEmpty() || m_modified)
        return;
    m_loading = true;
    m_panelTable->clearSelection();
    m_loading = false;
    Assessor a;
    loadForm(a, true);
    setModified(true);
    refreshState();
    m_nameEdit->setFocus(Qt::OtherFocusReason);
}

bool PanelView::saveAssessor()
{
    if (!m_document || !m_modified || !m_hasDraft)
        return false;
    Assessor a = m_draft;
    a.role = a.role.trimmed();
    const bool ok =
        m_edits->run(m_isNew ? tr("The assessor was not added") : tr("The assessor was not saved"),
                     [&] { return Commands::setAssessor(m_document, a); });
    if (!ok || !m_document)
        return false;
    setModified(false);
    m_isNew = false;
    refreshPanel();
    selectAssessor(a.name);
    return true;
}

void PanelView::revertAssessor()
{
    if (!m_document)
        return;
    const QString name = m_draft.name;
    const bool wasNew = m_isNew;
    setModified(false);
    const Tender &tender = m_document->round().tender;
    if (wasNew || !selectAssessor(name)) {
        if (tender.panel.isEmpty() || !selectAssessor(tender.panel.first().name))
            loadForm(std::nullopt);
    }
}

bool PanelView::removeAssessor()
{
    if (!m_document || !m_hasDraft || m_isNew || m_modified || !whyNotEditable().isEmpty())
        return false;
    const QString name = m_draft.name;
    if (!m_dialogs->confirm(
            window(), tr("Remove assessor"),
            tr("Remove %1 from the assessment panel? Undo brings them back.").arg(name),
            tr("Remove assessor")))
        return false;
    return m_edits->run(tr("The assessor was not removed"),
                        [&] { return Commands::removeAssessor(m_document, name); });
}

bool PanelView::declare(const std::optional<ConflictDeclaration> &declaration,
                        const QString &errorTitle)
{
    const auto [assessor, bidder] = pickedCell();
    if (!m_document || assessor.isEmpty() || !whyNotEditable().isEmpty())
        return false;
    const bool ok = m_edits->run(errorTitle, [&] {
        return Commands::setConflict(m_document, assessor, bidder, declaration);
    });
    if (m_document)
        selectDeclaration(assessor, bidder);
    return ok;
}

bool PanelView::declareNoConflict()
{
    ConflictDeclaration d;
    d.conflicted = false;
    return declare(d, tr("The declaration was not recorded"));
}

bool PanelView::declareConflict()
{
    const auto [assessor, bidder] = pickedCell();
    if (!m_document || assessor.isEmpty() || !whyNotEditable().isEmpty())
        return false;
    const ConflictDeclaration *existing = m_document->round().tender.conflict(assessor, bidder);
    const std::optional<QString> note = m_dialogs->askText(
        window(), tr("Declare a conflict of interest"),
        tr("The interest %1 declares in %2 (it blocks them from scoring %2's bids):")
            .arg(assessor, bidder),
        existing && existing->conflicted ? existing->note : QString());
    if (!note)
        return false;
    ConflictDeclaration d;
    d.conflicted = true;
    d.note = *note;
    return declare(d, tr("The conflict was not recorded"));
}

bool PanelView::withdrawDeclaration()
{
    return declare(std::nullopt, tr("The declaration was not withdrawn"));
}

} // namespace CoCommission
