#include "core/evaluation/criteria.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace CoCommission {

namespace {

QString percent(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

QString criterionTypeKey(CriterionType type)
{
    switch (type) {
    case CriterionType::Group:
        return QStringLiteral("group");
    case CriterionType::Quality:
        return QStringLiteral("quality");
    case CriterionType::PassFail:
        return QStringLiteral("pass_fail");
    case CriterionType::Price:
        return QStringLiteral("price");
    case CriterionType::SocialValue:
        return QStringLiteral("social_value");
    }
    return {};
}

std::optional<CriterionType> criterionTypeFromKey(const QString &key)
{
    for (CriterionType t : {CriterionType::Group, CriterionType::Quality, CriterionType::PassFail,
                            CriterionType::Price, CriterionType::SocialValue}) {
        if (criterionTypeKey(t) == key)
            return t;
    }
    return std::nullopt;
}

QString criterionTypeName(CriterionType type)
{
    const char *const context = "CoCommission::CriteriaTree";
    switch (type) {
    case CriterionType::Group:
        return QCoreApplication::translate(context, "Group");
    case CriterionType::Quality:
        return QCoreApplication::translate(context, "Quality");
    case CriterionType::PassFail:
        return QCoreApplication::translate(context, "Pass or fail");
    case CriterionType::Price:
        return QCoreApplication::translate(context, "Price");
    case CriterionType::SocialValue:
        return QCoreApplication::translate(context, "Social value");
    }
    return {};
}

QStringList ScoringScale::sixLevelDescriptors()
{
    return {tr("No response or unacceptable"),
            tr("Very poor"),
            tr("Poor"),
            tr("Satisfactory"),
            tr("Good"),
            tr("Excellent")};
}

ScoringScale ScoringScale::zeroToFive()
{
    return ScoringScale{5, sixLevelDescriptors()};
}

ScoringScale ScoringScale::zeroToTen()
{
    const QStringList six = sixLevelDescriptors();
    QStringList eleven{six[0]};
    for (int level = 1; level <= 10; ++level)
        eleven << six[(level + 1) / 2]; // 1-2 very poor ... 9-10 excellent
    return ScoringScale{10, eleven};
}

const Criterion &CriteriaTree::criterion(const QString &id) const
{
    Q_ASSERT(m_index.contains(id));
    return m_criteria[m_index.value(id)];
}

QStringList CriteriaTree::leaves() const
{
    QStringList result;
    QStringList stack;
    const QStringList top = m_children.value(QString());
    for (auto it = top.crbegin(); it != top.crend(); ++it)
        stack << *it;
    while (!stack.isEmpty()) {
        const QString id = stack.takeLast();
        const QStringList kids = m_children.value(id);
        if (kids.isEmpty())
            result << id;
        for (auto it = kids.crbegin(); it != kids.crend(); ++it)
            stack << *it;
    }
    return result;
}

bool CriteriaTree::isScored(const QString &id) const
{
    if (!contains(id))
        return false;
    const CriterionType type = criterion(id).type;
    return type == CriterionType::Quality || type == CriterionType::PassFail ||
           type == CriterionType::SocialValue;
}

QStringList CriteriaTree::scoredLeaves() const
{
    QStringList out;
    for (const QString &id : leaves()) {
        if (isScored(id))
            out << id;
    }
    return out;
}

double CriteriaTree::effectiveWeight(const QString &id) const
{
    double marks = 100.0;
    for (QString at = id; !at.isEmpty(); at = criterion(at).parentId)
        marks *= criterion(at).weightPercent / 100.0;
    return marks;
}

double CriteriaTree::totalWeight(CriterionType type) const
{
    double total = 0;
    for (const QString &leaf : leaves()) {
        if (criterion(leaf).type == type)
            total += effectiveWeight(leaf);
    }
    return total;
}

std::optional<QString> CriteriaTree::priceCriterion() const
{
    for (const Criterion &c : m_criteria) {
        if (c.type == CriterionType::Price)
            return c.id;
    }
    return std::nullopt;
}

bool CriteriaTree::carriesMarks(const QString &id) const
{
    const QStringList kids = m_children.value(id);
    if (kids.isEmpty())
        return criterion(id).type != CriterionType::PassFail;
    for (const QString &kid : kids) {
        if (carriesMarks(kid))
            return true;
    }
    return false;
}

Result<CriteriaTree> CriteriaTree::fromList(const QList<Criterion> &criteria)
{
    CriteriaTree tree;
    tree.m_criteria = criteria;
    for (qsizetype i = 0; i < criteria.size(); ++i) {
        const Criterion &c = criteria[i];
        if (c.id.isEmpty())
            return Error{tr("Criterion %1 (\"%2\") has no id.").arg(i + 1).arg(c.name)};
        if (tree.m_index.contains(c.id))
            return Error{tr("The criterion id \"%1\" is used more than once.").arg(c.id)};
        tree.m_index.insert(c.id, i);
    }
    for (const Criterion &c : criteria) {
        if (!c.parentId.isEmpty() && !tree.m_index.contains(c.parentId))
            return Error{
                tr("Criterion \"%1\" names an unknown parent \"%2\".").arg(c.id, c.parentId)};
        tree.m_children[c.parentId] << c.id;
    }
    for (const Criterion &c : criteria) {
        // A walk up longer than the number of criteria must have gone round a cycle.
        QString at = c.parentId;
        for (qsizetype steps = 0; !at.isEmpty(); ++steps) {
            if (at == c.id || steps > criteria.size())
                return Error{tr("Criterion \"%1\" is its own ancestor.").arg(c.id)};
            at = tree.criterion(at).parentId;
        }
    }
    int priceLeaves = 0;
    for (const Criterion &c : criteria) {
        const bool hasChildren = !tree.isLeaf(c.id);
        if (hasChildren && c.type != CriterionType::Group)
            return Error{tr("Criterion \"%1\" has sub-criteria, so it must be a group.").arg(c.id)};
        if (!hasChildren && c.type == CriterionType::Group)
            return Error{tr("Criterion \"%1\" has no sub-criteria, so it needs a type: quality, "
                            "pass/fail, price or social value.")
                             .arg(c.id)};
        if (!std::isfinite(c.weightPercent) || c.weightPercent < 0 || c.weightPercent > 100)
            return Error{tr("The weight of criterion \"%1\" must be between 0 and 100%, not %2.")
                             .arg(c.id, percent(c.weightPercent))};
        if (c.type == CriterionType::Quality || c.type == CriterionType::SocialValue) {
            if (c.scale.maxScore < 1 || c.scale.descriptors.size() != c.scale.maxScore + 1)
                return Error{tr("The scale of criterion \"%1\" needs a maximum score of at least 1 "
                                "and one descriptor for each level from 0.")
                                 .arg(c.id)};
        }
        if (c.type == CriterionType::Price)
            ++priceLeaves;
    }
    if (priceLeaves > 1)
        return Error{
            tr("Only one criterion may score the price; this tree has %1.").arg(priceLeaves)};
    for (const Criterion &c : criteria) {
        if (!tree.carriesMarks(c.id) && c.weightPercent != 0)
            return Error{tr("Criterion \"%1\" only passes or fails bids, so its weight must be 0, "
                            "not %2%.")
                             .arg(c.id, percent(c.weightPercent))};
    }
    for (auto it = tree.m_children.cbegin(); it != tree.m_children.cend(); ++it) {
        double sum = 0;
        bool marks = false;
        for (const QString &kid : it.value()) {
            sum += tree.criterion(kid).weightPercent;
            marks = marks || tree.carriesMarks(kid);
        }
        if (marks && std::abs(sum - 100.0) > kWeightTolerance) {
            if (it.key().isEmpty())
                return Error{tr("The weights of the top-level criteria add up to %1%, not 100%.")
                                 .arg(percent(sum))};
            return Error{
                tr("The weights of the sub-criteria of \"%1\" (%2) add up to %3%, not 100%.")
                    .arg(it.key(), tree.criterion(it.key()).name, percent(sum))};
        }
    }
    const QStringList top = tree.m_children.value(QString());
    if (std::none_of(top.begin(), top.end(),
                     [&](const QString &id) { return tree.carriesMarks(id); }))
        return Error{
            tr("The criteria award no marks: add a quality, price or social value criterion.")};
    return tree;
}

Result<CriteriaTree> CriteriaTree::withWeight(const QString &id, double weightPercent) const
{
    if (!contains(id))
        return Error{tr("There is no criterion \"%1\".").arg(id)};
    if (!std::isfinite(weightPercent) || weightPercent < 0 || weightPercent > 100)
        return Error{tr("The weight of criterion \"%1\" must be between 0 and 100%, not %2.")
                         .arg(id, percent(weightPercent))};
    const Criterion &changed = criterion(id);
    const double siblingsWeight = 100.0 - changed.weightPercent;
    if (siblingsWeight <= kWeightTolerance)
        return Error{
            tr("Criterion \"%1\" has no weighted sibling to take up a change to its weight.")
                .arg(id)};
    QList<Criterion> list = m_criteria;
    for (Criterion &c : list) {
        if (c.id == id)
            c.weightPercent = weightPercent;
        else if (c.parentId == changed.parentId)
            c.weightPercent *= (100.0 - weightPercent) / siblingsWeight;
    }
    return fromList(list);
}

std::optional<QString> CriteriaTree::socialValueNote(double minimumPercent) const
{
    const double share = totalWeight(CriterionType::SocialValue);
    if (share + kWeightTolerance >= minimumPercent)
        return std::nullopt;
    return tr("Social value carries %1% of the marks; at least %2% is expected.")
        .arg(percent(share), percent(minimumPercent));
}

CriteriaTree CriteriaTree::defaultTemplate()
{
    const auto quality = [](const char *id, const char *parent, const QString &name, double w) {
        return Criterion{QString::fromLatin1(id), QString::fromLatin1(parent), name, w,
                         CriterionType::Quality,  ScoringScale::zeroToFive()};
    };
    const auto group = [](const char *id, const QString &name, double w) {
        return Criterion{QString::fromLatin1(id), QString(), name, w, CriterionType::Group, {}};
    };
    QList<Criterion> list{
        group("integration", tr("Local service integration"), 20),
        quality("integration.health", "integration", tr("Health, including mental health"), 20),
        quality("integration.housing", "integration", tr("Housing and homelessness"), 15),
        quality("integration.skills", "integration", tr("Skills and further education"), 15),
        quality("integration.family", "integration", tr("Family services and Troubled Families"),
                15),
        quality("integration.childcare", "integration", tr("Childcare"), 10),
        quality("integration.public_health", "integration",
                tr("Public health, including drug and alcohol services"), 15),
        quality("integration.financial", "integration", tr("Local financial support"), 10),
        quality("supply_chain", "", tr("Supply chain: specialist and voluntary-sector inclusion"),
                10),
        quality("delivery", "", tr("Delivery model and minimum service standards"), 20),
        quality("priority_groups", "", tr("Priority groups and places"), 10),
        quality("employer_engagement", "", tr("Employer engagement"), 10),
        Criterion{QStringLiteral("social_value"), QString(), tr("Social value"), 10,
                  CriterionType::SocialValue, ScoringScale::zeroToFive()},
        Criterion{QStringLiteral("price"), QString(), tr("Price"), 20, CriterionType::Price, {}},
    };
    auto tree = fromList(list);
    Q_ASSERT(tree.ok());
    return tree.ok() ? tree.value() : CriteriaTree();
}

} // namespace CoCommission
