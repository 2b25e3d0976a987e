// Agreement and placement import on every storage backend: each rule with its line number,
// all or nothing, the capacity rule, Latin-1 refused, formula cells kept as text, the example
// files, audit rows.
#include "employment_import/import.hpp"

#include <cstdlib>

#include "employment_import/test_fixture.hpp"
#include "tabular/xlsx_read.hpp"
#include "tabular/xlsx_write.hpp"

namespace employment_import::testing {
namespace {

class EmploymentImportTest : public ImportFixture {};

const std::string k_agreement_header =
    "virksomhed;titel;start;slut;pladser;rammeuger;plan_frist_dage;maalgrupper;pris;prisenhed\n";
const std::string k_placement_header =
    "sagsnummer;navn;virksomhed;aftale;indsatstype;henvist;start;slut;udfald;udfald_note;timer\n";

std::string placement(const std::string& ref, const std::string& referred, const std::string& start = "",
                      const std::string& end = "", const std::string& outcome = "",
                      const std::string& type = "lab_2_3", const std::string& note = "") {
    return ref + ";Borger " + ref + ";Sumak;" + k_sumak + ";" + type + ";" + referred + ";" + start + ";" +
           end + ";" + outcome + ";" + note + ";15\n";
}

TEST_P(EmploymentImportTest, ExampleFilesImportIntoTheDemoRegistry) {
    for (Kind k : k_all_kinds) {
        std::string file = read_example(std::string(example_name(k)) + ".csv");
        EXPECT_EQ(file, example_csv(k)) << example_name(k);
        auto r = run(k, file);
        EXPECT_TRUE(r.ok()) << example_name(k) << "\n" << dump(r);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM agreements"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM agreement_target_groups"), 4);
    EXPECT_EQ(count("SELECT price_ore FROM agreements WHERE title = '" + k_sumak + "'"), 750000);
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements"), 4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements WHERE status = 'ended'"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements WHERE status = 'active'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements WHERE status = 'referred'"), 1);
    EXPECT_EQ(text("SELECT planned_end FROM placements WHERE start_date = '2018-03-12'"), "2018-06-10");
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM job_hours"), 4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 5);  // EKS-1001…1004 and EKS-2001
    EXPECT_EQ(text("SELECT target_group FROM citizens WHERE case_ref = 'EKS-1003'"), "veteraner");
}

TEST_P(EmploymentImportTest, ExampleXlsxFilesMatchTheCsvAndImport) {
    for (Kind k : k_all_kinds) {
        auto csv = tabular::read_csv(example_csv(k));
        ASSERT_FALSE(csv.error);
        std::vector<std::vector<std::string>> rows;
        for (std::size_t i = 1; i < csv.table.rows.size(); ++i) rows.push_back(csv.table.rows[i].cells);
        const std::string name = std::string(example_name(k)) + ".xlsx";
        if (std::getenv("BB_WRITE_EXAMPLES")) {  // regenerate docs/examples/*.xlsx
            auto bytes = tabular::write_xlsx(std::string(kind_noun(k)), csv.table.rows[0].cells, rows);
            ASSERT_TRUE(bytes.ok());
            std::ofstream(std::string(BB_SOURCE_DIR) + "/docs/examples/" + name, std::ios::binary) << *bytes;
        }
        std::string file = read_example(name);
        auto sheet = tabular::read_xlsx(file);
        ASSERT_FALSE(sheet.error) << name;
        ASSERT_EQ(sheet.table.rows.size(), csv.table.rows.size()) << name;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            auto cells = sheet.table.rows[i + 1].cells;
            cells.resize(rows[i].size());
            EXPECT_EQ(cells, rows[i]) << name << " row " << i + 2;
        }
        auto r = run(k, file);
        EXPECT_TRUE(r.ok()) << name << "\n" << dump(r);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements"), 4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM job_hours"), 4);
}

