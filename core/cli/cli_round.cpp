// The sub-commands that make, describe and verify a round: new, info, verify.

#include "core/cli/cliutil.h"

#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"
#include "core/store/verifier.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace CoCommission::CommandLine {

namespace {

QJsonObject infoJson(const RoundDocument &document)
{
    const Round &r = document.round();
    QJsonObject o;
    o[QStringLiteral("file")] = document.filePath();
    o[QStringLiteral("title")] = r.title;
    o[QStringLiteral("programme")] = r.programme;
    o[QStringLiteral("model")] = modelNumber(r.model);
    o[QStringLiteral("model_name")] = modelName(r.model);
    o[QStringLiteral("read_only")] = document.isReadOnly();
    o[QStringLiteral("illustrative_figures")] = r.hasIllustrativeFigures();

    QJsonArray authorities;
    for (const Authority &a : r.authorities)
        authorities.append(
            QJsonObject{{QStringLiteral("gss_code"), a.gssCode}, {QStringLiteral("name"), a.name}});
    o[QStringLiteral("authorities")] = authorities;

    QJsonArray partnerships;
    for (const Partnership &p : r.partnerships)
        partnerships.append(
            QJsonObject{{QStringLiteral("name"), p.name},
                        {QStringLiteral("lead_authority"),
                         p.leadAuthority.isEmpty() ? QJsonValue() : QJsonValue(p.leadAuthority)},
                        {QStringLiteral("members"), QJsonArray::fromStringList(p.members)}});
    o[QStringLiteral("partnerships")] = partnerships;

    QJsonArray plans;
    for (const CpaPlan &plan : r.plans) {
        QJsonArray cpas;
        for (const Cpa &cpa : plan.cpas)
            cpas.append(
                QJsonObject{{QStringLiteral("name"), cpa.name},
                            {QStringLiteral("members"), QJsonArray::fromStringList(cpa.members)}});
        plans.append(QJsonObject{{QStringLiteral("name"), plan.name},
                                 {QStringLiteral("adopted"), plan.adopted},
                                 {QStringLiteral("cpas"), cpas}});
    }
    o[QStringLiteral("plans")] = plans;

    QJsonArray stages;
    for (StageId stage : kAllStages) {
        QJsonArray signOffs;
        for (const SignOff &s : r.signOffsFor(stage))
            signOffs.append(
                QJsonObject{{QStringLiteral("party"), partyKey(s.party)},
                            {QStringLiteral("name"), s.name},
                            {QStringLiteral("role"), s.role},
                            {QStringLiteral("signed_at"), s.signedAt.toString(Qt::ISODate)},
                            {QStringLiteral("rationale"), s.rationale},
                            {QStringLiteral("snapshot"), s.snapshot.value()},
                            {QStringLiteral("snapshot_sha256"), s.snapshotSha256}});
        stages.append(QJsonObject{{QStringLiteral("stage"), stageKey(stage)},
                                  {QStringLiteral("number"), stageNumber(stage)},
                                  {QStringLiteral("title"), stageTitle(stage)},
                                  {QStringLiteral("status"), statusKey(r.stage(stage).status)},
                                  {QStringLiteral("outstanding"),
                                   QJsonArray::fromStringList(StageRules::outstanding(r, stage))},
                                  {QStringLiteral("sign_offs"), signOffs}});
    }
    o[QStringLiteral("stages")] = stages;
    return o;
}

void printInfoText(const RoundDocument &document, QTextStream &out)
{
    const Round &r = document.round();
    out << r.title << '\n';
    if (!r.programme.isEmpty())
        out << tr("Programme: %1").arg(r.programme) << '\n';
    out << tr("Model: %1").arg(modelName(r.model)) << '\n';
    out << tr("Authorities: %1").arg(r.authorities.size()) << '\n';
    out << tr("Partnerships:") << '\n';
    for (const Partnership &p : r.partnerships)
        out << "  " << tr("%1 (%2 authorities)").arg(p.name).arg(p.members.size()) << '\n';
    out << tr("CPA plans:") << '\n';
    for (const CpaPlan &plan : r.plans)
        out << "  " << plan.name << (plan.adopted ? tr(" (adopted)") : QString()) << ": "
            << tr("CPAs: %1").arg(plan.cpas.size()) << '\n';
    out << tr("Stages:") << '\n';
    for (StageId stage : kAllStages) {
        out << "  " << stageNumber(stage) << ". " << stageTitle(stage) << ": "
            << statusName(r.stage(stage).status) << '\n';
        for (const SignOff &s : r.signOffsFor(stage))
            out << "     "
                << tr("signed by %1 (%2) on %3, snapshot %4")
                       .arg(s.name, partyName(s.party), s.signedAt.date().toString(Qt::ISODate))
                       .arg(s.snapshot.value())
                << '\n';
    }
    if (r.hasIllustrativeFigures())
        out << tr("Note: this round holds illustrative figures, not official statistics.") << '\n';
}

} // namespace

