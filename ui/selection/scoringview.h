#pragma once

#include "core/common/ids.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;

namespace CoCommission {

class DialogService;
class EditRunner;
class RoundDocument;
class ScoreSheet;

/**
 * Stage 5, the Scoring tab: one assessor's score sheet for the bids of one lot, scored blind.
 *
 * "Scoring as" picks a member of the panel; the sheet then shows only that member's own scores
 * (core visibleScores()), never anyone else's, until moderation opens. A bid whose bidder the
 * member declared a conflict with is blocked; a bidder they have not declared about is offered
 * the declaration first. Every score, declaration, the opening of moderation and the merging of
 * an assessor's returned pack is one undo step through the Commands facade.
 *
 * The packs: "Export pack" writes the bids, the criteria and the member's own scores so far for
 * them to score on another desktop (see PackWindow); "Import returned scores" merges what they
 * send back.
 */
class ScoringView : public QWidget
{
    Q_OBJECT

public:
    ScoringView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~ScoringView() override;

    void setDocument(RoundDocument *document);
    RoundDocument *document() const;
    /** Shows the bids of \a lot, a CPA of the adopted plan (else the plan's first CPA). */
    void setLot(CpaId lot);
    CpaId lot() const;

    /** Scores as \a name, a member of the panel; false when there is no such member. */
    bool setAssessor(const QString &name);
    QString assessor() const;

    /** Asks for confirmation, then opens moderation as one undo step. */
    bool openModeration();
    /** Asks for a file name and writes the pack of the assessor scoring now. */
    bool exportPack();
    /** Asks for a returned pack and merges it as one undo step, then says what it changed. */
    bool importReturn();

    QLabel *emptyLabel() const { return m_emptyLabel; }
    QComboBox *assessorCombo() const { return m_assessorCombo; }
    QLabel *blindLabel() const { return m_blindLabel; }
    ScoreSheet *scoreSheet() const { return m_sheet; }
    QLabel *moderationStatusLabel() const { return m_moderationStatus; }
    QPushButton *openModerationButton() const { return m_openModerationButton; }
    QPushButton *exportPackButton() const { return m_exportButton; }
    QPushButton *importReturnButton() const { return m_importButton; }

private:
    class Backend;
    friend class Backend;

    void refresh();
    void fillAssessors();
    void refreshModeration();
    /** The directory file dialogs start in: the round's. */
    QString startDirectory() const;

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    CpaId m_requestedLot;
    CpaId m_lot;
    std::unique_ptr<Backend> m_backend;
    bool m_updating = false;

    QLabel *m_emptyLabel;
    QWidget *m_content;
    QComboBox *m_assessorCombo;
    QLabel *m_assessorDetails;
    QLabel *m_blindLabel;
    ScoreSheet *m_sheet;
    QLabel *m_moderationStatus;
    QPushButton *m_openModerationButton;
    QLabel *m_packIntro;
    QPushButton *m_exportButton;
    QPushButton *m_importButton;
};

} // namespace CoCommission
