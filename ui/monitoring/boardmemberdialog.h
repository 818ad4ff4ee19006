#pragma once

#include "core/round/monitoring.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace CoCommission {

class NoticeBox;

/**
 * Asks for one member of the programme board: name, role, organisation and whether the member
 * votes (counts towards the quorum) or advises. accept() asks the validator first (the board's
 * rules, e.g. unique names and a quorum the voting members can meet): a problem is shown in the
 * dialog, which stays open.
 */
class BoardMemberDialog : public QDialog
{
    Q_OBJECT

public:
    /** Returns a translated problem with \a member, or an empty string when it may be stored. */
    using Validator = std::function<QString(const BoardMember &member)>;

    BoardMemberDialog(const BoardMember &member, bool isNew, QWidget *parent = nullptr);

    BoardMember member() const;
    void setValidator(Validator validator) { m_validator = std::move(validator); }

    QLineEdit *nameEdit() const { return m_nameEdit; }
    QComboBox *roleCombo() const { return m_roleCombo; }
    QLineEdit *organisationEdit() const { return m_organisationEdit; }
    QCheckBox *votingCheck() const { return m_votingCheck; }
    /** Shows what the validator found wrong on the last accept(); hidden when nothing was. */
    NoticeBox *errorBox() const { return m_errorBox; }
    QPushButton *okButton() const { return m_okButton; }

    void accept() override;

private:
    void updateAcceptable();

    Validator m_validator;
    QLineEdit *m_nameEdit;
    QComboBox *m_roleCombo;
    QLineEdit *m_organisationEdit;
    QCheckBox *m_votingCheck;
    NoticeBox *m_errorBox;
    QDialogButtonBox *m_buttons;
    QPushButton *m_okButton;
};

} // namespace CoCommission
