#include "ui/paper/paperwindow.h"

#include "core/commands/papercommands.h"
#include "core/paper/composer.h"
#include "core/paper/paperwriter.h"
#include "core/round/paper.h"
#include "core/round/round.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/noticebox.h"
#include "ui/paper/newpaperdialog.h"
#include "ui/paper/paperpreview.h"
#include "ui/settings.h"
#include "ui/uiutil.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDateEdit>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

/** "stages 4 and 5", "stage 6" */
QString stageList(const QList<StageId> &stages)
{
    QStringList numbers;
    for (StageId stage : stages)
        numbers << QString::number(stageNumber(stage));
    if (numbers.size() == 1)
        return QCoreApplication::translate("CoCommission::PaperWindow", "stage %1")
            .arg(numbers.first());
    const QString last = numbers.takeLast();
    return QCoreApplication::translate("CoCommission::PaperWindow", "stages %1 and %2")
        .arg(numbers.join(QStringLiteral(", ")), last);
}

QString suffixOf(Paper::Format format)
{
    switch (format) {
    case Paper::Format::Pdf:
        return QStringLiteral("pdf");
    case Paper::Format::Odt:
        return QStringLiteral("odt");
    case Paper::Format::Html:
        return QStringLiteral("html");
    }
    return {};
}

QString filterOf(Paper::Format format)
{
    switch (format) {
    case Paper::Format::Pdf:
        return QCoreApplication::translate("CoCommission::PaperWindow", "PDF files (*.pdf)");
    case Paper::Format::Odt:
        return QCoreApplication::translate("CoCommission::PaperWindow",
                                           "OpenDocument text (*.odt)");
    case Paper::Format::Html:
        return QCoreApplication::translate("CoCommission::PaperWindow", "Web pages (*.html *.htm)");
    }
    return {};
}

} // namespace

PaperWindow::PaperWindow(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("paperWindow"));
    setAccessibleName(tr("Board papers"));
    setWindowTitle(tr("Board papers – CoCommission"));
    resize(1260, 780);

    m_storeTimer = new QTimer(this);
    m_storeTimer->setSingleShot(true);
    m_storeTimer->setInterval(kStoreDelayMs);
    connect(m_storeTimer, &QTimer::timeout, this, [this] { storePending(false); });

    m_frozenNotice = new NoticeBox(NoticeBox::Kind::Warning, QString(), this);
    m_frozenNotice->setObjectName(QStringLiteral("paperFrozenNotice"));
    m_frozenNotice->hide();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("paperSplitter"));
    splitter->setChildrenCollapsible(false);

    auto *listPanel = new QWidget(splitter);
    buildList(listPanel);

    auto *editorScroll = new QScrollArea(splitter);
    editorScroll->setObjectName(QStringLiteral("paperEditorScroll"));
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    editorScroll->setFocusPolicy(Qt::NoFocus);
    editorScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *editorContent = new QWidget;
    buildEditor(editorContent);
    editorScroll->setWidget(editorContent);

    auto *previewPanel = new QWidget(splitter);
    buildPreview(previewPanel);

    splitter->addWidget(listPanel);
    splitter->addWidget(editorScroll);
    splitter->addWidget(previewPanel);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({230, 520, 510});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_frozenNotice);
    layout->addWidget(splitter, 1);

    m_undoAction = new QAction(tr("Undo"), this);
    m_undoAction->setObjectName(QStringLiteral("paperUndoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    connect(m_undoAction, &QAction::triggered, this, [this] {
        storePending();
        if (m_document)
            m_document->undoStack()->undo();
    });
    m_redoAction = new QAction(tr("Redo"), this);
    m_redoAction->setObjectName(QStringLiteral("paperRedoAction"));
    m_redoAction->setShortcuts(QKeySequence::Redo);
    connect(m_redoAction, &QAction::triggered, this, [this] {
        storePending();
        if (m_document)
            m_document->undoStack()->redo();
    });
    auto *closeAction = new QAction(tr("Close"), this);
    closeAction->setShortcut(QKeySequence::Close);
    connect(closeAction, &QAction::triggered, this, &QWidget::close);
    addActions({m_undoAction, m_redoAction, closeAction});

    refresh();
}

PaperWindow::~PaperWindow() = default;

// --- Building ------------------------------------------------------------------------------

void PaperWindow::buildList(QWidget *panel)
{
    m_list = new QListWidget(panel);
    m_list->setObjectName(QStringLiteral("paperList"));
    m_list->setAccessibleName(tr("Board papers of the round"));
    m_list->setAccessibleDescription(tr("By meeting date. Use the arrow keys to choose a paper."));
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_list, &QListWidget::currentRowChanged, this, &PaperWindow::onListRowChanged);

    auto *label = new QLabel(tr("Papers"), panel);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->setBuddy(m_list);

    m_newButton = UiUtil::makeButton(tr("&New paper…"), tr("New paper"),
                                     QStringLiteral("newPaperButton"), panel);
    m_newButton->setToolTip(tr("Start a paper for one or more stages, with text drawn from the "
                               "round"));
    m_deleteButton = UiUtil::makeButton(tr("De&lete"), tr("Delete paper"),
                                        QStringLiteral("deletePaperButton"), panel);
    connect(m_newButton, &QPushButton::clicked, this, [this] { newPaper(); });
    connect(m_deleteButton, &QPushButton::clicked, this, &PaperWindow::deletePaper);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_deleteButton);
    layout->addLayout(buttons);
}

