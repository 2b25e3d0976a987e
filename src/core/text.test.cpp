#include "core/text.hpp"

#include <gtest/gtest.h>

TEST(Text, Utf8Validation) {
    EXPECT_TRUE(core::is_valid_utf8("Æblerne på Østergade"));
    EXPECT_FALSE(
        core::is_valid_utf8("\xC6"
                            "blerne"));                 // Latin-1 Æ
    EXPECT_FALSE(core::is_valid_utf8("\xC0\xAF"));      // overlong '/'
    EXPECT_FALSE(core::is_valid_utf8("\xED\xA0\x80"));  // surrogate
    EXPECT_EQ(core::utf8_length("æøå"), 3u);
}

TEST(Text, DanishLowerCase) {
    EXPECT_EQ(core::to_lower_danish("ÆBLER Øl Ål"), "æbler øl ål");
}

TEST(Text, LogSafeKeepsOneLine) {
    EXPECT_EQ(core::log_safe("a\nb\r\\"), "a\\x0ab\\x0d\\\\");
}

TEST(Text, ParseInt) {
    long long v = 0;
    EXPECT_TRUE(core::parse_int64("123", v));
    EXPECT_EQ(v, 123);
    EXPECT_FALSE(core::parse_int64("12a", v));
    EXPECT_FALSE(core::parse_int64("99999999999999999999", v));
    EXPECT_FALSE(core::parse_int64("", v));
}
