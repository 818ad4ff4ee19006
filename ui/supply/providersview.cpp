#include "ui/supply/providersview.h"

#include "core/commands/designcommands.h"
#include "core/evaluation/supplychain.h"
#include "core/round/rounddocument.h"
#include "core/supply/providercsv.h"
#include "core/supply/supplycheck.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/settings.h"
#include "ui/supply/providerdialog.h"
#include "ui/supply/supplytables.h"
#include "ui/uiutil.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;

QString csvFilter()
{
    return QCoreApplication::translate("CoCommission::ProvidersView",
                                       "CSV files (*.csv);;All files (*)");
}

QString startDirectory()
{
    const QString last = Settings::value(Settings::LastDirectory).toString();
    return last.isEmpty() ? QDir::homePath() : last;
}

int indexOfProvider(const SupplyMarket &supply, const QString &name)
{
    for (int i = 0; i < supply.providers.size(); ++i) {
        if (supply.providers[i].name == name)
            return i;
    }
    return -1;
}

QString authorityName(const Round &round, const QString &code)
{
    const Authority *a = round.authority(code);
    return a ? a->name : code;
}

QStringList sortedByName(QStringList names)
{
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    return names;
}

} // namespace

ProvidersView::ProvidersView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("providersView"));

    m_summary = UiUtil::makeText(this);
    m_summary->setObjectName(QStringLiteral("providerSummaryLabel"));

    m_table = UiUtil::makeTable(
        {tr("Name"), tr("Sector"), tr("SME"), tr("Specialisms"), tr("Areas served"), tr("Contact")},
        this);
    m_table->setObjectName(QStringLiteral("providerTable"));
    m_table->setAccessibleName(tr("Provider register"));
    m_table->setAccessibleDescription(
        tr("One row per organisation. Enter edits the selected provider, Delete removes it; "
           "click a column heading to sort."));
    QHeaderView *header = m_table->horizontalHeader();
    // Every column holds text of some length: each gets its share of the width, and the lists
    // of specialisms and areas wrap rather than hide behind an ellipsis.
    SupplyTables::shareColumns(m_table, {19, 13, 6, 20, 21, 21});
    SupplyTables::wrapRows(m_table);
    SupplyTables::keepOnOneLine(m_table, ContactColumn);
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(-1, Qt::AscendingOrder); // register order until a heading is clicked
    m_table->setSortingEnabled(true);

    m_addButton = UiUtil::makeButton(tr("&Add provider…"), tr("Add provider"),
                                     QStringLiteral("addProviderButton"), this);
    m_editButton = UiUtil::makeButton(tr("E&dit provider…"), tr("Edit provider"),
                                      QStringLiteral("editProviderButton"), this);
    m_removeButton = UiUtil::makeButton(tr("Re&move provider…"), tr("Remove provider"),
                                        QStringLiteral("removeProviderButton"), this);
    m_importButton = UiUtil::makeButton(tr("&Import CSV…"), tr("Import providers from CSV"),
                                        QStringLiteral("importProvidersButton"), this);
    m_exportButton = UiUtil::makeButton(tr("E&xport CSV…"), tr("Export providers to CSV"),
                                        QStringLiteral("exportProvidersButton"), this);
    m_clearButton =
        UiUtil::makeButton(tr("&Clear the invented register…"), tr("Clear the invented register"),
                           QStringLiteral("clearProvidersButton"), this);
    QHBoxLayout *buttons = UiUtil::buttonRow({m_addButton, m_editButton, m_removeButton},
                                             {m_importButton, m_exportButton, m_clearButton});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    layout->addStretch(1);

    QWidget *previous = m_table;
    for (QWidget *next :
         {static_cast<QWidget *>(m_addButton), static_cast<QWidget *>(m_editButton),
          static_cast<QWidget *>(m_removeButton), static_cast<QWidget *>(m_importButton),
          static_cast<QWidget *>(m_exportButton), static_cast<QWidget *>(m_clearButton)}) {
        setTabOrder(previous, next);
        previous = next;
    }

    new SupplyTables::RowKeys(
        m_table, [this] { editProvider(); }, [this] { removeProvider(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ProvidersView::refreshState);
    connect(m_addButton, &QPushButton::clicked, this, &ProvidersView::addProvider);
    connect(m_editButton, &QPushButton::clicked, this, &ProvidersView::editProvider);
    connect(m_removeButton, &QPushButton::clicked, this, &ProvidersView::removeProvider);
    connect(m_importButton, &QPushButton::clicked, this, &ProvidersView::importCsv);
    connect(m_exportButton, &QPushButton::clicked, this, &ProvidersView::exportCsv);
    connect(m_clearButton, &QPushButton::clicked, this, &ProvidersView::clearIllustrative);
    refresh();
}

ProvidersView::~ProvidersView()
{
    if (m_dialog)
        m_dialog->reject();
}

void ProvidersView::setDocument(RoundDocument *document)
{
    if (m_dialog)
        m_dialog->reject();
    m_document = document;
    refresh();
}

ProviderDialog *ProvidersView::providerDialog() const
{
    return m_dialog;
}

QString ProvidersView::areasText(const Round &round, const QStringList &areas)
{
    if (areas.isEmpty())
        return tr("None");
    if (!round.authorities.isEmpty() &&
        std::all_of(round.authorities.cbegin(), round.authorities.cend(),
                    [&](const Authority &a) { return areas.contains(a.gssCode); }))
        return tr("Every authority (%1)").arg(round.authorities.size());
    QStringList parts;
    QStringList covered;
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const Cpa &cpa : plan->cpas) {
            if (!cpa.members.isEmpty() &&
                std::all_of(cpa.members.cbegin(), cpa.members.cend(),
                            [&](const QString &code) { return areas.contains(code); })) {
                parts << cpa.name;
                covered << cpa.members;
            }
        }
    }
    QStringList others;
    for (const QString &code : areas) {
        if (!covered.contains(code))
            others << authorityName(round, code);
    }
    return (parts + sortedByName(others)).join(tr(", "));
}