TEST_P(EmploymentImportTest, AgreementRulesNameLineAndColumn) {
    std::string csv = k_agreement_header +
                      "Sumak;God aftale;2019-01-01;;5;13;14;Unge;1.000,50;samlet\n"  // 2 ok
                      "Findes ikke;A;2019-01-01;;5;13;14;;;\n"                       // 3
                      "Sumak;B;2019-02-01;2019-01-01;5;13;14;;;\n"                   // 4
                      "Sumak;C;2019-01-01;;0;13;14;;;\n"                             // 5
                      "Sumak;D;2019-01-01;;5;13;14;Unge;;;ekstra\n"                  // 6 extra cell
                      "Sumak;E;2019-01-01;;5;13;14;Ukendte;;\n"                      // 7
                      "Sumak;F;2019-01-01;;5;13;14;;mange penge;pr_time\n"           // 8
                      "Sumak;God aftale;2019-01-01;;5;13;14;;;\n";                   // 9 duplicate
    auto r = run(Kind::Agreements, csv);
    ASSERT_EQ(r.errors.size(), 8u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 3u);
    EXPECT_EQ(r.errors[0].column, "virksomhed");
    EXPECT_NE(r.errors[0].message.find("ingen virksomhed med navnet 'Findes ikke'"), std::string::npos);
    EXPECT_EQ(r.errors[1].line, 4u);
    EXPECT_EQ(r.errors[1].message, "Slutdatoen (2019-01-01) må ikke ligge før startdatoen (2019-02-01).");
    EXPECT_EQ(r.errors[2].line, 5u);
    EXPECT_EQ(r.errors[2].column, "pladser");
    EXPECT_EQ(r.errors[3].line, 6u);
    EXPECT_EQ(r.errors[3].message, "Rækken har flere felter end overskriften.");
    EXPECT_EQ(r.errors[4].line, 7u);
    EXPECT_NE(r.errors[4].message.find("Ukendt målgruppe 'Ukendte'"), std::string::npos);
    EXPECT_EQ(r.errors[5].column, "pris");
    EXPECT_EQ(r.errors[6].column, "prisenhed");
    EXPECT_EQ(r.errors[7].line, 9u);
    EXPECT_EQ(r.errors[7].message, "Aftalen 'God aftale' med start 2019-01-01 står også på linje 2.");
    EXPECT_EQ(count("SELECT COUNT(*) FROM agreements"), 0);

    auto ok = run(Kind::Agreements,
                  k_agreement_header + "Sumak;God aftale;2019-01-01;;5;13;14;Unge;1.000,50;samlet\n");
    ASSERT_TRUE(ok.ok()) << dump(ok);
    EXPECT_EQ(count("SELECT price_ore FROM agreements"), 100050);
    EXPECT_EQ(text("SELECT price_unit FROM agreements"), "total");
    auto again = run(Kind::Agreements, k_agreement_header + "sumak;GOD AFTALE;2019-01-01;;5;13;14;;;\n");
    ASSERT_EQ(again.errors.size(), 1u);
    EXPECT_EQ(again.errors[0].message,
              "Virksomheden har allerede en aftale med titlen 'GOD AFTALE' fra 2019-01-01.");
}

TEST_P(EmploymentImportTest, BadPlacementAtLine500StoresNothing) {
    exec("UPDATE agreements SET slots = 1000");  // no-op: none yet
    load_agreements();
    exec("UPDATE agreements SET slots = 1000");
    std::string csv = k_placement_header;
    for (int line = 2; line <= 600; ++line)
        csv += placement("S-" + std::to_string(line), "2018-02-01", "2018-02-05", "2018-04-01",
                         line == 500 ? "Månelanding" : "ordinary_job");
    auto r = run(Kind::Placements, csv);
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 500u);
    EXPECT_EQ(r.errors[0].column, "udfald");
    EXPECT_NE(r.errors[0].message.find("Ukendt udfald 'Månelanding'. Brug en af: Fleksjob (fleksjob)"),
              std::string::npos);
    EXPECT_EQ(r.rows, 599u);
    EXPECT_EQ(r.created, 0u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 0);
    // The refused file is still in the audit log (it read the citizen register).
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND object_type = 'citizen'"), 1);
}

