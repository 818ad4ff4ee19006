#pragma once

#include "core/evaluation/criteria.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace CoCommission {

class DialogService;
class EditRunner;
class RoundDocument;
enum class PriceFormula;

/**
 * The award criteria of the tender (stage 5): a tree of criteria with each one's type, weight
 * (percent of its level), the marks out of 100 it carries and its scale; the price formula and
 * the abnormally-low threshold; opening the bids, which locks them; and the changes recorded
 * after that.
 *
 * The criteria are edited as a draft, because a tree is only valid once every level adds up
 * again (CriteriaTree::fromList() says what is wrong meanwhile). "Save criteria" records the
 * draft through Commands::setCriteria as one undo step; once the bids are opened it first asks
 * for the reason, which the document records and every report shows. A draft the user has not
 * touched follows the document (undo, redo, other views); a touched one is kept until it is
 * saved or reverted. When the tender is frozen or the round read-only, nothing can be edited.
 */
class CriteriaView : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        TypeColumn,
        WeightColumn, ///< percent of its level
        MarksColumn,  ///< out of 100: the effective weight
        ScaleColumn,
        LevelColumn, ///< for a group: what its sub-criteria add up to
        ColumnCount
    };
    static constexpr int kIdRole = Qt::UserRole + 1; ///< QString, the criterion's id

    CriteriaView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~CriteriaView() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;

    /** The criteria being edited: what is recorded unless the user changed them. */
    const QList<Criterion> &draft() const { return m_draft; }
    bool isModified() const { return m_modified; }
    /** Selects criterion \a id in the tree; false when the draft has no such criterion. */
    bool selectCriterion(const QString &id);
    /** The id of the selected criterion, or an empty string. */
    QString currentCriterion() const;

    /** Asks for a name (DialogService) and adds a top-level criterion to the draft. */
    void addTopLevel();
    /** Asks for a name and adds a sub-criterion of the selected one (which becomes a group). */
    void addSubCriterion();
    /** Removes the selected criterion and everything below it from the draft. */
    void removeCriterion();
    /** Records the draft; asks for the reason first once the bids are opened. */
    bool save();
    /** Puts back what is recorded. */
    void revert();
    /** Records the default template from the source papers (offered while there are none). */
    bool useDefaultTemplate();
    /** Asks for confirmation and opens the bids: the criteria lock. */
    bool openBids();

    QTreeWidget *tree() const { return m_tree; }
    QLabel *lockLabel() const { return m_lockLabel; }
    QLabel *emptyLabel() const { return m_emptyLabel; }
    QLabel *topLevelLabel() const { return m_topLevelLabel; }
    QLabel *problemLabel() const { return m_problemLabel; }
    QLabel *socialValueLabel() const { return m_socialValueLabel; }
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QComboBox *typeCombo() const { return m_typeCombo; }
    QDoubleSpinBox *weightSpin() const { return m_weightSpin; }
    QComboBox *scaleCombo() const { return m_scaleCombo; }
    QLabel *descriptorsLabel() const { return m_descriptorsLabel; }
    QComboBox *formulaCombo() const { return m_formulaCombo; }
    QDoubleSpinBox *thresholdSpin() const { return m_thresholdSpin; }
    QPushButton *addTopLevelButton() const { return m_addTopButton; }
    QPushButton *addSubCriterionButton() const { return m_addSubButton; }
    QPushButton *removeButton() const { return m_removeButton; }
    QPushButton *templateButton() const { return m_templateButton; }
    QPushButton *saveButton() const { return m_saveButton; }
    QPushButton *revertButton() const { return m_revertButton; }
    QPushButton *openBidsButton() const { return m_openBidsButton; }
    QTableWidget *changesTable() const { return m_changesTable; }

private:
    void onTenderChanged();
    /** Loads the draft from the document and shows it. */
    void loadDraft();
    void refreshTree();
    void refreshForm();
    void refreshChecks();
    void refreshChanges();
    void refreshState();
    void markModified();
    /** Why the criteria cannot be edited now, or an empty string. */
    QString whyNotEditable() const;
    /** The index in the draft of criterion \a id, or -1. */
    qsizetype indexOf(const QString &id) const;
    bool hasChildren(const QString &id) const;
    /** A new id for a criterion under \a parentId, unused in the draft. */
    QString newId(const QString &parentId) const;
    void addCriterion(const QString &parentId);

    void onNameEdited(const QString &name);
    void onTypePicked();
    void onWeightChanged(double weight);
    void onScalePicked();
    void onPriceRulesChanged();

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    QList<Criterion> m_draft;
    PriceFormula m_formula; // set by the constructor: the enum is only declared here
    double m_threshold = 20.0;
    bool m_modified = false;
    bool m_loading = false;

    QLabel *m_lockLabel;
    QLabel *m_emptyLabel;
    QTreeWidget *m_tree;
    QLabel *m_topLevelLabel;
    QLabel *m_problemLabel;
    QLabel *m_socialValueLabel;
    QPushButton *m_addTopButton;
    QPushButton *m_addSubButton;
    QPushButton *m_removeButton;
    QPushButton *m_templateButton;
    QGroupBox *m_formBox;
    QLineEdit *m_nameEdit;
    QComboBox *m_typeCombo;
    QDoubleSpinBox *m_weightSpin;
    QComboBox *m_scaleCombo;
    QLabel *m_descriptorsLabel;
    QComboBox *m_formulaCombo;
    QDoubleSpinBox *m_thresholdSpin;
    QPushButton *m_saveButton;
    QPushButton *m_revertButton;
    QPushButton *m_openBidsButton;
    QLabel *m_changesHeading;
    QTableWidget *m_changesTable;
};

} // namespace CoCommission