void ProvidersView::refresh()
{
    fillTable();
    refreshState();
}

void ProvidersView::fillTable()
{
    const QString current = currentProvider();
    const QList<Provider> providers =
        m_document ? m_document->round().supply.providers : QList<Provider>();
    m_table->setSortingEnabled(false);
    m_table->clearContents();
    m_table->setRowCount(int(providers.size()));
    int voluntary = 0;
    int smes = 0;
    for (int row = 0; row < providers.size(); ++row) {
        const Provider &p = providers[row];
        const Round &round = m_document->round();
        voluntary += p.sector == ProviderSector::VoluntaryCommunity ? 1 : 0;
        smes += p.sme ? 1 : 0;
        QTableWidgetItem *name = SupplyTables::cell(p.name);
        name->setData(kKeyRole, p.name);
        name->setToolTip(p.name);
        m_table->setItem(row, NameColumn, name);
        m_table->setItem(row, SectorColumn, SupplyTables::cell(sectorName(p.sector)));
        m_table->setItem(row, SmeColumn, SupplyTables::cell(p.sme ? tr("Yes") : tr("No")));
        QStringList specialismNames;
        for (const QString &key : p.specialisms)
            specialismNames << specialismName(key);
        QTableWidgetItem *specialismsItem = SupplyTables::cell(
            specialismNames.isEmpty() ? tr("None") : specialismNames.join(tr(", ")));
        specialismsItem->setToolTip(specialismNames.join(QLatin1Char('\n')));
        m_table->setItem(row, SpecialismsColumn, specialismsItem);
        QStringList authorityNames;
        for (const QString &code : p.areas)
            authorityNames << authorityName(round, code);
        QTableWidgetItem *areasItem = SupplyTables::cell(areasText(round, p.areas));
        areasItem->setToolTip(authorityNames.isEmpty()
                                  ? QString()
                                  : tr("%1 authorities: %2")
                                        .arg(authorityNames.size())
                                        .arg(sortedByName(authorityNames).join(tr(", "))));
        m_table->setItem(row, AreasColumn, areasItem);
        QTableWidgetItem *contact = SupplyTables::cell(p.contact);
        contact->setToolTip(p.contact);
        m_table->setItem(row, ContactColumn, contact);
    }
    m_table->setSortingEnabled(true);
    SupplyTables::fitWrappedRows(m_table);
    m_table->setVisible(!providers.isEmpty());
    if (!current.isEmpty())
        selectProvider(current);

    const int n = int(providers.size());
    if (!m_document)
        m_summary->clear();
    else if (n == 0)
        m_summary->setText(tr("The register is empty. Add the organisations that could deliver "
                              "or join a supply chain, or import them from a spreadsheet saved "
                              "as CSV."));
    else
        m_summary->setText((n == 1 ? tr("1 organisation") : tr("%1 organisations").arg(n)) +
                           tr(": ") +
                           tr("%1 voluntary and community sector, %2 small or medium-sized (SMEs).")
                               .arg(voluntary)
                               .arg(smes));
}

