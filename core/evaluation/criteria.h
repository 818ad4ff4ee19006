#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

/** What a criterion scores. Only leaves are scored; a criterion with children is a Group. */
enum class CriterionType {
    Group,       ///< a heading: its children are scored, it is not
    Quality,     ///< scored by the panel on its scale
    PassFail,    ///< 1 pass, 0 fail; a fail eliminates the bid; carries no marks
    Price,       ///< computed from the bid's price, never scored by the panel
    SocialValue, ///< scored by the panel on its scale, reported in its own sub-total
};

/** "group", "quality", "pass_fail", "price", "social_value": the names the CSV files use. */
QString criterionTypeKey(CriterionType type);
std::optional<CriterionType> criterionTypeFromKey(const QString &key);
/** Translated, e.g. "Pass or fail". */
QString criterionTypeName(CriterionType type);

/**
 * The levels a panel scores a criterion on: 0 to maxScore, with a descriptor for each level
 * (descriptors[i] describes score i).
 */
struct ScoringScale
{
    Q_DECLARE_TR_FUNCTIONS(ScoringScale)

public:
    int maxScore = 5;
    QStringList descriptors = sixLevelDescriptors();

    /** 0 no response or unacceptable, 1 very poor, 2 poor, 3 satisfactory, 4 good, 5 excellent. */
    static ScoringScale zeroToFive();
    /** The same six descriptors spread over 0-10: 0, 1-2, 3-4, 5-6, 7-8, 9-10. */
    static ScoringScale zeroToTen();

    /** The six translated descriptors, from "No response or unacceptable" to "Excellent". */
    static QStringList sixLevelDescriptors();

    bool operator==(const ScoringScale &) const = default;
};

/**
 * One node of an award criteria tree. weightPercent is relative to the node's siblings; the
 * siblings' weights sum to 100. parentId is empty at the top level.
 */
struct Criterion
{
    QString id;
    QString parentId;
    QString name;
    double weightPercent = 0;
    CriterionType type = CriterionType::Quality;
    ScoringScale scale;

    bool operator==(const Criterion &) const = default;
};

/**
 * A validated tree of award criteria.
 *
 * Invariants (checked by fromList()): ids are unique and non-empty, every parent is known,
 * there is no cycle, a criterion has children exactly when its type is Group, weights are
 * finite and not negative, each level's weights sum to 100 (within kWeightTolerance), there is
 * at most one Price leaf, and at least one leaf carries marks.
 *
 * Pass/fail rule: a PassFail leaf gates a bid but awards no marks, so its weight must be 0, and
 * so must the weight of a group holding only pass/fail leaves. A level made only of such
 * mark-less criteria sums to 0, not 100; every other level sums to 100.
 *
 * A node's effective weight is the product of the percentages down its path, expressed in
 * marks out of 100: a 50% child of a 20% parent carries 10 marks.
 */
class CriteriaTree
{
    Q_DECLARE_TR_FUNCTIONS(CriteriaTree)

public:
    static constexpr double kWeightTolerance = 1e-9;

    CriteriaTree() = default;

    /** Validates \a criteria and builds the tree; children keep the order of \a criteria. */
    static Result<CriteriaTree> fromList(const QList<Criterion> &criteria);

    /**
     * The template from the source papers: local service integration 20 (its seven services:
     * health including mental health 20, housing and homelessness 15, skills and further
     * education 15, family services and Troubled Families 15, childcare 10, public health
     * including drug and alcohol 15, local financial support 10), supply chain 10, delivery
     * model and minimum service standards 20, priority groups and places 10, employer
     * engagement 10, social value 10, price 20. Quality 70, social value 10, price 20.
     */
    static CriteriaTree defaultTemplate();

    const QList<Criterion> &criteria() const { return m_criteria; }
    bool contains(const QString &id) const { return m_index.contains(id); }
    /** The criterion with \a id; \a id must exist (asserted). */
    const Criterion &criterion(const QString &id) const;
    /** Children of \a id in order; the top level for an empty id. */
    QStringList children(const QString &id) const { return m_children.value(id); }
    bool isLeaf(const QString &id) const { return m_children.value(id).isEmpty(); }
    /** Leaves in depth-first order. */
    QStringList leaves() const;
    /** Whether the panel scores \a id: a quality, pass/fail or social value leaf of the tree. */
    bool isScored(const QString &id) const;
    /** The leaves the panel scores (every leaf but price), in depth-first order. */
    QStringList scoredLeaves() const;

    /** Marks out of 100 that \a id carries: the product of the percentages down its path. */
    double effectiveWeight(const QString &id) const;
    /** Sum of the effective weights of the leaves of \a type. */
    double totalWeight(CriterionType type) const;
    /** The price leaf, if the tree has one. */
    std::optional<QString> priceCriterion() const;
    /** Whether \a id awards marks: a non-pass/fail leaf, or a group with such a leaf below. */
    bool carriesMarks(const QString &id) const;

    /**
     * A copy with \a id's weight set to \a weightPercent and its siblings' weights rescaled in
     * proportion so that the level still sums to 100. Refused when the siblings carry no
     * weight to rescale, or when \a weightPercent is outside 0-100.
     */
    Result<CriteriaTree> withWeight(const QString &id, double weightPercent) const;

    /**
     * A translated note when social value carries less than \a minimumPercent of the marks
     * (central government guidance asks for at least 10%); empty otherwise.
     */
    std::optional<QString> socialValueNote(double minimumPercent = 10.0) const;

private:
    QList<Criterion> m_criteria;
    QHash<QString, qsizetype> m_index;
    QHash<QString, QStringList> m_children; // "" holds the top level
};

} // namespace CoCommission
