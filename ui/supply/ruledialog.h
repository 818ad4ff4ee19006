#pragma once

#include "core/round/supply.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace CoCommission {

class NoticeBox;

/**
 * Asks for one of the board's timeline rules: from the start of the first milestone of one kind
 * to the end of the last of another (the same kind: that milestone's length) must be at least a
 * number of days. The rule is read back in words as it is edited. accept() asks the validator
 * first: a problem is shown in the dialog, which stays open.
 */
class RuleDialog : public QDialog
{
    Q_OBJECT

public:
    /** Returns a translated problem with \a rule, or an empty string when it may be stored. */
    using Validator = std::function<QString(const TimelineRule &rule)>;

    RuleDialog(const TimelineRule &rule, bool isNew, QWidget *parent = nullptr);

    TimelineRule rule() const;
    void setValidator(Validator validator) { m_validator = std::move(validator); }

    QComboBox *fromCombo() const { return m_fromCombo; }
    QComboBox *toCombo() const { return m_toCombo; }
    QSpinBox *minimumSpin() const { return m_minimumSpin; }
    QLabel *readBackLabel() const { return m_readBack; }
    NoticeBox *errorBox() const { return m_errorBox; }
    QPushButton *okButton() const { return m_okButton; }

    void accept() override;

private:
    void updateReadBack();

    Validator m_validator;
    QComboBox *m_fromCombo;
    QComboBox *m_toCombo;
    QSpinBox *m_minimumSpin;
    QLabel *m_readBack;
    NoticeBox *m_errorBox;
    QDialogButtonBox *m_buttons;
    QPushButton *m_okButton;
};

} // namespace CoCommission