TEST_P(EmploymentImportTest, PlacementDateOutcomeAndCitizenRules) {
    load_agreements();
    exec("UPDATE placement_outcomes SET active = 0 WHERE code = 'prison'");
    std::string csv =
        k_placement_header + placement("P-2", "2018-02-01", "2018-01-20") +        // 2 start < referral
        placement("P-3", "2018-02-01", "2018-02-10", "2018-02-05", "education") +  // 3 end < start
        placement("P-4", "2018-02-01", "2018-02-10", "2018-03-01") +               // 4 end, no outcome
        placement("P-5", "2018-02-01", "2018-02-10", "", "education") +            // 5 outcome, no end
        placement("P-6", "2018-02-01", "2018-02-10", "2018-03-01", "I fængsel") +  // 6 inactive
        placement("010190-1234", "2018-02-01") +                                   // 7 CPR
        "P-8;;Sumak;;lab_2_3;2018-02-01;;;;;\n" +                                  // 8 no name
        placement("P-9", "2018-02-01", "", "2018-03-01", "education") +            // 9 end, no start
        "P-10;X;Sumak;;lab_2_3;2018-02-30;;;;;40\n";                               // 10 date, hours
    auto r = run(Kind::Placements, csv);
    ASSERT_EQ(r.errors.size(), 10u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 2u);
    EXPECT_EQ(r.errors[0].message,
              "Startdatoen kan ikke ligge før henvisningsdatoen (2018-01-20 før 2018-02-01).");
    EXPECT_EQ(r.errors[1].line, 3u);
    EXPECT_EQ(r.errors[1].message, "Slutdatoen kan ikke ligge før startdatoen (2018-02-05 før 2018-02-10).");
    EXPECT_EQ(r.errors[2].line, 4u);
    EXPECT_EQ(r.errors[2].message, "Et afsluttet forløb skal have et udfald fra listen.");
    EXPECT_EQ(r.errors[3].line, 5u);
    EXPECT_EQ(r.errors[3].column, "udfald");
    EXPECT_EQ(r.errors[4].line, 6u);
    EXPECT_EQ(r.errors[4].message, "Udfaldet 'I fængsel' er ikke længere på listen og kan ikke vælges.");
    EXPECT_EQ(r.errors[5].line, 7u);
    EXPECT_EQ(r.errors[5].column, "sagsnummer");
    EXPECT_EQ(r.errors[5].message,
              "Sagsnummeret ligner et CPR-nummer. CPR-numre må ikke gemmes i Brobygger – brug kommunens "
              "sagsnummer.");
    EXPECT_EQ(r.errors[6].line, 8u);
    EXPECT_EQ(r.errors[6].message,
              "Sagsnummeret P-8 findes ikke. Skriv borgerens navn, så oprettes borgeren.");
    EXPECT_EQ(r.errors[7].line, 9u);
    EXPECT_EQ(r.errors[7].message, "Et forløb med slutdato skal også have en startdato.");
    EXPECT_EQ(r.errors[8].line, 10u);
    EXPECT_EQ(r.errors[8].column, "henvist");
    EXPECT_EQ(r.errors[9].column, "timer");
    EXPECT_EQ(r.errors[9].message, "Timer om ugen skal være mellem 0 og 37 (ikke '40').");
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements"), 0);

    // A known case reference with another name is refused; the same name is fine.
    ASSERT_TRUE(run(Kind::Placements, k_placement_header + placement("P-1", "2018-02-01")).ok());
    auto other =
        run(Kind::Placements, k_placement_header + "P-1;Anden Person;Sumak;;lab_2_3;2018-03-01;;;;;\n");
    ASSERT_EQ(other.errors.size(), 1u) << dump(other);
    EXPECT_EQ(other.errors[0].message,
              "Borgeren med sagsnummer P-1 hedder 'Borger P-1' i systemet. Ret navnet eller sagsnummeret.");
    auto same = run(Kind::Placements, k_placement_header + "P-1;;VeteranHaven;;lab_2_3;2018-03-01;;;;;\n");
    EXPECT_TRUE(same.ok()) << dump(same);
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 1);

    // The same placement twice: in the database, and twice in one file.
    auto twice = run(Kind::Placements, k_placement_header + "P-1;;VeteranHaven;;lab_2_3;2018-03-01;;;;;\n" +
                                           "P-2;Ny;Sumak;;lab_2_3;2018-03-01;;;;;\n" +
                                           "P-2;;sumak;;lab_2_3;01.03.2018;;;;;\n");
    ASSERT_EQ(twice.errors.size(), 2u) << dump(twice);
    EXPECT_EQ(
        twice.errors[0].message,
        "Borgeren har allerede et forløb hos VeteranHaven henvist 2018-03-01. Ret det i systemet i stedet.");
    EXPECT_EQ(twice.errors[1].line, 4u);
    EXPECT_EQ(twice.errors[1].message,
              "Forløbet (samme sagsnummer, virksomhed og henvisningsdato) står også på linje 3.");
}

