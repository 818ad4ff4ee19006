#include "ui/cpa/suggestdialog.h"

#include "core/commands/plancommands.h"
#include "core/cpa/roundcheck.h"
#include "core/needs/indicators.h"
#include "core/round/rounddocument.h"
#include "ui/cpa/cpalegendmodel.h"
#include "ui/editrunner.h"
#include "ui/uiutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <atomic>

namespace CoCommission {

/** What the worker thread reads and writes; the dialog reads the result once it has finished. */
struct SuggestDialog::Job
{
    QList<Authority> authorities;
    QList<Partnership> partnerships;
    QHash<QString, double> values;
    Adjacency adjacency;
    SuggestOptions options;
    std::atomic<bool> cancel{false};
    std::optional<Result<Suggestion>> result;
};

namespace {

enum ResultColumn { RankColumn, DeviationColumn, SizesColumn, TotalsColumn, ResultColumnCount };

QString seconds(qint64 ms)
{
    return QCoreApplication::translate("CoCommission::SuggestDialog", "%1 s")
        .arg(UiUtil::numberLocale().toString(double(ms) / 1000, 'f', ms < 10000 ? 2 : 1));
}

/** A deviation in %: two decimals below 1 (suggestions are often that close), else one. */
QString percent(double value)
{
    return UiUtil::numberLocale().toString(value, 'f', value < 1 ? 2 : 1);
}

} // namespace

SuggestDialog::SuggestDialog(RoundDocument *document, EditRunner *edits, PlanId basis,
                             QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_edits(edits)
    , m_basis(basis)
    , m_ticker(new QTimer(this))
    , m_cpaCountSpin(new QSpinBox(this))
    , m_indicatorCombo(new QComboBox(this))
    , m_keepPartnershipsCheck(new QCheckBox(tr("&Never split a partnership"), this))
    , m_timeLimitSpin(new QSpinBox(this))
    , m_ruleLabel(new QLabel(this))
    , m_suggestButton(new QPushButton(tr("&Suggest"), this))
    , m_cancelButton(new QPushButton(tr("&Cancel search"), this))
    , m_progressBar(new QProgressBar(this))
    , m_elapsedLabel(new QLabel(this))
    , m_summaryLabel(new QLabel(this))
    , m_resultsTable(new QTableWidget(0, ResultColumnCount, this))
    , m_addButton(new QPushButton(tr("&Add as new plan"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("suggestDialog"));
    setWindowTitle(tr("Suggest CPA plans"));
    setAccessibleName(windowTitle());

    const Round &round = m_document->round();
    const CpaPlan *plan = round.plan(m_basis);
    if (plan)
        m_rule = plan->rule;

    auto *explanation = new QLabel(
        tr("Proposes plans of contiguous CPAs that are as equal as possible on the balance "
           "indicator: the plans whose largest CPA deviation from the mean is smallest."),
        this);
    explanation->setWordWrap(true);

    m_cpaCountSpin->setObjectName(QStringLiteral("suggestCpaCount"));
    m_cpaCountSpin->setAccessibleName(tr("Number of CPAs"));
    m_cpaCountSpin->setAccessibleDescription(
        tr("How many Contract Package Areas each suggested plan divides the authorities into."));
    m_cpaCountSpin->setRange(kMinimumCpas, kMaximumCpas);
    const int planCpas = plan ? int(plan->cpas.size()) : 0;
    m_cpaCountSpin->setValue(planCpas >= kMinimumCpas && planCpas <= kMaximumCpas ? planCpas : 4);

    // Only measures: a total of rates over a CPA means nothing (balanceValues() refuses them).
    m_indicatorCombo->setObjectName(QStringLiteral("suggestIndicator"));
    m_indicatorCombo->setAccessibleName(tr("Balance indicator"));
    m_indicatorCombo->setAccessibleDescription(
        tr("The measure on which the CPAs should be as equal as possible, such as the claimant "
           "count."));
    const Indicators indicators(round);
    for (const IndicatorInfo &info : indicators.all()) {
        if (info.kind == IndicatorInfo::Kind::Measure)
            m_indicatorCombo->addItem(info.name, info.id);
    }
    int indicator = plan ? m_indicatorCombo->findData(plan->balanceIndicator) : -1;
    if (indicator < 0)
        indicator = m_indicatorCombo->findData(QStringLiteral("claimant_count"));
    m_indicatorCombo->setCurrentIndex(indicator < 0 ? 0 : indicator);

    m_keepPartnershipsCheck->setObjectName(QStringLiteral("suggestKeepPartnerships"));
    m_keepPartnershipsCheck->setAccessibleName(tr("Never split a partnership"));
    m_keepPartnershipsCheck->setToolTip(
        tr("Place whole partnerships rather than single authorities"));

    m_timeLimitSpin->setObjectName(QStringLiteral("suggestTimeLimit"));
    m_timeLimitSpin->setAccessibleName(tr("Time limit in seconds"));
    m_timeLimitSpin->setRange(1, 3600);
    m_timeLimitSpin->setValue(kDefaultSeconds);
    m_timeLimitSpin->setSuffix(tr(" s"));
    m_cpaCountSpin->setMaximumWidth(m_cpaCountSpin->sizeHint().width() + 40);
    m_timeLimitSpin->setMaximumWidth(m_timeLimitSpin->sizeHint().width() + 40);
    m_timeLimitSpin->setToolTip(tr("When the search has not finished by then, it shows the best "
                                   "plans it has found"));

    m_ruleLabel->setWordWrap(true);
    m_ruleLabel->setText(
        plan ? tr("Contiguity as in \"%1\": %2, %3.")
                   .arg(plan->name, adjacencyRulePhrase(m_rule), adjacencySourcePhrase(round))
             : tr("Contiguity %1, %2.")
                   .arg(adjacencyRulePhrase(m_rule), adjacencySourcePhrase(round)));
    UiUtil::makeSecondary(m_ruleLabel);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Number of &CPAs:"), m_cpaCountSpin);
    form->addRow(tr("&Balance indicator:"), m_indicatorCombo);
    form->addRow(QString(), m_keepPartnershipsCheck);
    form->addRow(tr("&Time limit:"), m_timeLimitSpin);

    m_suggestButton->setObjectName(QStringLiteral("suggestStartButton"));
    m_suggestButton->setAccessibleName(tr("Start the search"));
    m_suggestButton->setAccessibleDescription(
        tr("Searches for the plans of contiguous CPAs that are most nearly equal; the results "
           "fill the table below."));
    m_suggestButton->setDefault(true);
    m_cancelButton->setObjectName(QStringLiteral("suggestCancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel the search"));
    m_cancelButton->setAccessibleDescription(
        tr("Stops the search; the best plans found so far stay in the table."));
    m_progressBar->setObjectName(QStringLiteral("suggestProgress"));
    m_progressBar->setAccessibleName(tr("Search in progress"));
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    m_progressBar->setTextVisible(false);
    m_elapsedLabel->setObjectName(QStringLiteral("suggestElapsed"));
    m_elapsedLabel->setMinimumWidth(
        m_elapsedLabel->fontMetrics().horizontalAdvance(tr("Searching… %1").arg(seconds(99999))));
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_suggestButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_progressBar, 1);
    runRow->addWidget(m_elapsedLabel);

    m_summaryLabel->setObjectName(QStringLiteral("suggestSummary"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_resultsTable->setObjectName(QStringLiteral("suggestResults"));
    m_resultsTable->setAccessibleName(tr("Suggested plans"));
    m_resultsTable->setAccessibleDescription(
        tr("One row a suggested plan, the most nearly equal first: its largest deviation from "
           "the mean, authorities per CPA and each CPA's total. Arrow keys move between rows."));
    m_resultsTable->setHorizontalHeaderLabels(
        {tr("Plan"), tr("Largest deviation"), tr("Authorities per CPA"), tr("CPA totals")});
    m_resultsTable->verticalHeader()->hide();
    m_resultsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultsTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resultsTable->setTabKeyNavigation(false);
    QHeaderView *header = m_resultsTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TotalsColumn, QHeaderView::Stretch);

    m_addButton->setObjectName(QStringLiteral("suggestAddButton"));
    m_addButton->setAccessibleName(tr("Add the selected suggestion as a new plan"));
    m_addButton->setToolTip(
        tr("Add the selected suggestion to the round as a new plan (undo "
           "with %1)")
            .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    m_buttons->addButton(m_addButton, QDialogButtonBox::ActionRole);
    QPushButton *close = m_buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("suggestCloseButton"));
    close->setAccessibleName(tr("Close"));
    close->setAccessibleDescription(
        tr("Closes the dialog, stopping a search that is running; added plans stay."));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SuggestDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_ruleLabel);
    layout->addLayout(runRow);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_resultsTable, 1);
    layout->addWidget(m_buttons);
    resize(680, 520);

    m_ticker->setInterval(100);
    connect(m_ticker, &QTimer::timeout, this, &SuggestDialog::updateElapsed);
    connect(m_suggestButton, &QPushButton::clicked, this, &SuggestDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &SuggestDialog::cancel);
    connect(m_addButton, &QPushButton::clicked, this, [this] { addAsNewPlan(); });
    connect(m_resultsTable, &QTableWidget::itemSelectionChanged, this,
            &SuggestDialog::updateButtons);
    if (m_indicatorCombo->count() == 0)
        m_summaryLabel->setText(tr("The round has no labour-market measure to balance on. "
                                   "Import labour-market data first."));
    updateButtons();
}

SuggestDialog::~SuggestDialog()
{
    if (m_thread) {
        m_job->cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool SuggestDialog::isRunning() const
{
    return m_thread != nullptr;
}

bool SuggestDialog::start()
{
    if (m_thread || !m_document || m_indicatorCombo->count() == 0)
        return false;
    const Round &round = m_document->round();
    const QString indicator = m_indicatorCombo->currentData().toString();
    m_suggestion.reset();
    m_resultsTable->setRowCount(0);

    const Result<BalanceValues> values = balanceValues(round, indicator);
    const Result<Adjacency> adjacency = roundAdjacency(round);
    if (!values || !adjacency) {
        m_summaryLabel->setText(
            tr("No plans can be suggested: %1")
                .arg(values ? adjacency.errorMessage() : values.errorMessage()));
        emit searchFinished();
        updateButtons();
        return false;
    }

    m_job = std::make_shared<Job>();
    m_job->authorities = round.authorities;
    m_job->partnerships = round.partnerships;
    m_job->values = values->values;
    m_job->adjacency = *adjacency;
    m_job->options.cpaCount = m_cpaCountSpin->value();
    m_job->options.rule = m_rule;
    m_job->options.keepPartnershipsWhole = m_keepPartnershipsCheck->isChecked();
    m_job->options.maxPlans = 5;
    m_secondsAllowed = m_timeLimitSpin->value();
    m_job->options.deadline = QDeadlineTimer(qint64(m_secondsAllowed) * 1000);
    m_job->options.cancel = &m_job->cancel;
    m_indicatorUsed = indicator;
    m_cancelled = false;

    const std::shared_ptr<Job> job = m_job;
    m_thread = QThread::create([job] {
        job->result = suggestPlans(job->authorities, job->partnerships, job->values, job->adjacency,
                                   job->options);
    });
    connect(m_thread, &QThread::finished, this, &SuggestDialog::onSearchFinished);

    m_progressBar->setRange(0, 0); // busy
    m_summaryLabel->setText(tr("Searching for plans of %1 CPAs balanced on %2…")
                                .arg(m_job->options.cpaCount)
                                .arg(m_indicatorCombo->currentText()));
    m_elapsed.start();
    updateElapsed();
    m_ticker->start();
    m_thread->start();
    updateButtons();
    return true;
}

void SuggestDialog::cancel()
{
    if (!m_thread)
        return;
    m_cancelled = true;
    m_job->cancel = true;
    m_summaryLabel->setText(tr("Stopping the search…"));
}

void SuggestDialog::reject()
{
    // Closing stops the search; the thread is waited for in the destructor, or here.
    if (m_thread) {
        m_cancelled = true;
        m_job->cancel = true;
        m_thread->wait();
        onSearchFinished();
    }
    QDialog::reject();
}

void SuggestDialog::onSearchFinished()
{
    if (!m_thread)
        return;
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    m_ticker->stop();
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(1);
    const qint64 ms = m_elapsed.elapsed();
    m_elapsedLabel->setText(tr("Took %1").arg(seconds(ms)));

    const std::optional<Result<Suggestion>> result = m_job ? m_job->result : std::nullopt;
    if (!result || !*result) {
        m_summaryLabel->setText(
            tr("No plans can be suggested: %1")
                .arg(result ? result->errorMessage() : tr("the search did not finish.")));
    } else {
        m_suggestion = **result;
        showResults();
    }
    updateButtons();
    emit searchFinished();
}

void SuggestDialog::showResults()
{
    const Suggestion &s = *m_suggestion;
    const QLocale locale = UiUtil::numberLocale();
    const int k = m_job->options.cpaCount;
    QStringList sentences;
    if (s.plans.isEmpty()) {
        sentences.append(
            m_job->options.keepPartnershipsWhole
                ? tr("No plan of %1 contiguous CPAs keeps every partnership whole.").arg(k)
                : tr("No plan of %1 contiguous CPAs exists.").arg(k));
    } else if (s.exhaustive) {
        sentences.append(tr("The search looked at every plan: these are the best there are."));
    } else if (m_cancelled) {
        sentences.append(tr("You stopped the search: these are the best plans it had found, "
                            "which may not be the best there are."));
    } else {
        sentences.append(tr("The search stopped at the time limit of %1: these are the best "
                            "plans it had found, which may not be the best there are.")
                             .arg(seconds(qint64(m_secondsAllowed) * 1000)));
    }
    if (const std::optional<double> best = s.bestDeviationPercent()) {
        const QString mean = locale.toString(s.mean, 'f', s.mean >= 100 ? 0 : 1);
        sentences.append(*best < 0.005
                             ? tr("The best is perfectly balanced: every CPA holds the mean of "
                                  "%1.")
                                   .arg(mean)
                             : tr("The best is %1% from perfect balance: no CPA strays further "
                                  "than that from the mean of %2.")
                                   .arg(percent(*best), mean));
    }
    m_summaryLabel->setText(sentences.join(QLatin1Char(' ')));

    m_resultsTable->setRowCount(int(s.plans.size()));
    for (int row = 0; row < s.plans.size(); ++row) {
        const SuggestedPlan &plan = s.plans.at(row);
        QStringList sizes;
        QStringList totals;
        for (qsizetype i = 0; i < plan.cpas.size(); ++i) {
            sizes.append(locale.toString(plan.cpas.at(i).size()));
            totals.append(CpaLegendModel::formatValue(plan.totals.value(i)));
        }
        const QStringList cells = {tr("Suggestion %1").arg(row + 1),
                                   tr("%1%").arg(percent(plan.largestDeviationPercent)),
                                   sizes.join(tr(" · ")), totals.join(tr(" · "))};
        for (int column = 0; column < ResultColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == DeviationColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_resultsTable->setItem(row, column, item);
        }
    }
    if (!s.plans.isEmpty())
        m_resultsTable->selectRow(0);
}

void SuggestDialog::updateElapsed()
{
    m_elapsedLabel->setText(tr("Searching… %1").arg(seconds(m_elapsed.elapsed())));
}

void SuggestDialog::updateButtons()
{
    const bool running = m_thread != nullptr;
    const bool canRun = m_document && m_indicatorCombo->count() > 0;
    m_suggestButton->setEnabled(!running && canRun);
    m_cancelButton->setEnabled(running);
    for (QWidget *input :
         {static_cast<QWidget *>(m_cpaCountSpin), static_cast<QWidget *>(m_indicatorCombo),
          static_cast<QWidget *>(m_keepPartnershipsCheck), static_cast<QWidget *>(m_timeLimitSpin)})
        input->setEnabled(!running && canRun);
    const QString why = m_document ? m_document->whyNotEditable() : QString();
    const bool hasPick = m_suggestion && !m_suggestion->plans.isEmpty() &&
                         !m_resultsTable->selectedItems().isEmpty();
    m_addButton->setEnabled(!running && hasPick && why.isEmpty());
    if (!why.isEmpty())
        m_addButton->setToolTip(why);
}

QString SuggestDialog::planName(const Round &round, int cpaCount, double deviationPercent)
{
    const QString base = tr("Suggested: %1 CPAs (%2%)")
                             .arg(cpaCount)
                             .arg(UiUtil::numberLocale().toString(deviationPercent, 'f', 1));
    const auto taken = [&](const QString &name) {
        for (const CpaPlan &plan : round.plans) {
            if (plan.name.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = tr("%1 (%2)").arg(base).arg(n);
    return name;
}

PlanId SuggestDialog::addAsNewPlan(int row)
{
    if (!m_document || !m_suggestion || m_thread)
        return PlanId();
    if (row < 0)
        row = m_resultsTable->currentRow();
    if (row < 0 || row >= m_suggestion->plans.size())
        return PlanId();
    const SuggestedPlan &suggested = m_suggestion->plans.at(row);
    const Round &round = m_document->round();
    CpaPlan plan = suggested.toPlan(
        planName(round, int(suggested.cpas.size()), suggested.largestDeviationPercent));
    plan.rule = m_rule;
    plan.balanceIndicator = m_indicatorUsed;
    if (const CpaPlan *basis = round.plan(m_basis))
        plan.minimumSize = basis->minimumSize;

    PlanId added;
    m_edits->run(tr("The suggestion was not added"), [&]() -> Status {
        const Result<PlanId> id = Commands::addPlanWithContents(m_document, plan);
        if (!id)
            return id.error();
        added = *id;
        return {};
    });
    if (added.isValid()) {
        emit planAdded(added);
        accept();
    }
    return added;
}

} // namespace CoCommission
