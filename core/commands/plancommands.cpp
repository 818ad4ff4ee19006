#include "core/commands/plancommands.h"

#include "core/commands/commandids.h"
#include "core/commands/documentcommand.h"
#include "core/commands/figurecommands.h"
#include "core/needs/indicators.h"
#include "core/round/rounddocument.h"

#include <QCoreApplication>
#include <QUndoStack>

#include <algorithm>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Undo Commands", text);
}

int planIndex(const Round &round, PlanId id)
{
    for (qsizetype i = 0; i < round.plans.size(); ++i) {
        if (round.plans[i].id == id)
            return int(i);
    }
    return -1;
}

/** The plan holding \a cpa and the CPA, or nulls. */
std::pair<const CpaPlan *, const Cpa *> findCpa(const Round &round, CpaId cpa)
{
    for (const CpaPlan &plan : round.plans) {
        for (const Cpa &c : plan.cpas) {
            if (c.id == cpa)
                return {&plan, &c};
        }
    }
    return {nullptr, nullptr};
}

QList<CpaId> cpaIdsOf(const CpaPlan &plan)
{
    QList<CpaId> ids;
    for (const Cpa &cpa : plan.cpas)
        ids.append(cpa.id);
    return ids;
}

/** A plan added empty or as a copy of another. Redo after undo restores it with its ids. */
class AddPlan : public DocumentCommand
{
public:
    AddPlan(RoundDocument *document, const QString &name, std::optional<PlanId> source)
        : DocumentCommand(document)
        , m_name(name)
        , m_source(source)
    {
        setText((source ? tr("Duplicate CPA plan as \"%1\"") : tr("Add CPA plan \"%1\""))
                    .arg(name.trimmed()));
    }

    PlanId plan() const { return m_plan.id; }

    void redo() override
    {
        if (m_plan.id.isValid()) {
            record(m_document->restorePlan(m_plan, m_position, {}));
            return;
        }
        const Result<PlanId> id =
            m_source ? m_document->duplicatePlan(*m_source, m_name) : m_document->addPlan(m_name);
        if (!id) {
            record(id.error());
            return;
        }
        const Round &round = m_document->round();
        m_position = planIndex(round, *id);
        m_plan = round.plans.at(m_position);
        record({});
    }
    void undo() override { record(m_document->removePlan(m_plan.id)); }

private:
    QString m_name;
    std::optional<PlanId> m_source;
    CpaPlan m_plan; ///< as added; no id until the first redo
    int m_position = 0;
};

/**
 * A plan added with its CPAs and settings (a suggestion). The first redo adds the plan empty
 * and then gives it its contents, taking the plan out again when the contents are refused;
 * later redos restore the plan as the first one left it, with the same ids.
 */
class AddPlanWithContents : public DocumentCommand
{
public:
    AddPlanWithContents(RoundDocument *document, const CpaPlan &plan)
        : DocumentCommand(document)
        , m_plan(plan)
    {
        m_plan.id = PlanId();
        m_plan.adopted = false;
        for (Cpa &cpa : m_plan.cpas) {
            cpa.id = CpaId();
            cpa.colour = cpa.colour.toLower(); // as recolourCpa() stores colours
        }
        setText(tr("Add CPA plan \"%1\"").arg(plan.name.trimmed()));
    }

    PlanId plan() const { return m_plan.id; }

    void redo() override
    {
        if (m_plan.id.isValid()) {
            record(m_document->restorePlan(m_plan, m_position, {}));
            return;
        }
        const Result<PlanId> id = m_document->addPlan(m_plan.name);
        if (!id) {
            record(id.error());
            return;
        }
        CpaPlan contents = m_plan;
        contents.id = *id;
        if (Status s = m_document->setPlanContents(contents, {}); !s) {
            // Nothing half-applied: the empty plan goes again. Should that fail too, the
            // document has reported it through writeFailed().
            (void)m_document->removePlan(*id);
            record(s);
            return;
        }
        const Round &round = m_document->round();
        m_position = planIndex(round, *id);
        m_plan = round.plans.at(m_position);
        record({});
    }
    void undo() override { record(m_document->removePlan(m_plan.id)); }

private:
    CpaPlan m_plan; ///< as wanted until the first redo, then as stored (with its ids)
    int m_position = 0;
};

