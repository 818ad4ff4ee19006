#include "core/round/londonround.h"
#include "core/round/round.h"
#include "core/supply/providercsv.h"
#include "core/supply/supplycheck.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;

Q_DECLARE_METATYPE(CoCommission::Provider)

/**
 * The provider register's CSV exchange (ProviderCsv): export then import gives the register
 * back, what the reader accepts from a spreadsheet, every kind of bad input refused whole with
 * the file, line and field named, the size limits, and merging into a register.
 */
class TestProviderCsv : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void writesKeysAndCodes();
    void lenientWhereASpreadsheetDiffers_data();
    void lenientWhereASpreadsheetDiffers();
    void malformed_data();
    void malformed();
    void atMostTwentyProblemsAreListed();
    void sizeLimits();
    void readsAFile();
    void merge();
    void importIntoIllustrativeRegisterReplacesIt();

private:
    /** The one provider read from a file of \a header and \a row. */
    Provider readOne(const QByteArray &header, const QByteArray &row) const;

    Round m_demo;
    QTemporaryDir m_dir;
};

namespace {

const QString kFile = QStringLiteral("providers.csv");

QStringList membersOf(const Round &round, const QString &cpa)
{
    for (const Cpa &c : round.adoptedPlan()->cpas) {
        if (c.name == cpa)
            return c.members;
    }
    return {};
}

} // namespace

void TestProviderCsv::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    m_demo = *demo;
    QVERIFY(!membersOf(m_demo, "Central London Forward").isEmpty());
}

Provider TestProviderCsv::readOne(const QByteArray &header, const QByteArray &row) const
{
    const auto read = ProviderCsv::parse(header + "\n" + row + "\n", kFile, m_demo);
    if (!read || read->size() != 1) {
        qWarning("%s", qPrintable(read.errorMessage()));
        return {};
    }
    return read->first();
}

void TestProviderCsv::roundTrip()
{
    const QList<Provider> providers{
        {"Hope Housing",
         ProviderSector::VoluntaryCommunity,
         true,
         {"homelessness", "families"},
         {"E09000007", "E09000019"},
         "Ann Lee, ann@hope.example"},
        {"\"Quoted\" Training, Ltd", ProviderSector::Private, false, {}, {}, {}},
        {"Caf\u00e9 Skills \u2013 Lewisham",
         ProviderSector::Public,
         true,
         {"skills"},
         membersOf(m_demo, "Local London"),
         "Line one\nline two"},
        {"MindWorks",
         ProviderSector::Private,
         false,
         {"mental_health", "disability", "health"},
         {"E09000033"},
         {}},
    };
    SupplyMarket market;
    market.providers = providers;
    QVERIFY(checkSupply(m_demo, market)); // a register the round would store

    const QByteArray csv = writeProvidersCsv(providers);
    const auto read = ProviderCsv::parse(csv, kFile, m_demo);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(*read, providers);
    QCOMPARE(writeProvidersCsv(*read), csv);

    // The demo round's register too.
    QVERIFY(!m_demo.supply.providers.isEmpty());
    const auto demo = ProviderCsv::parse(writeProvidersCsv(m_demo.supply.providers), kFile, m_demo);
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    QCOMPARE(*demo, m_demo.supply.providers);
}

void TestProviderCsv::writesKeysAndCodes()
{
    const QList<Provider> providers{{"Hope Housing",
                                     ProviderSector::VoluntaryCommunity,
                                     true,
                                     {"homelessness", "families"},
                                     {"E09000007", "E09000019"},
                                     "ann@hope.example"},
                                    {"Big, Training", ProviderSector::Private, false, {}, {}, {}}};
    QCOMPARE(writeProvidersCsv(providers),
             QByteArray("name,sector,sme,specialisms,areas,contact\r\n"
                        "Hope Housing,voluntary_community,yes,homelessness;families,"
                        "E09000007;E09000019,ann@hope.example\r\n"
                        "\"Big, Training\",private,no,,,\r\n"));
    QCOMPARE(writeProvidersCsv({}), QByteArray("name,sector,sme,specialisms,areas,contact\r\n"));
}

