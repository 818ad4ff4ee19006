#include "core/io/nomisimport.h"

#include "core/io/csvreader.h"
#include "core/needs/aggregator.h"
#include "core/store/roundstore.h"
#include "core/store/sql.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDriver>

#include <sqlite3.h>

#include <charconv>
#include <optional>

namespace CoCommission {

namespace {

constexpr qint64 kProgressEveryRows = 65536;
constexpr int kMaxUnknownCodesListed = 50;

/**
 * The one statement run per row, through SQLite's C API on the connection Qt opened: binding
 * through QSqlQuery and QVariant costs more than the rest of the import together.
 */
class RawInsert
{
public:
    explicit RawInsert(QSqlDatabase &db)
    {
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_db = *static_cast<sqlite3 *const *>(handle.constData());
        if (m_db)
            sqlite3_prepare_v2(m_db,
                               "INSERT INTO raw_values (dataset_id, series, geography_id, date, "
                               "value, status) VALUES (?, ?, ?, ?, ?, ?)",
                               -1, &m_statement, nullptr);
    }
    ~RawInsert() { sqlite3_finalize(m_statement); }
    RawInsert(const RawInsert &) = delete;
    RawInsert &operator=(const RawInsert &) = delete;

    bool isValid() const { return m_statement; }
    QString error() const
    {
        return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no SQLite handle");
    }

    bool insert(qint64 dataset, int series, qint64 geography, QByteArrayView date,
                std::optional<double> value, QByteArrayView status, bool hasStatus)
    {
        sqlite3_bind_int64(m_statement, 1, dataset);
        sqlite3_bind_int(m_statement, 2, series);
        sqlite3_bind_int64(m_statement, 3, geography);
        sqlite3_bind_text(m_statement, 4, date.data(), int(date.size()), SQLITE_STATIC);
        if (value)
            sqlite3_bind_double(m_statement, 5, *value);
        else
            sqlite3_bind_null(m_statement, 5);
        if (hasStatus)
            sqlite3_bind_text(m_statement, 6, status.data(), int(status.size()), SQLITE_STATIC);
        else
            sqlite3_bind_null(m_statement, 6);
        const int rc = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        return rc == SQLITE_DONE;
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

/** What the import knows of one geography code. */
struct Geography
{
    qint64 id = 0;
    AuthorityAggregator::Target target;
};

bool isDate(QByteArrayView text)
{
    // "2024" or "2024-05" (NOMIS also writes quarters and other periods as YYYY-MM).
    auto digits = [&](qsizetype from, qsizetype count) {
        for (qsizetype i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return false;
        }
        return true;
    };
    if (text.size() == 4)
        return digits(0, 4);
    if (text.size() != 7 || !digits(0, 4) || text[4] != '-' || !digits(5, 2))
        return false;
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    return month >= 1 && month <= 12;
}

QString quoted(QByteArrayView text)
{
    QString s = QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 60)));
    if (text.size() > 60)
        s += QStringLiteral("…");
    return QStringLiteral("\"%1\"").arg(s);
}

} // namespace

bool NomisImport::isMissingMarker(QByteArrayView value)
{
    // Most values are numbers: decide those without comparing against every marker.
    if (!value.isEmpty() &&
        ((value[0] >= '0' && value[0] <= '9') ||
         (value.size() > 1 && value[0] == '-' && value[1] >= '0' && value[1] <= '9')))
        return false;
    const QByteArrayView v = value.trimmed();
    static const QByteArrayView markers[] = {"",  "..", ".", "-", "*", ":",  "x",
                                             "X", "c",  "z", "!", "~", "NA", "N/A"};
    for (QByteArrayView m : markers) {
        if (v == m)
            return true;
    }
    return false;
}

Result<QString> NomisImport::fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Could not read %1: %2").arg(path, file.errorString())};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return Error{tr("Could not read %1: %2").arg(path, file.errorString())};
    return QString::fromLatin1(hash.result().toHex());
}

