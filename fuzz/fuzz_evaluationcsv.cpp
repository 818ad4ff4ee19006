// Fuzz target: the evaluation CSV exchange of stage 5 (core/io/evaluationcsv.h). One input holds
// the three files, criteria.csv, bids.csv and (optionally) scores.csv, separated by lines of
// "%%"; their seeds are tests/data/evaluation/small joined that way. Each input is parsed twice:
// against the demo round with an empty tender (as the tests do) and against the demo round as it
// is, whose illustrative tender has open bids, a panel and scores.

#include "fuzz/fuzzsupport.h"

#include "core/io/evaluationcsv.h"
#include "core/round/round.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <optional>

using namespace CoCommission;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::ensureApplication();
    static const Round withTender = Fuzz::demoRound();
    static const Round empty = [] {
        Round round = Fuzz::demoRound();
        round.tender = Tender();
        return round;
    }();

    const QByteArray input = Fuzz::bytes(data, size);
    QList<QByteArray> parts;
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = input.indexOf("\n%%\n", from);
        if (at < 0 || parts.size() == 2) {
            parts.append(input.mid(from));
            break;
        }
        parts.append(input.mid(from, at + 1 - from));
        from = at + 4;
    }
    const EvaluationCsv::Source criteria{QStringLiteral("criteria.csv"), parts.value(0)};
    const EvaluationCsv::Source bids{QStringLiteral("bids.csv"), parts.value(1)};
    std::optional<EvaluationCsv::Source> scores;
    if (parts.size() > 2)
        scores = EvaluationCsv::Source{QStringLiteral("scores.csv"), parts.value(2)};
    const EvaluationCsv::Options options{
        QDateTime(QDate(2025, 3, 14), QTime(10, 30), QTimeZone::utc())};
    for (const Round *round : {&empty, &withTender})
        (void)EvaluationCsv::parse(*round, criteria, bids, scores, options);
    return 0;
}
