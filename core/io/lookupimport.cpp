#include "core/io/lookupimport.h"

#include "core/io/csvreader.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace CoCommission {

Result<LookupFile> LookupImport::read(const QString &path, const QStringList &authorities)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Could not read %1: %2").arg(path, file.errorString())};
    CsvReader csv(&file);
    QStringList header;
    if (!csv.readRecord(header))
        return Error{
            tr("%1 is empty: a lookup needs a header line child_code,authority_code.").arg(name)};
    for (QString &h : header)
        h = h.trimmed().toLower();
    const int child = int(header.indexOf(QStringLiteral("child_code")));
    const int parent = int(header.indexOf(QStringLiteral("authority_code")));
    if (child < 0 || parent < 0)
        return Error{tr("%1, line 1: a lookup needs the columns child_code and authority_code; "
                        "the header has: %2.")
                         .arg(name, header.join(QStringLiteral(", ")))};

    const QSet<QString> known(authorities.begin(), authorities.end());
    QSet<QString> unknown;
    LookupFile result;
    while (csv.next()) {
        const qint64 line = csv.recordLine();
        if (csv.fieldCount() == 1 && csv.field(0).trimmed().isEmpty())
            continue;
        if (csv.fieldCount() != header.size())
            return Error{tr("%1, line %2: expected %3 fields, found %4.")
                             .arg(name)
                             .arg(line)
                             .arg(header.size())
                             .arg(csv.fieldCount())};
        const QString childCode = csv.fieldText(child).trimmed();
        const QString authorityCode = csv.fieldText(parent).trimmed();
        if (childCode.isEmpty() || authorityCode.isEmpty())
            return Error{tr("%1, line %2, column %3: the code is empty.")
                             .arg(name)
                             .arg(line)
                             .arg(childCode.isEmpty() ? QStringLiteral("child_code")
                                                      : QStringLiteral("authority_code"))};
        const auto existing = result.childToAuthority.constFind(childCode);
        if (existing != result.childToAuthority.constEnd() && existing.value() != authorityCode)
            return Error{tr("%1, line %2, column authority_code: %3 is given two authorities, %4 "
                            "and %5.")
                             .arg(name)
                             .arg(line)
                             .arg(childCode, existing.value(), authorityCode)};
        result.childToAuthority.insert(childCode, authorityCode);
        if (!known.contains(authorityCode))
            unknown.insert(authorityCode);
        ++result.rows;
    }
    if (!csv.error().isEmpty())
        return Error{tr("%1: %2").arg(name, csv.error())};
    result.unknownAuthorities = QStringList(unknown.begin(), unknown.end());
    result.unknownAuthorities.sort();
    return result;
}

} // namespace CoCommission
