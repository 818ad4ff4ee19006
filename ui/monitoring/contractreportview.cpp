#include "ui/monitoring/contractreportview.h"

#include "core/commands/monitoringcommands.h"
#include "core/monitoring/contractreport.h"
#include "core/round/round.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/monitoring/performancemodel.h"
#include "ui/noticebox.h"
#include "ui/pagewidgets.h"
#include "ui/settings.h"
#include "ui/uiutil.h"

#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFocusEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::ContractReportView", text);
}

/** The label of a matter's commentary box; each with its own mnemonic on this tab. */
QString commentaryLabel(ReportMatter matter)
{
    switch (matter) {
    case ReportMatter::LocalIntegration:
        return tr("Commentary on &local integration:");
    case ReportMatter::LocalPriorities:
        return tr("Commentary on local &priorities:");
    case ReportMatter::BestPractice:
        return tr("Commentary on best pra&ctice:");
    case ReportMatter::OperationalDelivery:
        return tr("Commentary on operational deli&very:");
    }
    return {};
}

QString startDirectory()
{
    const QString last = Settings::value(Settings::LastDirectory).toString();
    return last.isEmpty() ? QDir::homePath() : last;
}

/** \a text made safe as part of a file name. */
QString fileNamePart(QString text)
{
    for (QChar &c : text) {
        if (QStringLiteral("\\/:*?\"<>|").contains(c))
            c = QLatin1Char('-');
    }
    return text.trimmed();
}

} // namespace