TEST_P(EmploymentImportTest, CprLookAlikesAndAnonymisedCitizensAreRefused) {
    const std::string header = "sagsnummer;navn;virksomhed;indsatstype;henvist\n";
    ASSERT_TRUE(run(Kind::Placements, header + "A-1;Anna;Sumak;lab_2_3;2018-02-01\n").ok());
    exec("UPDATE citizens SET case_ref = 'ANON-1', anonymised_at = '2026-01-01T00:00:00Z'");
    auto r = run(Kind::Placements, header +
                                       "SAG-010190-1234;Bo;Sumak;lab_2_3;2018-02-01\n"
                                       "S-2;Bo 0101901234;Sumak;lab_2_3;2018-02-01\n"
                                       "ANON-1;;Sumak;lab_2_3;2018-03-01\n");
    ASSERT_EQ(r.errors.size(), 3u) << dump(r);
    EXPECT_EQ(r.errors[0].column, "sagsnummer");
    EXPECT_EQ(r.errors[1].column, "navn");
    EXPECT_EQ(r.errors[1].message, "Navnet ligner et CPR-nummer. CPR-numre må ikke gemmes i Brobygger.");
    EXPECT_EQ(r.errors[2].message, "Sagsnummeret ANON-1 tilhører en anonymiseret borger og kan ikke bruges.");
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements"), 1);
}

TEST_P(EmploymentImportTest, PlanDateAndOwnership) {
    const std::string header =
        "sagsnummer;navn;virksomhed;indsatstype;henvist;start;plan_dato;plan_ejerskab\n";
    auto r =
        run(Kind::Placements, header +
                                  "Q-1;A;Sumak;lab_2_3;2018-02-01;2018-02-05;2018-02-03;ja\n"  // before start
                                  "Q-2;B;Sumak;lab_2_3;2018-02-01;;2018-02-03;\n"              // not started
                                  "Q-3;C;Sumak;lab_2_3;2018-02-01;2018-02-05;;nej\n"  // owner, no plan
                                  "Q-4;D;Sumak;lab_2_3;2018-02-01;2018-02-05;2018-02-19;måske\n");
    ASSERT_EQ(r.errors.size(), 4u) << dump(r);
    EXPECT_EQ(r.errors[0].message,
              "Planen kan ikke være lavet før forløbets start (2018-02-03 før 2018-02-05).");
    EXPECT_EQ(r.errors[1].message, "Planen kan først registreres, når forløbet er startet. Udfyld start.");
    EXPECT_EQ(r.errors[2].message, "Planens ejerskab kan kun angives sammen med plan_dato.");
    EXPECT_EQ(r.errors[3].message, "Planens ejerskab skal være ja eller nej (ikke 'måske').");
    auto ok = run(Kind::Placements, header + "Q-1;A;Sumak;lab_2_3;2018-02-01;2018-02-05;2018-02-19;nej\n");
    ASSERT_TRUE(ok.ok()) << dump(ok);
    EXPECT_EQ(count("SELECT plan_owned FROM placements WHERE plan_made_on = '2018-02-19'"), 0);
    EXPECT_EQ(text("SELECT status FROM placements"), "active");
}

