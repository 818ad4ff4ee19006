#pragma once

#include "core/round/stage.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;

namespace CoCommission {

/**
 * Asks which stages a new board paper covers (at least one) and the date of the meeting it
 * goes to. OK is enabled only when a stage is ticked; the line under the choices says why not.
 */
class NewPaperDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewPaperDialog(QWidget *parent = nullptr);

    QList<StageId> stages() const;
    void setStages(const QList<StageId> &stages);
    QDate meeting() const;
    void setMeeting(const QDate &date);

    QCheckBox *stageCheck(StageId stage) const { return m_checks.at(int(stage)); }
    QDateEdit *meetingEdit() const { return m_meeting; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void updateOk();

    QList<QCheckBox *> m_checks; ///< one per stage, in cycle order
    QDateEdit *m_meeting;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace CoCommission