ContractReportView::ContractReportView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("contractReportView"));

    m_emptyLabel = UiUtil::makeText(this);
    m_emptyLabel->setObjectName(QStringLiteral("reportEmptyLabel"));

    m_content = new QWidget(this);
    m_periodCombo = new PageComboBox(m_content);
    m_periodCombo->setObjectName(QStringLiteral("reportPeriodCombo"));
    m_periodCombo->setAccessibleName(tr("Month the report is made to"));
    m_periodCombo->setToolTip(
        tr("Choose the month the report covers: its figures are added up to the end of it."));
    m_periodCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *periodLabel = new QLabel(tr("Report t&o:"), m_content);
    periodLabel->setBuddy(m_periodCombo);
    m_saveButton = UiUtil::makeButton(tr("Save as HT&ML\u2026"), tr("Save the report as HTML"),
                                      QStringLiteral("saveReportHtmlButton"), m_content);
    m_copyButton = UiUtil::makeButton(tr("Cop&y as text"), tr("Copy the report as text"),
                                      QStringLiteral("copyReportTextButton"), m_content);
    m_saveButton->setToolTip(
        tr("Save the report to the DWP contract manager as an HTML file for a browser or word "
           "processor."));
    m_copyButton->setToolTip(
        tr("Copy the report to the clipboard as plain text, to paste into your own paper."));
    auto *top = new QHBoxLayout;
    top->addWidget(periodLabel);
    top->addWidget(m_periodCombo);
    top->addStretch(1);
    top->addWidget(m_saveButton);
    top->addWidget(m_copyButton);

    m_illustrative = new NoticeBox(NoticeBox::Kind::Information, QString(), m_content);
    m_illustrative->setObjectName(QStringLiteral("reportIllustrativeNotice"));
    m_intro = UiUtil::makeText(m_content, true);
    m_intro->setObjectName(QStringLiteral("reportIntroLabel"));
    m_intro->setText(
        tr("The board reports to the DWP contract manager on four matters. Under each, the "
           "findings are drawn from the round, with figures added up to the end of the month "
           "picked; the commentary below them is the board's own for that month. It is saved as "
           "you type, and Undo takes back one spell of typing in a box."));
    // The PDF paper is issue 8's board-paper composer.
    m_pdfNote = UiUtil::makeText(m_content, true);
    m_pdfNote->setObjectName(QStringLiteral("reportPdfNote"));
    m_pdfNote->setText(tr("The report as a PDF board paper comes with the board-paper composer, "
                          "which is not built yet. Until then, save it as HTML or copy it as "
                          "text into your own paper."));

    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->setSpacing(8);
    content->addLayout(top);
    content->addWidget(m_illustrative);
    content->addWidget(m_intro);
    content->addWidget(m_pdfNote);

    m_idle = new QTimer(this);
    m_idle->setSingleShot(true);
    m_idle->setInterval(kIdleMilliseconds);
    connect(m_idle, &QTimer::timeout, this, &ContractReportView::commitCommentary);

    const QList<ReportMatter> matters = reportMatters();
    for (ReportMatter matter : matters) {
        Matter &m = m_matters[size_t(matter)];
        const QString key = reportMatterKey(matter);
        m.matter = matter;
        m.heading = UiUtil::headingLabel(reportMatterName(matter), 1.15, m_content);
        m.findings = new QLabel(m_content);
        m.findings->setObjectName(key + QStringLiteral("Findings"));
        m.findings->setTextFormat(Qt::RichText);
        m.findings->setWordWrap(true);
        m.findings->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m.findings->setAccessibleName(tr("Findings on %1").arg(reportMatterName(matter)));
        m.edit = new QPlainTextEdit(m_content);
        m.edit->setObjectName(key + QStringLiteral("Commentary"));
        m.edit->setAccessibleName(tr("Commentary on %1").arg(reportMatterName(matter)));
        m.edit->setTabChangesFocus(true);
        m.edit->setFixedHeight(m.edit->fontMetrics().lineSpacing() * 5 +
                               2 * (m.edit->frameWidth() + 6));
        m.edit->installEventFilter(this);
        auto *label = new QLabel(commentaryLabel(matter), m_content);
        label->setBuddy(m.edit);
        content->addSpacing(8);
        content->addWidget(m.heading);
        content->addWidget(m.findings);
        content->addWidget(label);
        content->addWidget(m.edit);
        connect(m.edit, &QPlainTextEdit::textChanged, this, [this, matter] {
            if (m_filling)
                return;
            Matter &edited = m_matters[size_t(matter)];
            if (!edited.dirty)
                edited.period = period();
            if (edited.spell == 0)
                edited.spell = ++m_spells;
            edited.dirty = true;
            m_idle->start();
        });
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_content);
    layout->addStretch(1);

    connect(m_periodCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling || index < 0)
            return;
        const QDate picked = m_periodCombo->itemData(index).toDate();
        const bool latest = index == m_periodCombo->count() - 1;
        // The text typed goes to the month it was typed for (this may refill the picker).
        commitCommentary();
        for (Matter &m : m_matters)
            m.spell = 0;
        m_pickedPeriod = latest ? QDate() : picked;
        if (isVisible())
            compute();
        else
            m_stale = true;
    });
    connect(m_saveButton, &QPushButton::clicked, this, &ContractReportView::saveHtml);
    connect(m_copyButton, &QPushButton::clicked, this, &ContractReportView::copyText);

    display();
}

ContractReportView::~ContractReportView() = default;

void ContractReportView::setDocument(RoundDocument *document)
{
    if (document != m_document) {
        m_idle->stop();
        m_pickedPeriod = QDate();
        m_paper.reset();
        for (Matter &m : m_matters) {
            m.dirty = false;
            m.spell = 0;
        }
    }
    m_document = document;
    refresh();
}

void ContractReportView::refresh()
{
    m_stale = true;
    if (isVisible())
        compute();
    else if (!m_document)
        display();
    refreshEditability();
}

void ContractReportView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        compute();
}

bool ContractReportView::eventFilter(QObject *watched, QEvent *event)
{
    for (Matter &m : m_matters) {
        if (watched != m.edit)
            continue;
        if (event->type() == QEvent::FocusIn) {
            if (!m.dirty)
                m.spell = ++m_spells;
        } else if (event->type() == QEvent::FocusOut) {
            const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
            commit(m);
            // A context menu or another window taking the focus does not end the spell.
            if (reason != Qt::PopupFocusReason && reason != Qt::ActiveWindowFocusReason)
                m.spell = 0;
        }
    }
    return QWidget::eventFilter(watched, event);
}

