// Job import on every storage backend: rows grouped into jobs with their hours history, the
// hours/intensity/date rules with line numbers, and the CLI command.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "employment_import/import_cli.hpp"
#include "employment_import/test_fixture.hpp"

namespace employment_import::testing {
namespace {

class JobImportTest : public ImportFixture {};

const std::string k_header =
    "sagsnummer;navn;virksomhed;jobtype;kanal;ansat;ophoert;midlertidigt_fleksjob;fra;timer;intensitet\n";

std::string job(const std::string& ref, const std::string& from, const std::string& hours,
                const std::string& intensity, const std::string& kind = "Fleksjob",
                const std::string& hired = "2019-01-01", const std::string& ended = "",
                const std::string& temporary = "", const std::string& channel = "jobcenter") {
    return ref + ";Borger " + ref + ";Sumak;" + kind + ";" + channel + ";" + hired + ";" + ended + ";" +
           temporary + ";" + from + ";" + hours + ";" + intensity + "\n";
}

TEST_P(JobImportTest, RowsFormJobsWithTheirHoursHistory) {
    std::string csv =
        k_header + job("J-1", "2019-01-01", "10", "50", "Fleksjob", "2019-01-01", "", "ja") +
        job("J-1", "2019-07-01", "12,5", "60 %") + job("J-1", "2020-01-01", "15", "80") +
        job("J-1", "2021-03-01", "20", "100", "part_time", "2021-03-01") +  // a second job
        job("J-2", "2019-02-01", "37", "100", "Fuldtid", "2019-02-01", "2019-12-31", "", "anden");
    auto r = run(Kind::Jobs, csv);
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.created, 3u);
    EXPECT_EQ(r.hours_rows, 5u);
    EXPECT_EQ(r.citizens_created, 2u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE temporary_fleksjob = 1 AND kind = 'fleksjob'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE channel = 'other' AND ended_on = '2019-12-31'"), 1);
    EXPECT_EQ(count("SELECT weekly_hours FROM job_hours WHERE effective_from = '2019-07-01'"), 1250);
    EXPECT_EQ(count("SELECT intensity FROM job_hours WHERE effective_from = '2019-07-01'"), 60);
    EXPECT_EQ(count("SELECT COUNT(*) FROM job_hours h JOIN jobs j ON j.id = h.job_id WHERE j.hired_on = "
                    "'2019-01-01'"),
              3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND object_type = 'citizen'"), 3);

    // The same job again is refused.
    auto again = run(Kind::Jobs, k_header + job("J-1", "2022-01-01", "20", "100"));
    ASSERT_EQ(again.errors.size(), 1u) << dump(again);
    EXPECT_EQ(again.errors[0].message,
              "Borgeren har allerede et job hos Sumak fra 2019-01-01. Ret timerne i systemet i stedet.");
}

TEST_P(JobImportTest, HoursIntensityAndDateRulesWithLineNumbers) {
    std::string csv =
        k_header + job("K-1", "2019-01-01", "10", "50") +                                   // 2 ok
        job("K-1", "2019-01-01", "12", "50") +                                              // 3 duplicate fra
        job("K-2", "2019-01-01", "38", "50") +                                              // 4 hours
        job("K-3", "2019-01-01", "10", "0") +                                               // 5 intensity
        job("K-4", "2018-12-01", "10", "50") +                                              // 6 fra < ansat
        job("K-5", "2019-01-01", "10", "50", "Deltidsjob", "2019-01-01", "", "ja") +        // 7 temporary
        job("K-6", "2019-01-01", "10", "50", "Fleksjob", "2019-01-01", "2018-12-31") +      // 8 ended < hired
        job("K-7", "2019-01-01", "10", "50", "Fleksjob", "2019-01-01", "", "", "avisen") +  // 9 channel
        job("K-8", "2019-01-01", "10", "50", "Astronaut") +                                 // 10 kind
        job("K-1", "2019-06-01", "10", "50", "Deltidsjob") +  // 11 other kind, same job
        job("K-9", "2019-01-01", "ti", "halvtreds");          // 12 malformed
    auto r = run(Kind::Jobs, csv);
    ASSERT_EQ(r.errors.size(), 11u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 3u);
    EXPECT_EQ(r.errors[0].message,
              "Datoen 2019-01-01 står allerede for dette job på linje 2. Hver række i et job skal have sin "
              "egen fra-dato.");
    EXPECT_EQ(r.errors[1].line, 4u);
    EXPECT_EQ(r.errors[1].message, "Timer om ugen skal være mellem 0 og 37 (ikke '38').");
    EXPECT_EQ(r.errors[2].line, 5u);
    EXPECT_EQ(r.errors[2].message, "Intensiteten skal være mellem 1 og 100 % (ikke '0').");
    EXPECT_EQ(r.errors[3].line, 6u);
    EXPECT_EQ(r.errors[3].message,
              "Datoen i fra kan ikke ligge før ansættelsesdatoen (2018-12-01 før 2019-01-01).");
    EXPECT_EQ(r.errors[4].line, 7u);
    EXPECT_EQ(r.errors[4].message, "Kun et fleksjob kan være midlertidigt; jobtypen er 'Deltidsjob'.");
    EXPECT_EQ(r.errors[5].line, 8u);
    EXPECT_EQ(r.errors[5].column, "ophoert");
    EXPECT_EQ(r.errors[6].line, 9u);
    EXPECT_EQ(r.errors[6].column, "kanal");
    EXPECT_EQ(r.errors[7].line, 10u);
    EXPECT_NE(r.errors[7].message.find("Ukendt jobtype 'Astronaut'. Brug en af: Fleksjob (fleksjob)"),
              std::string::npos);
    EXPECT_EQ(r.errors[8].line, 11u);
    EXPECT_EQ(r.errors[8].message, "Jobtypen skal være den samme som linje 2 for samme job.");
    EXPECT_EQ(r.errors[9].line, 12u);
    EXPECT_EQ(r.errors[9].column, "timer");
    EXPECT_EQ(r.errors[10].column, "intensitet");
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 0);
}

TEST_P(JobImportTest, BadRowAtLine500OfAGeneratedFile) {
    std::string csv = k_header;
    for (int line = 2; line <= 600; ++line)
        csv += job("G-" + std::to_string(line / 3), "2019-0" + std::to_string(1 + line % 3) + "-01",
                   line == 500 ? "99" : "10", "80", "Fleksjob", "2019-01-01");
    auto r = run(Kind::Jobs, csv);
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 500u);
    EXPECT_EQ(r.errors[0].column, "timer");
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM job_hours"), 0);
}

TEST_P(JobImportTest, CliReportsErrorsProgressAndDryRun) {
    std::string path = ::testing::TempDir() + "/employment-import-cli-" + GetParam() + ".csv";
    {
        std::ofstream f(path, std::ios::binary);
        f << k_header << job("C-1", "2019-01-01", "10", "50") << job("C-2", "2019-01-01", "40", "50");
    }
    const auto admin = core::Actor::system("cli");
    std::ostringstream out, err;
    EXPECT_EQ(import_command({"jobs", path}, *m_importer, admin, out, err, true), 2);
    EXPECT_NE(err.str().find("\r2/2 rækker kontrolleret"), std::string::npos) << err.str();
    EXPECT_NE(err.str().find("linje 3, timer: Timer om ugen skal være mellem 0 og 37 (ikke '40')."),
              std::string::npos)
        << err.str();
    {
        std::ofstream f(path, std::ios::binary);
        f << k_header << job("C-1", "2019-01-01", "10", "50") << job("C-1", "2019-06-01", "15", "70");
    }
    std::ostringstream out2, err2;
    EXPECT_EQ(import_command({"jobs", path, "--dry-run"}, *m_importer, admin, out2, err2, false), 0);
    EXPECT_EQ(out2.str(), "Prøvekørsel: 1 job er kontrolleret uden fejl; intet er gemt.\n");
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs"), 0);
    std::ostringstream out3, err3;
    EXPECT_EQ(import_command({"jobs", path}, *m_importer, admin, out3, err3, false), 0);
    EXPECT_EQ(out3.str(), "1 job er importeret.\n1 ny borger er oprettet.\n");
    EXPECT_EQ(count("SELECT COUNT(*) FROM job_hours"), 2);
    std::ostringstream out4, err4;
    EXPECT_EQ(import_command({"jobs"}, *m_importer, admin, out4, err4, false), 1);
    EXPECT_TRUE(is_import_command({"placements", "x.csv"}));
    EXPECT_FALSE(is_import_command({"enterprises", "x.csv"}));
    std::remove(path.c_str());
}

BB_INSTANTIATE_BACKENDS(JobImportTest);

}  // namespace
}  // namespace employment_import::testing
