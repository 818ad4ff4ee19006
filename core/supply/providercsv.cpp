#include "core/supply/providercsv.h"

#include "core/cpa/csvtable.h"
#include "core/evaluation/supplychain.h"
#include "core/io/csvproblems.h"
#include "core/io/csvreader.h"
#include "core/round/round.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QStringDecoder>

#include <algorithm>
#include <optional>

namespace CoCommission {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::ProviderCsv", text, disambiguation, n);
}

/** A size limit as "10 MB", "512 KB" or "50 bytes". */
QString size(qint64 bytes)
{
    constexpr qint64 kMB = 1024 * 1024;
    if (bytes >= kMB)
        return tr("%1 MB").arg(QString::number(double(bytes) / double(kMB), 'g', 4));
    if (bytes >= 1024)
        return tr("%1 KB").arg(QString::number(double(bytes) / 1024.0, 'g', 4));
    return bytes == 1 ? tr("1 byte") : tr("%1 bytes").arg(bytes);
}

Error tooLarge(const QString &file, qint64 limit)
{
    return Error{tr("%1 is larger than %2, the most a provider register may be; split it.")
                     .arg(file, size(limit))};
}

} // namespace

namespace ProviderCsv {

namespace {

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

QString count(qint64 n)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(n);
}

enum Column { Name, Sector, Sme, Specialisms, Areas, Contact };

const QStringList kColumns = {QStringLiteral("name"),  QStringLiteral("sector"),
                              QStringLiteral("sme"),   QStringLiteral("specialisms"),
                              QStringLiteral("areas"), QStringLiteral("contact")};

/** Lower case, with "-" and " " read as "_" ("Voluntary and community"). */
QString normalised(const QString &text)
{
    QString key = text.trimmed().toLower();
    key.replace(u'-', u'_');
    key.replace(u' ', u'_');
    return key;
}

std::optional<ProviderSector> toSector(const QString &text)
{
    const QString key = normalised(text);
    if (key.isEmpty())
        return ProviderSector::Private;
    if (const auto sector = sectorFromKey(key))
        return sector;
    static const QHash<QString, ProviderSector> aliases{
        {QStringLiteral("vcs"), ProviderSector::VoluntaryCommunity},
        {QStringLiteral("voluntary"), ProviderSector::VoluntaryCommunity},
        {QStringLiteral("voluntary_and_community"), ProviderSector::VoluntaryCommunity},
    };
    if (const auto it = aliases.constFind(key); it != aliases.cend())
        return *it;
    for (ProviderSector s :
         {ProviderSector::Private, ProviderSector::VoluntaryCommunity, ProviderSector::Public}) {
        if (normalised(sectorName(s)) == key) // the name as shown, should it be translated
            return s;
    }
    return std::nullopt;
}

QString specialismKeys()
{
    QStringList keys;
    for (const Specialism &s : specialisms())
        keys << s.key;
    return keys.join(QStringLiteral(", "));
}

std::optional<bool> toSme(const QString &text)
{
    const QString key = text.trimmed().toLower();
    if (key.isEmpty() || key == QLatin1String("no") || key == QLatin1String("false") ||
        key == QLatin1String("0"))
        return false;
    if (key == QLatin1String("yes") || key == QLatin1String("true") || key == QLatin1String("1"))
        return true;
    return std::nullopt;
}

/** The non-empty, trimmed parts of a ";"-separated list. */
QStringList parts(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u';')) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out << trimmed;
    }
    return out;
}

/** What the areas field may name, each folded to lower case: codes and names to GSS codes. */
struct AreaIndex
{
    QHash<QString, QString> authorities; ///< folded code or name -> GSS code
    QHash<QString, QStringList> cpas;    ///< folded CPA name -> member codes

    explicit AreaIndex(const Round &round)
    {
        for (const Authority &a : round.authorities) {
            authorities.insert(a.gssCode.toCaseFolded(), a.gssCode);
            authorities.insert(a.name.trimmed().toCaseFolded(), a.gssCode);
        }
        if (const CpaPlan *plan = round.adoptedPlan()) {
            for (const Cpa &cpa : plan->cpas)
                cpas.insert(cpa.name.trimmed().toCaseFolded(), cpa.members);
        }
    }
};

