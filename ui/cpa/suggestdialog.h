#pragma once

#include "core/common/ids.h"
#include "core/cpa/suggest.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QThread;
class QTimer;

namespace CoCommission {

class EditRunner;
class RoundDocument;

/**
 * Asks for the number of CPAs, the balance indicator, "never split a partnership" and a time
 * limit, runs suggestPlans() (core) in a worker thread with a busy indicator, the time taken so
 * far and a Cancel, and shows the best plans found: each one's largest deviation from the mean
 * and its CPAs, whether the search was exhaustive, and how far the best is from perfect
 * balance. "Add as new plan" adds the selected suggestion to the round as one undo step.
 *
 * The search runs on copies of the round's authorities, partnerships, values and adjacency, so
 * that the round may change meanwhile. Closing the dialog cancels a search and waits for it.
 * The adjacency rule is that of the plan the dialog was opened from (the basis), and the plan
 * added takes the basis plan's rule and minimum size with the indicator chosen here.
 */
class SuggestDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kMinimumCpas = 2;
    static constexpr int kMaximumCpas = 10;
    static constexpr int kDefaultSeconds = 10;

    /** \a basis may be invalid (a round without plans): then the rule is legal boundaries. */
    SuggestDialog(RoundDocument *document, EditRunner *edits, PlanId basis,
                  QWidget *parent = nullptr);
    ~SuggestDialog() override;

    /** Starts the search with the choices made; false when one is already running. */
    bool start();
    /** Asks a running search to stop; its best plans so far are shown when it has. */
    void cancel();
    bool isRunning() const;
    /** Closes the dialog, stopping a running search and waiting for it. */
    void reject() override;

    /** The latest search's result; nullopt before one has finished or when it failed. */
    const std::optional<Suggestion> &suggestion() const { return m_suggestion; }

    /**
     * Adds the suggestion in row \a row of the results (the selected one for -1) as a new plan,
     * through Commands::addPlanWithContents; returns its id, invalid when nothing was added.
     */
    PlanId addAsNewPlan(int row = -1);

    /**
     * "Suggested: 4 CPAs (2.1%)", made unique among \a round's plans by a number in
     * brackets.
     */
    static QString planName(const Round &round, int cpaCount, double deviationPercent);

    QSpinBox *cpaCountSpin() const { return m_cpaCountSpin; }
    QComboBox *indicatorCombo() const { return m_indicatorCombo; }
    QCheckBox *keepPartnershipsCheck() const { return m_keepPartnershipsCheck; }
    QSpinBox *timeLimitSpin() const { return m_timeLimitSpin; }
    QPushButton *suggestButton() const { return m_suggestButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *addButton() const { return m_addButton; }
    QProgressBar *progressBar() const { return m_progressBar; }
    QLabel *elapsedLabel() const { return m_elapsedLabel; }
    QLabel *summaryLabel() const { return m_summaryLabel; }
    QTableWidget *resultsTable() const { return m_resultsTable; }

signals:
    /** A search ended: finished, stopped at the time limit, cancelled or failed. */
    void searchFinished();
    /** The suggestion was added to the round as \a plan. */
    void planAdded(CoCommission::PlanId plan);

private:
    struct Job;

    void onSearchFinished();
    void showResults();
    void updateElapsed();
    void updateButtons();

    QPointer<RoundDocument> m_document;
    EditRunner *m_edits;
    PlanId m_basis;
    AdjacencyRule m_rule = AdjacencyRule::LegalBoundary;

    std::shared_ptr<Job> m_job;  ///< shared with the worker thread
    QThread *m_thread = nullptr; ///< the running search, owned
    QElapsedTimer m_elapsed;
    QTimer *m_ticker;
    std::optional<Suggestion> m_suggestion;
    QString m_indicatorUsed; ///< of m_suggestion
    bool m_cancelled = false;
    int m_secondsAllowed = 0;

    QSpinBox *m_cpaCountSpin;
    QComboBox *m_indicatorCombo;
    QCheckBox *m_keepPartnershipsCheck;
    QSpinBox *m_timeLimitSpin;
    QLabel *m_ruleLabel;
    QPushButton *m_suggestButton;
    QPushButton *m_cancelButton;
    QProgressBar *m_progressBar;
    QLabel *m_elapsedLabel;
    QLabel *m_summaryLabel;
    QTableWidget *m_resultsTable;
    QPushButton *m_addButton;
    QDialogButtonBox *m_buttons;
};

} // namespace CoCommission
