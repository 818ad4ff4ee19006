#pragma once

#include "core/common/ids.h"
#include "core/round/tender.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class DialogService;
class EditRunner;
class RoundDocument;

/**
 * The assessment panel (stage 5): each assessor's name, organisation (DWP or an authority of
 * the round, stored as its GSS code) and role; and the declarations of interest of each
 * assessor about each bidder of the lot shown (not declared, no conflict, or a conflict with a
 * note of the interest), which must come before scoring. A declared conflict blocks the
 * assessor from that bidder's bids in every lot.
 *
 * The assessor form is a draft saved through Commands::setAssessor as one undo step; each
 * declaration is recorded at once through Commands::setConflict. The panel and declarations
 * are fixed once moderation opens, when the tender is frozen and when the round is read-only.
 */
class PanelView : public QWidget
{
    Q_OBJECT

public:
    enum PanelColumn { NameColumn, OrganisationColumn, RoleColumn, PanelColumnCount };

    PanelView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~PanelView() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;
    void setLot(CpaId lot);
    CpaId lot() const { return m_lot; }

    /** Shows assessor \a name in the form; false when the panel has no such member. */
    bool selectAssessor(const QString &name);
    const Assessor &draft() const { return m_draft; }
    bool isNewAssessor() const { return m_isNew; }
    bool isModified() const { return m_modified; }

    /** Starts a new panel member in the form. */
    void newAssessor();
    /** Records the form as one undo step; false (and a message) when refused. */
    bool saveAssessor();
    void revertAssessor();
    /** Asks for confirmation and removes the assessor in the form from the panel. */
    bool removeAssessor();

    /** The bidders of the lot, in the order of their first bid: the matrix's columns. */
    QStringList bidders() const { return m_bidders; }
    /** Picks the matrix cell of \a assessor and \a bidder; false when there is none. */
    bool selectDeclaration(const QString &assessor, const QString &bidder);
    /** Records that the assessor picked in the matrix has no conflict with the bidder picked. */
    bool declareNoConflict();
    /** Asks for a note of the interest (DialogService) and records a declared conflict. */
    bool declareConflict();
    /** Withdraws the declaration picked (refused by core once the assessor has scored). */
    bool withdrawDeclaration();

    QLabel *lockLabel() const { return m_lockLabel; }
    QTableWidget *panelTable() const { return m_panelTable; }
    QPushButton *newAssessorButton() const { return m_newButton; }
    QPushButton *removeAssessorButton() const { return m_removeButton; }
    QGroupBox *formBox() const { return m_formBox; }
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QComboBox *organisationCombo() const { return m_organisationCombo; }
    QLineEdit *roleEdit() const { return m_roleEdit; }
    QPushButton *saveButton() const { return m_saveButton; }
    QPushButton *revertButton() const { return m_revertButton; }
    QLabel *declarationsLabel() const { return m_declarationsLabel; }
    QTableWidget *declarationTable() const { return m_matrix; }
    QPushButton *noConflictButton() const { return m_noConflictButton; }
    QPushButton *conflictButton() const { return m_conflictButton; }
    QPushButton *withdrawButton() const { return m_withdrawButton; }

signals:
    /** The assessor form gained or lost unsaved edits. */
    void modifiedChanged(bool modified);

private:
    void onTenderChanged();
    void refreshPanel();
    void refreshOrganisations();
    void loadForm(const std::optional<Assessor> &assessor, bool isNew = false);
    void refreshMatrix();
    void refreshState();
    void setModified(bool modified);
    void edited();
    /** Why the panel and declarations cannot change now, or an empty string. */
    QString whyNotEditable() const;
    QString organisationName(const QString &organisation) const;
    /** The assessor and bidder of the matrix cell picked, or empty strings. */
    std::pair<QString, QString> pickedCell() const;
    bool declare(const std::optional<ConflictDeclaration> &declaration, const QString &errorTitle);

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    CpaId m_lot;
    Assessor m_draft;
    QStringList m_bidders;
    bool m_hasDraft = false;
    bool m_isNew = false;
    bool m_modified = false;
    bool m_loading = false;

    QLabel *m_lockLabel;
    QLabel *m_emptyLabel;
    QTableWidget *m_panelTable;
    QPushButton *m_newButton;
    QPushButton *m_removeButton;
    QGroupBox *m_formBox;
    QLineEdit *m_nameEdit;
    QComboBox *m_organisationCombo;
    QLineEdit *m_roleEdit;
    QPushButton *m_saveButton;
    QPushButton *m_revertButton;
    QLabel *m_declarationsLabel;
    QTableWidget *m_matrix;
    QPushButton *m_noConflictButton;
    QPushButton *m_conflictButton;
    QPushButton *m_withdrawButton;
};

} // namespace CoCommission