class RenamePlan : public DocumentCommand
{
public:
    RenamePlan(RoundDocument *document, PlanId plan, const QString &name)
        : DocumentCommand(document)
        , m_plan(plan)
        , m_old(document->round().plan(plan)->name)
        , m_new(name.trimmed())
    {
        setText(tr("Rename CPA plan \"%1\"").arg(m_old));
    }

    void redo() override { record(m_document->renamePlan(m_plan, m_new)); }
    void undo() override { record(m_document->renamePlan(m_plan, m_old)); }

private:
    PlanId m_plan;
    QString m_old;
    QString m_new;
};

/** A plan removed; undo restores it at its place with its CPAs' stage 2 records. */
class RemovePlan : public DocumentCommand
{
public:
    RemovePlan(RoundDocument *document, PlanId plan)
        : DocumentCommand(document)
        , m_position(planIndex(document->round(), plan))
        , m_plan(document->round().plans.at(m_position))
        , m_records(cpaRecords(document->round(), cpaIdsOf(m_plan)))
    {
        setText(tr("Remove CPA plan \"%1\"").arg(m_plan.name));
    }

    void redo() override { record(m_document->removePlan(m_plan.id)); }
    void undo() override { record(m_document->restorePlan(m_plan, m_position, m_records)); }

private:
    int m_position;
    CpaPlan m_plan;
    CpaRecords m_records;
};

/** A CPA added to a plan; redo after undo brings it back with the same id. */
class AddCpa : public DocumentCommand
{
public:
    AddCpa(RoundDocument *document, PlanId plan, const QString &name, const QString &colour)
        : DocumentCommand(document)
        , m_plan(plan)
        , m_name(name)
        , m_colour(colour)
    {
        setText(tr("Add CPA \"%1\"").arg(name.trimmed()));
    }

    CpaId cpa() const { return m_cpa; }

    void redo() override
    {
        if (m_cpa.isValid()) {
            record(m_document->setPlanContents(m_after, {}));
            return;
        }
        const Result<CpaId> id = m_document->addCpa(m_plan, m_name, m_colour);
        if (!id) {
            record(id.error());
            return;
        }
        m_cpa = *id;
        m_after = *m_document->round().plan(m_plan);
        record({});
    }
    void undo() override { record(m_document->removeCpa(m_cpa)); }

private:
    PlanId m_plan;
    QString m_name;
    QString m_colour;
    CpaId m_cpa;
    CpaPlan m_after; ///< the plan just after the first redo
};

/** A CPA renamed or recoloured. */
class SetCpaText : public DocumentCommand
{
public:
    enum class Field { Name, Colour };

    SetCpaText(RoundDocument *document, CpaId cpa, Field field, const QString &text)
        : DocumentCommand(document)
        , m_cpa(cpa)
        , m_field(field)
        , m_new(text)
    {
        const Cpa *current = findCpa(document->round(), cpa).second;
        m_old = field == Field::Name ? current->name : current->colour;
        setText((field == Field::Name ? tr("Rename CPA \"%1\"") : tr("Recolour CPA \"%1\""))
                    .arg(current->name));
    }

    void redo() override { record(apply(m_new)); }
    void undo() override { record(apply(m_old)); }

private:
    Status apply(const QString &text)
    {
        return m_field == Field::Name ? m_document->renameCpa(m_cpa, text)
                                      : m_document->recolourCpa(m_cpa, text);
    }

    CpaId m_cpa;
    Field m_field;
    QString m_old;
    QString m_new;
};

/** A CPA removed; undo restores the plan as it was and the CPA's stage 2 records. */
class RemoveCpa : public DocumentCommand
{
public:
    RemoveCpa(RoundDocument *document, CpaId cpa)
        : DocumentCommand(document)
        , m_cpa(cpa)
        , m_before(*findCpa(document->round(), cpa).first)
        , m_records(cpaRecords(document->round(), {cpa}))
    {
        setText(tr("Remove CPA \"%1\"").arg(findCpa(document->round(), cpa).second->name));
    }

