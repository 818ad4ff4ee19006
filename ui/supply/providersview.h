#pragma once

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class DialogService;
class EditRunner;
class ProviderDialog;
class RoundDocument;
struct Round;
struct SupplyMarket;

/**
 * The provider register tab of the stage 4 screen: a sortable table of the organisations with
 * add, edit and remove (through ProviderDialog), and the register's CSV exchange.
 *
 * Every change builds the whole new SupplyMarket and stores it with one Commands::setSupply()
 * through the EditRunner, so that it is one undo step and a refused change alters nothing. An
 * import into an illustrative register replaces the invented organisations (importProviders()).
 * The dialogs are window-modal but not exec()'d: nothing waits on them, so the screen stays
 * scriptable; providerDialog() is the one open, if any.
 */
class ProvidersView : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        SectorColumn,
        SmeColumn,
        SpecialismsColumn,
        AreasColumn,
        ContactColumn,
        ColumnCount
    };

    ProvidersView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~ProvidersView() override;

    void setDocument(RoundDocument *document);
    /** Reads the register and the round again (after any change to the round). */
    void refresh();

    /**
     * \a areas (GSS codes) as the table shows them: "Every authority" when they are all of the
     * round's, else the CPAs of the adopted plan they cover whole, then the other authorities
     * by name.
     */
    static QString areasText(const Round &round, const QStringList &areas);

    /** The name of the provider of the current row, or an empty string. */
    QString currentProvider() const;
    /** Makes \a name's row current; false when it is not in the table. */
    bool selectProvider(const QString &name);

    /** Opens the dialog for a new provider; false when the register cannot change now. */
    bool addProvider();
    /** Opens the dialog for the current provider. */
    bool editProvider();
    /** Removes the current provider once the user confirms. */
    bool removeProvider();
    /** Asks for a CSV file and takes its providers in as one undo step. */
    bool importCsv();
    /** Asks where to write the register as CSV and writes it safely. */
    bool exportCsv();
    /** Replaces an illustrative register by an empty one, once the user confirms. */
    bool clearIllustrative();

    ProviderDialog *providerDialog() const;
    QTableWidget *table() const { return m_table; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *addButton() const { return m_addButton; }
    QPushButton *editButton() const { return m_editButton; }
    QPushButton *removeButton() const { return m_removeButton; }
    QPushButton *importButton() const { return m_importButton; }
    QPushButton *exportButton() const { return m_exportButton; }
    QPushButton *clearButton() const { return m_clearButton; }

private:
    void fillTable();
    void refreshState();
    /** Opens ProviderDialog on provider \a original, or on a new one when it is empty. */
    void openDialog(const QString &original);
    /**
     * Applies \a change to a copy of the supply market and stores it as one undo step named
     * \a undoText; nothing is stored when \a change returns false.
     */
    bool store(const QString &errorTitle, const QString &undoText,
               const std::function<bool(SupplyMarket &supply)> &change);

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    QPointer<ProviderDialog> m_dialog;

    QLabel *m_summary;
    QTableWidget *m_table;
    QPushButton *m_addButton;
    QPushButton *m_editButton;
    QPushButton *m_removeButton;
    QPushButton *m_importButton;
    QPushButton *m_exportButton;
    QPushButton *m_clearButton;
};

} // namespace CoCommission
