#include "core/cli/commandline.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;
using TestSupport::runCli;

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelp();
    void newMakesARoundThatVerifies();
    void newRefusesBadUsage_data();
    void newRefusesBadUsage();
    void infoJsonDescribesTheRound();
    void verifyNamesAChangedAuditRow();
    void unreadableInputExitsTwo();
    void binaryRunsWithoutADisplay();
    void binaryReadsCountsInEnglish();
    void labourMarketDataFromImportToNeeds();
    void needsRefusesWhatItCannotAnswer_data();
    void needsRefusesWhatItCannotAnswer();
    void cpaCheckExportAndSuggest();

private:
    QTemporaryDir m_dir;
};

void TestCommandLine::versionAndHelp()
{
    const auto version = runCli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("cocommission ")));
    const auto help = runCli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *command : {"new", "info", "verify"})
        QVERIFY(help.out.contains(QLatin1String(command)));
    QVERIFY(CommandLine::isCommandLineRequest({QStringLiteral("verify")}));
    QVERIFY(!CommandLine::isCommandLineRequest({QStringLiteral("round.cocom")}));
    QVERIFY(!CommandLine::isCommandLineRequest({QStringLiteral("--demo")}));
}

void TestCommandLine::newMakesARoundThatVerifies()
{
    const QString path = m_dir.filePath(QStringLiteral("new.cocom"));
    const auto created = runCli({QStringLiteral("new"), path, QStringLiteral("--demo")});
    QCOMPARE(created.exitCode, 0);
    QVERIFY(created.out.contains(QStringLiteral("33 authorities")));
    const auto verified = runCli({QStringLiteral("verify"), path});
    QCOMPARE(verified.exitCode, 0);
    QVERIFY(verified.out.contains(QStringLiteral("Audit log")));
    QVERIFY(verified.out.contains(QStringLiteral("intact")));

    const QString blank = m_dir.filePath(QStringLiteral("blank.cocom"));
    const auto plain = runCli({QStringLiteral("new"), blank, QStringLiteral("--title"),
                               QStringLiteral("Local London 2027"), QStringLiteral("--model"),
                               QStringLiteral("3")});
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
    const auto blankInfo = runCli({QStringLiteral("info"), blank});
    QVERIFY(blankInfo.out.contains(QStringLiteral("Local London 2027")));
    QVERIFY(blankInfo.out.contains(QStringLiteral("Model 3")));
    QVERIFY(!blankInfo.out.contains(QStringLiteral("illustrative")));
    QCOMPARE(runCli({QStringLiteral("verify"), blank}).exitCode, 0);

    const auto again = runCli({QStringLiteral("new"), path});
    QCOMPARE(again.exitCode, 2);
    QVERIFY(again.err.contains(QStringLiteral("already exists")));
}

void TestCommandLine::newRefusesBadUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no file") << QStringList{QStringLiteral("new")};
    QTest::newRow("two files") << QStringList{QStringLiteral("new"), QStringLiteral("a.cocom"),
                                              QStringLiteral("b.cocom")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("new"), QStringLiteral("a.cocom"),
                                                   QStringLiteral("--colour")};
    QTest::newRow("model 4") << QStringList{QStringLiteral("new"), QStringLiteral("a.cocom"),
                                            QStringLiteral("--model"), QStringLiteral("4")};
    QTest::newRow("model missing")
        << QStringList{QStringLiteral("new"), QStringLiteral("a.cocom"), QStringLiteral("--model")};
    QTest::newRow("empty title") << QStringList{QStringLiteral("new"), QStringLiteral("a.cocom"),
                                                QStringLiteral("--title"), QStringLiteral(" ")};
}

void TestCommandLine::newRefusesBadUsage()
{
    QFETCH(QStringList, arguments);
    QDir::setCurrent(m_dir.path());
    const auto run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("Usage:")));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("a.cocom"))));
}