    void redo() override { record(m_document->removeCpa(m_cpa)); }
    void undo() override { record(m_document->setPlanContents(m_before, m_records)); }

private:
    CpaId m_cpa;
    CpaPlan m_before;
    CpaRecords m_records;
};

/**
 * A painting stroke: authorities moved into a CPA or out of every CPA. Steps of one stroke
 * (the same non-zero stroke number) merge; a stroke that ends where it began is dropped.
 */
class AssignAuthorities : public DocumentCommand
{
public:
    AssignAuthorities(RoundDocument *document, PlanId plan, const QStringList &codes, CpaId target,
                      int stroke)
        : DocumentCommand(document)
        , m_plan(plan)
        , m_codes(codes)
        , m_target(target)
        , m_stroke(stroke)
        , m_before(planMembers(*document->round().plan(plan)))
    {
        QString name;
        for (const Cpa &cpa : document->round().plan(plan)->cpas) {
            if (cpa.id == target)
                name = cpa.name;
        }
        setText(target.isValid() ? tr("Paint authorities into %1").arg(name)
                                 : tr("Take authorities out of their CPA"));
    }

    void redo() override
    {
        if (m_done) {
            record(m_document->setPlanMembers(m_plan, m_after));
            return;
        }
        const Status s = m_document->assignAuthorities(m_plan, m_codes, m_target);
        if (s) {
            m_done = true;
            m_after = planMembers(*m_document->round().plan(m_plan));
        }
        record(s);
    }
    void undo() override { record(m_document->setPlanMembers(m_plan, m_before)); }

    int id() const override { return CommandId::AssignAuthorities; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = static_cast<const AssignAuthorities *>(other);
        if (m_stroke == 0 || o->m_stroke != m_stroke || o->m_document != m_document ||
            o->m_plan != m_plan || o->isObsolete() || isObsolete())
            return false;
        m_after = o->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    PlanId m_plan;
    QStringList m_codes;
    CpaId m_target;
    int m_stroke;
    bool m_done = false;
    QHash<CpaId, QStringList> m_before;
    QHash<CpaId, QStringList> m_after;
};

/** A plan's settings as SetPlanSettings changes them. */
struct PlanSettings
{
    AdjacencyRule rule = AdjacencyRule::LegalBoundary;
    QString balanceIndicator;
    std::optional<double> minimumSize;

    static PlanSettings of(const CpaPlan &plan)
    {
        return {plan.rule, plan.balanceIndicator, plan.minimumSize};
    }
    bool operator==(const PlanSettings &) const = default;
};

/** A plan's adjacency rule, balance indicator and minimum size changed. */
class SetPlanSettings : public DocumentCommand
{
public:
    SetPlanSettings(RoundDocument *document, PlanId plan, const PlanSettings &settings)
        : DocumentCommand(document)
        , m_plan(plan)
        , m_old(PlanSettings::of(*document->round().plan(plan)))
        , m_new(settings)
    {
        setText(
            tr("Change the settings of CPA plan \"%1\"").arg(document->round().plan(plan)->name));
    }

    void redo() override
    {
        const Status s = apply(m_new);
        // The document stores the indicator's id, whatever name was given.
        if (s)
            m_new = PlanSettings::of(*m_document->round().plan(m_plan));
        record(s);
    }
    void undo() override { record(apply(m_old)); }

    int id() const override { return CommandId::SetPlanMinimumSize; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = static_cast<const SetPlanSettings *>(other);
        if (o->m_document != m_document || o->m_plan != m_plan || o->isObsolete() ||
            !onlyMinimumSize(m_old, m_new) || !onlyMinimumSize(o->m_old, o->m_new))
            return false;
        m_new = o->m_new;
        setObsolete(m_new == m_old);
        return true;
    }

private:
    static bool onlyMinimumSize(const PlanSettings &a, const PlanSettings &b)
    {
        return a.rule == b.rule && a.balanceIndicator == b.balanceIndicator;
    }
    Status apply(const PlanSettings &s)
    {
        return m_document->setPlanSettings(m_plan, s.rule, s.balanceIndicator, s.minimumSize);
    }