TEST_P(EmploymentImportTest, InterventionTypeMustBeOpenOnTheReferralDate) {
    // ressourceforloeb closes for new cases after 2026-12-31; virksomhedspraktik is made to open
    // on 2019-01-01 here.
    load_agreements();
    exec("UPDATE agreements SET end_date = NULL");
    exec("UPDATE intervention_types SET valid_from = '2019-01-01' WHERE code = 'virksomhedspraktik'");
    std::string csv = k_placement_header + placement("R-2", "2018-05-01", "", "", "", "ressourceforloeb") +
                      placement("R-3", "2027-01-04", "", "", "", "Ressourceforløb") +
                      placement("R-4", "2018-05-01", "", "", "", "virksomhedspraktik") +
                      placement("R-5", "2018-05-01", "", "", "", "svømning");
    auto r = run(Kind::Placements, csv);
    ASSERT_EQ(r.errors.size(), 3u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 3u);
    EXPECT_EQ(r.errors[0].message,
              "Indsatstypen Ressourceforløb er lukket for nye sager fra 01.01.2027 (henvist 2027-01-04).");
    EXPECT_EQ(r.errors[1].line, 4u);
    EXPECT_EQ(r.errors[1].message,
              "Indsatstypen Virksomhedspraktik kan først bruges fra 01.01.2019 (henvist 2018-05-01).");
    EXPECT_EQ(r.errors[2].line, 5u);
    EXPECT_NE(r.errors[2].message.find("Ukendt indsatstype 'svømning'"), std::string::npos);
}

TEST_P(EmploymentImportTest, CapacityRuleCountsStoredAndFileRowsPerDate) {
    load_agreements();  // Sumak: 8 slots
    std::string first = k_placement_header;
    for (int i = 0; i < 7; ++i) first += placement("C-" + std::to_string(i), "2018-01-15", "2018-02-01");
    first +=
        placement("C-7", "2018-01-15", "2018-02-01", "2018-02-28", "education");  // frees its slot 1 March
    auto ok = run(Kind::Placements, first);
    ASSERT_TRUE(ok.ok()) << dump(ok);
    EXPECT_EQ(ok.created, 8u);

    std::string second = k_placement_header + placement("C-8", "2018-03-01") +    // 8th slot from 1 March: ok
                         placement("C-9", "2018-02-20", "", "", "", "lab_2_3") +  // 9 on 2018-02-20
                         placement("C-10", "2018-03-01");                         // 9 on 2018-03-01
    auto r = run(Kind::Placements, second);
    ASSERT_EQ(r.errors.size(), 2u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 3u);
    EXPECT_EQ(r.errors[0].column, "aftale");
    EXPECT_EQ(r.errors[0].message,
              "Aftalen '" + k_sumak + "' har kun 8 pladser; på 2018-02-20 ville 9 være i brug.");
    EXPECT_EQ(r.errors[1].line, 4u);
    EXPECT_EQ(r.errors[1].message,
              "Aftalen '" + k_sumak + "' har kun 8 pladser; på 2018-03-01 ville 9 være i brug.");
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements"), 8);
    auto only_c8 = run(Kind::Placements, k_placement_header + placement("C-8", "2018-03-01"));
    EXPECT_TRUE(only_c8.ok()) << dump(only_c8);
}

