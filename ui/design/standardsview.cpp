#include "ui/design/standardsview.h"

#include "core/design/designcheck.h"
#include "core/design/designtemplate.h"
#include "core/round/round.h"
#include "ui/uiutil.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

namespace {

QList<KeyName> directionChoices()
{
    QList<KeyName> out;
    for (StandardDirection d :
         {StandardDirection::AtMost, StandardDirection::AtLeast, StandardDirection::Required})
        out.append({directionKey(d), directionName(d)});
    return out;
}

QList<KeyName> cpaChoices(const Round &round)
{
    QList<KeyName> out{{QStringLiteral("0"),
                        QCoreApplication::translate("CoCommission::StandardsView", "All CPAs")}};
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const Cpa &cpa : plan->cpas)
            out.append({QString::number(cpa.id.value()), cpa.name});
    }
    return out;
}

} // namespace

StandardsView::StandardsView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : DesignTab(edits, dialogs, parent)
{
    setObjectName(QStringLiteral("standardsView"));

    auto *standardsHeading = UiUtil::headingLabel(tr("Minimum service standards"), 1.15, this);
    QLabel *standardsIntro = UiUtil::makeText(this, true);
    standardsIntro->setText(
        tr("Providers design their own service (a \"black box\") but every participant can "
           "expect these standards, whoever delivers. Monitoring (stage 6) checks each target."));
    m_standards = makeRowTable(
        {tr("Standard"), tr("Direction"), tr("Target"), tr("Unit"), tr("Description")},
        tr("Minimum service standards"),
        tr("The standards every participant can expect, each with the target monitoring "
           "checks."),
        QStringLiteral("standardsTable"), DescriptionColumn, this);
    m_addStandard = makeEditButton(tr("&Add standard…"), tr("Add a standard"),
                                   tr("Add a minimum service standard with its target."),
                                   QStringLiteral("addStandardButton"), this);
    m_editStandard = makeEditButton(tr("&Edit…"), tr("Edit the standard"),
                                    tr("Change the selected standard or its target."),
                                    QStringLiteral("editStandardButton"), this);
    m_removeStandard = makeEditButton(tr("&Remove"), tr("Remove the standard"),
                                      tr("Delete the selected standard."),
                                      QStringLiteral("removeStandardButton"), this);
    m_templates = UiUtil::makeButton(tr("&Templates"),
                                     tr("Add the source papers' standards not in the design"),
                                     QStringLiteral("standardTemplatesButton"), this);

    auto *conditionsHeading = UiUtil::headingLabel(tr("Directive conditions"), 1.15, this);
    QLabel *conditionsIntro = UiUtil::makeText(this, true);
    conditionsIntro->setText(
        tr("What providers must do for the priority groups and places agreed at stage 2: a "
           "minimum share of starts from a group, or a delivery presence in a place."));
    m_placesLabel = UiUtil::makeText(this);
    m_placesLabel->setObjectName(QStringLiteral("noPriorityPlacesLabel"));
    m_conditions = makeRowTable({tr("Condition"), tr("Priority group or place"), tr("CPA"),
                                 tr("Minimum share"), tr("Note")},
                                tr("Directive conditions"),
                                tr("What providers must do for the priority groups and places "
                                   "agreed at stage 2."),
                                QStringLiteral("conditionsTable"), NoteColumn, this);
    // The group's or place's name and the note share the width, both wrapping.
    m_conditions->horizontalHeader()->setSectionResizeMode(SubjectColumn, QHeaderView::Stretch);
    m_addCondition = makeEditButton(tr("Add co&ndition…"), tr("Add a directive condition"),
                                    tr("Add a condition providers must meet for a priority group "
                                       "or place."),
                                    QStringLiteral("addConditionButton"), this);
    m_editCondition = makeEditButton(tr("Ed&it…"), tr("Edit the directive condition"),
                                     tr("Change the selected directive condition."),
                                     QStringLiteral("editConditionButton"), this);
    m_removeCondition = makeEditButton(tr("Re&move"), tr("Remove the directive condition"),
                                       tr("Delete the selected directive condition."),
                                       QStringLiteral("removeConditionButton"), this);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(standardsHeading);
    layout->addWidget(standardsIntro);
    layout->addWidget(m_standards);
    layout->addLayout(
        UiUtil::buttonRow({m_addStandard, m_editStandard, m_removeStandard, m_templates}));
    layout->addSpacing(12);
    layout->addWidget(conditionsHeading);
    layout->addWidget(conditionsIntro);
    layout->addWidget(m_placesLabel);
    layout->addWidget(m_conditions);
    layout->addLayout(UiUtil::buttonRow({m_addCondition, m_editCondition, m_removeCondition}));
    layout->addStretch(1);

    connect(m_addStandard, &QPushButton::clicked, this, [this] { editStandard(-1); });
    connect(m_editStandard, &QPushButton::clicked, this,
            [this] { editStandard(selectedRow(m_standards)); });
    connect(m_removeStandard, &QPushButton::clicked, this,
            [this] { removeStandard(selectedRow(m_standards)); });
    connect(m_templates, &QPushButton::clicked, this, &StandardsView::addTemplateStandards);
    connect(m_addCondition, &QPushButton::clicked, this, [this] { editCondition(-1); });
    connect(m_editCondition, &QPushButton::clicked, this,
            [this] { editCondition(selectedRow(m_conditions)); });
    connect(m_removeCondition, &QPushButton::clicked, this,
            [this] { removeCondition(selectedRow(m_conditions)); });
    for (QTableWidget *table : {m_standards, m_conditions}) {
        auto *keys = table->findChild<RowKeys *>();
        connect(table, &QTableWidget::itemSelectionChanged, this, &StandardsView::refreshButtons);
        if (table == m_standards) {
            connect(keys, &RowKeys::editRequested, this, &StandardsView::editStandard);
            connect(keys, &RowKeys::removeRequested, this, &StandardsView::removeStandard);
        } else {
            connect(keys, &RowKeys::editRequested, this, &StandardsView::editCondition);
            connect(keys, &RowKeys::removeRequested, this, &StandardsView::removeCondition);
        }
    }
    refresh();
}

