// The board-paper composer: the council report frame around the stages' sections (see
// composer.h), the versions of a paper, and statistical disclosure control of counts.

#include "core/paper/composer.h"

#include "core/design/financialmodel.h"
#include "core/paper/stagesections.h"
#include "core/round/round.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace CoCommission::Paper {

namespace {

/** The tr() context of the composer's text. */
class Composer
{
    Q_DECLARE_TR_FUNCTIONS(Composer)

public:
    static QString t(const char *text, const char *disambiguation = nullptr, int n = -1)
    {
        return tr(text, disambiguation, n);
    }
};

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return Composer::t(text, disambiguation, n);
}

constexpr int kMaxRecommendations = 50;
constexpr qsizetype kMaxText = 100000;

QString notForPublicationClassification()
{
    return tr("Not for publication: contains exempt information under paragraph 3 of Part 1 "
              "of Schedule 12A to the Local Government Act 1972 (information relating to the "
              "financial or business affairs of any particular person)");
}

/** The partnerships with a member in the adopted plan (every partnership without a plan). */
QStringList boardPartnerships(const Round &round)
{
    QStringList inPlan;
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const Cpa &cpa : plan->cpas)
            inPlan += cpa.members;
    }
    QStringList names;
    for (const Partnership &p : round.partnerships) {
        const bool member =
            inPlan.isEmpty() || std::any_of(p.members.begin(), p.members.end(),
                                            [&](const QString &c) { return inPlan.contains(c); });
        if (member && !p.name.isEmpty())
            names.append(p.name);
    }
    return names;
}

QString joinedNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.join(QString());
    return tr("%1 and %2")
        .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.last());
}

QString stageTitleForPaper(StageId stage)
{
    switch (stage) {
    case StageId::Needs:
        return tr("Assessing local needs: Local Labour Market Agreements");
    case StageId::Priorities:
        return tr("Deciding the priorities for intervention");
    case StageId::Design:
        return tr("Design of services: service specification and payment model");
    case StageId::Supply:
        return tr("Shaping the structure of supply: market engagement");
    case StageId::Selection:
        return tr("Selecting the provider: award recommendation");
    case StageId::Monitoring:
        return tr("Monitoring and evaluating provision: performance report");
    }
    return QString();
}

QString stageSummary(const Round &round, StageId stage)
{
    const CpaPlan *plan = round.adoptedPlan();
    const int cpas = plan ? int(plan->cpas.size()) : 0;
    switch (stage) {
    case StageId::Needs:
        if (cpas == 0)
            return tr("It sets out the evidence of local labour-market need and the Contract "
                      "Package Areas proposed.");
        return tr("It sets out the evidence of local labour-market need and asks the board to "
                  "agree a Local Labour Market Agreement for each Contract Package Area (%1 in "
                  "the adopted plan).")
            .arg(cpas);
    case StageId::Priorities:
        return tr("It reports how the partners ranked the priority groups in each Contract "
                  "Package Area and asks the board to agree the priorities for intervention.");
    case StageId::Design:
        return tr("It sets out the design of the service: minimum service standards, "
                  "eligibility and referral routes, the payment model and its expected cost, "
                  "and the local contributions.");
    case StageId::Supply:
        return tr("It reports on the provider market and market engagement, and asks the board "
                  "to agree the structure of supply.");
    case StageId::Selection:
        return tr("It reports the evaluation of the bids and asks the board to agree the award "
                  "recommendation for each lot.");
    case StageId::Monitoring:
        return tr("It reports the providers' performance against the contract profile and the "
                  "minimum service standards.");
    }
    return QString();
}

QString stageRecommendation(StageId stage)
{
    switch (stage) {
    case StageId::Needs:
        return tr("Agree the Local Labour Market Agreement for each Contract Package Area "
                  "(section 4).");
    case StageId::Priorities:
        return tr("Agree the priority groups and priority places for each Contract Package "
                  "Area, with the rationale recorded.");
    case StageId::Design:
        return tr("Agree the minimum service standards, eligibility, referral routes and "
                  "payment model set out in this report.");
    case StageId::Supply:
        return tr("Agree the lot structure and the market engagement timeline.");
    case StageId::Selection:
        return tr("Agree the award recommendation for each lot.");
    case StageId::Monitoring:
        return tr("Note the providers' performance and agree the actions proposed.");
    }
    return QString();
}