void TestCommandLine::infoJsonDescribesTheRound()
{
    const QString path = m_dir.filePath(QStringLiteral("info.cocom"));
    QCOMPARE(runCli({QStringLiteral("new"), path, QStringLiteral("--demo"),
                     QStringLiteral("--model"), QStringLiteral("2")})
                 .exitCode,
             0);
    const auto info = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
    QCOMPARE(info.exitCode, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(info.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value(QStringLiteral("model")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("authorities")).toArray().size(), 33);
    QCOMPARE(o.value(QStringLiteral("partnerships")).toArray().size(), 4);
    QCOMPARE(o.value(QStringLiteral("illustrative_figures")).toBool(), true);
    const QJsonArray plans = o.value(QStringLiteral("plans")).toArray();
    QCOMPARE(plans.size(), 1);
    QCOMPARE(plans.first()[QStringLiteral("adopted")].toBool(), true);
    const QJsonArray stages = o.value(QStringLiteral("stages")).toArray();
    QCOMPARE(stages.size(), 6);
    QCOMPARE(stages.first()[QStringLiteral("stage")].toString(), QStringLiteral("needs"));
    QCOMPARE(stages.first()[QStringLiteral("status")].toString(), QStringLiteral("in_progress"));
    QVERIFY(!stages.first()[QStringLiteral("outstanding")].toArray().isEmpty());
    QCOMPARE(stages.last()[QStringLiteral("stage")].toString(), QStringLiteral("monitoring"));

    const auto text = runCli({QStringLiteral("info"), path});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral("Model 2")));
    QVERIFY(text.out.contains(QStringLiteral("illustrative")));
}

