#include "ui/overviewpage.h"

#include "core/commands/commands.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/models/stagelistmodel.h"
#include "ui/noticebox.h"
#include "ui/statusicon.h"
#include "ui/uiutil.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace CoCommission {

namespace {

constexpr int kModels[] = {1, 2, 3};

QString joinNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    return QCoreApplication::translate("CoCommission::OverviewPage", "%1 and %2")
        .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.last());
}

QLabel *swatch(const QString &colour, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setFixedSize(14, 14);
    label->setStyleSheet(
        QStringLiteral("background: %1; border: 1px solid #505050; border-radius: 2px;")
            .arg(colour));
    return label;
}

} // namespace

OverviewPage::OverviewPage(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QScrollArea(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("overviewPage"));
    setAccessibleName(tr("Round overview"));
    setAccessibleDescription(
        tr("The round's title and model, its partnerships, its CPA plans and where each stage "
           "stands"));
    QVBoxLayout *layout = UiUtil::pageLayout(this);
    QWidget *content = widget();
    m_heading = UiUtil::headingLabel(QString(), 1.6, content);
    m_heading->setObjectName(QStringLiteral("overviewHeading"));
    m_fileLabel = new QLabel(content);
    m_fileLabel->setWordWrap(true);
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    UiUtil::makeSecondary(m_fileLabel);

    m_illustrativeNotice = new NoticeBox(
        NoticeBox::Kind::Information,
        tr("The needs figures in this round are illustrative, not official statistics."), content);
    m_illustrativeNotice->setObjectName(QStringLiteral("illustrativeNotice"));

    // Round details.
    auto *detailsBox = new QGroupBox(tr("Round"), content);
    m_titleEdit = new QLineEdit(detailsBox);
    m_titleEdit->setObjectName(QStringLiteral("titleEdit"));
    m_titleEdit->setAccessibleName(tr("Round title"));
    m_titleEdit->setAccessibleDescription(
        tr("The name of this commissioning round, shown in the window title and on board papers"));
    m_programmeEdit = new QLineEdit(detailsBox);
    m_programmeEdit->setObjectName(QStringLiteral("programmeEdit"));
    m_programmeEdit->setAccessibleName(tr("Programme"));
    m_programmeEdit->setAccessibleDescription(
        tr("The employment programme this round commissions"));
    m_programmeEdit->setPlaceholderText(tr("For example: Work and Health Programme"));
    m_modelCombo = new QComboBox(detailsBox);
    m_modelCombo->setObjectName(QStringLiteral("modelCombo"));
    m_modelCombo->setAccessibleName(tr("Devolution model"));
    m_modelCombo->setAccessibleDescription(
        tr("How the programme is devolved; it decides who signs off each stage"));
    for (int number : kModels)
        m_modelCombo->addItem(modelName(DevolutionModel(number)), number);
    m_modelRule = new QLabel(detailsBox);
    m_modelRule->setWordWrap(true);
    UiUtil::makeSecondary(m_modelRule);

    auto *form = new QFormLayout(detailsBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Title:"), m_titleEdit);
    form->addRow(tr("&Programme:"), m_programmeEdit);
    form->addRow(tr("Devolution &model:"), m_modelCombo);
    form->addRow(QString(), m_modelRule);

    // Partnerships and plans are rebuilt from the round.
    m_partnershipsBox = new QGroupBox(tr("Partnerships"), content);
    m_partnershipsLayout = new QVBoxLayout(m_partnershipsBox);
    m_partnershipsLayout->setSpacing(2);

    m_plansBox = new QGroupBox(tr("CPA plans"), content);
    auto *plansOuter = new QVBoxLayout(m_plansBox);
    m_plansLayout = new QVBoxLayout; // rebuilt from the round; the button below stays
    plansOuter->addLayout(m_plansLayout);
    m_openCpaEditorButton = new QPushButton(tr("&Open the CPA editor"), m_plansBox);
    m_openCpaEditorButton->setObjectName(QStringLiteral("openCpaEditorButton"));
    m_openCpaEditorButton->setAccessibleName(tr("Open the CPA editor"));
    m_openCpaEditorButton->setToolTip(tr("Draw, check, compare and suggest CPA plans (Ctrl+7)"));
    plansOuter->addWidget(m_openCpaEditorButton, 0, Qt::AlignLeft);
    connect(m_openCpaEditorButton, &QPushButton::clicked, this, &OverviewPage::cpaEditorRequested);

    auto *progressBox = new QGroupBox(tr("Stage progress"), content);
    auto *progressLayout = new QGridLayout(progressBox);
    progressLayout->setColumnStretch(2, 1);
    progressLayout->setHorizontalSpacing(10);
    for (StageId stage : kAllStages) {
        const size_t i = size_t(stage);
        m_stageDots[i] = new QLabel(progressBox);
        // A flat button that looks like a link: one Tab stop, Space or Enter follows it.
        auto *link = new QPushButton(tr("%1. %2").arg(stageNumber(stage)).arg(stageTitle(stage)),
                                     progressBox);
        link->setObjectName(QStringLiteral("stageLink%1").arg(stageNumber(stage)));
        link->setFlat(true);
        link->setCursor(Qt::PointingHandCursor);
        link->setStyleSheet(
            QStringLiteral("QPushButton { text-align: left; border: none; padding: 1px 2px; "
                           "color: palette(link); text-decoration: underline; }"
                           "QPushButton:focus { outline: 1px dotted palette(text); }"));
        link->setAccessibleName(
            tr("Go to stage %1, %2").arg(stageNumber(stage)).arg(stageTitle(stage)));
        // The tool tip (what the stage still needs) follows the round; this stays.
        link->setAccessibleDescription(
            tr("Opens the page of stage %1 with what it still needs and its sign-off")
                .arg(stageNumber(stage)));
        connect(link, &QPushButton::clicked, this, [this, stage] { emit stageRequested(stage); });
        m_stageLinks[i] = link;
        m_stageSummaries[i] = new QLabel(progressBox);
        const int row = int(i);
        progressLayout->addWidget(m_stageDots[i], row, 0);
        progressLayout->addWidget(link, row, 1);
        progressLayout->addWidget(m_stageSummaries[i], row, 2);
    }

    layout->addWidget(m_heading);
    layout->addWidget(m_fileLabel);
    layout->addWidget(m_illustrativeNotice);
    layout->addWidget(detailsBox);
    layout->addWidget(progressBox);
    layout->addWidget(m_plansBox);
    layout->addWidget(m_partnershipsBox);
    layout->addStretch(1);

    connect(m_titleEdit, &QLineEdit::editingFinished, this, &OverviewPage::commitTitle);
    connect(m_programmeEdit, &QLineEdit::editingFinished, this, &OverviewPage::commitProgramme);
    connect(m_modelCombo, &QComboBox::activated, this, &OverviewPage::onModelActivated);
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::setDocument(RoundDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &RoundDocument::titleChanged, this, &OverviewPage::refreshHeader);
        connect(m_document, &RoundDocument::programmeChanged, this, &OverviewPage::refreshHeader);
        connect(m_document, &RoundDocument::modelChanged, this, &OverviewPage::refreshHeader);
        connect(m_document, &RoundDocument::adoptedPlanChanged, this, &OverviewPage::refreshPlans);
        connect(m_document, &RoundDocument::roundChanged, this, &OverviewPage::refreshProgress);
        connect(m_document, &RoundDocument::roundChanged, this, &OverviewPage::refreshModelRule);
    }
    refreshAll();
}

