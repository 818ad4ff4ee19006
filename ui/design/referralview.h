#pragma once

#include "core/common/ids.h"
#include "ui/design/designtab.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace CoCommission {

/**
 * The "Eligibility and referral" tab of stage 3: who may join (eligibility rules by category),
 * how people are referred (referral routes), and how many each payment group refers per year
 * in each CPA of the adopted plan (core/design/volumes.h). A volume is estimated from the stage
 * 1 figures unless the officer states it; a stated figure can be cleared back to the estimate.
 */
class ReferralView : public DesignTab
{
    Q_OBJECT

public:
    enum RuleColumn { CategoryColumn, RuleTextColumn, RuleColumnCount };
    enum RouteColumn { SourceColumn, RouteDescriptionColumn, RouteColumnCount };
    enum VolumeColumn {
        VolumeCpaColumn,
        VolumeGroupColumn,
        ReferralsColumn,
        HowColumn,
        BasisColumn,    ///< the stage 1 measure and its date, or why there is no figure
        ShareColumn,    ///< the group's eligible share of those the measure counts
        EligibleColumn, ///< the people eligible in the CPA
        TakeUpColumn,   ///< the share of the eligible referred each year
        VolumeColumnCount
    };
    enum Role { GroupRole = Qt::UserRole + 1, CpaRole, ValueRole };

    ReferralView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);

    void refresh() override;

    void editRule(int row);
    bool removeRule(int row);
    void editRoute(int row);
    bool removeRoute(int row);
    /** Opens the dialog to state the referrals of the volume table's \a row. */
    void stateVolume(int row);
    /** Records \a referralsPerYear for \a group in \a cpa in place of the estimate. */
    bool setStatedVolume(const QString &group, CpaId cpa, double referralsPerYear);
    /** Clears the stated figure of \a group in \a cpa: the estimate applies again. */
    bool clearStatedVolume(const QString &group, CpaId cpa);

    QTableWidget *rulesTable() const { return m_rules; }
    QTableWidget *routesTable() const { return m_routes; }
    QTableWidget *volumesTable() const { return m_volumes; }
    QLabel *volumesLabel() const { return m_volumesLabel; }
    QPushButton *addRuleButton() const { return m_addRule; }
    QPushButton *addRouteButton() const { return m_addRoute; }
    QPushButton *stateButton() const { return m_state; }
    QPushButton *estimateButton() const { return m_estimate; }

private:
    void refreshRules();
    void refreshRoutes();
    void refreshVolumes();
    void refreshButtons();
    /** The group and CPA of the volume table's \a row. */
    std::pair<QString, CpaId> volumeAt(int row) const;

    QTableWidget *m_rules;
    QPushButton *m_addRule;
    QPushButton *m_editRule;
    QPushButton *m_removeRule;
    QTableWidget *m_routes;
    QPushButton *m_addRoute;
    QPushButton *m_editRoute;
    QPushButton *m_removeRoute;
    QLabel *m_volumesLabel;
    QTableWidget *m_volumes;
    QPushButton *m_state;
    QPushButton *m_estimate;
};

} // namespace CoCommission