void StandardsView::refresh()
{
    refreshStandards();
    refreshConditions();
    refreshButtons();
}

void StandardsView::refreshStandards()
{
    const int selected = selectedRow(m_standards);
    const QList<ServiceStandard> standards =
        hasDocument() ? design().standards : QList<ServiceStandard>();
    m_standards->setRowCount(int(standards.size()));
    for (int row = 0; row < standards.size(); ++row) {
        const ServiceStandard &s = standards[row];
        const bool required = s.direction == StandardDirection::Required;
        m_standards->setItem(row, StandardNameColumn, makeCell(s.name));
        m_standards->setItem(row, DirectionColumn, makeCell(directionName(s.direction)));
        m_standards->setItem(
            row, TargetColumn,
            makeCell(required ? tr("Yes") : DesignFormat::number(s.target, 2), true));
        m_standards->setItem(row, UnitColumn, makeCell(s.unit));
        m_standards->setItem(row, DescriptionColumn, makeCell(s.description));
    }
    if (selected >= 0 && selected < m_standards->rowCount())
        m_standards->selectRow(selected);
    fitRows(m_standards);
}

QString StandardsView::subjectName(int kind, const QString &subject) const
{
    if (ConditionKind(kind) == ConditionKind::GroupShare) {
        for (const PriorityGroup &g : round().priorityGroups) {
            if (g.key == subject)
                return g.name;
        }
        return subject;
    }
    const Authority *place = round().authority(subject);
    return place ? place->name : subject;
}

void StandardsView::refreshConditions()
{
    const int selected = selectedRow(m_conditions);
    const QList<DirectiveCondition> conditions =
        hasDocument() ? design().conditions : QList<DirectiveCondition>();
    m_conditions->setRowCount(int(conditions.size()));
    for (int row = 0; row < conditions.size(); ++row) {
        const DirectiveCondition &c = conditions[row];
        const Cpa *cpa = c.cpa.isValid() ? round().adoptedCpa(c.cpa) : nullptr;
        m_conditions->setItem(row, KindColumn, makeCell(conditionKindName(c.kind)));
        m_conditions->setItem(row, SubjectColumn, makeCell(subjectName(int(c.kind), c.subject)));
        m_conditions->setItem(row, CpaColumn,
                              makeCell(!c.cpa.isValid() ? tr("All CPAs")
                                       : cpa            ? cpa->name
                                                        : tr("CPA %1").arg(c.cpa.value())));
        m_conditions->setItem(row, MinimumColumn,
                              makeCell(c.kind == ConditionKind::GroupShare
                                           ? DesignFormat::percent(c.minimumPercent)
                                           : tr("n/a"),
                                       true));
        m_conditions->setItem(row, NoteColumn, makeCell(c.note));
    }
    if (selected >= 0 && selected < m_conditions->rowCount())
        m_conditions->selectRow(selected);
    fitRows(m_conditions);

    const bool noPlaces = hasDocument() && round().priorityPlaces.isEmpty();
    m_placesLabel->setText(tr("No priority place has been chosen at stage 2, so a condition can "
                              "only name a priority group. Choose priority places on the stage "
                              "2 screen to require a presence in a place."));
    m_placesLabel->setVisible(noPlaces);
}

