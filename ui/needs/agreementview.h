#pragma once

#include "core/common/ids.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace CoCommission {

class EditRunner;
class NoticeBox;
class RoundDocument;

/**
 * The Local Labour Market Agreement of each CPA of the adopted plan (stage 1): pick a CPA, tick
 * its headline indicators (each shown with the CPA's latest value), write what the partners
 * agree about its needs, and tick the priority groups it identifies; Save records it as one
 * undo step.
 *
 * Edits stay in the form until saved or reverted; picking another CPA or a change from
 * elsewhere (undo) reloads the form only when it holds no unsaved edits, so nothing typed is
 * lost silently. When stage 1 is ready for sign-off or signed off, or the round is read-only,
 * the form is read-only and a notice says why.
 */
class AgreementView : public QWidget
{
    Q_OBJECT

public:
    explicit AgreementView(EditRunner *edits, QWidget *parent = nullptr);
    ~AgreementView() override;

    void setDocument(RoundDocument *document);

    /** Shows \a cpa's agreement; false when it is not a CPA of the adopted plan. */
    bool setCpa(CpaId cpa);
    CpaId cpa() const;
    /** Whether the form holds edits not yet saved. */
    bool isModified() const;

    /** Records the form as \a cpa's agreement; false (and a message) when refused. */
    bool save();
    /** Puts back what is recorded. */
    void revert();
    /** Removes the recorded agreement of the CPA shown. */
    bool remove();

    QComboBox *cpaCombo() const { return m_cpaCombo; }
    QListWidget *indicatorList() const { return m_indicatorList; }
    QPlainTextEdit *narrativeEdit() const { return m_narrative; }
    QListWidget *groupList() const { return m_groupList; }
    QPushButton *saveButton() const { return m_saveButton; }
    QPushButton *revertButton() const { return m_revertButton; }
    QPushButton *removeButton() const { return m_removeButton; }
    QLabel *statusLabel() const { return m_statusLabel; }
    NoticeBox *frozenNotice() const { return m_frozenNotice; }

private:
    void rebuild();
    void loadForm();
    void refreshState();
    void onRoundChanged();
    QString frozenReason() const;

    EditRunner *m_edits;
    QPointer<RoundDocument> m_document;
    bool m_loading = false;
    bool m_modified = false;

    QLabel *m_noPlanLabel;
    QWidget *m_form;
    QComboBox *m_cpaCombo;
    QLabel *m_statusLabel;
    NoticeBox *m_frozenNotice;
    QListWidget *m_indicatorList;
    QPlainTextEdit *m_narrative;
    QListWidget *m_groupList;
    QPushButton *m_saveButton;
    QPushButton *m_revertButton;
    QPushButton *m_removeButton;
};

} // namespace CoCommission