TEST_P(EmploymentImportTest, Latin1Refused) {
    auto r = run(Kind::Placements, k_placement_header + "L-1;J\xF8rgen;Sumak;;lab_2_3;2018-02-01;;;;;\n");
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_EQ(r.errors[0].message, "Filen er ikke UTF-8 (linje 2). Gem den som 'CSV UTF-8' i Excel.");
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 0);
}

TEST_P(EmploymentImportTest, FormulaCellsAreKeptAsText) {
    load_agreements();
    auto r = run(Kind::Placements,
                 k_placement_header + placement("F-1", "2018-02-01", "2018-02-02", "2018-03-01", "education",
                                                "lab_2_3", "=HYPERLINK(\"http://x\")"));
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(text("SELECT outcome_note FROM placements"), "=HYPERLINK(\"http://x\")");
    auto a = run(Kind::Agreements, k_agreement_header + "Sumak;@SUM(A1);2019-01-01;;5;13;14;;;\n");
    ASSERT_TRUE(a.ok()) << dump(a);
    EXPECT_EQ(count("SELECT COUNT(*) FROM agreements WHERE title = '@SUM(A1)'"), 1);
}

TEST_P(EmploymentImportTest, AccessAuditAndDryRun) {
    auto consultant = actor_with(core::Role::Consultant);
    auto r = m_importer->run(Kind::Placements, k_placement_header, consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Forbidden);
    auto enterprise = actor_with(core::Role::Enterprise);
    EXPECT_FALSE(m_importer->run(Kind::Agreements, k_agreement_header, enterprise).ok());
    auto a = run(Kind::Agreements, std::string(example_csv(Kind::Agreements)), &consultant);
    EXPECT_TRUE(a.ok()) << dump(a);

    auto dry = run(Kind::Placements, std::string(example_csv(Kind::Placements)), nullptr, true);
    EXPECT_TRUE(dry.ok()) << dump(dry);
    EXPECT_TRUE(dry.dry_run);
    EXPECT_EQ(dry.created, 4u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements"), 0);

    auto real = run(Kind::Placements, std::string(example_csv(Kind::Placements)));
    ASSERT_TRUE(real.ok()) << dump(real);
    EXPECT_EQ(real.citizens_created, 4u);
    // One row for the run (with the file name and counts) and one per citizen.
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND object_type = 'citizen' "
                    "AND object_id = ''"),
              2);  // the dry run and the real run
    EXPECT_NE(text("SELECT criteria FROM audit_log WHERE action = 'import' AND object_type = 'citizen' "
                   "AND object_id = '' ORDER BY id DESC")
                  .find("fil: test.csv; 4 forløb for 4 borgere, 4 nye borgere"),
              std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND object_type = 'citizen' "
                    "AND object_id IN (SELECT CAST(id AS TEXT) FROM citizens)"),
              4);
    EXPECT_EQ(count("SELECT caseworker_user_id FROM placements WHERE status = 'referred'"), 7);
}

TEST_P(EmploymentImportTest, XlsxWithDateCellsAndHeaderVariants) {
    load_agreements();
    auto bytes =
        tabular::write_xlsx("Ark1", {"Sagsnummer", "Navn", "Virksomhed", "Indsatstype", "Henvist", "Start"},
                            {{"X-1", "Excel Borger", "VeteranHaven", "lab_2_3", "43132", "01.03.2018"}});
    ASSERT_TRUE(bytes.ok());
    auto r = run(Kind::Placements, *bytes);
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(text("SELECT referred_on FROM placements"), "2018-02-01");
    EXPECT_EQ(text("SELECT start_date FROM placements"), "2018-03-01");
}

BB_INSTANTIATE_BACKENDS(EmploymentImportTest);

}  // namespace
}  // namespace employment_import::testing