void ProvidersView::refreshState()
{
    const QString why = m_document ? m_document->whySupplyFrozen() : tr("No round is open.");
    const bool editable = why.isEmpty();
    const bool picked = !currentProvider().isEmpty();
    // An enabled button's tool tip says what it does, a disabled one's why it is disabled.
    const auto enable = [&](QPushButton *button, bool on, const QString &what,
                            const QString &otherwise) {
        UiUtil::setAvailable(button, on, what, !editable ? why : otherwise);
    };
    enable(m_addButton, editable,
           tr("Add an organisation that could deliver the programme or join a supply chain."), {});
    enable(m_editButton, editable && picked,
           tr("Change the details of the provider selected in the table."),
           tr("Pick the provider to edit in the table."));
    enable(m_removeButton, editable && picked,
           tr("Remove the provider selected in the table from the register."),
           tr("Pick the provider to remove in the table."));
    UiUtil::setAvailable(m_importButton, editable,
                         tr("Read a register kept in a spreadsheet: columns name, sector, sme, "
                            "specialisms, areas, contact. Providers already listed are updated; "
                            "into an illustrative register the file's organisations replace the "
                            "invented ones."),
                         why);
    const bool hasProviders = m_document && !m_document->round().supply.providers.isEmpty();
    UiUtil::setAvailable(m_exportButton, hasProviders,
                         tr("Write the register as a CSV file for a spreadsheet."),
                         tr("The register is empty."));
    const bool illustrative = m_document && m_document->round().supply.illustrativeProviders;
    m_clearButton->setVisible(illustrative);
    enable(m_clearButton, editable,
           tr("Remove the invented organisations to start your own register."), {});
}

QString ProvidersView::currentProvider() const
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, NameColumn) ||
        !m_table->selectionModel()->isRowSelected(row, {}))
        return {};
    return m_table->item(row, NameColumn)->data(kKeyRole).toString();
}

bool ProvidersView::selectProvider(const QString &name)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, NameColumn)->data(kKeyRole).toString() == name) {
            m_table->selectRow(row);
            m_table->setCurrentCell(row, NameColumn);
            return true;
        }
    }
    return false;
}

bool ProvidersView::store(const QString &errorTitle, const QString &undoText,
                          const std::function<bool(SupplyMarket &)> &change)
{
    if (!m_document)
        return false;
    SupplyMarket supply = m_document->round().supply;
    if (!change(supply))
        return false;
    RoundDocument *document = m_document;
    return m_edits->run(errorTitle,
                        [&] { return Commands::setSupply(document, supply, undoText); });
}

bool ProvidersView::addProvider()
{
    if (!m_document || !m_document->whySupplyFrozen().isEmpty() || m_dialog)
        return false;
    openDialog(QString());
    return true;
}

bool ProvidersView::editProvider()
{
    const QString name = currentProvider();
    if (!m_document || name.isEmpty() || !m_document->whySupplyFrozen().isEmpty() || m_dialog)
        return false;
    openDialog(name);
    return true;
}