void OverviewPage::refreshAll()
{
    refreshHeader();
    refreshPartnerships();
    refreshPlans();
    refreshProgress();
    refreshEditability();
}

void OverviewPage::refreshHeader()
{
    if (!m_document)
        return;
    const Round &round = m_document->round();
    m_heading->setText(round.title);
    m_fileLabel->setText(tr("Saved in %1").arg(QDir::toNativeSeparators(m_document->filePath())));
    m_illustrativeNotice->setVisible(round.hasIllustrativeFigures());
    // Only replace text the user is not in the middle of typing.
    if (!(m_titleEdit->hasFocus() && m_titleEdit->isModified()))
        m_titleEdit->setText(round.title);
    if (!(m_programmeEdit->hasFocus() && m_programmeEdit->isModified()))
        m_programmeEdit->setText(round.programme);
    {
        const QSignalBlocker blocker(m_modelCombo);
        m_modelCombo->setCurrentIndex(m_modelCombo->findData(modelNumber(round.model)));
    }
    refreshModelRule();
}

void OverviewPage::refreshModelRule()
{
    if (!m_document)
        return;
    const Round &round = m_document->round();
    // Who signs: the parties every stage needs, then those some stages need as well.
    QList<SignOffParty> common = StageRules::requiredParties(round.model, StageId::Needs);
    for (StageId stage : kAllStages) {
        const QList<SignOffParty> parties = StageRules::requiredParties(round.model, stage);
        common.removeIf([&](SignOffParty p) { return !parties.contains(p); });
    }
    QStringList commonNames;
    for (SignOffParty party : common)
        commonNames.append(partyName(party));
    QStringList sentences;
    if (!commonNames.isEmpty())
        sentences.append(
            tr("Every stage needs the signatures of: %1.").arg(joinNames(commonNames)));
    for (SignOffParty party :
         {SignOffParty::Dwp, SignOffParty::PartnershipBoard, SignOffParty::LeadAuthority}) {
        if (common.contains(party))
            continue;
        QStringList stages;
        for (StageId stage : kAllStages) {
            if (StageRules::requiredParties(round.model, stage).contains(party))
                stages.append(QString::number(stageNumber(stage)));
        }
        if (stages.size() == 1)
            sentences.append(tr("%1 also signs stage %2.").arg(partyName(party), stages.first()));
        else if (!stages.isEmpty())
            sentences.append(
                tr("%1 also signs stages %2.").arg(partyName(party), joinNames(stages)));
    }
    if (!round.signOffs.isEmpty())
        sentences.append(tr("The model cannot change now: stages carry signatures given under "
                            "it."));
    m_modelRule->setText(sentences.join(QLatin1Char(' ')));
}

