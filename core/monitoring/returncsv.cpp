#include "core/monitoring/returncsv.h"

#include "core/cpa/csvtable.h"
#include "core/io/csvproblems.h"
#include "core/io/csvreader.h"
#include "core/monitoring/monitoringcheck.h"
#include "core/monitoring/performance.h"
#include "core/round/round.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QSaveFile>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <optional>
#include <utility>

namespace CoCommission {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::ReturnCsv", text, disambiguation, n);
}

/** At most this many problems are listed in full. */
constexpr int kMaxProblems = 20;
/** A return of 5 years × 10 CPAs × 10 groups × 4 measures is under 2 MB. */
constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

enum Column { Period, CpaColumn, Group, Measure, Value, ColumnCount };

const QStringList kColumns = {QStringLiteral("period"), QStringLiteral("cpa"),
                              QStringLiteral("priority_group"), QStringLiteral("measure"),
                              QStringLiteral("value")};

QString measureKeys()
{
    QStringList keys;
    for (MonitoringMeasure m : monitoringMeasures())
        keys << monitoringMeasureKey(m);
    return keys.join(QStringLiteral(", "));
}

/** The problems of a file, listed in line order whatever found them. */
class Problems
{
public:
    explicit Problems(QString file)
        : m_file(std::move(file))
    {}

    void at(qint64 line, const QString &field, const QString &what)
    {
        m_list.append({line, field, what});
    }
    bool isEmpty() const { return m_list.isEmpty(); }

    Error error() const
    {
        QList<Entry> sorted = m_list;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const Entry &a, const Entry &b) { return a.line < b.line; });
        CsvProblems problems(kMaxProblems);
        for (const Entry &e : sorted) {
            if (e.line <= 0)
                problems.add(tr("%1: %2").arg(m_file, e.what));
            else if (e.field.isEmpty())
                problems.add(tr("%1, line %2: %3").arg(m_file, QString::number(e.line), e.what));
            else
                problems.at(m_file, e.line, quoted(e.field), e.what);
        }
        return problems.error();
    }

private:
    struct Entry
    {
        qint64 line = 0;
        QString field;
        QString what;
    };
    QString m_file;
    QList<Entry> m_list;
};

/** What the rows of a file say, each figure with its line. */
struct Rows
{
    QList<MonitoringFigure> figures;
    QList<qint64> figureLines;
    QList<StandardFigure> standards;
    QList<qint64> standardLines;
    int rows = 0;
};

/**
 * Reads \a data (the file \a file) row by row: every field parsed and named by the round (CPA
 * names to ids, groups to their keys); the checks against the contract come after. With
 * \a standards, a measure may be the key of a service standard.
 */