int runNew(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis =
        QStringLiteral("cocommission new FILE.cocom [--demo] [--title TITLE] [--model 1|2|3]");
    const Parsed p = parse(args, {QStringLiteral("--demo")},
                           {QStringLiteral("--title"), QStringLiteral("--model")});
    if (!p.error.isEmpty())
        return usage(err, p.error, synopsis);
    if (p.positional.size() != 1)
        return usage(err, tr("Name one file to create."), synopsis);
    const QString path = p.positional.first();

    Result<Round> round = p.flags.contains(QStringLiteral("--demo"))
                              ? LondonRound::demo()
                              : LondonRound::blank(tr("New commissioning round"));
    if (!round) {
        err << round.errorMessage() << '\n';
        return UsageError;
    }
    if (p.values.contains(QStringLiteral("--title"))) {
        round->title = p.values.value(QStringLiteral("--title")).trimmed();
        if (round->title.isEmpty())
            return usage(err, tr("--title needs a non-empty title."), synopsis);
    }
    if (p.values.contains(QStringLiteral("--model"))) {
        bool ok = false;
        const auto model = modelFromNumber(p.values.value(QStringLiteral("--model")).toInt(&ok));
        if (!ok || !model)
            return usage(err, tr("--model must be 1, 2 or 3."), synopsis);
        round->model = *model;
    }
    const auto document = RoundDocument::create(path, *round);
    if (!document) {
        err << document.errorMessage() << '\n';
        return UsageError;
    }
    out << tr("Created %1: %2 (%3 authorities).")
               .arg(path, round->title)
               .arg(round->authorities.size())
        << '\n';
    return Success;
}

int runInfo(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral("cocommission info FILE.cocom [--json]");
    const std::optional<OneFile> one = parseOneFile(args, synopsis, err);
    if (!one)
        return UsageError;
    const auto document = openForReading(one->path, err);
    if (!document)
        return UsageError;
    if (one->json)
        printJson(out, infoJson(*document));
    else
        printInfoText(*document, out);
    return Success;
}

int runVerify(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = QStringLiteral("cocommission verify FILE.cocom [--json]");
    const std::optional<OneFile> one = parseOneFile(args, synopsis, err);
    if (!one)
        return UsageError;
    const Result<VerifyReport> report = verifyRoundFile(one->path);
    if (!report) {
        err << report.errorMessage() << '\n';
        return UsageError;
    }
    if (one->json) {
        QJsonArray checks;
        for (const VerifyCheck &c : report->checks)
            checks.append(
                QJsonObject{{QStringLiteral("name"), c.name},
                            {QStringLiteral("detail"), c.detail},
                            {QStringLiteral("ok"), c.passed()},
                            {QStringLiteral("problems"), QJsonArray::fromStringList(c.problems)}});
        printJson(out, QJsonObject{{QStringLiteral("file"), report->path},
                                   {QStringLiteral("ok"), report->passed()},
                                   {QStringLiteral("checks"), checks}});
    } else {
        out << tr("Verifying %1").arg(report->path) << '\n';
        for (const VerifyCheck &c : report->checks) {
            out << (c.passed() ? tr("  ok      ") : tr("  FAILED  ")) << c.name;
            if (!c.detail.isEmpty())
                out << " (" << c.detail << ')';
            out << '\n';
            for (const QString &problem : c.problems)
                out << "          - " << problem << '\n';
        }
        out << (report->passed() ? tr("The round is intact.")
                                 : tr("The round has problems: see above."))
            << '\n';
    }
    return report->passed() ? Success : CheckFailed;
}

} // namespace CoCommission::CommandLine
