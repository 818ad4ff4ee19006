#pragma once

#include "core/common/ids.h"
#include "core/round/rankingmethod.h"

#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QBoxLayout;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace CoCommission {

class DialogService;
class EditRunner;
class Indicators;
class NoticeBox;
class RoundDocument;
struct Cpa;
struct JointRanking;
struct Round;

/**
 * The stage 2 working screen: the catalogue of priority groups the partners rank; for a CPA of the
 * adopted plan, each partner's ranking of the priority groups, where the partners agree (the joint
 * ranking by the round's method, Kendall's tau for each pair, the groups with the widest spread)
 * and the decision with its rationale; and, for the whole round, the priority places.
 *
 * Rankings, decisions and places change only through the Commands facade, each user action
 * one undo step: a move of a group in a partner's ranking is recorded at once (there is no
 * unsaved ranking), while the decision (its order and rationale) and the ticked places are a
 * draft until "Record decision" or "Save priority places". A draft the user has not touched
 * follows the document (undo, redo, other views); one the user has touched is kept, per CPA,
 * until it is recorded or reverted.
 *
 * The catalogue's groups are added and removed only before any ranking or decision exists
 * (RoundDocument::whyCatalogueFixed()); they can be renamed until stage 2 is frozen. With the
 * points-sum method, each partner's ranking carries points for every group: the view shows the
 * points recorded or, for a ranking without them, points suggested from its order (n - 1 down to
 * 0), and records all of them, with the order they give, when the user changes one.
 *
 * Every figure comes from core (PriorityAgreement, PriorityPlaces, Indicators): the view only
 * picks and presents. When the round is read-only or stage 2 is frozen for sign-off, every
 * editing control is disabled and a notice at the top says why.
 */
class PrioritiesView : public QWidget
{
    Q_OBJECT

public:
    PrioritiesView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~PrioritiesView() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;

    /** Asks for a name and description (through the DialogService) and adds the group. */
    void addGroup();
    /** Asks for a new name and description of the selected group and records them. */
    void editGroup();
    /** Asks for confirmation and removes the selected group from the catalogue. */
    void removeGroup();
    /** Selects the catalogue's group \a key; false when there is no such group. */
    bool selectGroup(const QString &key);

    /** Records how the partners' rankings are combined, as one undo step. */
    void setMethod(RankingMethod method);
    /**
     * Gives \a points to \a key in the shown partner's ranking (points method), keeping the other
     * points shown, and records the ranking in the order of the points, as one undo step.
     */
    void setGroupPoints(const QString &key, double points);
    /** Records the points shown (suggested ones included) as the partner's ranking. */
    void recordShownPoints();
    /** The points shown for \a key: recorded, or suggested from the order; -1 for no group. */
    double shownPoints(const QString &key) const;

    /** Shows \a cpa of the adopted plan; false when the plan has no such CPA. */
    bool setCpa(CpaId cpa);
    CpaId cpa() const;
    /** Shows \a partner's ranking; false when it is not a partner of the CPA shown. */
    bool setPartner(const QString &partner);
    QString partner() const;

    /** Moves the selected group of the partner's ranking by \a delta places, as one undo step. */
    void moveRankedGroup(int delta);
    /** Records the order shown for a partner who has not ranked the groups yet. */
    void recordShownOrder();
    void clearRanking();

    /** Moves the selected group of the draft decision by \a delta places. */
    void moveDecisionGroup(int delta);
    /** Puts the joint ranking's order into the draft decision. */
    void useJointRanking();
    void recordDecision();
    void removeDecision();

    /** Ticks exactly the top quartile of the chosen indicator (a proposal: not yet saved). */
    void pickTopQuartile();
    /** Chooses the indicator the places are picked from; false when the round has none such. */
    bool setPlacesIndicator(const QString &id);
    void savePlaces();
    void revertPlaces();
    /** The ticked authorities (GSS codes), in the round's order. */
    QStringList checkedPlaces() const;