void OverviewPage::refreshEditability()
{
    const QString why = m_document ? m_document->whyNotEditable() : tr("No round is open.");
    const bool editable = why.isEmpty();
    // Read-only rather than disabled: the values stay legible and can be selected and copied.
    for (QLineEdit *editor : {m_titleEdit, m_programmeEdit}) {
        editor->setReadOnly(!editable);
        editor->setToolTip(editable ? QString() : why);
    }
    m_modelCombo->setEnabled(editable);
    m_modelCombo->setToolTip(editable ? QString() : why);
    const QList<QPushButton *> buttons = m_plansBox->findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        if (button == m_openCpaEditorButton)
            continue; // the editor shows a read-only round too
        button->setEnabled(editable);
        if (!editable)
            button->setToolTip(why);
    }
}

void OverviewPage::refreshPartnerships()
{
    UiUtil::clearLayout(m_partnershipsLayout);
    if (!m_document)
        return;
    const Round &round = m_document->round();
    bool first = true;
    for (const Partnership &partnership : round.partnerships) {
        QStringList names;
        for (const QString &code : partnership.members) {
            const Authority *authority = round.authority(code);
            names.append(authority ? authority->name : code);
        }
        QString heading = tr("<b>%1</b>").arg(partnership.name.toHtmlEscaped());
        if (const Authority *lead = round.authority(partnership.leadAuthority))
            heading += tr(" (lead authority: %1)").arg(lead->name.toHtmlEscaped());
        heading += tr(" · %1").arg(partnership.members.size() == 1
                                       ? tr("1 authority")
                                       : tr("%1 authorities").arg(partnership.members.size()));
        auto *name = new QLabel(heading, m_partnershipsBox);
        name->setTextFormat(Qt::RichText);
        auto *members = new QLabel(names.join(QStringLiteral(", ")), m_partnershipsBox);
        members->setWordWrap(true);
        members->setTextInteractionFlags(Qt::TextSelectableByMouse);
        UiUtil::makeSecondary(members);
        if (!first)
            m_partnershipsLayout->addSpacing(8);
        first = false;
        m_partnershipsLayout->addWidget(name);
        m_partnershipsLayout->addWidget(members);
    }
    if (round.partnerships.isEmpty())
        m_partnershipsLayout->addWidget(
            new QLabel(tr("This round names no partnerships."), m_partnershipsBox));
}