Result<NomisImportSummary> NomisImport::run(QSqlDatabase &db, const QString &path,
                                            const QString &datasetName,
                                            const QStringList &authorities,
                                            const QHash<QString, QString> &lookup,
                                            const Progress &progress, qint64 preferredId)
{
    const QString name = QFileInfo(path).fileName();
    auto at = [&](qint64 line, const QString &column, const QString &problem) {
        return Error{tr("%1, line %2, column %3: %4").arg(name).arg(line).arg(column, problem)};
    };

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Could not read %1: %2").arg(path, file.errorString())};
    const qint64 total = file.size();
    if (total == 0)
        return Error{tr("%1 is empty: it is not a NOMIS CSV download.").arg(name)};

    // The file's SHA-256 is taken as it is read; a second import of the same bytes is refused at
    // the end, and the caller's transaction takes back what was written.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    CsvReader csv(&file);
    csv.setHash(&hash);
    if (!csv.next())
        return Error{
            tr("%1 is not a NOMIS CSV download: %2")
                .arg(name, csv.error().isEmpty() ? tr("it has no header line") : csv.error())};
    QStringList header;
    for (qsizetype i = 0; i < csv.fieldCount(); ++i)
        header.append(csv.fieldText(i).trimmed().toUpper());
    auto column = [&](const QString &n) {
        return int(header.indexOf(n));
    };

    const int geoColumn = column(QStringLiteral("GEOGRAPHY_CODE"));
    const int valueColumn = column(QStringLiteral("OBS_VALUE"));
    int dateColumn = column(QStringLiteral("DATE"));
    if (dateColumn < 0)
        dateColumn = column(QStringLiteral("DATE_CODE"));
    const int geoNameColumn = column(QStringLiteral("GEOGRAPHY_NAME"));
    const int geoTypeColumn = column(QStringLiteral("GEOGRAPHY_TYPE"));
    const int statusColumn = column(QStringLiteral("OBS_STATUS"));
    for (const auto &[index, required] :
         {std::pair{geoColumn, "GEOGRAPHY_CODE"}, std::pair{valueColumn, "OBS_VALUE"},
          std::pair{dateColumn, "DATE"}}) {
        if (index < 0)
            return Error{tr("%1, line 1: this is not a NOMIS CSV download: it has no %2 column. "
                            "The columns found are: %3.")
                             .arg(name, QLatin1String(required),
                                  header.mid(0, 20).join(QStringLiteral(", ")))};
    }

    // Every other variable is a dimension; its value is in X_NAME where there is one.
    static const QRegularExpression suffix(QStringLiteral("_(NAME|CODE|TYPE|TYPECODE|SORTORDER)$"));
    static const QStringList notDimensions = {
        QStringLiteral("DATE"), QStringLiteral("GEOGRAPHY"), QStringLiteral("RECORD_OFFSET"),
        QStringLiteral("RECORD_COUNT"), QStringLiteral("URN")};
    QStringList dimensions;
    QList<int> dimensionColumns;
    for (const QString &h : header) {
        QString base = h;
        base.remove(suffix);
        if (base.isEmpty() || notDimensions.contains(base) ||
            base.startsWith(QLatin1String("OBS_")) || dimensions.contains(base))
            continue;
        // A variable comes as a family of columns (X, X_NAME, X_CODE, ...); a lone column that
        // is not one (a note, an id) is not a dimension.
        int valueAt = column(base + QStringLiteral("_NAME"));
        if (valueAt < 0)
            valueAt = column(base + QStringLiteral("_CODE"));
        if (valueAt < 0)
            continue;
        dimensions.append(base);
        dimensionColumns.append(valueAt);
    }

    NomisImportSummary summary;
    NeedsDataset &dataset = summary.dataset;
    dataset.name = datasetName.trimmed().isEmpty() ? QFileInfo(path).completeBaseName()
                                                   : datasetName.trimmed();
    dataset.source = tr("NOMIS download %1").arg(name);
    dataset.fileName = name;
    dataset.importedAt = QDateTime::currentDateTimeUtc();
    dataset.dimensions = dimensions;
    dataset.id = preferredId;
    const Result<qint64> datasetId = RoundStore::insertDataset(db, dataset);
    if (!datasetId)
        return datasetId.error();

    AuthorityAggregator aggregator(authorities, lookup);
    QHash<QByteArray, Geography> geographies;
    QHash<QByteArray, int> seriesIndex;
    QList<QStringList> seriesValues;
    QHash<QByteArray, int> dateIndex;
    QStringList dates;
    QSet<QString> unknown;

    QSqlQuery findGeography(db);
    findGeography.prepare(QStringLiteral("SELECT id FROM geographies WHERE code = ?"));
    QSqlQuery addGeography(db);
    addGeography.prepare(
        QStringLiteral("INSERT INTO geographies (code, name, type) VALUES (?, ?, ?)"));
    RawInsert insertRow(db);
    if (!insertRow.isValid())
        return Error{tr("Could not store %1: %2").arg(name, insertRow.error())};

    if (progress && !progress(0, total))
        return Error{tr("The import of %1 was cancelled. Nothing was changed.").arg(name)};
    QByteArray seriesKey;
    while (csv.next()) {
        const qint64 line = csv.recordLine();
        if (csv.fieldCount() == 1 && csv.field(0).trimmed().isEmpty())
            continue; // a blank line, e.g. at the end
        if (csv.fieldCount() != header.size())
            return Error{tr("%1, line %2: expected %3 fields as in the header, found %4. The "
                            "file may be truncated or not a NOMIS download.")
                             .arg(name)
                             .arg(line)
                             .arg(header.size())
                             .arg(csv.fieldCount())};
        ++summary.rows;

        // Geography
        const QByteArrayView geoView = csv.field(geoColumn).trimmed();
        if (geoView.isEmpty())
            return at(line, QStringLiteral("GEOGRAPHY_CODE"), tr("the code is empty"));
        const QByteArray geoKey = QByteArray::fromRawData(geoView.data(), geoView.size());
        auto geo = geographies.find(geoKey);
        if (geo == geographies.end()) {
            const QString code = QString::fromUtf8(geoView);
            Geography g;
            findGeography.bindValue(0, code);
            if (findGeography.exec() && findGeography.next()) {
                g.id = findGeography.value(0).toLongLong();
            } else {
                addGeography.bindValue(0, code);
                addGeography.bindValue(1, geoNameColumn >= 0 ? csv.fieldText(geoNameColumn)
                                                             : QStringLiteral(""));
                addGeography.bindValue(2, geoTypeColumn >= 0 ? csv.fieldText(geoTypeColumn)
                                                             : QStringLiteral(""));
                if (!addGeography.exec())
                    return Error{Sql::describe(addGeography, tr("Could not store %1").arg(name))};
                g.id = addGeography.lastInsertId().toLongLong();
            }
            g.target = aggregator.target(code);
            geo = geographies.insert(QByteArray(geoView.data(), geoView.size()), g);
        }

        // Date
        const QByteArrayView dateView = csv.field(dateColumn).trimmed();
        const QByteArray dateKey = QByteArray::fromRawData(dateView.data(), dateView.size());
        auto date = dateIndex.find(dateKey);
        if (date == dateIndex.end()) {
            if (!isDate(dateView))
                return at(line, header.at(dateColumn),
                          tr("%1 is not a date like 2024-05 or 2024").arg(quoted(dateView)));
            dates.append(QString::fromUtf8(dateView));
            date = dateIndex.insert(QByteArray(dateView.data(), dateView.size()),
                                    int(dates.size() - 1));
        }

        // Value
        const QByteArrayView valueView = csv.field(valueColumn);
        std::optional<double> value;
        if (isMissingMarker(valueView)) {
            ++summary.missingValues;
        } else {
            const QByteArrayView text = valueView.trimmed();
            double v = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            const bool ok = ec == std::errc() && end == text.data() + text.size();
            if (!ok || !std::isfinite(v))
                return at(line, QStringLiteral("OBS_VALUE"),
                          tr("%1 is not a number").arg(quoted(valueView)));
            value = v;
        }

        // Series: one value of each dimension
        seriesKey.clear();
        for (int c : dimensionColumns) {
            seriesKey.append(csv.field(c));
            seriesKey.append('\x1f');
        }
        auto series = seriesIndex.find(seriesKey);
        if (series == seriesIndex.end()) {
            QStringList values;
            for (int c : dimensionColumns)
                values.append(csv.fieldText(c).trimmed());
            seriesValues.append(values);
            series = seriesIndex.insert(seriesKey, int(seriesValues.size() - 1));
        }

        if (!insertRow.insert(*datasetId, *series, geo->id, dateView, value,
                              statusColumn >= 0 ? csv.field(statusColumn) : QByteArrayView(),
                              statusColumn >= 0))
            return Error{
                tr("Could not store line %1 of %2: %3").arg(line).arg(name, insertRow.error())};

        if (geo->target.authority < 0) {
            ++summary.unknownRows;
            if (unknown.size() < kMaxUnknownCodesListed)
                unknown.insert(QString::fromUtf8(geoView));
        } else {
            ++(geo->target.isAuthority ? summary.rowsForAuthorities : summary.rowsThroughLookup);
            if (!aggregator.add(geo->target, *series, *date, value))
                return at(line, QStringLiteral("GEOGRAPHY_CODE"),
                          tr("a second value for %1 at %2 for the same measure")
                              .arg(QString::fromUtf8(geoView), dates.at(*date)));
        }

        if (progress && summary.rows % kProgressEveryRows == 0 && !progress(csv.bytesRead(), total))
            return Error{tr("The import of %1 was cancelled. Nothing was changed.").arg(name)};
    }
    if (!csv.error().isEmpty())
        return Error{tr("%1: %2").arg(name, csv.error())};
    if (summary.rows == 0)
        return Error{tr("%1 has a header but no data rows.").arg(name)};
    dataset.sha256 = QString::fromLatin1(hash.result().toHex());
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT name, imported_at FROM datasets WHERE sha256 = ?"));
        q.addBindValue(dataset.sha256);
        if (q.exec() && q.next())
            return Error{tr("%1 has been imported already, as the dataset \"%2\" (%3). Nothing "
                            "was changed.")
                             .arg(name, q.value(0).toString(), q.value(1).toString())};
    }

    // Measures and their authority-level figures.
    const QString prefix = QStringLiteral("d%1s").arg(*datasetId);
    // Labels name the dimensions that tell the measures apart; one that is the same for all
    // ("Total", "Value") only lengthens them.
    QList<bool> varies(dimensions.size(), false);
    for (const QStringList &values : std::as_const(seriesValues)) {
        for (qsizetype d = 0; d < values.size(); ++d)
            varies[d] = varies[d] || values.at(d) != seriesValues.first().at(d);
    }
    for (qsizetype i = 0; i < seriesValues.size(); ++i) {
        const QStringList &values = seriesValues.at(i);
        QStringList shown;
        for (qsizetype d = 0; d < values.size(); ++d) {
            if (varies[d])
                shown.append(values.at(d));
        }
        QString label = dataset.name;
        if (!shown.isEmpty())
            label += QStringLiteral(": ") + shown.join(QStringLiteral(", "));
        dataset.measures.append({prefix + QString::number(i), label, values});
    }
    QStringList measureKeys;
    for (const Measure &m : dataset.measures)
        measureKeys.append(m.key);
    dataset.observations = aggregator.observations(measureKeys, dates);
    dataset.rowCount = summary.rows;
    if (Status s = Sql::exec(db,
                             QStringLiteral("UPDATE datasets SET row_count = ?, sha256 = ? "
                                            "WHERE id = ?"),
                             {dataset.rowCount, dataset.sha256, *datasetId});
        !s)
        return s.error();
    if (Status s = RoundStore::insertMeasures(db, *datasetId, dataset.measures); !s)
        return s.error();
    if (Status s = RoundStore::insertObservations(db, *datasetId, dataset.observations); !s)
        return s.error();

    summary.unknownCodes = QStringList(unknown.begin(), unknown.end());
    summary.unknownCodes.sort();
    if (progress)
        progress(total, total);
    return summary;
}

} // namespace CoCommission