QLineEdit *PaperWindow::addLine(const QString &key, const QString &undoText,
                                const QString &accessible, const QString &description,
                                QString BoardPaper::*member)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(QStringLiteral("paper_") + key);
    edit->setAccessibleName(accessible);
    edit->setAccessibleDescription(description);
    connect(edit, &QLineEdit::textEdited, this, [this, key] { onTextEdited(key); });
    connect(edit, &QLineEdit::editingFinished, this, [this] {
        if (!m_loading)
            storePending();
    });
    m_fields.append({key, undoText, description, edit,
                     [member](const BoardPaper &p) { return p.*member; },
                     [member](BoardPaper &p, const QString &text) {
                         p.*member = text;
                     }});
    return edit;
}

QPlainTextEdit *PaperWindow::addText(const QString &key, const QString &undoText,
                                     const QString &accessible, const QString &description,
                                     const std::function<QString(const BoardPaper &)> &get,
                                     const std::function<void(BoardPaper &, const QString &)> &set)
{
    auto *edit = new QPlainTextEdit;
    edit->setObjectName(QStringLiteral("paper_") + key);
    edit->setAccessibleName(accessible);
    edit->setAccessibleDescription(description);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(80);
    edit->installEventFilter(this);
    connect(edit, &QPlainTextEdit::textChanged, this, [this, key] {
        if (!m_loading)
            onTextEdited(key);
    });
    m_fields.append({key, undoText, description, edit, get, set});
    return edit;
}

