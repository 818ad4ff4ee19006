#pragma once

#include "core/common/ids.h"
#include "ui/design/designtab.h"

#include <QHash>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace CoCommission {

class PageSpinBox;
class TariffModel;
class TariffView;
struct PaymentScenario;

/**
 * The "Payment model" tab of stage 3: the payment groups (each with the stage 1 measure its
 * volumes are estimated from), the payment scenarios (add, duplicate, rename, remove), the
 * settings of the scenario picked (contract, timing, uncertainty, simulation, and the model 2
 * bonus split or model 3 savings and liability, shown only under that model) and its tariffs,
 * edited in place, with the delivery-fee share they imply shown as they change.
 *
 * Each spin box change is recorded at once under a merge key of its own, so that stepping a
 * value is one undo step.
 */
class PaymentView : public DesignTab
{
    Q_OBJECT

public:
    enum GroupColumn {
        GroupNameColumn,
        MeasureColumn,
        EligibleShareColumn,
        TakeUpColumn,
        GroupColumnCount
    };

    PaymentView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~PaymentView() override;

    void refresh() override;

    /** The scenario picked, or "" when the design has none. */
    QString scenario() const { return m_scenario; }
    /** Picks the scenario called \a name; false when there is none. */
    bool setScenario(const QString &name);

    void editGroup(int row);
    bool removeGroup(int row);
    /** Asks for a name and adds a scenario with the default settings and no tariff. */
    bool addScenario();
    /** Asks for a name and copies the scenario picked. */
    bool duplicateScenario();
    bool renameScenario();
    bool removeScenario();
    /** Opens the dialog to give a CPA its own tariff for a payment group. */
    void addCpaTariff();
    /** Removes the tariff of the tariff table's \a row (a group's becomes unset). */
    bool removeTariff(int row);

    QTableWidget *groupsTable() const { return m_groups; }
    QPushButton *addGroupButton() const { return m_addGroup; }
    QComboBox *scenarioCombo() const { return m_scenarioCombo; }
    QPushButton *addScenarioButton() const { return m_addScenario; }
    QPushButton *duplicateScenarioButton() const { return m_duplicateScenario; }
    QPushButton *renameScenarioButton() const { return m_renameScenario; }
    QPushButton *removeScenarioButton() const { return m_removeScenario; }
    /** The spin box of a scenario setting, by the PaymentScenario member's name. */
    QDoubleSpinBox *settingSpin(const QString &key) const;
    QGroupBox *model2Box() const { return m_model2Box; }
    QGroupBox *model3Box() const { return m_model3Box; }
    QLabel *modelLabel() const { return m_modelLabel; }
    QTableView *tariffView() const;
    TariffModel *tariffModel() const { return m_tariffModel; }
    QPushButton *addCpaTariffButton() const { return m_addCpaTariff; }
    QPushButton *removeTariffButton() const { return m_removeTariff; }
    QLabel *feeShareLabel() const { return m_feeShare; }

private:
    /** One setting of a scenario: how to read it, write it and show it. */
    struct Setting
    {
        QString key;
        QString label;
        double min;
        double max;
        int decimals;
        QString prefix;
        QString suffix;
        double step;
        int model; ///< 0: every model, else the model number it belongs to
        double (*get)(const PaymentScenario &);
        void (*set)(PaymentScenario &, double);
        QString undoText;
        QString toolTip; ///< what the setting is, one sentence
    };
    static QList<Setting> settings();

    void refreshGroups();
    void refreshScenarios();
    void refreshSettings();
    void refreshTariffs();
    void refreshButtons();
    void onSettingChanged(const QString &key, double value);
    const PaymentScenario *shownScenario() const;
    /** Asks for a scenario name, offering \a proposal; nullopt when cancelled. */
    std::optional<QString> askScenarioName(const QString &title, const QString &proposal);

    QString m_scenario;
    int m_scenarioIndex = -1; ///< where the scenario picked was, when its name goes
    bool m_filling = false;

    QLabel *m_noGroupsLabel;
    QTableWidget *m_groups;
    QPushButton *m_addGroup;
    QPushButton *m_editGroup;
    QPushButton *m_removeGroup;
    QLabel *m_noScenarioLabel;
    QComboBox *m_scenarioCombo;
    QPushButton *m_addScenario;
    QPushButton *m_duplicateScenario;
    QPushButton *m_renameScenario;
    QPushButton *m_removeScenario;
    QWidget *m_scenarioBody;
    QHash<QString, PageSpinBox *> m_settings;
    QLabel *m_modelLabel;
    QGroupBox *m_model2Box;
    QGroupBox *m_model3Box;
    TariffView *m_tariffView;
    TariffModel *m_tariffModel;
    QPushButton *m_addCpaTariff;
    QPushButton *m_removeTariff;
    QLabel *m_feeShare;
};

} // namespace CoCommission
