#pragma once

#include "core/round/supply.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace CoCommission {

class NoticeBox;

/**
 * Asks for one milestone of the market engagement timeline: its kind, an optional name (an
 * engagement event held in one place), and its dates: one day, or a period from a start to an
 * end that is never before it. accept() asks the validator first (the order of the milestones
 * is checked there): a problem is shown in the dialog, which stays open.
 */
class MilestoneDialog : public QDialog
{
    Q_OBJECT

public:
    /** Returns a translated problem with \a milestone, or an empty string when it may be stored. */
    using Validator = std::function<QString(const Milestone &milestone)>;

    MilestoneDialog(const Milestone &milestone, bool isNew, QWidget *parent = nullptr);

    Milestone milestone() const;
    void setValidator(Validator validator) { m_validator = std::move(validator); }

    QComboBox *kindCombo() const { return m_kindCombo; }
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QCheckBox *oneDayCheck() const { return m_oneDayCheck; }
    QDateEdit *startEdit() const { return m_startEdit; }
    QDateEdit *endEdit() const { return m_endEdit; }
    NoticeBox *errorBox() const { return m_errorBox; }
    QPushButton *okButton() const { return m_okButton; }

    void accept() override;

private:
    void updateDates();

    Validator m_validator;
    QComboBox *m_kindCombo;
    QLineEdit *m_nameEdit;
    QCheckBox *m_oneDayCheck;
    QDateEdit *m_startEdit;
    QDateEdit *m_endEdit;
    NoticeBox *m_errorBox;
    QDialogButtonBox *m_buttons;
    QPushButton *m_okButton;
};

} // namespace CoCommission