/** The header's column of each of kColumns (-1: absent), or nullopt after adding a problem. */
std::optional<QList<qsizetype>> readHeader(const CsvReader &csv, const QString &file,
                                           CsvProblems &problems)
{
    QStringList header;
    for (qsizetype i = 0; i < csv.fieldCount(); ++i)
        header << csv.fieldText(i).trimmed().toLower();
    QList<qsizetype> index;
    for (const QString &column : kColumns) {
        index << header.indexOf(column);
        if (header.count(column) > 1) {
            problems.add(tr("%1, line %2: the header names the column %3 twice.")
                             .arg(file, QString::number(csv.recordLine()), column));
            return std::nullopt;
        }
    }
    if (index[Name] < 0) {
        problems.add(tr("%1, line %2: the header must name the column name (the columns are "
                        "%3; found \u201c%4\u201d).")
                         .arg(file, QString::number(csv.recordLine()), kColumns.join(u','),
                              header.join(u',')));
        return std::nullopt;
    }
    return index;
}

} // namespace

Result<QList<Provider>> parse(const QByteArray &data, const QString &fileName, const Round &round,
                              const Limits &limits)
{
    const QString &file = fileName;
    if (data.size() > limits.maxBytes)
        return tooLarge(file, limits.maxBytes);
    {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder(data); // decoded only to find bytes that are not UTF-8
        Q_UNUSED(decoded);
        if (decoder.hasError())
            return Error{tr("%1 is not UTF-8 text. Save it as \u201cCSV UTF-8\u201d and try again.")
                             .arg(file)};
    }

    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader csv(&buffer);
    CsvProblems problems(kMaxProblems);
    bool headerRead = false;
    while (!headerRead && csv.next()) // blank lines before the header are skipped
        headerRead = csv.fieldCount() > 1 || !csv.fieldText(0).trimmed().isEmpty();
    if (!headerRead) {
        if (!csv.error().isEmpty())
            return Error{tr("%1: %2").arg(file, csv.error())};
        return Error{tr("%1 is empty: it needs the header %2 and one row per provider.")
                         .arg(file, kColumns.join(u','))};
    }
    const std::optional<QList<qsizetype>> index = readHeader(csv, file, problems);
    if (!index)
        return problems.error();
    const qsizetype width = csv.fieldCount();

    const AreaIndex areaIndex(round);
    QList<Provider> providers;
    QHash<QString, qint64> lineOf; // folded name -> line
    int rows = 0;
    while (csv.next()) {
        bool blank = true;
        for (qsizetype i = 0; i < csv.fieldCount() && blank; ++i)
            blank = csv.fieldText(i).trimmed().isEmpty();
        if (blank)
            continue;
        const qint64 line = csv.recordLine();
        if (++rows > limits.maxRows)
            return Error{tr("%1, line %2: the file has more than %3 providers, the most a "
                            "register may hold; split it.")
                             .arg(file, QString::number(line), count(limits.maxRows))};
        if (csv.fieldCount() != width) {
            problems.add(tr("%1, line %2: expected %3 fields as in the header, found %4.")
                             .arg(file, QString::number(line), QString::number(width),
                                  QString::number(csv.fieldCount())));
            continue;
        }
        const auto field = [&](Column c) {
            return (*index)[c] < 0 ? QString() : csv.fieldText((*index)[c]).trimmed();
        };

        Provider p;
        p.name = field(Name);
        if (p.name.isEmpty()) {
            problems.at(file, line, quoted(kColumns[Name]), tr("the name is empty."));
        } else if (const auto earlier = lineOf.constFind(p.name.toCaseFolded());
                   earlier != lineOf.cend()) {
            problems.at(file, line, quoted(kColumns[Name]),
                        tr("%1 is already named on line %2; names must differ by more than "
                           "case.")
                            .arg(quoted(p.name), QString::number(*earlier)));
        } else {
            lineOf.insert(p.name.toCaseFolded(), line);
        }

        const QString sectorText = field(Sector);
        if (const std::optional<ProviderSector> sector = toSector(sectorText))
            p.sector = *sector;
        else
            problems.at(file, line, quoted(kColumns[Sector]),
                        tr("%1 is not a sector: write private, voluntary_community or public.")
                            .arg(quoted(sectorText)));

        const QString smeText = field(Sme);
        if (const std::optional<bool> sme = toSme(smeText))
            p.sme = *sme;
        else
            problems.at(file, line, quoted(kColumns[Sme]),
                        tr("%1 is not yes or no: write yes, no, true, false, 1 or 0.")
                            .arg(quoted(smeText)));

        for (const QString &part : parts(field(Specialisms))) {
            QString key;
            for (const Specialism &s : specialisms()) {
                if (s.key.compare(part, Qt::CaseInsensitive) == 0 ||
                    s.name.compare(part, Qt::CaseInsensitive) == 0)
                    key = s.key;
            }
            if (key.isEmpty())
                problems.at(file, line, quoted(kColumns[Specialisms]),
                            tr("%1 is not a specialism: write one of %2.")
                                .arg(quoted(part), specialismKeys()));
            else if (!p.specialisms.contains(key))
                p.specialisms << key;
        }

        for (const QString &part : parts(field(Areas))) {
            const QString folded = part.toCaseFolded();
            if (const auto code = areaIndex.authorities.constFind(folded);
                code != areaIndex.authorities.cend()) {
                if (!p.areas.contains(*code))
                    p.areas << *code;
            } else if (const auto cpa = areaIndex.cpas.constFind(folded);
                       cpa != areaIndex.cpas.cend()) {
                for (const QString &member : *cpa) {
                    if (!p.areas.contains(member))
                        p.areas << member;
                }
            } else {
                problems.at(file, line, quoted(kColumns[Areas]),
                            tr("%1 is not an authority or CPA of the round.").arg(quoted(part)));
            }
        }

        p.contact = field(Contact);
        providers << p;
    }
    if (!csv.error().isEmpty())
        problems.add(tr("%1: %2").arg(file, csv.error()));
    if (!problems.isEmpty())
        return problems.error();
    if (providers.isEmpty())
        return Error{
            tr("%1 has no providers: it needs at least one row after the header.").arg(file)};
    return providers;
}

} // namespace ProviderCsv