std::optional<Rows> readRows(const Round &round, const QByteArray &data, const QString &file,
                             bool standards, Problems &problems, Error &fatal)
{
    {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder(data); // decoded only to find bytes that are not UTF-8
        Q_UNUSED(decoded);
        if (decoder.hasError()) {
            fatal = Error{tr("%1 is not UTF-8 text. Save it as \u201cCSV UTF-8\u201d and try "
                             "again.")
                              .arg(file)};
            return std::nullopt;
        }
    }
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader csv(&buffer);
    bool headerRead = false;
    while (!headerRead && csv.next()) // blank lines before the header are skipped
        headerRead = csv.fieldCount() > 1 || !csv.fieldText(0).trimmed().isEmpty();
    if (!headerRead) {
        fatal = Error{!csv.error().isEmpty()
                          ? tr("%1: %2").arg(file, csv.error())
                          : tr("%1 is empty: it needs the header %2 and one row per figure.")
                                .arg(file, kColumns.join(u','))};
        return std::nullopt;
    }

    // The header: each column once, in any order, and no other.
    QList<qsizetype> index(ColumnCount, -1);
    const qint64 headerLine = csv.recordLine();
    QStringList unknown;
    for (qsizetype i = 0; i < csv.fieldCount(); ++i) {
        const QString name = csv.fieldText(i).trimmed().toLower();
        const qsizetype column = kColumns.indexOf(name);
        if (column < 0) {
            unknown << quoted(csv.fieldText(i).trimmed());
        } else if (index[column] >= 0) {
            fatal = Error{tr("%1, line %2: the header names the column %3 twice.")
                              .arg(file, QString::number(headerLine), name)};
            return std::nullopt;
        } else {
            index[column] = i;
        }
    }
    QStringList missing;
    for (int c = 0; c < ColumnCount; ++c) {
        if (index[c] < 0)
            missing << kColumns[c];
    }
    if (!unknown.isEmpty() || !missing.isEmpty()) {
        QStringList what;
        if (!missing.isEmpty())
            what << (missing.size() == 1 ? tr("the column %1 is missing")
                                         : tr("the columns %1 are missing"))
                        .arg(missing.join(QStringLiteral(", ")));
        if (!unknown.isEmpty())
            what << tr("%1 is no column of the format").arg(unknown.join(QStringLiteral(", ")));
        fatal = Error{tr("%1, line %2: %3. The columns are %4.")
                          .arg(file, QString::number(headerLine), what.join(QStringLiteral("; ")),
                               kColumns.join(u','))};
        return std::nullopt;
    }
    const qsizetype width = csv.fieldCount();

    QHash<QString, CpaId> cpas; // folded name -> id
    QStringList cpaNames;
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const Cpa &cpa : plan->cpas) {
            cpas.insert(cpa.name.trimmed().toCaseFolded(), cpa.id);
            cpaNames << cpa.name;
        }
    }
    QHash<QString, QString> groups; // folded key -> key
    for (const KeyName &g : monitoringGroups(round))
        groups.insert(g.key.toCaseFolded(), g.key);
    QHash<QString, QString> standardKeys; // folded key -> key
    if (standards) {
        for (const ServiceStandard &s : round.design.standards)
            standardKeys.insert(s.key.toCaseFolded(), s.key);
    }
    QHash<QString, MonitoringMeasure> measures;
    for (MonitoringMeasure m : monitoringMeasures())
        measures.insert(monitoringMeasureKey(m), m);

    Rows rows;
    while (csv.next()) {
        bool blank = true;
        for (qsizetype i = 0; i < csv.fieldCount() && blank; ++i)
            blank = csv.fieldText(i).trimmed().isEmpty();
        if (blank)
            continue;
        const qint64 line = csv.recordLine();
        if (++rows.rows > MonitoringLimits::maxFigures) {
            fatal = Error{tr("%1, line %2: the file has more than %3 figures, the most one file "
                             "may hold; split it.")
                              .arg(file, QString::number(line),
                                   QString::number(MonitoringLimits::maxFigures))};
            return std::nullopt;
        }
        if (csv.fieldCount() != width) {
            problems.at(line, QString(),
                        tr("expected %1 fields as in the header, found %2.")
                            .arg(width)
                            .arg(csv.fieldCount()));
            continue;
        }
        const auto field = [&](Column c) {
            return csv.fieldText(index[c]).trimmed();
        };
        bool good = true;
        const auto fail = [&](Column c, const QString &what) {
            problems.at(line, kColumns[c], what);
            good = false;
        };

        const QString periodText = field(Period);
        const std::optional<QDate> period = periodFromKey(periodText);
        if (!period)
            fail(Period, periodText.isEmpty()
                             ? tr("the period is empty; write the month as YYYY-MM.")
                             : tr("%1 is not a month; write it as YYYY-MM, e.g. 2019-04.")
                                   .arg(quoted(periodText)));

        const QString cpaText = field(CpaColumn);
        const CpaId cpa = cpas.value(cpaText.toCaseFolded());
        if (!cpa.isValid())
            fail(CpaColumn, cpaText.isEmpty()
                                ? tr("the CPA is empty; write the name of a CPA of the adopted "
                                     "plan: %1.")
                                      .arg(cpaNames.join(QStringLiteral(", ")))
                                : tr("%1 is not a CPA of the adopted plan, whose CPAs are %2.")
                                      .arg(quoted(cpaText), cpaNames.join(QStringLiteral(", "))));

        const QString groupText = field(Group);
        const QString group = groups.value(groupText.toCaseFolded(), groupText);

        const QString measureText = field(Measure);
        const QString measureKey = measureText.toLower();
        const auto measure = measures.constFind(measureKey);
        const QString standard = standardKeys.value(measureText.toCaseFolded());
        if (measure == measures.cend() && standard.isEmpty()) {
            if (standards)
                fail(Measure, tr("%1 is not a measure: write %2, or the key of a minimum "
                                 "service standard of stage 3.")
                                  .arg(quoted(measureText), measureKeys()));
            else
                fail(Measure, tr("%1 is not a measure a contract profile counts: write %2.")
                                  .arg(quoted(measureText), measureKeys()));
        } else if (measure == measures.cend() && !groupText.isEmpty()) {
            fail(Group, tr("%1 is a service standard, measured for the whole CPA: leave the "
                           "priority group empty.")
                            .arg(quoted(measureText)));
        }

        const QString valueText = field(Value);
        bool number = false;
        const double value = QLocale::c().toDouble(valueText, &number);
        if (!number)
            fail(Value, valueText.isEmpty() ? tr("the value is empty.")
                                            : tr("%1 is not a number.").arg(quoted(valueText)));

        if (!good)
            continue;
        if (measure != measures.cend()) {
            rows.figures.append({*period, cpa, group, *measure, value});
            rows.figureLines.append(line);
        } else {
            rows.standards.append({*period, cpa, standard, value});
            rows.standardLines.append(line);
        }
    }
    if (!csv.error().isEmpty())
        problems.at(csv.problemLine(), QString(), csv.error());
    return rows;
}