void TestCommandLine::verifyNamesAChangedAuditRow()
{
    const QString path = m_dir.filePath(QStringLiteral("tampered.cocom"));
    QCOMPARE(runCli({QStringLiteral("new"), path, QStringLiteral("--demo")}).exitCode, 0);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("t"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("t"));

    const auto run = runCli({QStringLiteral("verify"), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QStringLiteral("Audit entry 1")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("FAILED")));

    const auto json = runCli({QStringLiteral("verify"), path, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
}

void TestCommandLine::unreadableInputExitsTwo()
{
    const QString text = m_dir.filePath(QStringLiteral("notes.cocom"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Minutes of the board\n");
    file.close();
    for (const char *command : {"info", "verify"}) {
        const auto run = runCli({QLatin1String(command), text});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("notes.cocom")), qPrintable(run.err));
    }
    QCOMPARE(runCli({QStringLiteral("verify")}).exitCode, 2);
}

void TestCommandLine::binaryRunsWithoutADisplay()
{
    // The "done means" path of the foundation, through the real executable.
    const QString binary = TestSupport::binaryPath();
    if (binary.isEmpty())
        QSKIP("COCOMMISSION_BINARY is not set (run through ctest)");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const QString path = m_dir.filePath(QStringLiteral("binary.cocom"));

    auto run = [&](const QStringList &args) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(binary, args);
        if (!p.waitForFinished(30000))
            return -1;
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QCOMPARE(run({QStringLiteral("--version")}), 0);
    QCOMPARE(run({QStringLiteral("new"), path, QStringLiteral("--demo")}), 0);
    QCOMPARE(run({QStringLiteral("verify"), path}), 0);

    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        return; // the in-process test above covers tampering
    QCOMPARE(QProcess::execute(sqlite3, {path, QStringLiteral("UPDATE audit_log SET after = "
                                                              "'forged' WHERE seq = 1")}),
             0);
    QCOMPARE(run({QStringLiteral("verify"), path}), 1);
}

void TestCommandLine::binaryReadsCountsInEnglish()
{
    // The program installs its plural forms at start; in-process runs above print the marks.
    const QString binary = TestSupport::binaryPath();
    if (binary.isEmpty())
        QSKIP("COCOMMISSION_BINARY is not set (run through ctest)");
    const QString path = m_dir.filePath(QStringLiteral("plurals.cocom"));
    const QString json = m_dir.filePath(QStringLiteral("plurals.json"));
    QProcess make;
    make.start(binary, {QStringLiteral("new"), path, QStringLiteral("--demo")});
    QVERIFY(make.waitForFinished(30000));
    QCOMPARE(make.exitCode(), 0);
    QProcess publish;
    publish.start(binary, {QStringLiteral("export-ocds"), path, QStringLiteral("-o"), json});
    QVERIFY(publish.waitForFinished(30000));
    QCOMPARE(publish.exitCode(), 0);
    const QString out = QString::fromUtf8(publish.readAllStandardOutput());
    QVERIFY2(out.contains(QStringLiteral("with 1 release to")), qPrintable(out));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString published = QString::fromUtf8(file.readAll());
    QVERIFY2(published.contains(QStringLiteral("Contract Package Area of 12 authorities")),
             qPrintable(published.left(2000)));
    QVERIFY(!published.contains(QStringLiteral("(ies)")));
}

void TestCommandLine::labourMarketDataFromImportToNeeds()
{
    const QString path = m_dir.filePath(QStringLiteral("needs.cocom"));
    const QString data = TestSupport::dataDir() + QStringLiteral("/nomis/");
    QCOMPARE(runCli({"new", path, "--demo"}).exitCode, 0);

    const auto imported = runCli(
        {"import-nomis", path, data + "claimant_count.csv", "--name", "Claimant count", "--json"});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const QJsonObject summary = QJsonDocument::fromJson(imported.out.toUtf8()).object();
    QCOMPARE(summary.value("rows").toInt(), 132);
    QCOMPARE(summary.value("missing_values").toInt(), 1);
    QCOMPARE(summary.value("measures").toArray().size(), 2);

    const auto again = runCli({"import-nomis", path, data + "claimant_count.csv"});
    QCOMPARE(again.exitCode, 2);
    QVERIFY(again.err.contains("imported already"));

    const auto listed = runCli({"indicators", path, "--json"});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray indicators =
        QJsonDocument::fromJson(listed.out.toUtf8()).object().value("indicators").toArray();
    QJsonObject youth;
    for (const QJsonValue &v : indicators) {
        if (v["name"].toString() == QLatin1String("Claimant count: Aged 18-24"))
            youth = v.toObject();
    }
    QCOMPARE(youth.value("kind").toString(), QStringLiteral("measure"));
    QCOMPARE(youth.value("dimensions").toObject().value("AGE").toString(),
             QStringLiteral("Aged 18-24"));
    QCOMPARE(youth.value("dates").toArray(), (QJsonArray{"2024-04", "2024-05"}));
    const QString youthId = youth.value("id").toString();
    QString allId;
    for (const QJsonValue &v : indicators) {
        if (v["name"].toString() == QLatin1String("Claimant count: All categories: Age 16+"))
            allId = v["id"].toString();
    }
    QVERIFY(!allId.isEmpty());

    const auto added = runCli({"indicator", "add", path, "--name", "Youth share", "--ratio",
                               youthId, allId, "--scale", "100"});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QCOMPARE(runCli({"indicator", "add", path, "--name", "Youth share", "--ratio", youthId, allId})
                 .exitCode,
             2); // the name is taken

    const auto needs = runCli({"needs", path, "--indicator", "Youth share", "--by", "cpa", "--date",
                               "2024-04", "--json"});
    QVERIFY2(needs.exitCode == 0, qPrintable(needs.err));
    const QJsonObject o = QJsonDocument::fromJson(needs.out.toUtf8()).object();
    QCOMPARE(o.value("indicator").toString(), QStringLiteral("Youth share"));
    QCOMPARE(o.value("date").toString(), QStringLiteral("2024-04"));
    QCOMPARE(o.value("by").toString(), QStringLiteral("cpa"));
    const QJsonArray values = o.value("values").toArray();
    QCOMPARE(values.size(), 4);
    QCOMPARE(values.first()["code"].toString(), QStringLiteral("Central London Forward"));
    QVERIFY(values.first()["value"].isDouble());
    const double share = values.first()["value"].toDouble();
    QVERIFY(share > 0 && share < 100);

    // May has a missing figure in South London: null, not zero.
    const auto may =
        runCli({"needs", path, "--indicator", youthId, "--by", "partnership", "--json"});
    QCOMPARE(may.exitCode, 0);
    const QJsonObject mayObject = QJsonDocument::fromJson(may.out.toUtf8()).object();
    QCOMPARE(mayObject.value("date").toString(), QStringLiteral("2024-05")); // the latest
    int nulls = 0;
    for (const QJsonValue &v : mayObject.value("values").toArray())
        nulls += v["value"].isNull() ? 1 : 0;
    QCOMPARE(nulls, 1);

    const auto byAuthority = runCli({"needs", path, "--indicator", allId, "--by", "authority"});
    QCOMPARE(byAuthority.exitCode, 0);
    QVERIFY(byAuthority.out.contains("City of London: 300"));
    QCOMPARE(runCli({"verify", path}).exitCode, 0);
}

void TestCommandLine::needsRefusesWhatItCannotAnswer_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown indicator") << QStringList{"--indicator", "Nothing"} << "no indicator";
    QTest::newRow("unknown grouping")
        << QStringList{"--indicator", "claimant_count", "--by", "ward"} << "--by must be";
    QTest::newRow("date without figures")
        << QStringList{"--indicator", "claimant_count", "--date", "1999-01"} << "no figures";
    QTest::newRow("unknown plan") << QStringList{"--indicator", "claimant_count", "--by",
                                                 "cpa",         "--plan",         "Nope"}
                                  << "no CPA plan";
}

void TestCommandLine::needsRefusesWhatItCannotAnswer()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(QStringLiteral("refuse.cocom"));
    if (!QFile::exists(path))
        QCOMPARE(runCli({"new", path, "--demo"}).exitCode, 0);
    const auto run = runCli(QStringList{"needs", path} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
}

void TestCommandLine::cpaCheckExportAndSuggest()
{
    const QString path = m_dir.filePath(QStringLiteral("cpa.cocom"));
    QCOMPARE(runCli({"new", path, "--demo"}).exitCode, 0);

    const auto legal = runCli({"cpa", "check", path, "--indicator", "claimant_count", "--json"});
    QCOMPARE(legal.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(legal.out.toUtf8()).object();
    QCOMPARE(o.value("plan").toString(), QStringLiteral("Sub-regional partnerships"));
    QCOMPARE(o.value("ok").toBool(), true);
    QCOMPARE(o.value("adjacency").toString(), QStringLiteral("legal"));
    QCOMPARE(o.value("unassigned").toArray().size(), 0);
    const QJsonArray cpas = o.value("cpas").toArray();
    QCOMPARE(cpas.size(), 4);
    double deviations = 0;
    for (const QJsonValue &c : cpas) {
        QVERIFY(c["contiguous"].toBool());
        QCOMPARE(c["components"].toInt(), 1);
        QCOMPARE(c["partnerships_split"].toInt(), 0);
        QVERIFY(c["value"].isDouble());
        deviations += c["deviation_percent"].toDouble();
    }
    QVERIFY(std::abs(deviations) < 1e-9); // deviations from the mean sum to zero

    // Land contact only: Central London Forward and Local London fall apart; exit 1.
    const auto land = runCli({"cpa", "check", path, "--adjacency", "land", "--json"});
    QCOMPARE(land.exitCode, 1);
    const QJsonObject l = QJsonDocument::fromJson(land.out.toUtf8()).object();
    QCOMPARE(l.value("ok").toBool(true), false);
    QCOMPARE(l.value("cpas").toArray().at(0)["components"].toInt(), 2);
    QVERIFY(l.value("problems").toArray().first().toString().contains("land contact only"));

    const QString csv = m_dir.filePath(QStringLiteral("plan.csv"));
    QCOMPARE(runCli({"cpa", "export", path, csv}).exitCode, 0);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.startsWith("gss_code,cpa"));
    QCOMPARE(written.count('\n'), 34);
    QVERIFY(written.contains("E09000033,Central London Forward"));

    const auto suggested =
        runCli({"cpa", "suggest", path, "--k", "4", "--indicator", "claimant_count", "--json"});
    QVERIFY2(suggested.exitCode == 0, qPrintable(suggested.err));
    const QJsonObject s = QJsonDocument::fromJson(suggested.out.toUtf8()).object();
    QVERIFY(s.value("exhaustive").toBool());
    const QJsonArray plans = s.value("plans").toArray();
    QVERIFY(!plans.isEmpty());
    // Better balanced than the partnership plan, whose CPAs stray by about 30%.
    QVERIFY(plans.first()["largest_deviation_percent"].toDouble() < 5.0);
    QCOMPARE(plans.first()["cpas"].toArray().size(), 4);

    const auto ratio = runCli({"cpa", "suggest", path, "--k", "4", "--indicator", "r1"});
    QCOMPARE(ratio.exitCode, 2);
    QVERIFY(ratio.err.contains("ratio"));
    const auto import = runCli({"cpa", "import", path, csv});
    QCOMPARE(import.exitCode, 2); // which plan is not said
    QVERIFY(import.err.contains("--plan"));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
