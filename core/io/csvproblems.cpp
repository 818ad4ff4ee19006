#include "core/io/csvproblems.h"

namespace CoCommission {

void CsvProblems::add(const QString &problem)
{
    if (m_list.size() < m_max)
        m_list << problem;
    else
        ++m_more;
}

void CsvProblems::at(const QString &file, qint64 line, const QString &field, const QString &what)
{
    add(tr("%1, line %2, field %3: %4").arg(file, QString::number(line), field, what));
}

void CsvProblems::atLines(const QString &file, const QList<qint64> &lines, const QString &field,
                          const QString &what)
{
    if (lines.size() == 1) {
        at(file, lines.first(), field, what);
        return;
    }
    QStringList parts;
    for (qint64 line : lines)
        parts << QString::number(line);
    add(tr("%1, lines %2, field %3: %4").arg(file, parts.join(QStringLiteral(", ")), field, what));
}

Error CsvProblems::error() const
{
    QStringList all = m_list;
    if (m_more > 0)
        all << tr("... and %n more problem(s).", nullptr, m_more);
    return Error{all.join(u'\n')};
}

} // namespace CoCommission