QString defaultFinancial(const Round &round, const QList<StageId> &stages)
{
    if (stages.contains(StageId::Design) || stages.contains(StageId::Selection) ||
        stages.contains(StageId::Monitoring)) {
        if (!round.design.scenarios.isEmpty()) {
            const PaymentScenario &scenario = round.design.scenarios.first();
            const Result<ScenarioForecast> f = forecastScenario(round, scenario, 0);
            if (f)
                return tr("Under the payment scenario \"%1\" the financial model expects a cost "
                          "of %2 over the contract (%6), for about %3 job outcomes (%4 per job "
                          "outcome). The programme is funded by DWP; the local contributions "
                          "stated are %5 a year.")
                    .arg(scenario.name, formatMoney(f->cost), formatNumber(f->jobs),
                         f->costPerJobOutcome ? formatMoney(*f->costPerJobOutcome)
                                              : tr("no figure"),
                         formatMoney([&] {
                             double total = 0;
                             for (const LocalContribution &c : round.design.contributions)
                                 total += c.valuePerYear;
                             return total;
                         }()),
                         f->contractYears == 1 ? tr("one year of referrals")
                                               : tr("%1 years of referrals").arg(f->contractYears));
        }
    }
    return tr("There are no direct financial implications for the authorities from the "
              "decisions in this report. The programme is funded by DWP; any local "
              "contribution is agreed separately through statements of intent.");
}

QStringList paragraphs(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QStringLiteral("\n\n"))) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out.append(trimmed);
    }
    return out;
}

Section textSection(const QString &key, const QString &title, const QString &text,
                    const QString &whenEmpty)
{
    Section s;
    s.key = key;
    s.title = title;
    s.level = 1;
    for (const QString &p : paragraphs(text))
        s.blocks.append(Block::paragraph(p));
    if (s.blocks.isEmpty())
        s.blocks.append(Block::paragraph(whenEmpty));
    return s;
}

bool isIllustrative(const Round &round, StageId stage)
{
    switch (stage) {
    case StageId::Needs:
    case StageId::Priorities:
        return round.hasIllustrativeFigures();
    case StageId::Design:
        return round.design.illustrative || round.hasIllustrativeFigures();
    case StageId::Supply:
        return round.supply.isIllustrative();
    case StageId::Selection:
        return round.tender.illustrative;
    case StageId::Monitoring:
        return round.monitoring.isIllustrative();
    }
    return false;
}

QString disclosureNotice(const DisclosureRule &rule)
{
    if (rule.rounding <= 1)
        return tr("Counts below %1 are suppressed (%2), and so are the shares taken of them; "
                  "totals may not equal the sum of their parts.")
            .arg(rule.threshold)
            .arg(suppressionMark());
    return tr("Counts below %1 are suppressed (%2) and other counts are rounded to the nearest "
              "%3; shares of people are taken of the counts as printed. Totals may not equal "
              "the sum of their parts.")
        .arg(rule.threshold)
        .arg(suppressionMark())
        .arg(rule.rounding);
}

/**
 * Each stage numbers its own tables and figures from 1 ("Table 1: ..."); the paper numbers them
 * through, in the order they are printed.
 */
/**
 * The findings of the report to the DWP contract manager are sentences that quote exact counts
 * ("43 starts against 59.2"), which disclosure control cannot reach in running text: under
 * disclosure control they are left out, and a note says where they are.
 */
void withholdQuotedCounts(Document &document)
{
    for (Section &s : document.sections) {
        if (s.key != QLatin1String("monitoring.report"))
            continue;
        bool noted = false;
        QList<Block> blocks;
        for (const Block &b : std::as_const(s.blocks)) {
            if (b.kind != Block::Kind::Bullets) {
                blocks.append(b);
            } else if (!noted) {
                noted = true;
                blocks.append(Block::note(
                    tr("The findings quote exact counts of people, so they are left out of a "
                       "paper under disclosure control; they are in the board's report to the "
                       "DWP contract manager, which is not published.")));
            }
        }
        s.blocks = blocks;
    }
}