void StandardsView::refreshButtons()
{
    const QString frozen = whyFrozen();
    const bool editable = frozen.isEmpty();
    const bool standardPicked = selectedRow(m_standards) >= 0;
    const bool conditionPicked = selectedRow(m_conditions) >= 0;
    m_addStandard->setEnabled(editable);
    m_editStandard->setEnabled(editable && standardPicked);
    m_removeStandard->setEnabled(editable && standardPicked);
    m_addCondition->setEnabled(editable);
    m_editCondition->setEnabled(editable && conditionPicked);
    m_removeCondition->setEnabled(editable && conditionPicked);

    QStringList missing;
    if (hasDocument()) {
        for (const ServiceStandard &t : standardTemplates()) {
            const bool present =
                std::any_of(design().standards.cbegin(), design().standards.cend(),
                            [&](const ServiceStandard &s) { return s.key == t.key; });
            if (!present)
                missing << t.name;
        }
    }
    m_templates->setEnabled(editable && !missing.isEmpty());
    m_templates->setToolTip(missing.isEmpty()
                                ? tr("Every standard of the source papers is in the design.")
                                : tr("Adds the source papers' standards not in the design: %1.")
                                      .arg(missing.join(QStringLiteral(", "))));
    showWhyFrozen(frozen);
}

void StandardsView::editStandard(int row)
{
    if (!isEditable() || row >= int(design().standards.size()))
        return;
    const bool isNew = row < 0;
    const ServiceStandard current = isNew ? ServiceStandard{} : design().standards[row];
    auto *dialog = new RecordDialog(
        isNew ? tr("Add a minimum service standard") : tr("Edit the standard"), this);
    dialog->addLine(QStringLiteral("name"), tr("&Name:"), tr("The service standard's name."),
                    current.name);
    QComboBox *direction = dialog->addChoice(
        QStringLiteral("direction"), tr("&Direction:"),
        tr("Whether performance must reach at least the target or stay at most at it."),
        directionChoices(), directionKey(current.direction));
    QDoubleSpinBox *target = dialog->addNumber(QStringLiteral("target"), tr("&Target:"),
                                               tr("The figure the standard sets."), 0,
                                               DesignLimits::kMaxStandardTarget, 2, current.target);
    dialog->addLine(QStringLiteral("unit"), tr("&Unit:"),
                    tr("What the target counts, for example per cent or working days."),
                    current.unit);
    dialog->addText(QStringLiteral("description"), tr("D&escription:"),
                    tr("What the standard asks of the provider, in words."), current.description);
    dialog->addNote(tr("\"At most\": the measured value must not exceed the target (first "
                       "contact within 5 working days). \"At least\": it must reach it (in-work "
                       "support for 6 months). \"Required\": yes or no (a named key worker)."));
    const auto follow = [direction, target] {
        const bool required =
            direction->currentData().toString() == directionKey(StandardDirection::Required);
        if (required)
            target->setValue(1);
        target->setEnabled(!required);
    };
    connect(direction, &QComboBox::currentIndexChanged, dialog, follow);
    follow();
    openDialog(dialog, [this, dialog, row, isNew] {
        ServiceDesign d = design();
        if (!isNew && row >= d.standards.size())
            return false;
        ServiceStandard s = isNew ? ServiceStandard{} : d.standards[row];
        s.name = dialog->text(QStringLiteral("name"));
        s.direction = directionFromKey(dialog->choice(QStringLiteral("direction")))
                          .value_or(StandardDirection::AtMost);
        s.target = s.direction == StandardDirection::Required
                       ? 1.0
                       : dialog->number(QStringLiteral("target"));
        s.unit = s.direction == StandardDirection::Required ? QString()
                                                            : dialog->text(QStringLiteral("unit"));
        s.description = dialog->text(QStringLiteral("description"));
        if (isNew) {
            QStringList keys;
            for (const ServiceStandard &other : d.standards)
                keys << other.key;
            s.key = DesignFormat::makeKey(s.name, keys);
            d.standards.append(s);
        } else {
            d.standards[row] = s;
        }
        return apply(d, isNew ? tr("Add the standard \"%1\"").arg(s.name)
                              : tr("Change the standard \"%1\"").arg(s.name));
    });
}

bool StandardsView::removeStandard(int row)
{
    if (!isEditable() || row < 0 || row >= design().standards.size())
        return false;
    ServiceDesign d = design();
    const ServiceStandard removed = d.standards.takeAt(row);
    return apply(d, tr("Remove the standard \"%1\"").arg(removed.name));
}

