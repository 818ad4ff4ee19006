#pragma once

#include <QDate>
#include <QDialog>

#include <functional>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace CoCommission {

struct Round;

/**
 * Asks from which payment scenario of the design (stage 3) to derive the contract profile and
 * from which month the contract runs (by default the current profile's first month, else the
 * month of the go-live milestone of stage 4). OK calls the apply function, which derives and
 * stores the profile; the dialog closes only when that succeeded, so that a refusal (shown by
 * the view) can be put right in place.
 */
class ProfileDeriveDialog : public QDialog
{
    Q_OBJECT

public:
    ProfileDeriveDialog(const Round &round, const QDate &start, QWidget *parent = nullptr);

    QString scenario() const;
    /** The first day of the month picked. */
    QDate start() const;

    /** Called on OK; true closes the dialog. */
    void setApply(std::function<bool()> apply) { m_apply = std::move(apply); }

    QComboBox *scenarioCombo() const { return m_scenarioCombo; }
    QDateEdit *startEdit() const { return m_startEdit; }
    QPushButton *okButton() const { return m_okButton; }

private:
    void onOk();

    std::function<bool()> m_apply;
    QComboBox *m_scenarioCombo;
    QDateEdit *m_startEdit;
    QLabel *m_explanation;
    QDialogButtonBox *m_buttons;
    QPushButton *m_okButton;
};

} // namespace CoCommission