void PaperWindow::buildEditor(QWidget *content)
{
    m_editor = content;
    content->setObjectName(QStringLiteral("paperEditor"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 0, 8, 8);
    layout->setSpacing(10);

    m_noPaperLabel = UiUtil::makeText(content, true);
    m_noPaperLabel->setObjectName(QStringLiteral("noPaperLabel"));
    m_noPaperLabel->setText(tr("No paper is chosen. Choose one in the list, or make a new one "
                               "with New paper…"));
    layout->addWidget(m_noPaperLabel);

    // Header block.
    auto *header = new QGroupBox(tr("Header"), content);
    header->setObjectName(QStringLiteral("paperHeaderBox"));
    auto *form = new QFormLayout(header);
    m_board = addLine(QStringLiteral("board"), tr("Change the paper's board"), tr("Board"),
                      tr("The board or committee the paper goes to, printed in its header."),
                      &BoardPaper::board);
    m_itemNumber = addLine(
        QStringLiteral("itemNumber"), tr("Change the paper's item number"), tr("Item number"),
        tr("The paper's item number on the meeting's agenda."), &BoardPaper::itemNumber);
    m_title = addLine(QStringLiteral("title"), tr("Change the paper's title"), tr("Title"),
                      tr("The title of the paper, printed in its header."), &BoardPaper::title);
    m_reportBy =
        addLine(QStringLiteral("reportBy"), tr("Change who the paper is by"), tr("Report by"),
                tr("The name of the officer who reports the paper."), &BoardPaper::reportBy);
    m_jobTitle =
        addLine(QStringLiteral("jobTitle"), tr("Change the author's job title"), tr("Job title"),
                tr("The job title of the officer who reports the paper."), &BoardPaper::jobTitle);
    m_contact = addLine(
        QStringLiteral("contactOfficer"), tr("Change the contact officer"), tr("Contact officer"),
        tr("The officer to contact with questions about the paper."), &BoardPaper::contactOfficer);
    m_email = addLine(QStringLiteral("email"), tr("Change the contact email"), tr("Email"),
                      tr("The contact officer's email address, printed in the header."),
                      &BoardPaper::email);
    m_telephone =
        addLine(QStringLiteral("telephone"), tr("Change the contact telephone"), tr("Telephone"),
                tr("The contact officer's telephone number, printed in the header."),
                &BoardPaper::telephone);
    m_itemNumber->setMaximumWidth(120);

    m_meeting = new QDateEdit(header);
    m_meeting->setObjectName(QStringLiteral("paper_meeting"));
    m_meeting->setAccessibleName(tr("Meeting date"));
    m_meeting->setToolTip(tr("The date of the board meeting the paper goes to."));
    m_meeting->setCalendarPopup(true);
    m_meeting->setDisplayFormat(QStringLiteral("d MMMM yyyy"));
    connect(m_meeting, &QDateEdit::dateChanged, this, [this](const QDate &date) {
        if (m_loading)
            return;
        store(QStringLiteral("meeting"), tr("Change the meeting date"),
              [date](BoardPaper &p) { p.meeting = date; });
    });

    auto *stagesRow = new QWidget(header);
    auto *stagesLayout = new QGridLayout(stagesRow);
    stagesLayout->setContentsMargins(0, 0, 0, 0);
    stagesLayout->setHorizontalSpacing(12);
    for (StageId stage : kAllStages) {
        auto *check =
            new QCheckBox(tr("&%1 %2").arg(stageNumber(stage)).arg(stageTitle(stage)), stagesRow);
        check->setObjectName(QStringLiteral("paperStage%1").arg(stageNumber(stage)));
        check->setAccessibleName(
            tr("Covers stage %1, %2").arg(stageNumber(stage)).arg(stageTitle(stage).toLower()));
        check->setToolTip(tr("Tick for the paper to cover stage %1, with sections drawn from the "
                             "round; untick to take them out.")
                              .arg(stageNumber(stage)));
        connect(check, &QCheckBox::toggled, this,
                [this, stage](bool on) { onStageToggled(stage, on); });
        stagesLayout->addWidget(check, int(stage), 0);
        m_stageChecks.append(check);
    }

    const auto row = [form](const QString &label, QWidget *field) {
        auto *l = new QLabel(label);
        l->setBuddy(field);
        form->addRow(l, field);
    };
    row(tr("&Board:"), m_board);
    row(tr("&Item number:"), m_itemNumber);
    row(tr("&Title:"), m_title);
    row(tr("Report b&y:"), m_reportBy);
    row(tr("&Job title:"), m_jobTitle);
    row(tr("Contact office&r:"), m_contact);
    row(tr("&Email:"), m_email);
    row(tr("Telephone:"), m_telephone);
    row(tr("Meeting &date:"), m_meeting);
    form->addRow(tr("Stages:"), stagesRow);
    layout->addWidget(header);

    const auto section = [content, layout](const QString &title, QWidget *field,
                                           QWidget *extra = nullptr) {
        auto *label = new QLabel(title, content);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        label->setBuddy(field);
        layout->addWidget(label);
        layout->addWidget(field);
        if (extra)
            layout->addWidget(extra);
    };
    const auto text = [this](const QString &key, const QString &undoText, const QString &name,
                             const QString &description, QString BoardPaper::*m) {
        return addText(
            key, undoText, name, description, [m](const BoardPaper &p) { return p.*m; },
            [m](BoardPaper &p, const QString &t) { p.*m = t; });
    };

    m_summary = text(QStringLiteral("summary"), tr("Change the summary"), tr("Summary"),
                     tr("What the paper is about and what the board is asked to decide, in a "
                        "few sentences."),
                     &BoardPaper::summary);
    section(tr("&Summary"), m_summary);

    // Recommendations: numbered as printed, edited in place.
    m_recommendations = new QTableWidget(0, 1, content);
    m_recommendations->setObjectName(QStringLiteral("recommendationsTable"));
    m_recommendations->setAccessibleName(tr("Recommendations"));
    m_recommendations->setAccessibleDescription(
        tr("Numbered as printed. Press F2 to change the one selected."));
    m_recommendations->horizontalHeader()->hide();
    m_recommendations->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_recommendations->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_recommendations->setWordWrap(true);
    m_recommendations->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recommendations->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recommendations->setEditTriggers(QAbstractItemView::DoubleClicked |
                                       QAbstractItemView::EditKeyPressed |
                                       QAbstractItemView::AnyKeyPressed);
    m_recommendations->setTabKeyNavigation(false);
    m_recommendations->setMinimumHeight(110);
    connect(m_recommendations, &QTableWidget::itemChanged, this,
            [this](QTableWidgetItem *item) { onRecommendationEdited(item->row()); });
    connect(m_recommendations, &QTableWidget::currentCellChanged, this,
            &PaperWindow::refreshEnabled);
    m_addRecommendation = UiUtil::makeButton(tr("&Add…"), tr("Add recommendation"),
                                             QStringLiteral("addRecommendationButton"), content);
    m_removeRecommendation =
        UiUtil::makeButton(tr("Re&move"), tr("Remove recommendation"),
                           QStringLiteral("removeRecommendationButton"), content);
    m_moveUp = UiUtil::makeButton(tr("Move &up"), tr("Move recommendation up"),
                                  QStringLiteral("moveRecommendationUpButton"), content);
    m_moveDown = UiUtil::makeButton(tr("Move do&wn"), tr("Move recommendation down"),
                                    QStringLiteral("moveRecommendationDownButton"), content);
    m_addRecommendation->setToolTip(tr("Add a recommendation at the end of the list."));
    m_removeRecommendation->setToolTip(tr("Remove the recommendation selected in the list."));
    m_moveUp->setToolTip(tr("Move the selected recommendation up one place, taking the number "
                            "before it."));
    m_moveDown->setToolTip(tr("Move the selected recommendation down one place, taking the "
                              "number after it."));
    connect(m_addRecommendation, &QPushButton::clicked, this, [this] { addRecommendation(); });
    connect(m_removeRecommendation, &QPushButton::clicked, this,
            &PaperWindow::removeRecommendation);
    connect(m_moveUp, &QPushButton::clicked, this, [this] { moveRecommendation(-1); });
    connect(m_moveDown, &QPushButton::clicked, this, [this] { moveRecommendation(1); });
    auto *recommendationButtons = new QWidget(content);
    auto *recommendationRow =
        UiUtil::buttonRow({m_addRecommendation, m_removeRecommendation, m_moveUp, m_moveDown});
    recommendationRow->setContentsMargins(0, 0, 0, 0);
    recommendationButtons->setLayout(recommendationRow);
    section(tr("Re&commendations"), m_recommendations, recommendationButtons);

    m_background = text(QStringLiteral("background"), tr("Change the background"), tr("Background"),
                        tr("The background the board needs to understand the recommendations."),
                        &BoardPaper::background);
    section(tr("Bac&kground"), m_background);
    m_options = text(QStringLiteral("options"), tr("Change the options considered"),
                     tr("Options considered"),
                     tr("The other courses of action considered, and why they are not "
                        "recommended."),
                     &BoardPaper::options);
    section(tr("&Options considered"), m_options);
    m_financial = text(QStringLiteral("financial"), tr("Change the financial implications"),
                       tr("Financial implications"),
                       tr("The costs and funding the recommendations commit the programme to."),
                       &BoardPaper::financial);
    section(tr("&Financial implications"), m_financial);
    m_legal =
        text(QStringLiteral("legal"), tr("Change the legal implications"), tr("Legal implications"),
             tr("The legal powers, duties and procurement rules the recommendations rest "
                "on."),
             &BoardPaper::legal);
    section(tr("Le&gal implications"), m_legal);
    m_equalities = text(QStringLiteral("equalities"), tr("Change the equalities implications"),
                        tr("Equalities implications"),
                        tr("How the recommendations affect people who share a protected "
                           "characteristic."),
                        &BoardPaper::equalities);
    section(tr("E&qualities implications"), m_equalities);
    m_backgroundPapers = addText(
        QStringLiteral("backgroundPapers"), tr("Change the background papers"),
        tr("Background papers, one per line"),
        tr("The documents the paper relied on, one per line, listed at its end."),
        [](const BoardPaper &p) { return p.backgroundPapers.join(QLatin1Char('\n')); },
        [](BoardPaper &p, const QString &t) {
            QStringList lines;
            for (const QString &line : t.split(QLatin1Char('\n'))) {
                if (!line.trimmed().isEmpty())
                    lines << line.trimmed();
            }
            p.backgroundPapers = lines;
        });
    section(tr("Background papers (one per line)"), m_backgroundPapers);

    // Publication: exempt sections, not for publication, disclosure control.
    m_exemptBox = new QGroupBox(tr("Exempt sections (left out of the public version)"), content);
    m_exemptBox->setObjectName(QStringLiteral("exemptBox"));
    m_exemptLayout = new QVBoxLayout(m_exemptBox);
    layout->addWidget(m_exemptBox);

    auto *publication = new QGroupBox(tr("Publication"), content);
    publication->setObjectName(QStringLiteral("publicationBox"));
    m_notForPublication =
        new QCheckBox(tr("Not for publication (the whole paper is exempt)"), publication);
    m_notForPublication->setObjectName(QStringLiteral("notForPublicationCheck"));
    m_notForPublication->setAccessibleName(tr("Not for publication"));
    m_notForPublication->setToolTip(
        tr("Mark the whole paper exempt: its public version is only a notice that it exists."));
    connect(m_notForPublication, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading)
            return;
        store({}, on ? tr("Mark the paper not for publication") : tr("Mark the paper public"),
              [on](BoardPaper &p) {
                  p.notForPublication = on;
                  if (!on) // a public paper is always protected
                      p.disclosure.enabled = true;
              });
    });
    m_disclosureEnabled =
        new QCheckBox(tr("Apply disclosure control to counts of people"), publication);
    m_disclosureEnabled->setObjectName(QStringLiteral("disclosureCheck"));
    m_disclosureEnabled->setAccessibleName(tr("Apply disclosure control"));
    connect(m_disclosureEnabled, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading)
            return;
        store({}, on ? tr("Apply disclosure control") : tr("Switch disclosure control off"),
              [on](BoardPaper &p) { p.disclosure.enabled = on; });
    });
    m_disclosureReason = UiUtil::makeText(publication, true);
    m_disclosureReason->setObjectName(QStringLiteral("disclosureReason"));

    const auto spin = [this, publication](const QString &name, const QString &accessible,
                                          const QString &key, const QString &undoText,
                                          int DisclosureRule::*m) {
        auto *s = new QSpinBox(publication);
        s->setObjectName(name);
        s->setAccessibleName(accessible);
        s->setRange(1, 100);
        connect(s, &QSpinBox::valueChanged, this, [this, key, undoText, m](int value) {
            if (m_loading)
                return;
            store(key, undoText, [m, value](BoardPaper &p) { p.disclosure.*m = value; });
        });
        return s;
    };
    m_threshold = spin(QStringLiteral("thresholdSpin"), tr("Suppress counts below"),
                       QStringLiteral("threshold"), tr("Change the suppression threshold"),
                       &DisclosureRule::threshold);
    m_threshold->setToolTip(
        tr("Counts of people below this are printed as %1.").arg(Paper::suppressionMark()));
    m_rounding = spin(QStringLiteral("roundingSpin"), tr("Round other counts to a multiple of"),
                      QStringLiteral("rounding"), tr("Change the rounding of counts"),
                      &DisclosureRule::rounding);
    m_rounding->setToolTip(
        tr("Counts of people at or above the threshold are rounded to a multiple of this."));
    auto *ruleForm = new QFormLayout;
    auto *thresholdLabel = new QLabel(tr("Suppress counts below:"), publication);
    thresholdLabel->setBuddy(m_threshold);
    auto *roundingLabel = new QLabel(tr("Round other counts to a multiple of:"), publication);
    roundingLabel->setBuddy(m_rounding);
    ruleForm->addRow(thresholdLabel, m_threshold);
    ruleForm->addRow(roundingLabel, m_rounding);
    auto *publicationLayout = new QVBoxLayout(publication);
    publicationLayout->addWidget(m_notForPublication);
    publicationLayout->addWidget(m_disclosureEnabled);
    publicationLayout->addWidget(m_disclosureReason);
    publicationLayout->addLayout(ruleForm);
    layout->addWidget(publication);
    layout->addStretch(1);
}