void TestProviderCsv::lenientWhereASpreadsheetDiffers_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<Provider>("expected");

    const QByteArray all = "name,sector,sme,specialisms,areas,contact";
    const Provider plain{"Acme", ProviderSector::Private, false, {}, {}, {}};
    const auto with = [&](auto change) {
        Provider p = plain;
        change(p);
        return p;
    };
    const auto vcs = with([](Provider &p) { p.sector = ProviderSector::VoluntaryCommunity; });

    QTest::newRow("name only") << QByteArray("name") << QByteArray("Acme") << plain;
    QTest::newRow("empty optional fields") << all << QByteArray("Acme,,,,,") << plain;
    QTest::newRow("fields trimmed")
        << all << QByteArray("  Acme  , public , YES ,,,  x  ") << with([](Provider &p) {
               p.sector = ProviderSector::Public;
               p.sme = true;
               p.contact = "x";
           });
    QTest::newRow("columns in any order and case")
        << QByteArray("Contact,SME,Name") << QByteArray("x,1,Acme") << with([](Provider &p) {
               p.sme = true;
               p.contact = "x";
           });
    QTest::newRow("other columns ignored")
        << QByteArray("notes,name") << QByteArray("whatever,Acme") << plain;
    QTest::newRow("sector key") << all << QByteArray("Acme,voluntary_community,,,,") << vcs;
    QTest::newRow("sector name") << all << QByteArray("Acme,Voluntary and community,,,,") << vcs;
    QTest::newRow("sector vcs") << all << QByteArray("Acme,VCS,,,,") << vcs;
    QTest::newRow("sector voluntary") << all << QByteArray("Acme,voluntary,,,,") << vcs;
    QTest::newRow("sector with a hyphen")
        << all << QByteArray("Acme,Voluntary-Community,,,,") << vcs;
    QTest::newRow("sector public name")
        << all << QByteArray("Acme,PUBLIC,,,,")
        << with([](Provider &p) { p.sector = ProviderSector::Public; });
    for (const char *yes : {"yes", "Yes", "TRUE", "1"})
        QTest::addRow("sme %s", yes)
            << all << QByteArray("Acme,,") + yes + ",,," << with([](Provider &p) { p.sme = true; });
    for (const char *no : {"no", "No", "false", "0"})
        QTest::addRow("sme %s", no) << all << QByteArray("Acme,,") + no + ",,," << plain;
    QTest::newRow("specialisms by key and name, any case, once each")
        << all << QByteArray("Acme,,,Mental health; DISABILITY;;mental_health ,,")
        << with([](Provider &p) {
               p.specialisms = {"mental_health", "disability"};
           });
    QStringList areas{"E09000007", "E09000033"};
    for (const QString &code : membersOf(m_demo, "Central London Forward")) {
        if (!areas.contains(code))
            areas << code;
    }
    QTest::newRow("areas by code, name and CPA, once each")
        << all << QByteArray("Acme,,,,e09000007; westminster;Camden;central london FORWARD,")
        << with([&](Provider &p) { p.areas = areas; });
}

void TestProviderCsv::lenientWhereASpreadsheetDiffers()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, row);
    QFETCH(Provider, expected);
    QCOMPARE(readOne(header, row), expected);
}