void ProvidersView::openDialog(const QString &original)
{
    const SupplyMarket &supply = m_document->round().supply;
    const Provider *existing = original.isEmpty() ? nullptr : supply.provider(original);
    const bool isNew = existing == nullptr;
    auto *dialog =
        new ProviderDialog(m_document->round(), existing ? *existing : Provider{}, isNew, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    // Forgotten as soon as it closes: its deletion waits for the event loop.
    connect(dialog, &QDialog::finished, this, [this] { m_dialog = nullptr; });
    const auto changed = [original](SupplyMarket &s, const Provider &p) {
        const int at = original.isEmpty() ? -1 : indexOfProvider(s, original);
        if (at >= 0)
            s.providers[at] = p;
        else
            s.providers.append(p);
    };
    // The register's rules are checked as the user presses OK, so that a duplicate name or
    // the like is put right in the dialog rather than lost with it.
    dialog->setValidator([this, changed](const Provider &p) {
        if (!m_document)
            return tr("The round was closed.");
        SupplyMarket s = m_document->round().supply;
        changed(s, p);
        return checkSupply(m_document->round(), s).errorMessage();
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog, isNew, changed] {
        const Provider p = dialog->provider();
        const bool ok = store(
            isNew ? tr("The provider was not added") : tr("The provider was not changed"),
            isNew ? tr("Add provider “%1”").arg(p.name) : tr("Change provider “%1”").arg(p.name),
            [&](SupplyMarket &s) {
                changed(s, p);
                return true;
            });
        if (ok)
            selectProvider(p.name);
    });
    // Window-modal, not exec(): nothing waits on it, so the window stays scriptable.
    dialog->open();
}

bool ProvidersView::removeProvider()
{
    const QString name = currentProvider();
    if (!m_document || name.isEmpty() || !m_document->whySupplyFrozen().isEmpty() || m_dialog)
        return false;
    if (!m_dialogs->confirm(
            window(), tr("Remove provider"),
            tr("Remove %1 from the provider register? Undo brings it back.").arg(name),
            tr("Remove provider")))
        return false;
    const int row = m_table->currentRow();
    const bool ok = store(tr("The provider was not removed"), tr("Remove provider “%1”").arg(name),
                          [&](SupplyMarket &s) {
                              const int at = indexOfProvider(s, name);
                              if (at < 0)
                                  return false;
                              s.providers.removeAt(at);
                              return true;
                          });
    if (ok && m_table->rowCount() > 0) {
        // The next row becomes current, so that Delete can go on down the list.
        const int next = std::min(row, m_table->rowCount() - 1);
        m_table->selectRow(next);
        m_table->setCurrentCell(next, NameColumn);
    }
    return ok;
}

bool ProvidersView::importCsv()
{
    if (!m_document || !m_document->whySupplyFrozen().isEmpty())
        return false;
    const QString path = m_dialogs->openFileName(window(), tr("Import providers from CSV"),
                                                 startDirectory(), csvFilter());
    if (path.isEmpty() || !m_document)
        return false;
    Settings::setValue(Settings::LastDirectory, QFileInfo(path).absolutePath());
    const QString title = tr("The register was not imported");
    const Result<QList<Provider>> read = readProvidersCsv(path, m_document->round());
    if (!read) {
        m_dialogs->showError(window(), title, read.errorMessage());
        return false;
    }
    const ProviderImport imported = importProviders(m_document->round().supply, *read);
    const QString fileName = QFileInfo(path).fileName();
    if (!store(title, tr("Import providers from %1").arg(fileName), [&](SupplyMarket &s) {
            s = imported.supply;
            return true;
        }))
        return false;
    QString text =
        tr("Read %1 from %2: %3 added, %4 updated, %5 unchanged.")
            .arg(read->size() == 1 ? tr("1 provider") : tr("%1 providers").arg(read->size()),
                 fileName)
            .arg(imported.added)
            .arg(imported.updated)
            .arg(imported.unchanged);
    if (imported.replacedIllustrative)
        text += QLatin1Char(' ') + tr("The invented organisations of the illustrative register "
                                      "were replaced by the file's.");
    text += QLatin1Char(' ') + tr("Undo puts the register back as it was.");
    m_dialogs->showInformation(window(), tr("Providers imported"), text);
    return true;
}

bool ProvidersView::exportCsv()
{
    if (!m_document || m_document->round().supply.providers.isEmpty())
        return false;
    const QString suggested =
        QDir(startDirectory()).filePath(tr("%1 providers.csv").arg(m_document->round().title));
    const QString path =
        m_dialogs->saveFileName(window(), tr("Export providers to CSV"), suggested, csvFilter());
    if (path.isEmpty() || !m_document)
        return false;
    Settings::setValue(Settings::LastDirectory, QFileInfo(path).absolutePath());
    const QByteArray bytes = writeProvidersCsv(m_document->round().supply.providers);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_dialogs->showError(window(), tr("The register was not exported"),
                             tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

bool ProvidersView::clearIllustrative()
{
    if (!m_document || !m_document->round().supply.illustrativeProviders ||
        !m_document->whySupplyFrozen().isEmpty())
        return false;
    if (!m_dialogs->confirm(window(), tr("Clear the invented register"),
                            tr("Remove the %1 invented organisations to start your own register? "
                               "Undo brings them back.")
                                .arg(m_document->round().supply.providers.size()),
                            tr("Clear the register")))
        return false;
    return store(tr("The register was not cleared"), tr("Clear the invented register"),
                 [](SupplyMarket &s) {
                     s.providers.clear();
                     s.illustrativeProviders = false;
                     return true;
                 });
}

} // namespace CoCommission