const ContractManagerPaper *ContractReportView::paper() const
{
    return m_paper.get();
}

QString ContractReportView::whyEmpty() const
{
    if (!m_document)
        return tr("No round is open.");
    const Round &round = m_document->round();
    if (!round.adoptedPlan())
        return tr("No CPA plan is adopted: the report covers each CPA of the adopted plan.");
    if (!round.monitoring.profile.hasPeriod())
        return tr("No contract period is set yet. Set it on the Contract profile tab and receive "
                  "the providers' returns on the Returns tab: the report draws on them.");
    if (m_periodCombo->count() == 0)
        return tr("No performance return has been received yet. Receive one on the Returns tab "
                  "to report on it.");
    return {};
}

void ContractReportView::compute()
{
    ++m_computeCount;
    m_stale = false;
    m_paper.reset();
    m_error.clear();
    fillPeriods();
    if (whyEmpty().isEmpty()) {
        Result<ContractManagerPaper> paper = contractManagerPaper(m_document->round(), period());
        if (paper)
            m_paper = std::make_unique<ContractManagerPaper>(std::move(*paper));
        else
            m_error = paper.errorMessage();
    }
    display();
}

void ContractReportView::fillPeriods()
{
    const QScopedValueRollback filling(m_filling, true);
    m_periodCombo->clear();
    if (!m_document)
        return;
    const Monitoring &monitoring = m_document->round().monitoring;
    QList<QDate> reported;
    for (const ContractManagerReport &r : monitoring.board.reports)
        reported << r.period;
    const QList<QDate> months = PerformanceFormat::reportMonths(monitoring, reported);
    for (const QDate &month : months)
        m_periodCombo->addItem(periodName(month), month);
    int index = m_pickedPeriod.isValid() ? m_periodCombo->findData(m_pickedPeriod) : -1;
    if (index < 0) {
        m_pickedPeriod = QDate();
        index = int(months.size()) - 1;
    }
    m_periodCombo->setCurrentIndex(index);
}

QDate ContractReportView::period() const
{
    return m_periodCombo->currentData().toDate();
}

bool ContractReportView::setPeriod(const QDate &period)
{
    const int index = m_periodCombo->findData(period);
    if (index < 0)
        return false;
    m_periodCombo->setCurrentIndex(index);
    return true;
}

