#include "core/cli/commandline.h"

#include "core/cli/cliutil.h"

#include <QTextStream>

namespace CoCommission::CommandLine {

namespace {

const QStringList kSubcommands = {
    QStringLiteral("new"),           QStringLiteral("info"),
    QStringLiteral("verify"),        QStringLiteral("import-nomis"),
    QStringLiteral("import-lookup"), QStringLiteral("import-boundaries"),
    QStringLiteral("indicators"),    QStringLiteral("indicator"),
    QStringLiteral("needs"),         QStringLiteral("priorities"),
    QStringLiteral("cpa"),           QStringLiteral("pack"),
    QStringLiteral("evaluation"),    QStringLiteral("design"),
    QStringLiteral("supply"),        QStringLiteral("monitoring"),
    QStringLiteral("paper"),         QStringLiteral("export-ocds"),
    QStringLiteral("script")};

} // namespace

bool isCommandLineRequest(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return false;
    const QString &first = arguments.first();
    return kSubcommands.contains(first) || first == QLatin1String("--help") ||
           first == QLatin1String("-h") || first == QLatin1String("--version") ||
           first == QLatin1String("-v") || first == QLatin1String("help");
}

bool needsGuiApplication(const QStringList &arguments)
{
    return !arguments.isEmpty() && arguments.first() == QLatin1String("paper");
}

QString helpText()
{
    return tr("Usage: cocommission [FILE.cocom | --demo]\n"
              "       cocommission COMMAND [ARGUMENTS]\n"
              "\n"
              "CoCommission runs a round of co-commissioning specialist employment support:\n"
              "the six procurement stages, sign-offs and the audit trail. Without a command it\n"
              "starts the program, on FILE.cocom or, with --demo, on the built-in demo round.\n"
              "\n"
              "Commands (they need no display):\n"
              "  new FILE.cocom [--demo] [--title TITLE] [--model 1|2|3]\n"
              "                      create a round of London's 33 authorities and four\n"
              "                      partnerships; --demo adds an adopted CPA plan and\n"
              "                      illustrative needs figures\n"
              "  info FILE.cocom [--json]\n"
              "                      title, model, authorities, partnerships, plans, stages\n"
              "  verify FILE.cocom [--json]\n"
              "                      check the file's integrity, audit chain and snapshots\n"
              "  import-nomis FILE.cocom DATA.csv [--name NAME] [--json]\n"
              "                      import a NOMIS labour-market CSV download as a dataset\n"
              "  import-lookup FILE.cocom LOOKUP.csv\n"
              "                      import child_code,authority_code to sum small areas\n"
              "  import-boundaries FILE.cocom AREAS.geojson [--code-property NAME] [--json]\n"
              "                      import boundaries for the map and for neighbours\n"
              "  indicators FILE.cocom [--json]\n"
              "                      list the measures and indicators, with their ids\n"
              "  indicator add FILE.cocom --name NAME --ratio NUM_ID DEN_ID [--scale 100]\n"
              "                      define a ratio indicator\n"
              "  needs FILE.cocom --indicator ID|NAME [--by authority|partnership|cpa]\n"
              "        [--plan NAME] [--date YYYY-MM] [--json]\n"
              "                      an indicator's values for one date\n"
              "  priorities FILE.cocom [--cpa NAME] [--json]\n"
              "                      per CPA the joint ranking of priority groups, each\n"
              "                      partner's ranks and how far they agree\n"
              "  priorities rank FILE.cocom --cpa NAME --partner NAME GROUP...\n"
              "  priorities decide FILE.cocom --cpa NAME --rationale TEXT [GROUP...]\n"
              "  priorities places FILE.cocom GSS_CODE...\n"
              "                      record a ranking, the agreed decision, priority places\n"
              "  cpa check FILE.cocom [--plan NAME] [--adjacency legal|land] [--indicator ID]\n"
              "        [--json]      coverage, contiguity, balance and partnership splits;\n"
              "                      exits 1 when the plan breaks a rule; without flags,\n"
              "                      the plan's own rule, indicator and minimum size\n"
              "  cpa export FILE.cocom OUT.csv [--plan NAME]\n"
              "                      write the plan as gss_code,cpa\n"
              "  cpa import FILE.cocom IN.csv --plan NAME\n"
              "                      read gss_code,cpa into the plan (made when missing)\n"
              "  cpa suggest FILE.cocom --k N --indicator ID [--keep-partnerships]\n"
              "        [--adjacency legal|land] [--seconds S] [--json]\n"
              "                      propose contiguous, balanced plans\n"
              "  pack export FILE.cocom --assessor NAME -o PACK.ccpack\n"
              "                      write one assessor's pack: the bids, criteria and a\n"
              "                      score sheet to score on another desktop\n"
              "  pack import FILE.cocom RETURN\n"
              "                      merge an assessor's returned declarations and scores\n"
              "  evaluation import FILE.cocom --criteria CRITERIA.csv --bids BIDS.csv\n"
              "        [--scores SCORES.csv]\n"
              "                      replace the tender's criteria and bids (and scores)\n"
              "                      with the CSV files; nothing changes if any is refused\n"
              "  evaluation report FILE.cocom [--lot NAME]\n"
              "        [--price-formula lowest-ratio|linear] [--json]\n"
              "                      per lot the totals, ranks, eliminations, ties, margin\n"
              "                      and how sensitive the award is to weights and scores\n"
              "  design FILE.cocom [--scenario NAME] [--json]\n"
              "                      the service standards, the payment model and, per\n"
              "                      scenario, the expected cost, cost per outcome and the\n"
              "                      Monte Carlo range; exits 1 when a scenario cannot be\n"
              "                      modelled\n"
              "  supply FILE.cocom [--json]\n"
              "                      which priority groups have a specialist provider in\n"
              "                      each CPA, the gaps, and the timeline against its rules\n"
              "  supply export-providers FILE.cocom -o PROVIDERS.csv\n"
              "  supply import-providers FILE.cocom PROVIDERS.csv\n"
              "                      write the provider register as CSV, or merge a CSV\n"
              "                      into it (same names replaced); nothing changes if the\n"
              "                      file is refused\n"
              "  monitoring import FILE.cocom RETURN.csv [--note TEXT] [--json]\n"
              "                      receive a performance return (period,cpa,\n"
              "                      priority_group,measure,value); a figure already\n"
              "                      reported is corrected, never overwritten; warnings go\n"
              "                      to stderr; nothing changes if the file is refused\n"
              "  monitoring profile FILE.cocom --derive SCENARIO [--start YYYY-MM]\n"
              "  monitoring profile FILE.cocom --import PROFILE.csv | --export PROFILE.csv\n"
              "                      derive the contract profile from a payment scenario\n"
              "                      (from the go-live month unless --start), or read or\n"
              "                      write it in the returns' columns\n"
              "  monitoring returns FILE.cocom [--json]\n"
              "                      the returns received: source, figures, corrections\n"
              "  monitoring history FILE.cocom --period YYYY-MM --cpa NAME --group KEY\n"
              "        --measure MEASURE [--json]\n"
              "                      every value the returns gave one figure, and which\n"
              "                      is in force\n"
              "  monitoring remove-illustrative FILE.cocom\n"
              "                      remove the demo's invented returns\n"
              "  monitoring report FILE.cocom [--period YYYY-MM] [--json]\n"
              "                      actual against profile per CPA, group and measure,\n"
              "                      cumulative to the period, with RAG ratings: JSON\n"
              "                      {\"period\", \"rows\": [{\"cpa\", \"priority_group\"|null,\n"
              "                      \"measure\", \"actual\", \"profile\",\n"
              "                      \"percent_of_profile\"|null, \"rag\"|null}]}\n"
              "  monitoring dwp-report FILE.cocom [--period YYYY-MM] [--json|--html]\n"
              "                      the board's report to the DWP contract manager on\n"
              "                      the four matters\n"
              "  paper FILE.cocom --stage STAGE[,STAGE...] [--meeting YYYY-MM-DD] [--public |\n"
              "        --exempt-appendix] [--snapshot ID] -o FILE.pdf|FILE.odt|FILE.html\n"
              "                      the board paper for the stages (needs, priorities,\n"
              "                      design, supply, selection, monitoring); --public\n"
              "                      leaves exempt sections out and protects small counts;\n"
              "                      --snapshot writes it from a sign-off's snapshot\n"
              "  export-ocds FILE.cocom -o FILE.json\n"
              "                      the round as an Open Contracting Data Standard 1.1\n"
              "                      release package\n"
              "  script FILE.cocom [SCRIPT.txt | -]\n"
              "                      apply edits, one a line (from standard input when no\n"
              "                      script or -; blank lines and # comments skipped):\n"
              "                        title TEXT        programme TEXT\n"
              "                        plan add NAME     plan rename PLAN NEW_NAME\n"
              "                        plan remove PLAN  cpa add PLAN NAME [#RRGGBB]\n"
              "                        assign PLAN CPA|- GSS_CODE...\n"
              "                        group add NAME [DESCRIPTION]\n"
              "                        provider add NAME private|voluntary_community|public\n"
              "                          [sme]\n"
              "                        provider remove NAME\n"
              "                      quote fields with spaces in double quotes; each edit\n"
              "                      is its own transaction, and \"ok LINE\" is printed once\n"
              "                      it is in the file; a refused edit stops the script\n"
              "                      with FILE:LINE and exit code 2, the edits before it\n"
              "                      staying made\n"
              "\n"
              "Options:\n"
              "  -h, --help          show this help\n"
              "  -v, --version       show the version\n"
              "\n"
              "Exit codes: 0 success, 1 the check failed, 2 bad usage or unreadable input.\n");
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty() || !isCommandLineRequest(arguments)) {
        err << helpText();
        return UsageError;
    }
    const QString command = arguments.first();
    const QStringList rest = arguments.mid(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out << QStringLiteral("cocommission %1").arg(QStringLiteral(COCOMMISSION_VERSION)) << '\n';
        return Success;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        out << helpText();
        return Success;
    }
    if (command == QLatin1String("new"))
        return runNew(rest, out, err);
    if (command == QLatin1String("info"))
        return runInfo(rest, out, err);
    if (command == QLatin1String("import-nomis"))
        return runImportNomis(rest, out, err);
    if (command == QLatin1String("import-lookup"))
        return runImportLookup(rest, out, err);
    if (command == QLatin1String("indicators"))
        return runIndicators(rest, out, err);
    if (command == QLatin1String("indicator"))
        return runIndicator(rest, out, err);
    if (command == QLatin1String("needs"))
        return runNeeds(rest, out, err);
    if (command == QLatin1String("priorities"))
        return runPriorities(rest, out, err);
    if (command == QLatin1String("cpa"))
        return runCpa(rest, out, err);
    if (command == QLatin1String("pack"))
        return runPack(rest, out, err);
    if (command == QLatin1String("evaluation"))
        return runEvaluation(rest, out, err);
    if (command == QLatin1String("design"))
        return runDesign(rest, out, err);
    if (command == QLatin1String("supply"))
        return runSupply(rest, out, err);
    if (command == QLatin1String("monitoring"))
        return runMonitoring(rest, out, err);
    if (command == QLatin1String("paper"))
        return runPaper(rest, out, err);
    if (command == QLatin1String("export-ocds"))
        return runExportOcds(rest, out, err);
    if (command == QLatin1String("script"))
        return runScript(rest, out, err);
    if (command == QLatin1String("import-boundaries"))
        return runCpa(arguments, out, err); // runCpa() takes it as its verb
    return runVerify(rest, out, err);
}

} // namespace CoCommission::CommandLine