void TestProviderCsv::malformed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("expected");

    const QByteArray header = "name,sector,sme,specialisms,areas,contact\n";
    const QByteArray good = "Hope Housing,vcs,yes,homelessness,Camden,\n";

    QTest::newRow("empty file") << QByteArray()
                                << QStringList{"providers.csv is empty",
                                               "name,sector,sme,specialisms,areas,contact"};
    QTest::newRow("blank lines only") << QByteArray("\n\n  \n") << QStringList{"is empty"};
    QTest::newRow("header only") << header << QStringList{"providers.csv has no providers"};
    QTest::newRow("missing name column")
        << QByteArray("sector,sme\nprivate,no\n")
        << QStringList{"providers.csv, line 1:", "must name the column name", "sector,sme"};
    QTest::newRow("column twice") << QByteArray("name,sme,SME\nAcme,no,no\n")
                                  << QStringList{"providers.csv, line 1:", "sme twice"};
    QTest::newRow("empty name") << header + good + " ,private,no,,,\n"
                                << QStringList{"providers.csv, line 3, field \u201cname\u201d:",
                                               "the name is empty"};
    QTest::newRow("duplicate name")
        << header + good + "HOPE HOUSING,private,no,,,\n"
        << QStringList{"providers.csv, line 3, field \u201cname\u201d:",
                       "\u201cHOPE HOUSING\u201d is already named on line 2"};
    QTest::newRow("unknown sector")
        << header + good + "Acme,charity,no,,,\n"
        << QStringList{"providers.csv, line 3, field \u201csector\u201d:",
                       "\u201ccharity\u201d is not a sector"};
    QTest::newRow("bad sme") << header + good + "Acme,private,maybe,,,\n"
                             << QStringList{"providers.csv, line 3, field \u201csme\u201d:",
                                            "\u201cmaybe\u201d is not yes or no"};
    QTest::newRow("unknown specialism")
        << header + good + "Acme,private,no,skills;knitting,,\n"
        << QStringList{"providers.csv, line 3, field \u201cspecialisms\u201d:",
                       "\u201cknitting\u201d is not a specialism", "mental_health"};
    QTest::newRow("unknown area")
        << header + good + "\n" + "Acme,private,no,,Camden;Narnia,\n"
        << QStringList{"providers.csv, line 4, field \u201careas\u201d: \u201cNarnia\u201d is "
                       "not an authority or CPA of the round."};
    QTest::newRow("wrong field count")
        << header + "Acme,private\n"
        << QStringList{"providers.csv, line 2:", "expected 6 fields", "found 2"};
    QTest::newRow("unclosed quote") << header + good + "\"Acme,private,no,,,\n"
                                    << QStringList{"providers.csv", "line 3"};
    QTest::newRow("not UTF-8") << header + "Caf\xe9,private,no,,,\n"
                               << QStringList{"providers.csv is not UTF-8"};
    QTest::newRow("every problem of a row")
        << header + "Acme,charity,maybe,knitting,Narnia,\n"
        << QStringList{"line 2, field \u201csector\u201d", "line 2, field \u201csme\u201d",
                       "line 2, field \u201cspecialisms\u201d", "line 2, field \u201careas\u201d"};
}

void TestProviderCsv::malformed()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);
    const auto read = ProviderCsv::parse(content, kFile, m_demo);
    QVERIFY(!read);
    for (const QString &part : expected)
        QVERIFY2(read.errorMessage().contains(part), qPrintable(read.errorMessage()));
}

void TestProviderCsv::atMostTwentyProblemsAreListed()
{
    QByteArray csv = "name,sme\n";
    for (int i = 0; i < 25; ++i)
        csv += "P" + QByteArray::number(i) + ",maybe\n";
    const auto read = ProviderCsv::parse(csv, kFile, m_demo);
    QVERIFY(!read);
    QCOMPARE(read.errorMessage().count(QStringLiteral("field \u201csme\u201d")), 20);
    QVERIFY2(read.errorMessage().endsWith(QStringLiteral("... and 5 more problem(s).")),
             qPrintable(read.errorMessage()));
}

void TestProviderCsv::sizeLimits()
{
    const ProviderCsv::Limits defaults;
    QCOMPARE(defaults.maxBytes, qint64(10 * 1024 * 1024));
    QCOMPARE(defaults.maxRows, 100000);

    QByteArray csv = "name\n";
    for (int i = 0; i < 11; ++i)
        csv += "Provider " + QByteArray::number(i) + '\n';

    const auto tooMany = ProviderCsv::parse(csv, kFile, m_demo, {1024, 10});
    QVERIFY(!tooMany);
    QVERIFY2(tooMany.errorMessage().contains(
                 QStringLiteral("providers.csv, line 12: the file has more than 10 providers")),
             qPrintable(tooMany.errorMessage()));
    QVERIFY(ProviderCsv::parse(csv, kFile, m_demo, {1024, 11}));

    const auto tooBig = ProviderCsv::parse(csv, kFile, m_demo, {50, 100});
    QVERIFY(!tooBig);
    QCOMPARE(tooBig.errorMessage(),
             QStringLiteral("providers.csv is larger than 50 bytes, the most a provider register "
                            "may be; split it."));

    // A file over the limit is refused before it is read.
    const QString path = m_dir.filePath("big.csv");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(defaults.maxBytes + 1));
    file.close();
    const auto big = readProvidersCsv(path, m_demo);
    QVERIFY(!big);
    QVERIFY2(big.errorMessage().startsWith(QStringLiteral("big.csv is larger than 10 MB")),
             qPrintable(big.errorMessage()));
}

