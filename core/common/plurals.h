#pragma once

// English plural forms for the program's own text. A message with a count (tr(text, nullptr,
// n)) marks the letters that change with "(s)", "(es)" or "(ies)": "%n bid(s)" reads "1 bid"
// and "3 bids", "%n authority(ies)" "1 authority" and "2 authorities". Qt leaves such marks in
// place unless a translation gives the forms; this translator gives them for English, the
// language the text is written in, so no translation file has to list them.

#include <QTranslator>

namespace CoCommission {

class EnglishPlurals : public QTranslator
{
    Q_OBJECT

public:
    using QTranslator::QTranslator;

    /** \a text with its plural marks resolved for a count of \a n (text as is for n < 0). */
    static QString resolve(const QString &text, int n);

    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const override;
    bool isEmpty() const override { return false; }
};

/** Installs the program's translators on the running application (once; later calls do nothing). */
void installTranslations();

} // namespace CoCommission