void OverviewPage::refreshPlans()
{
    const bool hadFocus = m_plansBox->isAncestorOf(QApplication::focusWidget());
    UiUtil::clearLayout(m_plansLayout);
    if (!m_document)
        return;
    const Round &round = m_document->round();
    if (round.plans.isEmpty()) {
        auto *none = new QLabel(tr("No CPA plan has been drawn yet."), m_plansBox);
        m_plansLayout->addWidget(none);
    }
    QPushButton *firstButton = nullptr;
    for (const CpaPlan &plan : round.plans) {
        auto *header = new QHBoxLayout;
        auto *name = new QLabel(tr("<b>%1</b>").arg(plan.name.toHtmlEscaped()), m_plansBox);
        header->addWidget(name);
        if (plan.adopted) {
            auto *adopted = new QLabel(tr("Adopted"), m_plansBox);
            adopted->setObjectName(QStringLiteral("adoptedMarker"));
            adopted->setStyleSheet(
                QStringLiteral("QLabel { background: #1e7b34; color: white; border-radius: 3px; "
                               "padding: 1px 6px; font-weight: bold; }"));
            header->addWidget(adopted);
        } else {
            auto *adoptButton = new QPushButton(tr("Adopt"), m_plansBox);
            adoptButton->setObjectName(QStringLiteral("adoptPlanButton"));
            adoptButton->setAccessibleName(tr("Adopt CPA plan %1").arg(plan.name));
            adoptButton->setToolTip(tr("Make %1 the plan every stage uses").arg(plan.name));
            const qint64 id = plan.id.value();
            connect(adoptButton, &QPushButton::clicked, this, [this, id] { adopt(id); });
            header->addWidget(adoptButton);
            if (!firstButton)
                firstButton = adoptButton;
        }
        header->addStretch(1);
        m_plansLayout->addLayout(header);

        const PlanCoverage coverage = planCoverage(round, plan);
        auto *grid = new QGridLayout;
        grid->setContentsMargins(16, 0, 0, 6);
        grid->setHorizontalSpacing(8);
        grid->setColumnStretch(2, 1);
        int row = 0;
        for (const Cpa &cpa : plan.cpas) {
            grid->addWidget(swatch(cpa.colour, m_plansBox), row, 0);
            grid->addWidget(new QLabel(cpa.name, m_plansBox), row, 1);
            auto *count =
                new QLabel(cpa.members.size() == 1 ? tr("1 authority")
                                                   : tr("%1 authorities").arg(cpa.members.size()),
                           m_plansBox);
            UiUtil::makeSecondary(count);
            grid->addWidget(count, row, 2);
            ++row;
        }
        auto *coverageLabel = new QLabel(m_plansBox);
        coverageLabel->setWordWrap(true);
        if (coverage.isComplete()) {
            coverageLabel->setText(
                plan.cpas.size() == 1
                    ? tr("1 CPA covering every authority exactly once.")
                    : tr("%1 CPAs covering every authority exactly once.").arg(plan.cpas.size()));
        } else {
            QStringList problems;
            if (!coverage.unassigned.isEmpty())
                problems.append(tr("%1 authorities in no CPA").arg(coverage.unassigned.size()));
            if (!coverage.duplicated.isEmpty())
                problems.append(
                    tr("%1 authorities in more than one CPA").arg(coverage.duplicated.size()));
            if (!coverage.unknown.isEmpty())
                problems.append(tr("%1 unknown codes").arg(coverage.unknown.size()));
            coverageLabel->setText(tr("Incomplete: %1.").arg(problems.join(tr("; "))));
        }
        UiUtil::makeSecondary(coverageLabel);
        grid->addWidget(coverageLabel, row, 0, 1, 3);
        m_plansLayout->addLayout(grid);
    }
    refreshEditability();
    // Rebuilt buttons join the end of the focus chain; put them after the stage links.
    QWidget *previous = m_stageLinks.back();
    const QList<QPushButton *> planButtons = m_plansBox->findChildren<QPushButton *>();
    for (QPushButton *button : planButtons) {
        if (button == m_openCpaEditorButton)
            continue;
        setTabOrder(previous, button);
        previous = button;
    }
    setTabOrder(previous, m_openCpaEditorButton);
    if (hadFocus)
        (firstButton ? static_cast<QWidget *>(firstButton) : m_plansBox)->setFocus();
}