Result<QList<Provider>> readProvidersCsv(const QString &path, const Round &round,
                                         const ProviderCsv::Limits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Could not read %1: %2").arg(path, file.errorString())};
    // Refused before reading, so that a huge file costs nothing.
    if (file.size() > limits.maxBytes)
        return tooLarge(QFileInfo(path).fileName(), limits.maxBytes);
    return ProviderCsv::parse(file.readAll(), QFileInfo(path).fileName(), round, limits);
}

QByteArray writeProvidersCsv(const QList<Provider> &providers)
{
    const QString eol = QStringLiteral("\r\n");
    QString text = QStringLiteral("name,sector,sme,specialisms,areas,contact") + eol;
    for (const Provider &p : providers) {
        const QStringList fields{
            p.name,
            sectorKey(p.sector),
            p.sme ? QStringLiteral("yes") : QStringLiteral("no"),
            p.specialisms.join(u';'),
            p.areas.join(u';'),
            p.contact,
        };
        QStringList quotedFields;
        for (const QString &f : fields)
            quotedFields << CsvTable::quoteField(f);
        text += quotedFields.join(u',') + eol;
    }
    return text.toUtf8();
}

QList<Provider> mergeProviders(const QList<Provider> &current, const QList<Provider> &imported)
{
    QList<Provider> merged = current;
    for (const Provider &p : imported) {
        const auto it = std::find_if(merged.begin(), merged.end(), [&](const Provider &q) {
            return q.name.compare(p.name, Qt::CaseInsensitive) == 0;
        });
        if (it != merged.end())
            *it = p;
        else
            merged << p;
    }
    return merged;
}

ProviderImport importProviders(const SupplyMarket &supply, const QList<Provider> &imported)
{
    ProviderImport result;
    result.supply = supply;
    if (supply.illustrativeProviders) {
        result.replacedIllustrative = true;
        result.added = int(imported.size());
        result.supply.providers = imported;
        result.supply.illustrativeProviders = false;
        return result;
    }
    for (const Provider &p : imported) {
        const Provider *current = supply.provider(p.name);
        if (!current)
            ++result.added;
        else if (*current == p)
            ++result.unchanged;
        else
            ++result.updated;
    }
    result.supply.providers = mergeProviders(supply.providers, imported);
    return result;
}

} // namespace CoCommission