    NoticeBox *frozenNotice() const { return m_frozenNotice; }
    QLabel *noPlanLabel() const { return m_noPlanLabel; }
    QTableWidget *catalogueTable() const { return m_catalogueTable; }
    QPushButton *addGroupButton() const { return m_addGroupButton; }
    QPushButton *editGroupButton() const { return m_editGroupButton; }
    QPushButton *removeGroupButton() const { return m_removeGroupButton; }
    QLabel *catalogueFixedLabel() const { return m_catalogueFixed; }
    QComboBox *methodCombo() const { return m_methodCombo; }
    QWidget *pointsBox() const { return m_pointsBox; }
    QLabel *pointsStatusLabel() const { return m_pointsStatus; }
    QPushButton *recordPointsButton() const { return m_recordPointsButton; }
    /** The spin box for \a key's points, or nullptr. */
    QDoubleSpinBox *pointsEditor(const QString &key) const;
    QComboBox *cpaCombo() const { return m_cpaCombo; }
    QComboBox *partnerCombo() const { return m_partnerCombo; }
    QLabel *rankingStatusLabel() const { return m_rankingStatus; }
    QListWidget *rankingList() const { return m_rankingList; }
    QPushButton *rankUpButton() const { return m_rankUpButton; }
    QPushButton *rankDownButton() const { return m_rankDownButton; }
    QPushButton *recordOrderButton() const { return m_recordOrderButton; }
    QPushButton *clearRankingButton() const { return m_clearRankingButton; }
    QLabel *methodLabel() const { return m_methodLabel; }
    QLabel *rankedByLabel() const { return m_rankedByLabel; }
    QLabel *jointProblemLabel() const { return m_jointProblem; }
    QTableWidget *jointTable() const { return m_jointTable; }
    QLabel *tiesLabel() const { return m_tiesLabel; }
    QLabel *widestSpreadLabel() const { return m_widestLabel; }
    QTableWidget *agreementTable() const { return m_agreementTable; }
    QLabel *decisionStatusLabel() const { return m_decisionStatus; }
    QListWidget *decisionList() const { return m_decisionList; }
    QPushButton *decisionUpButton() const { return m_decisionUpButton; }
    QPushButton *decisionDownButton() const { return m_decisionDownButton; }
    QPushButton *useJointButton() const { return m_useJointButton; }
    QPlainTextEdit *rationaleEdit() const { return m_rationaleEdit; }
    QPushButton *recordDecisionButton() const { return m_recordDecisionButton; }
    QPushButton *removeDecisionButton() const { return m_removeDecisionButton; }
    QLabel *decisionHintLabel() const { return m_decisionHint; }
    QComboBox *placesIndicatorCombo() const { return m_placesIndicatorCombo; }
    QComboBox *placesDateCombo() const { return m_placesDateCombo; }
    QPushButton *pickTopQuartileButton() const { return m_pickButton; }
    QLabel *proposalLabel() const { return m_proposalLabel; }
    QTableWidget *placesTable() const { return m_placesTable; }
    QPushButton *savePlacesButton() const { return m_savePlacesButton; }
    QPushButton *revertPlacesButton() const { return m_revertPlacesButton; }
    QLabel *placesStatusLabel() const { return m_placesStatus; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /** The decision being prepared for one CPA. */
    struct Draft
    {
        QStringList order;
        QString rationale;
        bool touched = false; ///< changed by the user since it last followed the document
    };

    // The parts of the screen, made once by the constructor.
    QBoxLayout *makeCataloguePart();
    QWidget *makePointsBox(QWidget *parent);
    QWidget *makeRankingColumn();
    QWidget *makeAgreementColumn();
    QBoxLayout *makeDecisionPart();
    QBoxLayout *makePlacesPart();
    void connectControls();

    /** Scrolls the page this view is on so that \a control is in sight. */
    void revealInPage(QWidget *control);

    void refresh();
    void onFiguresChanged();
    void fillCpas();
    void fillPartners();
    void refreshRanking();
    void refreshCatalogue();
    void refreshCatalogueButtons();
    void refreshPoints();
    /** The key of the catalogue's selected group, or an empty string. */
    QString selectedGroup() const;
    /** The points recorded for the shown partner, by group; empty when none are. */
    QHash<QString, double> recordedPoints() const;
    /** The points to show, by group: recorded, or n - 1 down to 0 in the order shown. */
    QHash<QString, double> pointsToShow() const;
    void commitPoints(const QHash<QString, double> &points);
    void refreshAgreement();
    void refreshDecision();
    void refreshPlacesIndicators();
    void refreshPlacesDates();
    void refreshPlaces();
    void refreshEditability();
    void refreshDecisionButtons();
    void refreshPlacesButtons();
    void syncRankingFromList();
    void syncDecisionFromList();
    void onPlaceItemChanged(QTableWidgetItem *item);
    void refreshPlacesStatus();
    /** The recorded priority places, in the round's order of authorities. */
    QStringList recordedPlaces() const;

    const Cpa *currentCpa() const;
    /** Why stage 2 cannot be edited now, or an empty string. */
    QString whyNotEditable() const;
    QString groupName(const QString &key) const;
    /** The group's name and description, for a tooltip. */
    QString groupToolTip(const QString &key) const;
    /** The ranking recorded for the current CPA and partner; nullopt when none is. */
    std::optional<QStringList> recordedRanking() const;
    QStringList catalogueOrder() const;
    /** The groups of the current joint ranking, best first; empty when there is none. */
    QStringList jointOrder() const;
    /** The draft of the current CPA, following the document unless the user touched it. */
    Draft &currentDraft();
    Draft freshDraft() const;
    void fillOrderList(QListWidget *list, const QStringList &order, const QString &select);
    static QStringList orderOf(const QListWidget *list);
    void commitRanking(const std::optional<QStringList> &order, const QString &select);

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    std::unique_ptr<Indicators> m_indicators;
    std::unique_ptr<JointRanking> m_joint; ///< of the current CPA, when there is one
    QHash<qint64, Draft> m_drafts;         ///< by CPA id
    QStringList m_placesDraft;             ///< the ticked GSS codes
    bool m_placesTouched = false;
    bool m_updating = false;
    bool m_syncQueued = false;

    NoticeBox *m_frozenNotice;
    QTableWidget *m_catalogueTable;
    QPushButton *m_addGroupButton;
    QPushButton *m_editGroupButton;
    QPushButton *m_removeGroupButton;
    QLabel *m_catalogueFixed;

    QLabel *m_noPlanLabel;
    QWidget *m_cpaContent;
    QComboBox *m_cpaCombo;
    QLabel *m_cpaDetails;
    QBoxLayout *m_columns;

    QComboBox *m_partnerCombo;
    QLabel *m_rankingStatus;
    QListWidget *m_rankingList;
    QPushButton *m_rankUpButton;
    QPushButton *m_rankDownButton;
    QPushButton *m_recordOrderButton;
    QPushButton *m_clearRankingButton;
    QLabel *m_rankingHint;

    QWidget *m_pointsBox;
    QLabel *m_pointsHeading;
    QLabel *m_pointsStatus;
    QGridLayout *m_pointsGrid;
    QPushButton *m_recordPointsButton;
    QList<QDoubleSpinBox *> m_pointsEditors; ///< one per group, in the catalogue's order
    QHash<QString, double> m_shownPoints;    ///< what the editors were last set to, by group

    QComboBox *m_methodCombo;

    QLabel *m_methodLabel;
    QLabel *m_rankedByLabel;
    QLabel *m_jointProblem;
    QTableWidget *m_jointTable;
    QLabel *m_tiesLabel;
    QLabel *m_widestLabel;
    QLabel *m_agreementHeading;
    QTableWidget *m_agreementTable;
    QLabel *m_bandsLabel;

    QLabel *m_decisionHeading;
    QLabel *m_decisionStatus;
    QListWidget *m_decisionList;
    QPushButton *m_decisionUpButton;
    QPushButton *m_decisionDownButton;
    QPushButton *m_useJointButton;
    QPlainTextEdit *m_rationaleEdit;
    QPushButton *m_recordDecisionButton;
    QPushButton *m_removeDecisionButton;
    QLabel *m_decisionHint;
    QBoxLayout *m_decisionRow;

    QComboBox *m_placesIndicatorCombo;
    QComboBox *m_placesDateCombo;
    QPushButton *m_pickButton;
    QLabel *m_proposalLabel;
    QTableWidget *m_placesTable;
    QPushButton *m_savePlacesButton;
    QPushButton *m_revertPlacesButton;
    QLabel *m_placesStatus;
};

} // namespace CoCommission