void OverviewPage::refreshProgress()
{
    for (StageId stage : kAllStages) {
        const size_t i = size_t(stage);
        if (!m_document) {
            m_stageSummaries[i]->clear();
            continue;
        }
        const Round &round = m_document->round();
        m_stageDots[i]->setPixmap(statusIcon(round.stage(stage).status).pixmap(14, 14));
        m_stageSummaries[i]->setText(StageListModel::summaryText(round, stage));
        m_stageLinks[i]->setToolTip(StageListModel::outstandingText(round, stage));
    }
}

void OverviewPage::commitTitle()
{
    if (!m_document || m_titleEdit->text() == m_document->round().title)
        return;
    const QString text = m_titleEdit->text();
    // Revert before any message box, whose focus change would finish editing again.
    m_titleEdit->setText(m_document->round().title);
    m_edits->run(tr("The title was not changed"),
                 [&] { return Commands::setTitle(m_document, text); });
    m_titleEdit->setText(m_document->round().title);
}

void OverviewPage::commitProgramme()
{
    if (!m_document || m_programmeEdit->text() == m_document->round().programme)
        return;
    const QString text = m_programmeEdit->text();
    m_programmeEdit->setText(m_document->round().programme);
    m_edits->run(tr("The programme was not changed"),
                 [&] { return Commands::setProgramme(m_document, text); });
    m_programmeEdit->setText(m_document->round().programme);
}

void OverviewPage::onModelActivated(int index)
{
    if (!m_document)
        return;
    const auto model = modelFromNumber(m_modelCombo->itemData(index).toInt());
    if (!model || *model == m_document->round().model)
        return;
    m_edits->run(tr("The devolution model was not changed"),
                 [&] { return Commands::setModel(m_document, *model); });
    // On success modelChanged() already set it; on failure this puts the old model back.
    const QSignalBlocker blocker(m_modelCombo);
    m_modelCombo->setCurrentIndex(m_modelCombo->findData(modelNumber(m_document->round().model)));
}

void OverviewPage::adopt(qint64 planId)
{
    if (!m_document)
        return;
    const PlanId plan(planId);
    QString reason;
    if (m_document->round().stage(StageId::Priorities).status == StageStatus::SignedOff) {
        const std::optional<QString> answer = m_dialogs->askText(
            this, tr("Reason for changing the adopted plan"),
            tr("Stage 2 is signed off, so changing the adopted CPA plan needs a reason, which "
               "is recorded in the audit log:"));
        if (!answer)
            return;
        reason = *answer;
    }
    m_edits->run(tr("The CPA plan was not adopted"),
                 [&] { return Commands::adoptPlan(m_document, plan, reason); });
}

} // namespace CoCommission
