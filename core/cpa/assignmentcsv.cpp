#include "core/cpa/assignmentcsv.h"

#include "core/cpa/csvtable.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QIODevice>
#include <QSet>

namespace CoCommission::AssignmentCsv {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::AssignmentCsv", text);
}

const QString kCodeColumn = QStringLiteral("gss_code");
const QString kCpaColumn = QStringLiteral("cpa");

// Enough to act on without burying the first problems.
constexpr int kMaxProblems = 20;

QString describe(const Authority &authority)
{
    return QStringLiteral("%1 (%2)").arg(authority.name, authority.gssCode);
}

} // namespace

Result<CpaAssignment> parse(const QByteArray &data, const QString &fileName,
                            const QList<Authority> &authorities)
{
    Result<QList<CsvTable::Row>> rows = CsvTable::parse(data, fileName);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error{tr("%1 is empty: it needs the header gss_code,cpa and one row per "
                        "authority.")
                         .arg(fileName)};

    const CsvTable::Row header = rows->takeFirst();
    int codeColumn = -1;
    int cpaColumn = -1;
    for (qsizetype i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields[i].trimmed().toLower();
        int *column = name == kCodeColumn ? &codeColumn : name == kCpaColumn ? &cpaColumn : nullptr;
        if (!column)
            continue;
        if (*column >= 0) {
            return Error{tr("%1, line %2: the header names the column %3 twice.")
                             .arg(fileName)
                             .arg(header.line)
                             .arg(name)};
        }
        *column = int(i);
    }
    if (codeColumn < 0 || cpaColumn < 0) {
        return Error{tr("%1, line %2: the first line must be the header gss_code,cpa (found "
                        "“%3”).")
                         .arg(fileName)
                         .arg(header.line)
                         .arg(header.fields.join(u','))};
    }

    QHash<QString, qsizetype> known;
    for (qsizetype i = 0; i < authorities.size(); ++i)
        known.insert(authorities[i].gssCode, i);

    CpaAssignment assignment;
    QHash<QString, int> lineOf;
    QStringList problems;
    const qsizetype width = header.fields.size();
    for (const CsvTable::Row &row : std::as_const(*rows)) {
        if (problems.size() >= kMaxProblems)
            break;
        if (row.fields.size() != width) {
            problems.append(tr("%1, line %2: expected %3 fields as in the header, found %4.")
                                .arg(fileName)
                                .arg(row.line)
                                .arg(width)
                                .arg(row.fields.size()));
            continue;
        }
        const QString code = row.fields[codeColumn].trimmed();
        const QString cpa = row.fields[cpaColumn].trimmed();
        if (code.isEmpty()) {
            problems.append(
                tr("%1, line %2, field gss_code: the code is empty.").arg(fileName).arg(row.line));
            continue;
        }
        if (!known.contains(code)) {
            problems.append(tr("%1, line %2, field gss_code: %3 is not an authority of this "
                               "round.")
                                .arg(fileName)
                                .arg(row.line)
                                .arg(code));
            continue;
        }
        if (const auto earlier = lineOf.constFind(code); earlier != lineOf.cend()) {
            problems.append(tr("%1, line %2, field gss_code: %3 is already assigned on line %4.")
                                .arg(fileName)
                                .arg(row.line)
                                .arg(code)
                                .arg(*earlier));
            continue;
        }
        if (cpa.isEmpty()) {
            problems.append(tr("%1, line %2, field cpa: the CPA name for %3 is empty.")
                                .arg(fileName)
                                .arg(row.line)
                                .arg(code));
            continue;
        }
        lineOf.insert(code, row.line);
        qsizetype index = assignment.cpaNames.indexOf(cpa);
        if (index < 0) {
            index = assignment.cpaNames.size();
            assignment.cpaNames.append(cpa);
        }
        assignment.cpaOf.insert(code, int(index));
    }

    if (problems.isEmpty()) {
        QStringList missing;
        for (const Authority &authority : authorities) {
            if (!assignment.cpaOf.contains(authority.gssCode))
                missing.append(describe(authority));
        }
        if (!missing.isEmpty()) {
            problems.append(tr("%1: these authorities have no CPA: %2.")
                                .arg(fileName, missing.join(QStringLiteral(", "))));
        }
    }
    if (!problems.isEmpty())
        return Error{problems.join(u'\n')};
    return assignment;
}

Result<CpaAssignment> read(const QString &path, const QList<Authority> &authorities)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot open %1: %2").arg(path, file.errorString())};
    return parse(file.readAll(), path, authorities);
}

QByteArray toCsv(const CpaAssignment &assignment, const QList<Authority> &authorities,
                 WriteOptions options)
{
    QString text;
    if (options.byteOrderMark)
        text.append(QChar(0xfeff));
    const QString eol = QStringLiteral("\r\n");
    text += kCodeColumn + u',' + kCpaColumn + eol;
    QSet<QString> written;
    for (const Authority &authority : authorities) {
        const QString cpa = assignment.cpaNameOf(authority.gssCode);
        if (cpa.isEmpty())
            continue;
        text += CsvTable::quoteField(authority.gssCode) + u',' + CsvTable::quoteField(cpa) + eol;
        written.insert(authority.gssCode);
    }
    QStringList rest;
    for (auto it = assignment.cpaOf.cbegin(); it != assignment.cpaOf.cend(); ++it) {
        if (!written.contains(it.key()))
            rest.append(it.key());
    }
    rest.sort();
    for (const QString &code : std::as_const(rest)) {
        text += CsvTable::quoteField(code) + u',' +
                CsvTable::quoteField(assignment.cpaNameOf(code)) + eol;
    }
    return text.toUtf8();
}

QByteArray toCsv(const CpaPlan &plan, const QList<Authority> &authorities, WriteOptions options)
{
    return toCsv(CpaAssignment::fromPlan(plan), authorities, options);
}

Status write(QIODevice *device, const CpaPlan &plan, const QList<Authority> &authorities,
             WriteOptions options)
{
    const QByteArray bytes = toCsv(plan, authorities, options);
    if (device->write(bytes) != bytes.size())
        return Error{tr("Cannot write the assignment file: %1").arg(device->errorString())};
    return {};
}

} // namespace CoCommission::AssignmentCsv