void PaperWindow::buildPreview(QWidget *panel)
{
    m_preview = new PaperPreview(panel);
    connect(m_preview, &PaperPreview::versionChanged, this, &PaperWindow::refreshEnabled);
    m_exportPdf = UiUtil::makeButton(tr("Export &PDF…"), tr("Export as PDF"),
                                     QStringLiteral("exportPdfButton"), panel);
    m_exportOdt = UiUtil::makeButton(tr("E&xport ODT…"), tr("Export as ODT"),
                                     QStringLiteral("exportOdtButton"), panel);
    m_exportHtml = UiUtil::makeButton(tr("Export &HTML…"), tr("Export as HTML"),
                                      QStringLiteral("exportHtmlButton"), panel);
    m_exportPdf->setToolTip(
        tr("Save the version of the paper shown in the preview as a PDF file to circulate."));
    m_exportOdt->setToolTip(tr("Save the version of the paper shown in the preview as an "
                               "OpenDocument text file to edit in a word processor."));
    m_exportHtml->setToolTip(
        tr("Save the version of the paper shown in the preview as an HTML web page."));
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { exportPaper(Paper::Format::Pdf); });
    connect(m_exportOdt, &QPushButton::clicked, this, [this] { exportPaper(Paper::Format::Odt); });
    connect(m_exportHtml, &QPushButton::clicked, this,
            [this] { exportPaper(Paper::Format::Html); });
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preview, 1);
    layout->addLayout(UiUtil::buttonRow({}, {m_exportPdf, m_exportOdt, m_exportHtml}));
}

