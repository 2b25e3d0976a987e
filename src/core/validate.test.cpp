#include "core/validate.hpp"

#include <gtest/gtest.h>

namespace {

TEST(WholeNumber, UsesDanishThousandsPoints) {
    EXPECT_EQ(core::format_whole_number(0), "0");
    EXPECT_EQ(core::format_whole_number(200), "200");
    EXPECT_EQ(core::format_whole_number(2000), "2.000");
    EXPECT_EQ(core::format_whole_number(1234567), "1.234.567");
    EXPECT_EQ(core::format_whole_number(-5000), "-5.000");
}

TEST(CheckText, NamesTheFieldAndTheLimit) {
    core::Validator v;
    core::check_text(v, "title", std::string(201, 'a'), 200, "Titlen");
    core::check_text(v, "note", std::string(2001, 'x'), 2000, "Noten");
    core::check_text(v, "ok", "Æblerne", 7, "Teksten");  // seven characters, more bytes
    core::check_text(v, "bad", "\xff", 10, "Teksten");
    ASSERT_EQ(v.fields().size(), 3u);
    EXPECT_EQ(v.fields()[0].message, "Titlen må højst være 200 tegn.");
    EXPECT_EQ(v.fields()[1].message, "Noten må højst være 2.000 tegn.");
    EXPECT_EQ(v.fields()[2].field, "bad");
    EXPECT_EQ(v.fields()[2].message, "Teksten indeholder ugyldige tegn.");
}

TEST(CheckDate, ParsesOrSaysWhatIsWrong) {
    core::Validator v;
    EXPECT_EQ(core::check_date(v, "start", " 2018-03-01 ", "Skriv startdatoen.")->iso(), "2018-03-01");
    EXPECT_FALSE(core::check_date(v, "end", "", "").has_value());  // optional and empty: no message
    EXPECT_TRUE(v.ok());
    EXPECT_FALSE(core::check_date(v, "start", "", "Skriv startdatoen.").has_value());
    EXPECT_FALSE(core::check_date(v, "start", "01.03.2018", "x").has_value());
    EXPECT_FALSE(core::check_date(v, "start", "2018-02-30", "x").has_value());
    EXPECT_FALSE(core::check_date(v, "start", "1999-12-31", "x").has_value());
    EXPECT_TRUE(core::check_date(v, "hired", "1995-05-01", "x", "1990-01-01").has_value());
    ASSERT_EQ(v.fields().size(), 4u);
    EXPECT_EQ(v.fields()[0].message, "Skriv startdatoen.");
    EXPECT_EQ(v.fields()[1].message, "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-14.");
    EXPECT_EQ(v.fields()[2].message, "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-14.");
    EXPECT_EQ(v.fields()[3].message, "Datoen kan ikke ligge før 01.01.2000.");
}

}  // namespace

TEST(CheckYear, AcceptsFourDigitsInTheRange) {
    core::Validator v;
    EXPECT_EQ(core::check_year(v, "year", " 2018 ", core::years::records), 2018);
    EXPECT_EQ(core::check_year(v, "year", "2000", core::years::records), 2000);
    EXPECT_EQ(core::check_year(v, "year", "1990", core::years::jobs), 1990);
    EXPECT_EQ(core::check_year(v, "year", "2100", core::years::reporting), 2100);
    EXPECT_TRUE(v.ok());
}

TEST(CheckYear, OneWordingForEveryBadYear) {
    for (const char* bad : {"1999", "218", "20188", "2o18", "-2018", "+201"}) {
        core::Validator v;
        EXPECT_FALSE(core::check_year(v, "year", bad, core::years::records)) << bad;
        ASSERT_EQ(v.fields().size(), 1u) << bad;
        EXPECT_EQ(v.fields()[0].field, "year");
        EXPECT_EQ(v.fields()[0].message, "Skriv et årstal med fire cifre fra 2000 til 9999.");
    }
    core::Validator v;
    EXPECT_FALSE(core::check_year(v, "valid_to", "2101", core::years::reporting));
    EXPECT_EQ(v.fields().at(0).message, "Skriv et årstal med fire cifre fra 2000 til 2100.");
}

TEST(CheckYear, EmptyAddsTheMissingMessageUnlessOptional) {
    core::Validator v;
    EXPECT_FALSE(core::check_year(v, "year", "  ", core::years::records));
    EXPECT_TRUE(v.ok());
    EXPECT_FALSE(core::check_year(v, "year", "", core::years::records, "Skriv året, fx 2018."));
    ASSERT_EQ(v.fields().size(), 1u);
    EXPECT_EQ(v.fields()[0].message, "Skriv året, fx 2018.");
}

TEST(CheckYear, RangesRelativeToToday) {
    EXPECT_EQ(core::years::planning(2026).first, 2000);
    EXPECT_EQ(core::years::planning(2026).last, 2036);
    EXPECT_EQ(core::years::received(2026).last, 2027);
    core::Validator v;
    EXPECT_EQ(core::check_year(v, "year", "2027", core::years::received(2026)), 2027);
    EXPECT_FALSE(core::check_year(v, "year", "2028", core::years::received(2026)));
    EXPECT_EQ(v.fields().at(0).message, "Skriv et årstal med fire cifre fra 2000 til 2027.");
}

TEST(YearOr, EmptyGivesTheFallbackAndBadYearsAValidationError) {
    EXPECT_EQ(core::year_or("year", "", core::years::records, 2024).value(), 2024);
    EXPECT_EQ(core::year_or("year", "2019", core::years::records, 2024).value(), 2019);
    const auto bad = core::year_or("year", "19", core::years::records, 2024);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, core::ErrorCode::Validation);
    EXPECT_EQ(bad.error().message, "Formularen indeholder fejl.");
    ASSERT_EQ(bad.error().fields.size(), 1u);
    EXPECT_EQ(bad.error().fields[0].field, "year");
    EXPECT_EQ(bad.error().fields[0].message, "Skriv et årstal med fire cifre fra 2000 til 9999.");
}

TEST(CheckYear, ANumberOutsideTheRangeIsAValidationError) {
    EXPECT_TRUE(core::check_year("year", 2018, core::years::records).ok());
    const auto bad = core::check_year("year", 1999, core::years::records);
    ASSERT_FALSE(bad.ok());
    ASSERT_EQ(bad.error().fields.size(), 1u);
    EXPECT_EQ(bad.error().fields[0].message, "Skriv et årstal med fire cifre fra 2000 til 9999.");
}