    PlanId m_plan;
    PlanSettings m_old;
    PlanSettings m_new;
};

/**
 * An assignment file imported into a plan. Redo writes the plan as the import left it (the
 * file is not read again); undo gives back the earlier plan with its stage 2 records, or
 * removes a plan the import made.
 */
class ImportAssignment : public AlreadyDoneCommand
{
public:
    ImportAssignment(RoundDocument *document, const std::optional<CpaPlan> &before,
                     const CpaRecords &records, const CpaPlan &after, int position)
        : AlreadyDoneCommand(document)
        , m_before(before)
        , m_records(records)
        , m_after(after)
        , m_position(position)
    {
        setText(tr("Import CPA assignment into \"%1\"").arg(after.name));
    }

protected:
    Status apply() override
    {
        return m_before ? m_document->setPlanContents(m_after, {})
                        : m_document->restorePlan(m_after, m_position, {});
    }
    Status revert() override
    {
        return m_before ? m_document->setPlanContents(*m_before, m_records)
                        : m_document->removePlan(m_after.id);
    }

private:
    std::optional<CpaPlan> m_before; ///< nullopt: the import made the plan
    CpaRecords m_records;
    CpaPlan m_after;
    int m_position;
};

/** Boundaries replaced: imported (already done), or removed. */
class ChangeBoundaries : public DocumentCommand
{
public:
    ChangeBoundaries(RoundDocument *document, const BoundaryFile &before, const BoundaryFile &after,
                     bool alreadyDone)
        : DocumentCommand(document)
        , m_before(before)
        , m_after(after)
        , m_skipRedo(alreadyDone)
    {
        setText(after.isEmpty() ? tr("Remove boundaries")
                                : tr("Import boundaries from %1").arg(after.fileName));
    }

    void redo() override
    {
        if (m_skipRedo) {
            m_skipRedo = false;
            return;
        }
        record(m_document->setBoundaries(m_after));
    }
    void undo() override { record(m_document->setBoundaries(m_before)); }

private:
    BoundaryFile m_before;
    BoundaryFile m_after;
    bool m_skipRedo;
};

} // namespace