// --- Document ------------------------------------------------------------------------------

void PaperWindow::setDocument(RoundDocument *document)
{
    if (m_document == document)
        return;
    storePending();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_paper = 0;
    m_dirty.clear();
    if (m_newDialog)
        m_newDialog->reject();
    if (m_document) {
        // roundChanged() follows papersChanged() and every other change: the sections a paper
        // can mark exempt and the title follow the rest of the round.
        connect(m_document, &RoundDocument::roundChanged, this, &PaperWindow::refresh);
    }
    m_preview->setDocument(document);
    refresh();
    if (m_list->count() > 0)
        m_list->setCurrentRow(m_list->count() - 1);
}

RoundDocument *PaperWindow::document() const
{
    return m_document;
}

const BoardPaper *PaperWindow::storedPaper() const
{
    return m_document && m_paper > 0 ? m_document->round().paper(m_paper) : nullptr;
}

QString PaperWindow::whyFrozen() const
{
    return m_document ? m_document->whyPapersFrozen() : tr("No round is open.");
}

void PaperWindow::updateTitle()
{
    setWindowTitle(m_document ? tr("Board papers – %1").arg(m_document->round().title)
                              : tr("Board papers – CoCommission"));
}

void PaperWindow::refresh()
{
    if (m_paper > 0 && !storedPaper())
        m_paper = 0; // removed (or its creation undone)
    refreshList();
    loadPaper();
    updateTitle();
}

void PaperWindow::refreshList()
{
    QList<const BoardPaper *> papers;
    if (m_document) {
        for (const BoardPaper &p : m_document->round().papers)
            papers << &p;
    }
    std::stable_sort(papers.begin(), papers.end(), [](const BoardPaper *a, const BoardPaper *b) {
        if (a->meeting != b->meeting)
            return a->meeting < b->meeting;
        const int sa = a->stages.isEmpty() ? 0 : int(a->stages.first());
        const int sb = b->stages.isEmpty() ? 0 : int(b->stages.first());
        if (sa != sb)
            return sa < sb;
        return a->id < b->id;
    });

    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const QLocale locale;
    for (const BoardPaper *p : papers) {
        const QString title = p->title.trimmed().isEmpty() ? tr("(no title)") : p->title;
        const QString item =
            p->itemNumber.isEmpty() ? QString() : tr("Item %1: ").arg(p->itemNumber);
        auto *entry = new QListWidgetItem(
            tr("%1%2\n%3 · %4")
                .arg(item, title, locale.toString(p->meeting, QStringLiteral("d MMM yyyy")),
                     stageList(p->stages)),
            m_list);
        entry->setData(kIdRole, p->id);
        entry->setToolTip(
            tr("%1, for the meeting of %2")
                .arg(title, locale.toString(p->meeting, QStringLiteral("d MMMM yyyy"))));
        if (p->id == m_paper)
            m_list->setCurrentItem(entry);
    }
    m_list->setAccessibleDescription(
        m_list->count() == 0 ? tr("No papers yet. Make one with New paper.")
                             : tr("By meeting date. Use the arrow keys to choose a paper."));
}

bool PaperWindow::selectPaper(qint64 id)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kIdRole).toLongLong() == id) {
            m_list->setCurrentRow(row);
            return m_paper == id;
        }
    }
    return false;
}

void PaperWindow::onListRowChanged()
{
    QListWidgetItem *item = m_list->currentItem();
    const qint64 id = item ? item->data(kIdRole).toLongLong() : 0;
    if (id == m_paper)
        return;
    storePending();
    m_paper = id;
    loadPaper();
}

void PaperWindow::loadPaper()
{
    const BoardPaper *p = storedPaper();
    m_loading = true;
    m_preview->setPaper(p ? p->id : 0);
    m_noPaperLabel->setVisible(!p);
    const BoardPaper empty;
    const BoardPaper &paper = p ? *p : empty;

    for (const TextField &field : std::as_const(m_fields)) {
        if (m_dirty.contains(field.key))
            continue; // typed and not yet stored: the widget holds the newer text
        const QString value = field.get(paper);
        if (auto *line = qobject_cast<QLineEdit *>(field.widget)) {
            if (line->text() != value) {
                line->setText(value);
                line->setCursorPosition(0); // the start of a long title, not its end
            }
        } else if (auto *text = qobject_cast<QPlainTextEdit *>(field.widget)) {
            if (text->toPlainText() != value)
                text->setPlainText(value);
        }
    }
    m_meeting->setDate(paper.meeting.isValid() ? paper.meeting : QDate::currentDate());
    for (StageId stage : kAllStages)
        m_stageChecks.at(int(stage))->setChecked(paper.stages.contains(stage));

    const int current = m_recommendations->currentRow();
    {
        const QSignalBlocker blocker(m_recommendations);
        // Items are changed in place, not replaced: this may run inside an item's own signal.
        m_recommendations->setRowCount(int(paper.recommendations.size()));
        for (int row = 0; row < paper.recommendations.size(); ++row) {
            QTableWidgetItem *item = m_recommendations->item(row, 0);
            if (!item) {
                item = new QTableWidgetItem;
                m_recommendations->setItem(row, 0, item);
            }
            if (item->text() != paper.recommendations.at(row))
                item->setText(paper.recommendations.at(row));
            item->setToolTip(tr("Recommendation %1").arg(row + 1));
        }
        if (m_recommendations->rowCount() > 0)
            m_recommendations->setCurrentCell(
                std::clamp(current, 0, m_recommendations->rowCount() - 1), 0);
    }

    rebuildExemptChecks(paper);
    m_notForPublication->setChecked(paper.notForPublication);
    m_disclosureEnabled->setChecked(paper.disclosure.enabled);
    m_threshold->setValue(paper.disclosure.threshold);
    m_rounding->setValue(paper.disclosure.rounding);
    m_loading = false;
    refreshEnabled();
}

