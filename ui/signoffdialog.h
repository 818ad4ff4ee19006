#pragma once

#include "core/round/stage.h"
#include "ui/dialogservice.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace CoCommission {

/**
 * Asks one party's signatory for their signature on a stage: the party (only those that may
 * sign now), name, role and rationale, all required. It says plainly that a signature is final.
 */
class SignOffDialog : public QDialog
{
    Q_OBJECT

public:
    SignOffDialog(StageId stage, const QList<SignOffParty> &parties, QWidget *parent = nullptr);

    SignOffDetails details() const;

private:
    void updateAcceptable();

    QList<SignOffParty> m_parties;
    QComboBox *m_partyCombo;
    QLineEdit *m_nameEdit;
    QLineEdit *m_roleEdit;
    QPlainTextEdit *m_rationaleEdit;
    QDialogButtonBox *m_buttons;
};

} // namespace CoCommission
