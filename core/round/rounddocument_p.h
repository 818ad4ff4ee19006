#pragma once

// Private helpers of the RoundDocument source files (rounddocument_*.cpp).

#include "core/round/stage.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace CoCommission::DocumentText {

/** One line per item of \a list, through \a render. */
template<class T, class Render>
inline QString lines(const QList<T> &list, Render render)
{
    QStringList out;
    for (const T &item : list)
        out << render(item);
    return out.join(QLatin1Char('\n'));
}

/** Why a stage's content cannot change now, by its status; empty when it can. */
inline QString whyStageFrozen(StageStatus status, const QString &ready, const QString &signedOff)
{
    switch (status) {
    case StageStatus::ReadyForSignOff:
        return ready;
    case StageStatus::SignedOff:
        return signedOff;
    default:
        return {};
    }
}

} // namespace CoCommission::DocumentText