void ContractReportView::display()
{
    QString empty = whyEmpty();
    if (empty.isEmpty() && !m_paper)
        empty = m_stale ? tr("The report is drawn up when this tab is shown.") : m_error;
    m_emptyLabel->setText(empty);
    m_emptyLabel->setVisible(!m_paper);
    m_content->setVisible(m_paper != nullptr);
    if (!m_paper)
        return;

    const ContractManagerPaper &paper = *m_paper;
    m_illustrative->setText(
        tr("This report draws on illustrative figures (an invented board, profile or returns): "
           "say so wherever it is sent, and rest no decision on it."));
    m_illustrative->setVisible(paper.illustrative);

    const ContractManagerReport *stored = m_document->round().monitoring.board.report(paper.period);
    const QScopedValueRollback filling(m_filling, true);
    for (const ReportSection &section : paper.sections) {
        Matter &m = m_matters[size_t(section.matter)];
        m.heading->setText(section.title.isEmpty() ? reportMatterName(section.matter)
                                                   : section.title);
        QString html;
        if (section.findings.isEmpty()) {
            html = tr("Nothing to report from the round.").toHtmlEscaped();
        } else {
            html = QStringLiteral("<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">");
            for (const QString &finding : section.findings)
                html += QStringLiteral("<li>%1</li>").arg(finding.toHtmlEscaped());
            html += QStringLiteral("</ul>");
        }
        m.findings->setText(html);
        m.findings->setAccessibleDescription(section.findings.join(QLatin1Char('\n')));
        m.edit->setPlaceholderText(
            tr("The board's commentary on %1 for %2")
                .arg(reportMatterName(section.matter).toLower(), periodName(paper.period)));
        // Text typed and not yet stored is kept; otherwise the box shows what is stored
        // (after an undo, another month, a change elsewhere).
        const QString text = stored ? stored->on(section.matter) : QString();
        if (!m.dirty && m.edit->toPlainText() != text)
            m.edit->setPlainText(text);
    }
    refreshEditability();
}

void ContractReportView::refreshEditability()
{
    const QString why = m_document ? m_document->whyMonitoringFrozen() : tr("No round is open.");
    for (Matter &m : m_matters) {
        // Described whether or not it can be edited; when it cannot, the reason follows.
        const QString about =
            tr("The board's own commentary on %1 for the month picked, saved as you type.")
                .arg(reportMatterName(m.matter).toLower());
        m.edit->setReadOnly(!why.isEmpty());
        m.edit->setToolTip(why);
        m.edit->setAccessibleDescription(why.isEmpty() ? about : about + QLatin1Char(' ') + why);
    }
}

bool ContractReportView::commitCommentary()
{
    m_idle->stop();
    bool done = true;
    for (Matter &m : m_matters)
        done = commit(m) && done;
    return done;
}

bool ContractReportView::commit(Matter &m)
{
    if (!m.dirty)
        return true;
    m.dirty = false;
    if (!m_document || !m.period.isValid() || !m_document->whyMonitoringFrozen().isEmpty())
        return false;
    ProgrammeBoard board = m_document->round().monitoring.board;
    const QString text = m.edit->toPlainText();
    auto report =
        std::find_if(board.reports.begin(), board.reports.end(),
                     [&](const ContractManagerReport &r) { return r.period == m.period; });
    if (report == board.reports.end()) {
        if (text.isEmpty())
            return true;
        ContractManagerReport added;
        added.period = m.period;
        board.reports.append(added);
        std::sort(board.reports.begin(), board.reports.end(),
                  [](const ContractManagerReport &a, const ContractManagerReport &b) {
                      return a.period < b.period;
                  });
        report = std::find_if(board.reports.begin(), board.reports.end(),
                              [&](const ContractManagerReport &r) { return r.period == m.period; });
    }
    report->on(m.matter) = text;
    // A month with no commentary left keeps no report.
    if (std::all_of(report->commentary.begin(), report->commentary.end(),
                    [](const QString &c) { return c.isEmpty(); }))
        board.reports.erase(report);

    const QString mergeKey = QStringLiteral("report/%1/%2/%3")
                                 .arg(periodKey(m.period), reportMatterKey(m.matter))
                                 .arg(m.spell);
    const QString undoText = tr("Edit the commentary on %1 for %2")
                                 .arg(reportMatterName(m.matter).toLower(), periodName(m.period));
    RoundDocument *document = m_document;
    return m_edits->run(tr("The commentary was not saved"),
                        [&] { return Commands::setBoard(document, board, undoText, mergeKey); });
}

bool ContractReportView::saveHtml()
{
    if (!m_document)
        return false;
    commitCommentary();
    if (m_stale || !m_paper)
        compute();
    if (!m_paper)
        return false;
    const QString suggested = QDir(startDirectory())
                                  .filePath(tr("%1 report to DWP %2.html")
                                                .arg(fileNamePart(m_document->round().title),
                                                     periodKey(m_paper->period)));
    const QString path = m_dialogs->saveFileName(window(), tr("Save the report as HTML"), suggested,
                                                 tr("HTML files (*.html *.htm);;All files (*)"));
    if (path.isEmpty() || !m_paper)
        return false;
    Settings::setValue(Settings::LastDirectory, QFileInfo(path).absolutePath());
    const QByteArray bytes = m_paper->toHtml().toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_dialogs->showError(
            window(), tr("The report was not saved"),
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

bool ContractReportView::copyText()
{
    if (!m_document)
        return false;
    commitCommentary();
    if (m_stale || !m_paper)
        compute();
    if (!m_paper)
        return false;
    QGuiApplication::clipboard()->setText(m_paper->toText());
    return true;
}

} // namespace CoCommission
