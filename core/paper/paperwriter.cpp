// Choosing the format, writing safely, and the PDF (laid out by PageLayout, paperlayout.cpp).

#include "core/paper/paperwriter.h"

#include "core/paper/paperwriter_p.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>

namespace CoCommission::Paper {

namespace Detail {

QString longDate(const QDate &date)
{
    if (!date.isValid())
        return {};
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(date, QStringLiteral("d MMMM yyyy"));
}

QList<QPair<QString, QString>> headerRows(const Header &header)
{
    QList<QPair<QString, QString>> rows = {
        {tr("Report by:"), header.reportBy},
        {tr("Job title:"), header.jobTitle},
        {tr("Date:"), longDate(header.date)},
        {tr("Contact officer:"), header.contactOfficer},
        {tr("Email:"), header.email},
        {tr("Telephone:"), header.telephone},
        {tr("Classification:"), header.classification},
    };
    return rows;
}

QString itemLabel(const Header &header)
{
    return header.itemNumber.isEmpty() ? QString() : tr("Item %1").arg(header.itemNumber);
}

QStringList fontFamilies()
{
    return {QStringLiteral("Arial"), QStringLiteral("Liberation Sans"),
            QStringLiteral("DejaVu Sans")};
}

} // namespace Detail

namespace {

/** \a text as a PDF text string: UTF-16BE with a byte order mark, in hex. */
QByteArray pdfTextString(const QString &text)
{
    QByteArray utf16 = "\xFE\xFF";
    for (const QChar c : text) {
        utf16.append(char(c.unicode() >> 8));
        utf16.append(char(c.unicode() & 0xFF));
    }
    return '<' + utf16.toHex().toUpper() + '>';
}

/**
 * Qt 6.4's QPdfWriter cannot set /Author (QPdfWriter::setAuthor came in Qt 6.8), so the author
 * is added by an incremental update, as PDF 1.4 section 3.4.5 allows: the Info object is
 * written again with /Author added, followed by a cross-reference section for it and a trailer
 * whose /Prev points at the original cross-reference table. Readers take the newer object.
 */
Result<QByteArray> addAuthor(QByteArray pdf, const QString &author)
{
    const auto fail = [] {
        return Error{Detail::tr("The PDF could not be given its author: its trailer was not "
                                "understood.")};
    };
    const qsizetype trailerAt = pdf.lastIndexOf("trailer");
    const qsizetype startXrefAt = pdf.lastIndexOf("startxref");
    if (trailerAt < 0 || startXrefAt < trailerAt)
        return fail();
    const QString trailer = QString::fromLatin1(pdf.mid(trailerAt, startXrefAt - trailerAt));
    const QString tail = QString::fromLatin1(pdf.mid(startXrefAt));
    const auto size = QRegularExpression(QStringLiteral("/Size\\s+(\\d+)")).match(trailer);
    const auto root =
        QRegularExpression(QStringLiteral("/Root\\s+(\\d+\\s+\\d+\\s+R)")).match(trailer);
    const auto info =
        QRegularExpression(QStringLiteral("/Info\\s+(\\d+)\\s+0\\s+R")).match(trailer);
    const auto prev = QRegularExpression(QStringLiteral("startxref\\s+(\\d+)")).match(tail);
    const auto id = QRegularExpression(QStringLiteral("/ID\\s*(\\[[^\\]]*\\])")).match(trailer);
    if (!size.hasMatch() || !root.hasMatch() || !info.hasMatch() || !prev.hasMatch())
        return fail();

    const QByteArray infoNumber = info.captured(1).toLatin1();
    const QByteArray objectHead = '\n' + infoNumber + " 0 obj";
    const qsizetype objectAt = pdf.indexOf(objectHead);
    const qsizetype dictAt = objectAt < 0 ? -1 : pdf.indexOf("<<", objectAt);
    const qsizetype endAt = dictAt < 0 ? -1 : pdf.indexOf("endobj", dictAt);
    const qsizetype dictEnd = endAt < 0 ? -1 : pdf.lastIndexOf(">>", endAt);
    if (dictEnd < dictAt || dictAt < 0)
        return fail();
    const QByteArray oldEntries = pdf.mid(dictAt + 2, dictEnd - dictAt - 2).trimmed();

    if (!pdf.endsWith('\n'))
        pdf.append('\n');
    const qsizetype newObjectAt = pdf.size();
    pdf.append(infoNumber + " 0 obj\n<<\n" + oldEntries + "\n/Author " + pdfTextString(author) +
               "\n>>\nendobj\n");
    const qsizetype xrefAt = pdf.size();
    pdf.append("xref\n0 1\n0000000000 65535 f \n" + infoNumber + " 1\n" +
               QByteArray::number(newObjectAt).rightJustified(10, '0') + " 00000 n \n");
    pdf.append("trailer\n<< /Size " + size.captured(1).toLatin1() + " /Root " +
               root.captured(1).toLatin1() + " /Info " + infoNumber + " 0 R");
    if (id.hasMatch())
        pdf.append(" /ID " + id.captured(1).toLatin1());
    pdf.append(" /Prev " + prev.captured(1).toLatin1() + " >>\nstartxref\n" +
               QByteArray::number(xrefAt) + "\n%%EOF\n");
    return pdf;
}

} // namespace

std::optional<Format> formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    if (suffix == QLatin1String("odt"))
        return Format::Odt;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return Format::Html;
    return std::nullopt;
}

Result<QByteArray> toPdf(const Document &document)
{
    const PageLayout layout(document);
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(72);
        writer.setTitle(document.documentTitle.isEmpty() ? document.header.title
                                                         : document.documentTitle);
        writer.setCreator(QStringLiteral("CoCommission"));
        QPainter painter;
        if (!painter.begin(&writer))
            return Error{Detail::tr("The PDF could not be started.")};
        for (int page = 0; page < layout.pageCount(); ++page) {
            if (page > 0)
                writer.newPage();
            layout.paintPage(painter, page, writer.resolution());
        }
        painter.end();
    }
    if (document.author.isEmpty())
        return bytes;
    return addAuthor(bytes, document.author);
}

Result<void> writePaper(const Document &document, const QString &path)
{
    const std::optional<Format> format = formatForPath(path);
    if (!format) {
        return Error{Detail::tr("Cannot write the paper to %1: the file name must end in .pdf, "
                                ".odt, .html or .htm.")
                         .arg(QDir::toNativeSeparators(path))};
    }
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        return Error{Detail::tr("Cannot write the paper to %1: the folder %2 does not exist.")
                         .arg(QDir::toNativeSeparators(path),
                              QDir::toNativeSeparators(info.absolutePath()))};
    }
    QByteArray bytes;
    switch (*format) {
    case Format::Pdf: {
        auto pdf = toPdf(document);
        if (!pdf)
            return Error{Detail::tr("Cannot write the paper to %1: %2")
                             .arg(QDir::toNativeSeparators(path), pdf.errorMessage())};
        bytes = std::move(pdf).value();
        break;
    }
    case Format::Odt: {
        auto odt = toOdt(document);
        if (!odt)
            return Error{Detail::tr("Cannot write the paper to %1: %2")
                             .arg(QDir::toNativeSeparators(path), odt.errorMessage())};
        bytes = std::move(odt).value();
        break;
    }
    case Format::Html:
        bytes = toHtml(document);
        break;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{Detail::tr("Cannot write the paper to %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return Error{Detail::tr("Cannot write the paper to %1: %2")
                         .arg(QDir::toNativeSeparators(path), reason)};
    }
    return {};
}

} // namespace CoCommission::Paper