void PaperWindow::rebuildExemptChecks(const BoardPaper &paper)
{
    QList<Paper::SectionInfo> sections;
    if (m_document && !paper.stages.isEmpty())
        sections = Paper::paperSectionKeys(m_document->round(), paper.stages);
    QStringList keys;
    for (const Paper::SectionInfo &s : sections)
        keys << s.key;
    if (keys != m_exemptKeys) {
        UiUtil::clearLayout(m_exemptLayout);
        m_exemptChecks.clear();
        m_exemptKeys = keys;
        for (const Paper::SectionInfo &s : std::as_const(sections)) {
            auto *check = new QCheckBox(s.title, m_exemptBox);
            check->setObjectName(QStringLiteral("exempt_") + s.key);
            check->setAccessibleName(tr("%1 is exempt").arg(s.title));
            if (s.exemptByDefault)
                check->setToolTip(tr("Usually exempt: commercially sensitive until the award."));
            const QString key = s.key;
            connect(check, &QCheckBox::toggled, this, [this, key, title = s.title](bool on) {
                if (m_loading)
                    return;
                store({}, on ? tr("Mark %1 exempt").arg(title) : tr("Mark %1 public").arg(title),
                      [key, on](BoardPaper &p) {
                          p.exemptSections.removeAll(key);
                          if (on)
                              p.exemptSections.append(key);
                      });
            });
            m_exemptLayout->addWidget(check);
            m_exemptChecks.insert(s.key, check);
        }
        if (sections.isEmpty()) {
            auto *none = UiUtil::makeText(m_exemptBox, true);
            none->setText(tr("Choose a paper to mark its sections exempt."));
            m_exemptLayout->addWidget(none);
        }
    }
    for (auto it = m_exemptChecks.cbegin(); it != m_exemptChecks.cend(); ++it)
        it.value()->setChecked(paper.exemptSections.contains(it.key()));
}

void PaperWindow::refreshEnabled()
{
    const QString why = m_document ? m_document->whyPapersFrozen() : QString();
    m_frozenNotice->setText(why);
    m_frozenNotice->setVisible(!why.isEmpty());
    const BoardPaper *paper = storedPaper();
    const bool editable = paper && why.isEmpty();

    m_newButton->setEnabled(m_document && why.isEmpty());
    m_newButton->setToolTip(why.isEmpty() ? tr("Start a paper for one or more stages, with text "
                                               "drawn from the round")
                                          : why);
    m_deleteButton->setEnabled(editable);
    m_deleteButton->setToolTip(
        paper && !why.isEmpty() ? why
                                : tr("Delete the paper chosen in the list; Undo brings it back."));
    for (const TextField &field : std::as_const(m_fields)) {
        field.widget->setEnabled(paper);
        if (auto *line = qobject_cast<QLineEdit *>(field.widget))
            line->setReadOnly(!editable);
        else if (auto *text = qobject_cast<QPlainTextEdit *>(field.widget))
            text->setReadOnly(!editable);
        const bool frozen = paper && !why.isEmpty();
        field.widget->setToolTip(frozen ? why : QString());
        // Described whether or not it can be edited; when it cannot, the reason follows.
        field.widget->setAccessibleDescription(frozen ? field.description + QLatin1Char(' ') + why
                                                      : field.description);
    }
    m_meeting->setEnabled(editable);
    for (QCheckBox *check : std::as_const(m_stageChecks))
        check->setEnabled(editable);
    m_recommendations->setEnabled(paper);
    m_recommendations->setEditTriggers(editable ? QAbstractItemView::DoubleClicked |
                                                      QAbstractItemView::EditKeyPressed |
                                                      QAbstractItemView::AnyKeyPressed
                                                : QAbstractItemView::NoEditTriggers);
    const int row = m_recommendations->currentRow();
    const int rows = m_recommendations->rowCount();
    m_addRecommendation->setEnabled(editable);
    m_removeRecommendation->setEnabled(editable && row >= 0);
    m_moveUp->setEnabled(editable && row > 0);
    m_moveDown->setEnabled(editable && row >= 0 && row < rows - 1);
    for (QCheckBox *check : std::as_const(m_exemptChecks))
        check->setEnabled(editable);
    m_notForPublication->setEnabled(editable);
    const bool secret = paper && paper->notForPublication;
    m_disclosureEnabled->setEnabled(editable && secret);
    m_disclosureReason->setText(
        secret ? tr("Counts below the threshold are suppressed and the rest rounded. As the paper "
                    "is not for publication, you may switch this off for the board.")
               : tr("Counts below the threshold are suppressed and the rest rounded. This cannot "
                    "be switched off: the paper may be published. Mark it not for publication "
                    "first."));
    m_disclosureEnabled->setToolTip(secret ? QString() : m_disclosureReason->text());
    const bool applies = !paper || paper->disclosure.enabled || !secret;
    m_threshold->setEnabled(editable && applies);
    m_rounding->setEnabled(editable && applies);

    for (QPushButton *b : {m_exportPdf, m_exportOdt, m_exportHtml})
        b->setEnabled(paper);
    m_preview->setEnabled(paper);
}

