#include "core/cpa/csvtable.h"

#include "core/io/csvreader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

namespace CoCommission::CsvTable {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::CsvTable", text);
}

} // namespace

Result<QList<Row>> parse(const QByteArray &data, const QString &fileName)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(data); // decoded only to find bytes that are not UTF-8
    Q_UNUSED(decoded);
    if (decoder.hasError()) {
        return Error{
            tr("%1 is not UTF-8 text. Save it as “CSV UTF-8” and try again.").arg(fileName)};
    }
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QList<Row> rows;
    QStringList fields;
    while (reader.readRecord(fields)) {
        if (fields.size() == 1 && fields.first().isEmpty())
            continue; // a blank line
        rows.append({int(reader.recordLine()), fields});
    }
    switch (reader.problem()) {
    case CsvReader::Problem::None:
        return rows;
    case CsvReader::Problem::UnclosedQuote:
        return Error{tr("%1, line %2: a quoted field is not closed.")
                         .arg(fileName)
                         .arg(reader.problemLine())};
    case CsvReader::Problem::TextAfterQuote:
        return Error{tr("%1, line %2: unexpected text after a closing quote.")
                         .arg(fileName)
                         .arg(reader.problemLine())};
    }
    return rows;
}

Result<QByteArray> readBuiltIn(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("The built-in data %1 is missing from this build.").arg(path)};
    return file.readAll();
}

QString quoteField(const QString &field)
{
    const bool needsQuotes =
        field.contains(u',') || field.contains(u'"') || field.contains(u'\n') ||
        field.contains(u'\r') ||
        (!field.isEmpty() && (field.front().isSpace() || field.back().isSpace()));
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace CoCommission::CsvTable