/** Adds the problems the checks found, each at the line of its figure. */
void addProblems(Problems &problems, const QList<FigureProblem> &found, const QList<qint64> &lines)
{
    for (const FigureProblem &p : found) {
        const qint64 line = p.index >= 0 && p.index < lines.size() ? lines.at(p.index) : 0;
        problems.at(line, p.field, p.message);
    }
}

/** Reads the file at \a path whole, refusing one that is too large or unreadable. */
Result<QByteArray> readFile(const QString &path, const QString &file)
{
    QFile device(path);
    if (!device.open(QIODevice::ReadOnly))
        return Error{tr("Could not read %1: %2").arg(path, device.errorString())};
    if (device.size() > kMaxBytes)
        return Error{tr("%1 is larger than %2 MB, the most one file may be; split it.")
                         .arg(file)
                         .arg(kMaxBytes / (1024 * 1024))};
    return device.readAll();
}

/** What makes figures the same figure, for counting corrections. */
QString figureKey(const QDate &period, CpaId cpa, const QString &group, int measure)
{
    return QStringLiteral("%1|%2|%3|%4")
        .arg(period.toJulianDay())
        .arg(cpa.value())
        .arg(group)
        .arg(measure);
}

QString plainNumber(double value)
{
    return QLocale::c().toString(value, 'f', QLocale::FloatingPointShortest);
}

} // namespace

Result<ReturnImport> readReturnCsv(const Round &round, const QString &path, const QString &note)
{
    const QString file = QFileInfo(path).fileName();
    const ContractProfile &profile = round.monitoring.profile;
    if (!profile.hasPeriod())
        return Error{tr("%1 cannot be received: the contract period is not set. Derive, import "
                        "or enter the contract profile first.")
                         .arg(file)};
    if (!round.adoptedPlan())
        return Error{tr("%1 cannot be received: the round has no adopted CPA plan.").arg(file)};
    const Result<QByteArray> data = readFile(path, file);
    if (!data)
        return data.error();
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(*data, QCryptographicHash::Sha256).toHex());
    for (const PerformanceReturn &r : round.monitoring.returns) {
        if (r.sha256 == sha256)
            return Error{tr("%1 was received already, as the return from %2 on %3 (the same "
                            "SHA-256): nothing was received twice.")
                             .arg(file, quoted(r.source),
                                  r.receivedAt.toUTC().date().toString(Qt::ISODate))};
    }

    Problems problems(file);
    Error fatal;
    const std::optional<Rows> rows = readRows(round, *data, file, true, problems, fatal);
    if (!rows)
        return fatal;
    addProblems(problems, checkFigures(round, profile, rows->figures, true), rows->figureLines);
    addProblems(problems, checkStandardFigures(round, profile, rows->standards),
                rows->standardLines);
    if (!problems.isEmpty())
        return problems.error();
    if (rows->rows == 0)
        return Error{tr("%1 has no figures: it needs at least one row after the header %2.")
                         .arg(file, kColumns.join(u','))};

    ReturnImport in;
    PerformanceReturn &r = in.performanceReturn;
    r.source = file;
    r.sha256 = sha256;
    r.receivedAt = QDateTime::currentDateTimeUtc();
    r.note = note.trimmed();
    r.figures = rows->figures;
    r.standards = rows->standards;
    in.rows = rows->rows;

    QSet<QString> reported;
    for (const PerformanceReturn &earlier : round.monitoring.returns) {
        for (const MonitoringFigure &f : earlier.figures)
            reported.insert(figureKey(f.period, f.cpa, f.group, int(f.measure)));
        for (const StandardFigure &f : earlier.standards)
            reported.insert(figureKey(f.period, f.cpa, f.standard, -1));
    }
    for (const MonitoringFigure &f : r.figures)
        in.corrections += reported.contains(figureKey(f.period, f.cpa, f.group, int(f.measure)));
    for (const StandardFigure &f : r.standards)
        in.corrections += reported.contains(figureKey(f.period, f.cpa, f.standard, -1));

    if (Status s = checkReturn(round, r); !s) // the rows passed; this guards the whole
        return s.error();
    in.warnings = performanceWarnings(round, &r);
    return in;
}

