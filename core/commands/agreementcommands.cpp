#include "core/commands/agreementcommands.h"

#include "core/commands/documentcommand.h"
#include "core/round/rounddocument.h"

#include <QCoreApplication>

namespace CoCommission {

namespace {

std::optional<LabourMarketAgreement> agreementOf(const Round &round, CpaId cpa)
{
    if (const LabourMarketAgreement *a = round.agreement(cpa))
        return *a;
    return std::nullopt;
}

bool sameContent(const std::optional<LabourMarketAgreement> &a,
                 const std::optional<LabourMarketAgreement> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || (a->headlineIndicators == b->headlineIndicators &&
                  a->narrative.trimmed() == b->narrative.trimmed() &&
                  a->priorityGroups == b->priorityGroups);
}

/** One CPA's agreement recorded, replaced or removed. */
class SetAgreement : public DocumentCommand
{
public:
    SetAgreement(RoundDocument *document, CpaId cpa,
                 const std::optional<LabourMarketAgreement> &agreement)
        : DocumentCommand(document)
        , m_cpa(cpa)
        , m_old(agreementOf(document->round(), cpa))
        , m_new(agreement)
    {
        const Cpa *target = document->round().adoptedCpa(cpa);
        const QString name = target ? target->name : QString::number(cpa.value());
        const char *text = !agreement ? "Remove labour market agreement for %1"
                           : m_old    ? "Change labour market agreement for %1"
                                      : "Record labour market agreement for %1";
        setText(QCoreApplication::translate("Undo Commands", text).arg(name));
    }

    void redo() override
    {
        const Status s = m_document->setAgreement(m_cpa, m_new);
        // The document stamps the time; a later redo restores that time, not a new one.
        if (s && m_new)
            m_new = agreementOf(m_document->round(), m_cpa);
        record(s);
    }
    void undo() override { record(m_document->setAgreement(m_cpa, m_old)); }

private:
    CpaId m_cpa;
    std::optional<LabourMarketAgreement> m_old;
    std::optional<LabourMarketAgreement> m_new;
};

} // namespace

Status Commands::setAgreement(RoundDocument *document, CpaId cpa,
                              const std::optional<LabourMarketAgreement> &agreement)
{
    if (sameContent(agreementOf(document->round(), cpa), agreement))
        return {};
    if (const QString why = document->whyNotEditable(); !why.isEmpty())
        return Error{why};
    if (const QString why = document->whyAgreementsFrozen(); !why.isEmpty())
        return Error{why};
    return pushCommand(document, new SetAgreement(document, cpa, agreement));
}

} // namespace CoCommission