void renumberCaptions(QList<Section> &sections)
{
    static const QRegularExpression numbered(QStringLiteral("^([^\\d:]+) \\d+(?:\\.\\d+)?: "));
    QHash<QString, int> counters; // "Table" -> tables so far
    auto renumber = [&](QString &caption) {
        const QRegularExpressionMatch m = numbered.match(caption);
        if (!m.hasMatch())
            return;
        const int n = ++counters[m.captured(1)];
        caption =
            QStringLiteral("%1 %2: ").arg(m.captured(1)).arg(n) + caption.mid(m.capturedLength(0));
    };
    for (Section &s : sections) {
        for (Block &b : s.blocks) {
            if (b.kind == Block::Kind::Table)
                renumber(b.table.caption);
            else if (b.kind == Block::Kind::Chart)
                renumber(b.chart.title);
        }
    }
}

} // namespace

QList<SectionInfo> paperSectionKeys(const Round &round, const QList<StageId> &stages)
{
    Q_UNUSED(round);
    QList<SectionInfo> keys{{QStringLiteral("summary"), tr("Summary")},
                            {QStringLiteral("recommendations"), tr("Recommendations")},
                            {QStringLiteral("background"), tr("Background")}};
    for (StageId stage : kAllStages) {
        if (stages.contains(stage))
            keys += stageSectionInfo(stage);
    }
    keys += QList<SectionInfo>{{QStringLiteral("options"), tr("Options considered")},
                               {QStringLiteral("financial"), tr("Financial implications")},
                               {QStringLiteral("legal"), tr("Legal implications")},
                               {QStringLiteral("equalities"), tr("Equalities implications")},
                               {QStringLiteral("appendices"), tr("Appendices")},
                               {QStringLiteral("background_papers"), tr("Background papers")}};
    return keys;
}

BoardPaper defaultPaper(const Round &round, const QList<StageId> &stagesAsked, const QDate &meeting)
{
    QList<StageId> stages;
    for (StageId stage : kAllStages) {
        if (stagesAsked.contains(stage))
            stages.append(stage);
    }
    BoardPaper paper;
    paper.stages = stages;
    paper.meeting = meeting;
    const QStringList partnerships = boardPartnerships(round);
    paper.board = partnerships.size() == 1 ? tr("%1 programme board").arg(partnerships.first())
                  : partnerships.isEmpty()
                      ? tr("Programme board")
                      : tr("Sub-regional programme board (%1)").arg(joinedNames(partnerships));
    paper.itemNumber = QStringLiteral("1");
    QStringList titles;
    for (StageId stage : stages)
        titles.append(stageTitleForPaper(stage));
    paper.title = titles.isEmpty() ? tr("Programme update") : titles.join(QStringLiteral("; "));
    paper.reportBy = QString();
    paper.jobTitle = tr("Head of commissioning");
    paper.contactOfficer = QString();

    const QString programme = round.programme.isEmpty() ? round.title : round.programme;
    QStringList summary{
        tr("This report is about %1.").arg(programme.isEmpty() ? tr("the programme") : programme)};
    for (StageId stage : stages)
        summary.append(stageSummary(round, stage));
    paper.summary = summary.join(u' ');
    for (StageId stage : stages)
        paper.recommendations.append(stageRecommendation(stage));
    paper.background =
        tr("The programme is commissioned in six stages: assessing local needs, deciding the "
           "priorities for intervention, design of services, shaping the structure of supply, "
           "selecting the provider, and monitoring and evaluating provision. Each stage's "
           "decisions come to this board.\n\nThe round is run under %1.")
            .arg(modelName(round.model));
    paper.options =
        tr("Do nothing: not recommended, as the programme could not proceed to the next stage "
           "on time.\n\nAgree the recommendations in this report: recommended, as they follow "
           "from the evidence and the partners' joint decisions.");
    paper.financial = defaultFinancial(round, stages);
    paper.legal =
        tr("Employment services are procured under the light-touch regime of the Public Contract "
           "Regulations 2015 (regulations 74 to 76). Information relating to the financial or "
           "business affairs of any particular person, such as bid prices before the award is "
           "signed, is exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government "
           "Act 1972 and is given in an exempt appendix.");
    paper.equalities =
        tr("In making these decisions the board must have due regard to the public sector "
           "equality duty (Equality Act 2010, section 149). The priority groups include disabled "
           "people and people with health conditions, the long-term unemployed, lone parents and "
           "others facing disadvantage in the labour market; the design of the service aims to "
           "reduce the gaps in their employment rates.");
    paper.backgroundPapers = {tr("Work and Health Programme: co-commissioning in London"),
                              tr("Local Labour Market Agreements (stage 1 records of the round)")};
    for (const SectionInfo &info : paperSectionKeys(round, stages)) {
        if (info.exemptByDefault)
            paper.exemptSections.append(info.key);
    }
    return paper;
}

