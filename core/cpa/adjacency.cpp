#include "core/cpa/adjacency.h"

#include "core/cpa/csvtable.h"

namespace CoCommission {

QString adjacencyRulePhrase(AdjacencyRule rule)
{
    return rule == AdjacencyRule::LandContactOnly ? Adjacency::tr("using land contact only")
                                                  : Adjacency::tr("using legal boundaries");
}

Result<Adjacency> Adjacency::london()
{
    const QString path = QStringLiteral(":/reference/adjacency.csv");
    const Result<QByteArray> data = CsvTable::readBuiltIn(path);
    if (!data)
        return data.error();
    return fromCsv(*data, path);
}

Result<Adjacency> Adjacency::fromCsv(const QByteArray &data, const QString &fileName)
{
    Result<QList<CsvTable::Row>> rows = CsvTable::parse(data, fileName);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error{tr("%1 is empty: it needs the header gss_code_a,gss_code_b,land_contact.")
                         .arg(fileName)};
    const CsvTable::Row header = rows->takeFirst();
    const QStringList expected = {QStringLiteral("gss_code_a"), QStringLiteral("gss_code_b"),
                                  QStringLiteral("land_contact")};
    QStringList found;
    for (const QString &f : header.fields)
        found.append(f.trimmed().toLower());
    if (found != expected) {
        return Error{tr("%1, line %2: the header must be gss_code_a,gss_code_b,land_contact.")
                         .arg(fileName)
                         .arg(header.line)};
    }

    Adjacency adjacency;
    for (const CsvTable::Row &row : std::as_const(*rows)) {
        if (row.fields.size() != 3) {
            return Error{tr("%1, line %2: expected 3 fields, found %3.")
                             .arg(fileName)
                             .arg(row.line)
                             .arg(row.fields.size())};
        }
        const QString a = row.fields[0].trimmed();
        const QString b = row.fields[1].trimmed();
        const QString land = row.fields[2].trimmed().toLower();
        if (a.isEmpty() || b.isEmpty()) {
            return Error{tr("%1, line %2, field %3: the code is empty.")
                             .arg(fileName)
                             .arg(row.line)
                             .arg(a.isEmpty() ? expected[0] : expected[1])};
        }
        if (a == b) {
            return Error{
                tr("%1, line %2: %3 cannot neighbour itself.").arg(fileName).arg(row.line).arg(a)};
        }
        if (land != QLatin1String("yes") && land != QLatin1String("no")) {
            return Error{tr("%1, line %2, field land_contact: “%3” is neither yes nor no.")
                             .arg(fileName)
                             .arg(row.line)
                             .arg(row.fields[2])};
        }
        adjacency.addEdge(a, b, land == QLatin1String("yes"));
    }
    return adjacency;
}

int Adjacency::addUnit(const QString &code)
{
    const auto it = m_index.constFind(code);
    if (it != m_index.cend())
        return *it;
    const int index = int(m_codes.size());
    m_codes.append(code);
    m_index.insert(code, index);
    m_links.append(QList<Link>());
    return index;
}

void Adjacency::addEdge(const QString &a, const QString &b, bool landContact)
{
    // Two statements: the order of evaluation of function arguments is unspecified, and the
    // units must be numbered in the order they are named.
    const int ia = addUnit(a);
    const int ib = addUnit(b);
    addEdge(ia, ib, landContact);
}

void Adjacency::addEdge(int a, int b, bool landContact)
{
    Q_ASSERT(a >= 0 && a < unitCount() && b >= 0 && b < unitCount());
    if (a == b)
        return;
    for (Link &link : m_links[a]) {
        if (link.unit == b) {
            link.landContact = link.landContact || landContact;
            for (Link &back : m_links[b]) {
                if (back.unit == a)
                    back.landContact = link.landContact;
            }
            return;
        }
    }
    m_links[a].append({b, landContact});
    m_links[b].append({a, landContact});
}

QList<int> Adjacency::neighbourIndices(int index, AdjacencyRule rule) const
{
    QList<int> result;
    for (const Link &link : m_links.at(index)) {
        if (rule == AdjacencyRule::LegalBoundary || link.landContact)
            result.append(link.unit);
    }
    return result;
}

QStringList Adjacency::neighbours(const QString &code, AdjacencyRule rule) const
{
    QStringList result;
    const int index = indexOf(code);
    if (index < 0)
        return result;
    for (const int n : neighbourIndices(index, rule))
        result.append(m_codes.at(n));
    return result;
}

bool Adjacency::areNeighbours(const QString &a, const QString &b, AdjacencyRule rule) const
{
    const int ia = indexOf(a);
    const int ib = indexOf(b);
    if (ia < 0 || ib < 0)
        return false;
    for (const Link &link : m_links.at(ia)) {
        if (link.unit == ib)
            return rule == AdjacencyRule::LegalBoundary || link.landContact;
    }
    return false;
}

int Adjacency::edgeCount(AdjacencyRule rule) const
{
    int count = 0;
    for (const QList<Link> &links : m_links) {
        for (const Link &link : links) {
            if (rule == AdjacencyRule::LegalBoundary || link.landContact)
                ++count;
        }
    }
    return count / 2;
}

QList<QList<int>> Adjacency::graph(const QStringList &codes, AdjacencyRule rule) const
{
    // Map our unit indices to positions in codes once, so the edges need no hashing.
    QList<int> position(m_codes.size(), -1);
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const int unit = indexOf(codes.at(i));
        if (unit >= 0 && position[unit] < 0)
            position[unit] = int(i);
    }
    QList<QList<int>> result(codes.size());
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const int unit = indexOf(codes.at(i));
        if (unit < 0 || position[unit] != int(i))
            continue;
        for (const Link &link : m_links.at(unit)) {
            if (rule == AdjacencyRule::LandContactOnly && !link.landContact)
                continue;
            if (const int p = position[link.unit]; p >= 0)
                result[i].append(p);
        }
    }
    return result;
}

Adjacency Adjacency::restrictedTo(const QStringList &codes) const
{
    Adjacency result;
    for (const QString &code : codes) {
        if (contains(code))
            result.addUnit(code);
    }
    for (int a = 0; a < unitCount(); ++a) {
        const int ra = result.indexOf(m_codes.at(a));
        if (ra < 0)
            continue;
        for (const Link &link : m_links.at(a)) {
            const int rb = result.indexOf(m_codes.at(link.unit));
            if (rb >= 0 && a < link.unit)
                result.addEdge(ra, rb, link.landContact);
        }
    }
    return result;
}

} // namespace CoCommission
