#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace CoCommission {

/**
 * The problems a CSV reader has found so far, for one error that names file, line and field:
 * the first \a max in full, the rest only counted ("... and 3 more problem(s)."). Readers
 * collect every problem of a file before refusing it, so that one round of corrections fixes
 * them all.
 */
class CsvProblems
{
    Q_DECLARE_TR_FUNCTIONS(CsvProblems)

public:
    explicit CsvProblems(int max)
        : m_max(max)
    {}

    void add(const QString &problem);
    /** "<file>, line <line>, field <field>: <what>"; \a field as it should be shown. */
    void at(const QString &file, qint64 line, const QString &field, const QString &what);
    /** As at(), for a problem found on several lines ("lines 3, 7"). */
    void atLines(const QString &file, const QList<qint64> &lines, const QString &field,
                 const QString &what);

    int count() const { return int(m_list.size()) + m_more; }
    bool isEmpty() const { return count() == 0; }
    Error error() const;

private:
    int m_max;
    QStringList m_list;
    int m_more = 0;
};

} // namespace CoCommission