Document composePaper(const Round &round, const BoardPaper &paper, Version version)
{
    Document document;
    document.version = version;
    Header &h = document.header;
    h.board = paper.board;
    h.itemNumber = paper.itemNumber;
    h.title = paper.title;
    h.reportBy = paper.reportBy;
    h.jobTitle = paper.jobTitle;
    h.date = paper.meeting;
    h.contactOfficer = paper.contactOfficer;
    h.email = paper.email;
    h.telephone = paper.telephone;
    const bool anyExempt = !paper.exemptSections.isEmpty();
    h.classification = paper.notForPublication || version == Version::ExemptAppendix
                           ? notForPublicationClassification()
                       : version == Version::Full && anyExempt
                           ? tr("Public, with an exempt appendix not for publication")
                           : tr("Public");
    if (version == Version::ExemptAppendix)
        h.title = tr("%1: exempt appendix").arg(paper.title);
    document.documentTitle =
        paper.itemNumber.isEmpty() ? h.title : tr("Item %1: %2").arg(paper.itemNumber, h.title);
    document.author = paper.reportBy.isEmpty() ? paper.board : paper.reportBy;

    if (version == Version::Public && paper.notForPublication) {
        document.notices.append(
            tr("This report is not for publication: it contains exempt information under "
               "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972."));
        return document;
    }

    QList<Section> sections;
    sections.append(textSection(QStringLiteral("summary"), tr("Summary"), paper.summary,
                                tr("No summary has been written.")));
    Section recommendations;
    recommendations.key = QStringLiteral("recommendations");
    recommendations.title = tr("Recommendations");
    if (paper.recommendations.isEmpty()) {
        recommendations.blocks.append(
            Block::paragraph(tr("This report is for information: the board is asked to note it.")));
    } else {
        recommendations.blocks.append(Block::paragraph(tr("The board is asked to:")));
        recommendations.blocks.append(Block::numbered(paper.recommendations));
    }
    sections.append(recommendations);
    sections.append(textSection(QStringLiteral("background"), tr("Background"), paper.background,
                                tr("No background has been written.")));
    for (StageId stage : kAllStages) {
        if (paper.stages.contains(stage))
            sections += stageSections(round, stage);
    }
    sections.append(textSection(QStringLiteral("options"), tr("Options considered"), paper.options,
                                tr("No options are set out.")));
    sections.append(textSection(QStringLiteral("financial"), tr("Financial implications"),
                                paper.financial, tr("None identified.")));
    sections.append(textSection(QStringLiteral("legal"), tr("Legal implications"), paper.legal,
                                tr("None identified.")));
    sections.append(textSection(QStringLiteral("equalities"), tr("Equalities implications"),
                                paper.equalities, tr("None identified.")));

    QStringList exemptTitles;
    for (Section &s : sections) {
        s.exempt = paper.exemptSections.contains(s.key);
        if (s.exempt)
            exemptTitles.append(s.title);
    }
    Section appendices;
    appendices.key = QStringLiteral("appendices");
    appendices.title = tr("Appendices");
    if (exemptTitles.isEmpty()) {
        appendices.blocks.append(Block::paragraph(tr("None.")));
    } else {
        appendices.blocks.append(Block::paragraph(
            tr("Exempt appendix (not for publication by virtue of paragraph 3 of Part 1 of "
               "Schedule 12A to the Local Government Act 1972):")));
        appendices.blocks.append(Block::bullets(exemptTitles));
    }
    sections.append(appendices);
    Section papers;
    papers.key = QStringLiteral("background_papers");
    papers.title = tr("Background papers");
    QStringList backgroundPapers;
    for (const QString &p : paper.backgroundPapers) {
        if (!p.trimmed().isEmpty())
            backgroundPapers.append(p.trimmed());
    }
    if (backgroundPapers.isEmpty())
        papers.blocks.append(Block::paragraph(tr("None.")));
    else
        papers.blocks.append(Block::bullets(backgroundPapers));
    sections.append(papers);

    renumberCaptions(sections);

    // A section left empty by a stage (never expected) still says something.
    for (Section &s : sections) {
        if (s.blocks.isEmpty())
            s.blocks.append(Block::paragraph(tr("Nothing to report.")));
    }

    switch (version) {
    case Version::Full:
        document.sections = sections;
        break;
    case Version::Public:
        for (const Section &s : sections) {
            if (s.exempt)
                document.notices.append(
                    tr("Section '%1' is exempt information and is not included in this public "
                       "version.")
                        .arg(s.title));
            else
                document.sections.append(s);
        }
        break;
    case Version::ExemptAppendix:
        for (const Section &s : sections) {
            if (s.exempt)
                document.sections.append(s);
        }
        if (document.sections.isEmpty()) {
            Section none;
            none.key = QStringLiteral("exempt_appendix");
            none.title = tr("Exempt appendix");
            none.blocks.append(
                Block::paragraph(tr("No section of this report is exempt: there is no exempt "
                                    "information to give.")));
            document.sections.append(none);
        }
        break;
    }

    const bool illustrative =
        std::any_of(paper.stages.begin(), paper.stages.end(),
                    [&](StageId stage) { return isIllustrative(round, stage); });
    if (illustrative)
        document.notices.append(
            tr("Illustrative: this report uses invented figures and names (a demonstration "
               "round). They are not official statistics and must not be relied on."));
    if (disclosureApplies(paper, version)) {
        withholdQuotedCounts(document);
        applyDisclosureControl(document, paper.disclosure);
        document.notices.append(disclosureNotice(paper.disclosure));
    }
    return document;
}

