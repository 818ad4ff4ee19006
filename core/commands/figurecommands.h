#pragma once

#include "core/commands/documentcommand.h"
#include "core/round/round.h"

#include <QHash>
#include <QString>

namespace CoCommission {

/**
 * Commands for work that is done before it is pushed (an import runs once, under a progress
 * dialog, and is then recorded): the first redo() does nothing; undo() takes the work back and
 * a later redo() does it again.
 */
class AlreadyDoneCommand : public DocumentCommand
{
public:
    using DocumentCommand::DocumentCommand;

    void redo() final
    {
        if (m_firstRedo) {
            m_firstRedo = false;
            return;
        }
        record(apply());
    }
    void undo() final { record(revert()); }

protected:
    virtual Status apply() = 0;
    virtual Status revert() = 0;

private:
    bool m_firstRedo = true;
};

/** An imported NOMIS dataset: undo removes it, redo imports the same file again. */
class ImportDataset : public AlreadyDoneCommand
{
public:
    ImportDataset(RoundDocument *document, const NeedsDataset &dataset, const QString &path);

protected:
    Status apply() override;
    Status revert() override;

private:
    qint64 m_id;
    QString m_path;
    QString m_name;
    QString m_sha256;
};

/** A change of the lookup of smaller areas (an imported lookup file). */
class ChangeLookups : public AlreadyDoneCommand
{
public:
    ChangeLookups(RoundDocument *document, const QHash<QString, QString> &before,
                  const QHash<QString, QString> &after);

protected:
    Status apply() override;
    Status revert() override;

private:
    QHash<QString, QString> m_before;
    QHash<QString, QString> m_after;
};

/** A ratio indicator defined. */
class AddRatioIndicator : public AlreadyDoneCommand
{
public:
    AddRatioIndicator(RoundDocument *document, const RatioIndicator &ratio);

protected:
    Status apply() override;
    Status revert() override;

private:
    RatioIndicator m_ratio;
};

} // namespace CoCommission