// --- Storing -------------------------------------------------------------------------------

bool PaperWindow::store(const QString &mergeKey, const QString &undoText,
                        const std::function<void(BoardPaper &)> &change, bool report)
{
    const BoardPaper *stored = storedPaper();
    if (!stored)
        return false;
    BoardPaper paper = *stored;
    change(paper);
    if (paper == *stored)
        return true;
    // Per paper, so that typing in the same field of two papers makes two steps.
    const QString key =
        mergeKey.isEmpty() ? QString() : QStringLiteral("paper/%1/%2").arg(m_paper).arg(mergeKey);
    if (!report) {
        // Half-typed text that would be refused waits for the field to be left.
        if (!whyFrozen().isEmpty() || !Paper::checkPaper(paper).isEmpty())
            return false;
        return Commands::savePaper(m_document, paper, undoText, key).ok();
    }
    const bool ok = m_edits->run(tr("The paper was not changed"), [&]() -> Status {
        const Result<qint64> saved = Commands::savePaper(m_document, paper, undoText, key);
        return saved ? Status() : Status(saved.error());
    });
    if (!ok)
        loadPaper(); // show what is stored, not what was refused
    return ok;
}

void PaperWindow::onTextEdited(const QString &key)
{
    if (m_loading || !storedPaper())
        return;
    m_dirty.insert(key);
    m_storeTimer->start();
}

void PaperWindow::storePending(bool report)
{
    m_storeTimer->stop();
    if (m_dirty.isEmpty())
        return;
    for (const TextField &field : std::as_const(m_fields)) {
        if (!m_dirty.contains(field.key))
            continue;
        QString value;
        if (auto *line = qobject_cast<QLineEdit *>(field.widget))
            value = line->text();
        else if (auto *text = qobject_cast<QPlainTextEdit *>(field.widget))
            value = text->toPlainText();
        const auto set = field.set;
        const bool stored = store(
            field.key, field.undoText, [&](BoardPaper &p) { set(p, value); }, report);
        if (stored || report)
            m_dirty.remove(field.key);
    }
    if (report)
        loadPaper(); // a refused text was put back to what is stored
}

bool PaperWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut && qobject_cast<QPlainTextEdit *>(watched))
        storePending();
    return QWidget::eventFilter(watched, event);
}

void PaperWindow::closeEvent(QCloseEvent *event)
{
    storePending();
    if (m_newDialog)
        m_newDialog->reject();
    QWidget::closeEvent(event);
}

void PaperWindow::onStageToggled(StageId stage, bool on)
{
    if (m_loading)
        return;
    const BoardPaper *paper = storedPaper();
    if (!paper)
        return;
    if (!on && paper->stages.size() == 1 && paper->stages.contains(stage)) {
        m_dialogs->showWarning(this, tr("The paper was not changed"),
                               tr("A paper covers at least one stage. Tick another stage before "
                                  "taking %1 away.")
                                   .arg(stageList({stage})));
        loadPaper();
        return;
    }
    store({},
          on ? tr("Add stage %1 to the paper").arg(stageNumber(stage))
             : tr("Take stage %1 from the paper").arg(stageNumber(stage)),
          [stage, on](BoardPaper &p) {
              p.stages.removeAll(stage);
              if (on)
                  p.stages.append(stage);
              std::sort(p.stages.begin(), p.stages.end());
          });
}

// --- Papers --------------------------------------------------------------------------------

NewPaperDialog *PaperWindow::newPaper(const QList<StageId> &stages)
{
    if (!m_document)
        return nullptr;
    if (const QString why = whyFrozen(); !why.isEmpty()) {
        m_dialogs->showInformation(this, tr("No paper can be made now"), why);
        return nullptr;
    }
    storePending();
    if (!m_newDialog) {
        m_newDialog = new NewPaperDialog(this);
        m_newDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_newDialog->setWindowModality(Qt::WindowModal);
        connect(m_newDialog, &QDialog::accepted, this, [this] {
            if (m_newDialog)
                createPaper(m_newDialog->stages(), m_newDialog->meeting());
        });
    }
    if (!stages.isEmpty())
        m_newDialog->setStages(stages);
    m_newDialog->open();
    return m_newDialog;
}

NewPaperDialog *PaperWindow::newPaperDialog() const
{
    return m_newDialog;
}

qint64 PaperWindow::createPaper(const QList<StageId> &stages, const QDate &meeting)
{
    if (!m_document)
        return 0;
    const BoardPaper paper = Paper::defaultPaper(m_document->round(), stages, meeting);
    qint64 id = 0;
    const bool ok = m_edits->run(tr("The paper was not made"), [&]() -> Status {
        const Result<qint64> saved =
            Commands::savePaper(m_document, paper, tr("Make the paper \"%1\"").arg(paper.title));
        if (!saved)
            return Status(saved.error());
        id = *saved;
        return {};
    });
    if (!ok)
        return 0;
    selectPaper(id);
    emit statusMessage(tr("Made the paper \"%1\".").arg(paper.title));
    return id;
}

bool PaperWindow::deletePaper()
{
    const BoardPaper *paper = storedPaper();
    if (!paper)
        return false;
    storePending();
    const qint64 id = paper->id;
    const QString title = paper->title;
    if (!m_dialogs->confirm(this, tr("Delete the paper?"),
                            tr("Delete the paper \"%1\"? You can undo this with Undo.").arg(title),
                            tr("Delete")))
        return false;
    if (!m_edits->run(tr("The paper was not deleted"),
                      [&] { return Commands::removePaper(m_document, id); }))
        return false;
    emit statusMessage(tr("Deleted the paper \"%1\". Undo brings it back.").arg(title));
    return true;
}