namespace Commands {

namespace {

Status editable(RoundDocument *document)
{
    if (const QString why = document->whyNotEditable(); !why.isEmpty())
        return Error{why};
    return {};
}

Status planExists(RoundDocument *document, PlanId plan)
{
    if (Status s = editable(document); !s)
        return s;
    if (!document->round().plan(plan))
        return Error{QCoreApplication::translate("Undo Commands", "The round has no CPA plan %1.")
                         .arg(plan.value())};
    return {};
}

Status cpaExists(RoundDocument *document, CpaId cpa)
{
    if (Status s = editable(document); !s)
        return s;
    if (!findCpa(document->round(), cpa).first)
        return Error{QCoreApplication::translate("Undo Commands", "The round has no CPA %1.")
                         .arg(cpa.value())};
    return {};
}

} // namespace

Result<PlanId> addPlan(RoundDocument *document, const QString &name)
{
    if (Status s = editable(document); !s)
        return s.error();
    auto *command = new AddPlan(document, name, std::nullopt);
    if (Status s = pushCommand(document, command); !s)
        return s.error();
    return command->plan(); // on the stack: pushed, not merged, not obsolete
}

Result<PlanId> duplicatePlan(RoundDocument *document, PlanId plan, const QString &newName)
{
    if (Status s = planExists(document, plan); !s)
        return s.error();
    auto *command = new AddPlan(document, newName, plan);
    if (Status s = pushCommand(document, command); !s)
        return s.error();
    return command->plan();
}

Result<PlanId> addPlanWithContents(RoundDocument *document, const CpaPlan &plan)
{
    if (Status s = editable(document); !s)
        return s.error();
    auto *command = new AddPlanWithContents(document, plan);
    if (Status s = pushCommand(document, command); !s)
        return s.error();
    return command->plan();
}

Status renamePlan(RoundDocument *document, PlanId plan, const QString &name)
{
    if (Status s = planExists(document, plan); !s)
        return s;
    if (document->round().plan(plan)->name == name.trimmed())
        return {};
    return pushCommand(document, new RenamePlan(document, plan, name));
}

Status removePlan(RoundDocument *document, PlanId plan)
{
    if (Status s = planExists(document, plan); !s)
        return s;
    return pushCommand(document, new RemovePlan(document, plan));
}

Result<CpaId> addCpa(RoundDocument *document, PlanId plan, const QString &name,
                     const QString &colour)
{
    if (Status s = planExists(document, plan); !s)
        return s.error();
    auto *command = new AddCpa(document, plan, name, colour);
    if (Status s = pushCommand(document, command); !s)
        return s.error();
    return command->cpa();
}

Status renameCpa(RoundDocument *document, CpaId cpa, const QString &name)
{
    if (Status s = cpaExists(document, cpa); !s)
        return s;
    if (findCpa(document->round(), cpa).second->name == name.trimmed())
        return {};
    return pushCommand(document, new SetCpaText(document, cpa, SetCpaText::Field::Name, name));
}

Status recolourCpa(RoundDocument *document, CpaId cpa, const QString &colour)
{
    if (Status s = cpaExists(document, cpa); !s)
        return s;
    if (findCpa(document->round(), cpa).second->colour == colour.toLower())
        return {};
    return pushCommand(document, new SetCpaText(document, cpa, SetCpaText::Field::Colour, colour));
}

Status removeCpa(RoundDocument *document, CpaId cpa)
{
    if (Status s = cpaExists(document, cpa); !s)
        return s;
    return pushCommand(document, new RemoveCpa(document, cpa));
}

Status assignAuthorities(RoundDocument *document, PlanId plan, const QStringList &codes,
                         CpaId target, int stroke)
{
    if (Status s = planExists(document, plan); !s)
        return s;
    const Round &round = document->round();
    const bool allKnown = std::all_of(codes.cbegin(), codes.cend(),
                                      [&](const QString &code) { return round.authority(code); });
    const CpaPlan &current = *round.plan(plan);
    if (allKnown && membersAfterAssigning(round, current, codes, target) == planMembers(current))
        return {};
    return pushCommand(document, new AssignAuthorities(document, plan, codes, target, stroke));
}

Status setPlanSettings(RoundDocument *document, PlanId plan, AdjacencyRule rule,
                       const QString &balanceIndicator, std::optional<double> minimumSize)
{
    if (Status s = planExists(document, plan); !s)
        return s;
    const CpaPlan &current = *document->round().plan(plan);
    QString indicator = balanceIndicator.trimmed();
    if (!indicator.isEmpty()) {
        if (const IndicatorInfo *info = Indicators(document->round()).find(indicator))
            indicator = info->id;
    }
    const PlanSettings wanted{rule, indicator, minimumSize};
    if (wanted == PlanSettings::of(current))
        return {};
    return pushCommand(document, new SetPlanSettings(document, plan, wanted));
}

Result<AssignmentImportSummary> importAssignment(RoundDocument *document, const QString &planName,
                                                 const QString &csvPath)
{
    const Round &round = document->round();
    std::optional<CpaPlan> before;
    CpaRecords records;
    for (const CpaPlan &plan : round.plans) {
        if (plan.name.compare(planName.trimmed(), Qt::CaseInsensitive) == 0) {
            before = plan;
            records = cpaRecords(round, cpaIdsOf(plan));
        }
    }
    Result<AssignmentImportSummary> summary = document->importAssignment(planName, csvPath);
    if (!summary)
        return summary;
    const int position = planIndex(document->round(), summary->plan);
    const CpaPlan &after = document->round().plans.at(position);
    if (!before || *before != after)
        document->undoStack()->push(
            new ImportAssignment(document, before, records, after, position));
    return summary;
}

Result<BoundaryImportSummary> importBoundaries(RoundDocument *document, const QString &path,
                                               const QString &codeProperty)
{
    const BoundaryFile before = document->round().boundaries;
    Result<BoundaryImportSummary> summary = document->importBoundaries(path, codeProperty);
    if (summary && document->round().boundaries != before)
        document->undoStack()->push(
            new ChangeBoundaries(document, before, document->round().boundaries, true));
    return summary;
}

Status removeBoundaries(RoundDocument *document)
{
    if (Status s = editable(document); !s)
        return s;
    if (document->round().boundaries.isEmpty())
        return {};
    return pushCommand(document,
                       new ChangeBoundaries(document, document->round().boundaries, {}, false));
}

} // namespace Commands
} // namespace CoCommission