Result<ContractProfile> readProfileCsv(const Round &round, const QString &path)
{
    const QString file = QFileInfo(path).fileName();
    if (!round.adoptedPlan())
        return Error{tr("%1 cannot be read: the round has no adopted CPA plan.").arg(file)};
    const Result<QByteArray> data = readFile(path, file);
    if (!data)
        return data.error();
    Problems problems(file);
    Error fatal;
    const std::optional<Rows> rows = readRows(round, *data, file, false, problems, fatal);
    if (!rows)
        return fatal;

    ContractProfile profile;
    profile.source = tr("Imported from %1").arg(file);
    profile.figures = rows->figures;
    if (round.monitoring.profile.hasPeriod()) {
        profile.start = round.monitoring.profile.start;
        profile.months = round.monitoring.profile.months;
    } else if (!rows->figures.isEmpty()) {
        QDate first = rows->figures.first().period;
        QDate last = first;
        for (const MonitoringFigure &f : rows->figures) {
            first = std::min(first, f.period);
            last = std::max(last, f.period);
        }
        const int months = (last.year() - first.year()) * 12 + last.month() - first.month() + 1;
        if (months > MonitoringLimits::maxContractMonths)
            return Error{tr("%1 runs from %2 to %3, %4 months: more than the %5 a contract may "
                            "run.")
                             .arg(file, periodKey(first), periodKey(last))
                             .arg(months)
                             .arg(MonitoringLimits::maxContractMonths)};
        profile.start = first;
        profile.months = months;
    }
    if (profile.hasPeriod())
        addProblems(problems, checkFigures(round, profile, rows->figures, false),
                    rows->figureLines);
    if (!problems.isEmpty())
        return problems.error();
    if (rows->figures.isEmpty())
        return Error{tr("%1 has no figures: it needs at least one row after the header %2.")
                         .arg(file, kColumns.join(u','))};
    if (Status s = checkProfile(round, profile); !s)
        return s.error();
    return profile;
}

Status writeProfileCsv(const Round &round, const ContractProfile &profile, const QString &path)
{
    const QString eol = QStringLiteral("\r\n");
    QString text = kColumns.join(u',') + eol;
    for (const MonitoringFigure &f : profile.figures) {
        const Cpa *cpa = round.adoptedCpa(f.cpa);
        if (!cpa)
            return Error{tr("The profile names CPA %1, which is not a CPA of the adopted plan: "
                            "nothing was written.")
                             .arg(f.cpa.value())};
        const QStringList fields{periodKey(f.period), cpa->name, f.group,
                                 monitoringMeasureKey(f.measure), plainNumber(f.value)};
        QStringList quotedFields;
        for (const QString &field : fields)
            quotedFields << CsvTable::quoteField(field);
        text += quotedFields.join(u',') + eol;
    }
    const QByteArray bytes = text.toUtf8();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return Error{tr("Could not write %1: %2").arg(path, out.errorString())};
    return {};
}

} // namespace CoCommission