bool disclosureApplies(const BoardPaper &paper, Version version)
{
    if (version == Version::Public)
        return true;
    return !(paper.notForPublication && !paper.disclosure.enabled);
}

std::optional<qint64> protectCount(double count, const DisclosureRule &rule)
{
    const double magnitude = std::abs(count);
    if (!std::isfinite(magnitude) || magnitude < rule.threshold)
        return std::nullopt;
    const double rounding = std::max(1, rule.rounding);
    const double rounded = std::round(magnitude / rounding) * rounding; // halves away from 0
    return qint64(count < 0 ? -rounded : rounded);
}

QString suppressionMark()
{
    return QStringLiteral("[c]");
}

std::optional<double> protectShare(const Share &share, const DisclosureRule &rule)
{
    const std::optional<qint64> people = protectCount(share.people, rule);
    if (!people)
        return std::nullopt;
    double of = share.of;
    if (share.ofPeople) {
        const std::optional<qint64> total = protectCount(share.of, rule);
        if (!total)
            return std::nullopt;
        of = double(*total);
    }
    if (of == 0 || !std::isfinite(of))
        return std::nullopt;
    return 100.0 * double(*people) / of;
}

void applyDisclosureControl(Document &document, const DisclosureRule &rule)
{
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    for (Section &section : document.sections) {
        for (Block &block : section.blocks) {
            if (!block.protectedText.isEmpty())
                block.text = block.protectedText;
            if (!block.chart.protectedAltText.isEmpty())
                block.chart.altText = block.chart.protectedAltText;
            for (QList<Cell> &row : block.table.rows) {
                for (Cell &cell : row) {
                    if (cell.share) {
                        const std::optional<double> percent = protectShare(*cell.share, rule);
                        cell.suppressed = !percent;
                        cell.rounded = percent && *percent != cell.value;
                        if (percent)
                            cell.value = *percent;
                        cell.text = percent ? formatPercent(*percent, cell.share->decimals)
                                            : suppressionMark();
                        continue;
                    }
                    if (cell.kind != CellKind::Count)
                        continue;
                    const std::optional<qint64> protectedCount = protectCount(cell.value, rule);
                    cell.suppressed = !protectedCount;
                    cell.rounded = protectedCount && double(*protectedCount) != cell.value;
                    cell.text = protectedCount ? uk.toString(*protectedCount) : suppressionMark();
                }
            }
            for (Series &series : block.chart.series) {
                if (series.shares.size() != series.values.size())
                    continue;
                series.suppressed = QList<bool>(series.values.size(), false);
                for (qsizetype i = 0; i < series.values.size(); ++i) {
                    const std::optional<double> percent = protectShare(series.shares.at(i), rule);
                    series.values[i] = percent.value_or(0.0);
                    series.suppressed[i] = !percent;
                }
            }
            if (!block.chart.counts)
                continue;
            for (Series &series : block.chart.series) {
                series.suppressed = QList<bool>(series.values.size(), false);
                for (qsizetype i = 0; i < series.values.size(); ++i) {
                    const std::optional<qint64> protectedCount =
                        protectCount(series.values.at(i), rule);
                    series.values[i] = protectedCount ? double(*protectedCount) : 0.0;
                    series.suppressed[i] = !protectedCount;
                }
            }
        }
    }
}

