#pragma once

#include "core/common/result.h"
#include "core/round/adjacencyrule.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

/** The rule as a translated phrase for a sentence: "using legal boundaries", ... */
QString adjacencyRulePhrase(AdjacencyRule rule);

/**
 * Which areas neighbour which: an undirected graph over GSS codes in which every edge records
 * whether the two areas touch on land or only across water.
 *
 * Units are numbered 0..unitCount()-1 in the order they were added; neighbours are kept as
 * index lists so that contiguity checks do not hash strings. There are no self-loops and no
 * parallel edges: adding an edge twice keeps one, and it counts as land contact when either
 * addition said so.
 */
class Adjacency
{
    Q_DECLARE_TR_FUNCTIONS(Adjacency)

public:
    /** A neighbour of a unit: its index and whether the two touch on land. */
    struct Link
    {
        int unit = -1;
        bool landContact = true;

        bool operator==(const Link &) const = default;
    };

    Adjacency() = default;

    /** London's 33 authorities and their 82 shared boundaries, from :/reference/adjacency.csv. */
    static Result<Adjacency> london();

    /**
     * Reads a CSV of neighbour pairs with the header gss_code_a,gss_code_b,land_contact
     * (land_contact yes or no). Errors name \a fileName, the line and the field.
     */
    static Result<Adjacency> fromCsv(const QByteArray &data, const QString &fileName);

    /** Adds \a code as a unit without neighbours (if new) and returns its index. */
    int addUnit(const QString &code);
    /** Adds the edge between \a a and \a b, adding either unit as needed; a == b is ignored. */
    void addEdge(const QString &a, const QString &b, bool landContact = true);
    void addEdge(int a, int b, bool landContact = true);

    int unitCount() const { return int(m_codes.size()); }
    const QStringList &codes() const { return m_codes; }
    bool contains(const QString &code) const { return m_index.contains(code); }
    /** The index of \a code, or -1. */
    int indexOf(const QString &code) const { return m_index.value(code, -1); }
    QString code(int index) const { return m_codes.at(index); }

    /** All links of unit \a index, whatever the rule. */
    const QList<Link> &links(int index) const { return m_links.at(index); }
    /** The indices of the neighbours of unit \a index under \a rule. */
    QList<int> neighbourIndices(int index, AdjacencyRule rule) const;
    /** The codes of the neighbours of \a code under \a rule; empty for an unknown code. */
    QStringList neighbours(const QString &code, AdjacencyRule rule) const;
    bool areNeighbours(const QString &a, const QString &b, AdjacencyRule rule) const;
    int edgeCount(AdjacencyRule rule) const;

    /**
     * The graph under \a rule re-indexed by \a codes: entry i lists the positions in \a codes of
     * the neighbours of codes[i]. A code this adjacency does not hold has no neighbours. This is
     * what the checks and the suggestion search run on.
     */
    QList<QList<int>> graph(const QStringList &codes, AdjacencyRule rule) const;

    /** This adjacency with only the units in \a codes and the edges among them. */
    Adjacency restrictedTo(const QStringList &codes) const;

    bool operator==(const Adjacency &other) const
    {
        return m_codes == other.m_codes && m_links == other.m_links;
    }

private:
    QStringList m_codes;
    QHash<QString, int> m_index;
    QList<QList<Link>> m_links;
};

} // namespace CoCommission
