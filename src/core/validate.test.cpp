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