qint64 PaperWindow::pickStage(StageId stage)
{
    const BoardPaper *best = nullptr;
    if (m_document) {
        for (const BoardPaper &p : m_document->round().papers) {
            if (p.stages.contains(stage) && (!best || p.meeting > best->meeting ||
                                             (p.meeting == best->meeting && p.id > best->id)))
                best = &p;
        }
    }
    if (best) {
        selectPaper(best->id);
        return m_paper;
    }
    newPaper({stage});
    return 0;
}

// --- Recommendations -----------------------------------------------------------------------

bool PaperWindow::addRecommendation(const std::optional<QString> &text)
{
    if (!storedPaper())
        return false;
    QString value;
    if (text) {
        value = *text;
    } else {
        const std::optional<QString> answer =
            m_dialogs->askText(this, tr("Add recommendation"), tr("The board is recommended to:"));
        if (!answer)
            return false;
        value = *answer;
    }
    value = value.trimmed();
    if (value.isEmpty()) {
        m_dialogs->showWarning(this, tr("No recommendation was added"),
                               tr("A recommendation needs some text."));
        return false;
    }
    const int row = int(storedPaper()->recommendations.size());
    if (!store({}, tr("Add a recommendation"),
               [&](BoardPaper &p) { p.recommendations.append(value); }))
        return false;
    m_recommendations->setCurrentCell(row, 0);
    refreshEnabled();
    return true;
}

bool PaperWindow::removeRecommendation()
{
    const int row = m_recommendations->currentRow();
    const BoardPaper *paper = storedPaper();
    if (!paper || row < 0 || row >= paper->recommendations.size())
        return false;
    return store({}, tr("Remove recommendation %1").arg(row + 1),
                 [row](BoardPaper &p) { p.recommendations.removeAt(row); });
}

bool PaperWindow::moveRecommendation(int delta)
{
    const int row = m_recommendations->currentRow();
    const BoardPaper *paper = storedPaper();
    const int to = row + delta;
    if (!paper || row < 0 || to < 0 || to >= paper->recommendations.size())
        return false;
    if (!store({}, tr("Move recommendation %1").arg(row + 1),
               [row, to](BoardPaper &p) { p.recommendations.move(row, to); }))
        return false;
    m_recommendations->setCurrentCell(to, 0);
    refreshEnabled();
    return true;
}

void PaperWindow::onRecommendationEdited(int row)
{
    const BoardPaper *paper = storedPaper();
    if (m_loading || !paper || row < 0 || row >= paper->recommendations.size())
        return;
    const QString value = m_recommendations->item(row, 0)->text().trimmed();
    if (value.isEmpty()) {
        m_dialogs->showWarning(this, tr("The recommendation was not changed"),
                               tr("A recommendation needs some text. To take it out, use "
                                  "Remove."));
        QTimer::singleShot(0, this, &PaperWindow::loadPaper); // not inside the item's signal
        return;
    }
    store(QStringLiteral("recommendation%1").arg(row), tr("Change recommendation %1").arg(row + 1),
          [row, value](BoardPaper &p) { p.recommendations[row] = value; });
}

// --- Export --------------------------------------------------------------------------------

QString PaperWindow::defaultFileName(Paper::Format format) const
{
    const BoardPaper *paper = storedPaper();
    if (!paper)
        return {};
    QString name = paper->title.trimmed();
    if (name.isEmpty())
        name = tr("Board paper");
    if (!paper->itemNumber.trimmed().isEmpty())
        name = tr("Item %1 - %2").arg(paper->itemNumber.trimmed(), name);
    switch (m_preview->version()) {
    case Paper::Version::Full:
        break;
    case Paper::Version::Public:
        name = tr("%1 (public)").arg(name);
        break;
    case Paper::Version::ExemptAppendix:
        name = tr("%1 (exempt appendix)").arg(name);
        break;
    }
    // Characters Windows and shared drives refuse in a file name.
    static const QRegularExpression bad(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]"));
    name.replace(bad, QStringLiteral("-"));
    return name.simplified() + QLatin1Char('.') + suffixOf(format);
}

QString PaperWindow::startDirectory() const
{
    const QString last = Settings::value(Settings::LastDirectory).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

bool PaperWindow::exportPaper(Paper::Format format)
{
    if (!storedPaper())
        return false;
    storePending();
    QString path = m_dialogs->saveFileName(this, tr("Export the paper"),
                                           QDir(startDirectory()).filePath(defaultFileName(format)),
                                           filterOf(format));
    if (path.isEmpty())
        return false;
    if (!Paper::formatForPath(path))
        path += QLatin1Char('.') + suffixOf(format);
    Settings::setValue(Settings::LastDirectory, QFileInfo(path).absolutePath());
    return exportTo(path);
}

bool PaperWindow::exportTo(const QString &path)
{
    const BoardPaper *paper = storedPaper();
    if (!paper)
        return false;
    const QString fileName = QDir::toNativeSeparators(path);
    if (!Paper::formatForPath(path)) {
        m_dialogs->showError(this, tr("The paper was not exported"),
                             tr("%1: give the file the suffix .pdf, .odt or .html.").arg(fileName));
        return false;
    }
    const Paper::Document composed =
        Paper::composePaper(m_document->round(), *paper, m_preview->version());
    const Status written = Paper::writePaper(composed, path);
    if (!written) {
        QString message = written.errorMessage();
        if (!message.contains(fileName) && !message.contains(path))
            message = tr("%1: %2").arg(fileName, message);
        m_dialogs->showError(this, tr("The paper was not exported"), message);
        return false;
    }
    emit statusMessage(tr("Exported the paper to %1.").arg(fileName));
    return true;
}

} // namespace CoCommission
