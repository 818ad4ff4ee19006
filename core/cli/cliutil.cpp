#include "core/cli/cliutil.h"

#include "core/round/rounddocument.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace CoCommission::CommandLine {

QString tr(const char *text, const char *disambiguation, int n)
{
    return QCoreApplication::translate("CoCommission::CommandLine", text, disambiguation, n);
}

Parsed parse(const QStringList &args, const QStringList &flags, const QStringList &valued)
{
    Parsed p;
    for (qsizetype i = 0; i < args.size(); ++i) {
        // -o is the short form of --output wherever a command takes --output.
        const QString &a =
            args[i] == QLatin1String("-o") && valued.contains(QLatin1String("--output"))
                ? QStringLiteral("--output")
                : args[i];
        if (a.startsWith(QLatin1String("--"))) {
            if (flags.contains(a)) {
                p.flags.append(a);
            } else if (valued.contains(a)) {
                if (i + 1 >= args.size()) {
                    p.error = tr("%1 needs a value.").arg(a);
                    return p;
                }
                p.values.insert(a, args[++i]);
            } else {
                p.error = tr("Unknown option %1.").arg(a);
                return p;
            }
        } else {
            p.positional.append(a);
        }
    }
    return p;
}

void printJson(QTextStream &out, const QJsonObject &object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

int usage(QTextStream &err, const QString &problem, const QString &synopsis)
{
    err << problem << '\n' << tr("Usage: %1").arg(synopsis) << '\n';
    return UsageError;
}

/** Opens \a path without taking the write lock, or prints why not and returns null. */
std::unique_ptr<RoundDocument> openForReading(const QString &path, QTextStream &err)
{
    auto document = RoundDocument::open(path, {.readOnly = true});
    if (!document) {
        err << document.errorMessage() << '\n';
        return nullptr;
    }
    return std::move(*document);
}

/** Opens \a path for writing, or prints why not and returns null. */
std::unique_ptr<RoundDocument> openForWriting(const QString &path, QTextStream &err)
{
    auto document = RoundDocument::open(path);
    if (!document) {
        err << document.errorMessage() << '\n';
        return nullptr;
    }
    if ((*document)->isReadOnly()) {
        err << (*document)->whyNotEditable() << '\n';
        return nullptr;
    }
    return std::move(*document);
}

std::optional<OneFile> parseOneFile(const QStringList &args, const QString &synopsis,
                                    QTextStream &err)
{
    const Parsed p = parse(args, {QStringLiteral("--json")}, {});
    if (!p.error.isEmpty()) {
        usage(err, p.error, synopsis);
        return std::nullopt;
    }
    if (p.positional.size() != 1) {
        usage(err, tr("Name one round file."), synopsis);
        return std::nullopt;
    }
    return OneFile{p.positional.first(), p.flags.contains(QStringLiteral("--json"))};
}

} // namespace CoCommission::CommandLine