bool StandardsView::addTemplateStandards()
{
    if (!isEditable())
        return false;
    ServiceDesign d = design();
    int added = 0;
    for (const ServiceStandard &t : standardTemplates()) {
        if (std::none_of(d.standards.cbegin(), d.standards.cend(),
                         [&](const ServiceStandard &s) { return s.key == t.key; })) {
            d.standards.append(t);
            ++added;
        }
    }
    if (added == 0)
        return false;
    return apply(d, tr("Add the source papers' standards"));
}

void StandardsView::editCondition(int row)
{
    if (!isEditable() || row >= int(design().conditions.size()))
        return;
    const bool isNew = row < 0;
    DirectiveCondition current = isNew ? DirectiveCondition{} : design().conditions[row];
    const Round &r = round();
    QList<KeyName> kinds{{conditionKindKey(ConditionKind::GroupShare),
                          conditionKindName(ConditionKind::GroupShare)}};
    if (!r.priorityPlaces.isEmpty() || current.kind == ConditionKind::PlacePresence)
        kinds.append({conditionKindKey(ConditionKind::PlacePresence),
                      conditionKindName(ConditionKind::PlacePresence)});

    auto *dialog = new RecordDialog(
        isNew ? tr("Add a directive condition") : tr("Edit the directive condition"), this);
    QComboBox *kind = dialog->addChoice(
        QStringLiteral("kind"), tr("&Condition:"),
        tr("A share of starts from a priority group, or presence in a priority place."), kinds,
        conditionKindKey(current.kind));
    QComboBox *subject =
        dialog->addChoice(QStringLiteral("subject"), tr("&Priority group or place:"),
                          tr("The priority group or priority place the condition names."), {}, {});
    dialog->addChoice(QStringLiteral("cpa"), tr("C&PA:"),
                      tr("The Contract Package Area the condition applies to."), cpaChoices(r),
                      QString::number(current.cpa.value()));
    QDoubleSpinBox *minimum =
        dialog->addNumber(QStringLiteral("minimum"), tr("&Minimum share:"),
                          tr("The smallest share of starts the condition asks, in per cent."), 0,
                          100, 1, current.minimumPercent, {}, QStringLiteral("%"));
    dialog->addLine(QStringLiteral("note"), tr("N&ote:"),
                    tr("Optional: anything the board should know about the condition."),
                    current.note);
    if (r.priorityPlaces.isEmpty())
        dialog->addNote(tr("No priority place has been chosen at stage 2: only priority groups "
                           "can be named."));
    const QString currentSubject = current.subject;
    const auto fillSubjects = [this, kind, subject, minimum, currentSubject] {
        const bool group =
            kind->currentData().toString() == conditionKindKey(ConditionKind::GroupShare);
        const QString keep = subject->currentData().toString();
        subject->clear();
        if (group) {
            for (const PriorityGroup &g : round().priorityGroups)
                subject->addItem(g.name, g.key);
        } else {
            for (const QString &code : round().priorityPlaces) {
                const Authority *a = round().authority(code);
                subject->addItem(a ? a->name : code, code);
            }
        }
        int index = subject->findData(keep.isEmpty() ? currentSubject : keep);
        if (index < 0)
            index = subject->findData(currentSubject);
        subject->setCurrentIndex(index >= 0 ? index : (subject->count() > 0 ? 0 : -1));
        minimum->setEnabled(group);
    };
    connect(kind, &QComboBox::currentIndexChanged, dialog, fillSubjects);
    fillSubjects();
    openDialog(dialog, [this, dialog, row, isNew] {
        ServiceDesign d = design();
        if (!isNew && row >= d.conditions.size())
            return false;
        DirectiveCondition c = isNew ? DirectiveCondition{} : d.conditions[row];
        c.kind = conditionKindFromKey(dialog->choice(QStringLiteral("kind")))
                     .value_or(ConditionKind::GroupShare);
        c.subject = dialog->choice(QStringLiteral("subject"));
        c.cpa = CpaId(dialog->choice(QStringLiteral("cpa")).toLongLong());
        c.minimumPercent =
            c.kind == ConditionKind::GroupShare ? dialog->number(QStringLiteral("minimum")) : 0.0;
        c.note = dialog->text(QStringLiteral("note"));
        if (isNew)
            d.conditions.append(c);
        else
            d.conditions[row] = c;
        return apply(d,
                     isNew ? tr("Add a directive condition") : tr("Change a directive condition"));
    });
}

bool StandardsView::removeCondition(int row)
{
    if (!isEditable() || row < 0 || row >= design().conditions.size())
        return false;
    ServiceDesign d = design();
    d.conditions.removeAt(row);
    return apply(d, tr("Remove a directive condition"));
}

} // namespace CoCommission