void TestProviderCsv::readsAFile()
{
    const QString path = m_dir.filePath("register.csv");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\xef\xbb\xbfname,areas\r\nHope Housing,Central London Forward\r\nAcme,Narnia\r\n");
    file.close();
    const auto read = readProvidersCsv(path, m_demo);
    QVERIFY(!read);
    QVERIFY2(read.errorMessage().startsWith(QStringLiteral("register.csv, line 3, field "
                                                           "\u201careas\u201d")),
             qPrintable(read.errorMessage()));

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("\xef\xbb\xbfname,areas\r\nHope Housing,Central London Forward\r\n");
    file.close();
    const auto good = readProvidersCsv(path, m_demo);
    QVERIFY2(good, qPrintable(good.errorMessage()));
    QCOMPARE(good->first().areas, membersOf(m_demo, "Central London Forward"));

    const auto missing = readProvidersCsv(m_dir.filePath("absent.csv"), m_demo);
    QVERIFY(!missing);
    QVERIFY(missing.errorMessage().startsWith(QStringLiteral("Could not read")));
    QVERIFY(missing.errorMessage().contains(QStringLiteral("absent.csv")));
}

void TestProviderCsv::merge()
{
    const Provider a{"Alpha", ProviderSector::Private, false, {}, {}, {}};
    const Provider b{"Beta", ProviderSector::Private, false, {}, {}, {}};
    const Provider c{"Gamma", ProviderSector::Private, false, {}, {}, {}};
    const Provider newB{"BETA", ProviderSector::Public, true, {"skills"}, {}, "new"};
    const Provider d{"Delta", ProviderSector::VoluntaryCommunity, true, {}, {}, {}};

    QCOMPARE(mergeProviders({a, b, c}, {d, newB}), (QList<Provider>{a, newB, c, d}));
    QCOMPARE(mergeProviders({}, {a, b}), (QList<Provider>{a, b}));
    QCOMPARE(mergeProviders({a, b}, {}), (QList<Provider>{a, b}));
    QCOMPARE(mergeProviders({a, b}, {a}), (QList<Provider>{a, b}));
}

void TestProviderCsv::importIntoIllustrativeRegisterReplacesIt()
{
    const SupplyMarket demo = LondonRound::demoSupply(m_demo);
    QVERIFY(demo.illustrativeProviders);
    const Provider real{QStringLiteral("Real Org"), ProviderSector::Public, false, {}, {}, {}};
    const ProviderImport replaced = importProviders(demo, {real});
    QVERIFY(replaced.replacedIllustrative);
    QCOMPARE(replaced.supply.providers, QList<Provider>{real});
    QVERIFY(!replaced.supply.illustrativeProviders);
    QCOMPARE(replaced.supply.illustrativeTimeline, demo.illustrativeTimeline); // dates untouched
    QCOMPARE(replaced.supply.milestones, demo.milestones);
    QCOMPARE(replaced.added, 1);

    // Into a real register the file merges, counted by name.
    Provider changed = real;
    changed.sme = true;
    const Provider other{QStringLiteral("Other"), ProviderSector::Private, true, {}, {}, {}};
    const ProviderImport merged = importProviders(replaced.supply, {changed, other});
    QVERIFY(!merged.replacedIllustrative);
    QCOMPARE(merged.supply.providers, (QList<Provider>{changed, other}));
    QCOMPARE(merged.updated, 1);
    QCOMPARE(merged.added, 1);
    QCOMPARE(merged.unchanged, 0);
}

QTEST_GUILESS_MAIN(TestProviderCsv)
#include "tst_providercsv.moc"
