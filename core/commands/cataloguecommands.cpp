#include "core/commands/cataloguecommands.h"

#include "core/commands/documentcommand.h"
#include "core/round/rounddocument.h"

#include <QCoreApplication>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Undo Commands", text);
}

std::optional<std::pair<int, PriorityGroup>> groupOf(const Round &round, const QString &key)
{
    for (qsizetype i = 0; i < round.priorityGroups.size(); ++i) {
        if (round.priorityGroups.at(i).key == key)
            return std::pair{int(i), round.priorityGroups.at(i)};
    }
    return std::nullopt;
}

/**
 * A group added (redo) or removed (undo), or the other way round: the one command serves
 * both edits, since each is the other's undo.
 */
class AddOrRemoveGroup : public DocumentCommand
{
public:
    AddOrRemoveGroup(RoundDocument *document, PriorityGroup group, int position, bool add)
        : DocumentCommand(document)
        , m_group(std::move(group))
        , m_position(position)
        , m_add(add)
    {
        setText(
            (add ? tr("Add priority group %1") : tr("Remove priority group %1")).arg(m_group.name));
    }

    void redo() override { record(apply(m_add)); }
    void undo() override { record(apply(!m_add)); }

    QString key() const { return m_group.key; }

private:
    Status apply(bool add)
    {
        if (!add)
            return m_document->removePriorityGroup(m_group.key);
        const Result<QString> key = m_document->addPriorityGroup(m_group.name, m_group.description,
                                                                 m_position, m_group.key);
        if (!key)
            return key.error();
        m_group.key = *key; // the first redo makes the key; later ones keep it
        return {};
    }

    PriorityGroup m_group;
    int m_position;
    bool m_add;
};

class EditGroup : public DocumentCommand
{
public:
    EditGroup(RoundDocument *document, PriorityGroup before, PriorityGroup after)
        : DocumentCommand(document)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
        setText(tr("Edit priority group %1").arg(m_after.name));
    }

    void redo() override { record(apply(m_after)); }
    void undo() override { record(apply(m_before)); }

private:
    Status apply(const PriorityGroup &g)
    {
        return m_document->editPriorityGroup(g.key, g.name, g.description);
    }

    PriorityGroup m_before;
    PriorityGroup m_after;
};

} // namespace

Result<QString> Commands::addPriorityGroup(RoundDocument *document, const QString &name,
                                           const QString &description)
{
    if (const QString why = document->whyNotEditable(); !why.isEmpty())
        return Error{why};
    if (const QString why = document->whyCatalogueFixed(); !why.isEmpty())
        return Error{why};
    auto *command = new AddOrRemoveGroup(document, PriorityGroup{{}, name, description},
                                         int(document->round().priorityGroups.size()), true);
    if (Status s = pushCommand(document, command); !s)
        return s.error();
    return document->round().priorityGroups.constLast().key;
}

Status Commands::editPriorityGroup(RoundDocument *document, const QString &key, const QString &name,
                                   const QString &description)
{
    const auto current = groupOf(document->round(), key);
    if (!current)
        return Error{QCoreApplication::translate("CoCommission::RoundDocument",
                                                 "The catalogue has no priority group \"%1\".")
                         .arg(key)};
    if (current->second.name == name.trimmed() &&
        current->second.description == description.trimmed())
        return {};
    if (const QString why = document->whyNotEditable(); !why.isEmpty())
        return Error{why};
    return pushCommand(document,
                       new EditGroup(document, current->second,
                                     PriorityGroup{key, name.trimmed(), description.trimmed()}));
}

Status Commands::removePriorityGroup(RoundDocument *document, const QString &key)
{
    const auto current = groupOf(document->round(), key);
    if (!current)
        return Error{QCoreApplication::translate("CoCommission::RoundDocument",
                                                 "The catalogue has no priority group \"%1\".")
                         .arg(key)};
    if (const QString why = document->whyNotEditable(); !why.isEmpty())
        return Error{why};
    if (const QString why = document->whyCatalogueFixed(); !why.isEmpty())
        return Error{why};
    return pushCommand(document,
                       new AddOrRemoveGroup(document, current->second, current->first, false));
}

} // namespace CoCommission
