#include "core/commands/figurecommands.h"

#include "core/io/nomisimport.h"
#include "core/round/rounddocument.h"

#include <QCoreApplication>

namespace CoCommission {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Undo Commands", text);
}
} // namespace

ImportDataset::ImportDataset(RoundDocument *document, const NeedsDataset &dataset,
                             const QString &path)
    : AlreadyDoneCommand(document)
    , m_id(dataset.id)
    , m_path(path)
    , m_name(dataset.name)
    , m_sha256(dataset.sha256)
{
    setText(tr("Import labour-market data"));
}

Status ImportDataset::apply()
{
    const Result<NomisImportSummary> again = m_document->importNomis(m_path, m_name, {}, m_id);
    if (!again)
        return again.error();
    if (again->dataset.sha256 != m_sha256) {
        (void)m_document->removeDataset(m_id);
        return Error{
            tr("%1 has changed since it was imported, so the import was not redone.").arg(m_path)};
    }
    return {};
}

Status ImportDataset::revert()
{
    return m_document->removeDataset(m_id);
}

ChangeLookups::ChangeLookups(RoundDocument *document, const QHash<QString, QString> &before,
                             const QHash<QString, QString> &after)
    : AlreadyDoneCommand(document)
    , m_before(before)
    , m_after(after)
{
    setText(tr("Import lookup of small areas"));
}

Status ChangeLookups::apply()
{
    return m_document->setLookups(m_after);
}

Status ChangeLookups::revert()
{
    return m_document->setLookups(m_before);
}

AddRatioIndicator::AddRatioIndicator(RoundDocument *document, const RatioIndicator &ratio)
    : AlreadyDoneCommand(document)
    , m_ratio(ratio)
{
    setText(tr("Add ratio indicator"));
}

Status AddRatioIndicator::apply()
{
    const Result<QString> id = m_document->addRatio(m_ratio.name, m_ratio.numerator,
                                                    m_ratio.denominator, m_ratio.scale, m_ratio.id);
    return id ? Status() : Status(id.error());
}

Status AddRatioIndicator::revert()
{
    return m_document->removeRatio(m_ratio.id);
}

} // namespace CoCommission
