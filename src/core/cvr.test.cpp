#include "core/cvr.hpp"

#include <gtest/gtest.h>

TEST(Cvr, AcceptsValidNumbers) {
    // Weighted sums divisible by 11.
    EXPECT_TRUE(core::is_valid_cvr("29403473"));  // Slagelse Kommune
    EXPECT_TRUE(core::is_valid_cvr("10103940"));
}

TEST(Cvr, RejectsWrongLengthLettersAndChecksum) {
    EXPECT_EQ(*core::cvr_problem("1234567"), "CVR-nummeret skal være præcis 8 cifre.");
    EXPECT_EQ(*core::cvr_problem("123456789"), "CVR-nummeret skal være præcis 8 cifre.");
    EXPECT_EQ(*core::cvr_problem("2940347a"), "CVR-nummeret må kun indeholde cifre.");
    EXPECT_EQ(*core::cvr_problem("29403474"), "CVR-nummeret er ikke gyldigt (kontrolcifferet passer ikke).");
    EXPECT_TRUE(core::cvr_problem("00000000").has_value());
}

TEST(Cvr, EveryLastDigitButOneFailsForAValidPrefix) {
    int valid = 0;
    for (char d = '0'; d <= '9'; ++d) {
        std::string cvr = std::string("2940347") + d;
        if (core::is_valid_cvr(cvr)) ++valid;
    }
    EXPECT_EQ(valid, 1);
}
