#include "core/common/plurals.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace CoCommission {

QString EnglishPlurals::resolve(const QString &text, int n)
{
    if (n < 0 || !text.contains(QLatin1Char('(')))
        return text;
    // A mark directly after a letter: "bid(s)", "match(es)", "authority(ies)".
    static const QRegularExpression mark(QStringLiteral("(\\p{L})\\((s|es|ies)\\)"));
    const bool one = n == 1;
    QString result;
    qsizetype from = 0;
    for (auto it = mark.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(text).mid(from, match.capturedStart() - from);
        const QString letter = match.captured(1);
        const QString ending = match.captured(2);
        if (one)
            result += letter;
        else if (ending == QLatin1String("ies") && letter == QLatin1String("y"))
            result += ending; // authority -> authorities
        else
            result += letter + ending;
        from = match.capturedEnd();
    }
    result += QStringView(text).mid(from);
    return result;
}

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    if (n < 0 || !sourceText)
        return {};
    const QString source = QString::fromUtf8(sourceText);
    const QString resolved = resolve(source, n);
    // A null string tells Qt there is no translation here, so it uses the source text.
    return resolved == source ? QString() : resolved;
}

void installTranslations()
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || app->findChild<EnglishPlurals *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    QCoreApplication::installTranslator(new EnglishPlurals(app));
}

} // namespace CoCommission