QString checkPaper(const BoardPaper &paper)
{
    if (paper.stages.isEmpty())
        return tr("A paper must cover at least one stage.");
    for (qsizetype i = 0; i < paper.stages.size(); ++i) {
        if (paper.stages.indexOf(paper.stages.at(i)) != i)
            return tr("The paper names the stage \"%1\" twice.")
                .arg(stageTitle(paper.stages.at(i)));
    }
    if (!paper.meeting.isValid())
        return tr("The paper needs a valid meeting date.");
    if (paper.title.trimmed().isEmpty())
        return tr("The paper needs a title.");
    if (paper.disclosure.threshold < 1 || paper.disclosure.threshold > 100)
        return tr("The disclosure threshold must be between 1 and 100, not %1.")
            .arg(paper.disclosure.threshold);
    if (paper.disclosure.rounding < 1 || paper.disclosure.rounding > 100)
        return tr("Counts must be rounded to a multiple between 1 and 100, not %1.")
            .arg(paper.disclosure.rounding);
    if (paper.recommendations.size() > kMaxRecommendations)
        return tr("A paper can hold at most %1 recommendations; this one has %2.")
            .arg(kMaxRecommendations)
            .arg(paper.recommendations.size());
    for (qsizetype i = 0; i < paper.recommendations.size(); ++i) {
        if (paper.recommendations.at(i).trimmed().isEmpty())
            return tr("Recommendation %1 is empty.").arg(i + 1);
        if (paper.recommendations.at(i).size() > kMaxText)
            return tr("Recommendation %1 is longer than %2 characters.")
                .arg(i + 1)
                .arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(kMaxText));
    }
    const std::pair<QString, QString> texts[] = {
        {tr("The board"), paper.board},
        {tr("The item number"), paper.itemNumber},
        {tr("The title"), paper.title},
        {tr("The author's name"), paper.reportBy},
        {tr("The job title"), paper.jobTitle},
        {tr("The contact officer"), paper.contactOfficer},
        {tr("The email address"), paper.email},
        {tr("The telephone number"), paper.telephone},
        {tr("The summary"), paper.summary},
        {tr("The background"), paper.background},
        {tr("The options considered"), paper.options},
        {tr("The financial implications"), paper.financial},
        {tr("The legal implications"), paper.legal},
        {tr("The equalities implications"), paper.equalities},
    };
    for (const auto &[name, text] : texts) {
        if (text.size() > kMaxText)
            return tr("%1 is longer than %2 characters.")
                .arg(name, QLocale(QLocale::English, QLocale::UnitedKingdom).toString(kMaxText));
    }
    for (qsizetype i = 0; i < paper.backgroundPapers.size(); ++i) {
        if (paper.backgroundPapers.at(i).size() > kMaxText)
            return tr("Background paper %1 is longer than %2 characters.")
                .arg(i + 1)
                .arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(kMaxText));
    }
    return QString();
}

} // namespace CoCommission::Paper
