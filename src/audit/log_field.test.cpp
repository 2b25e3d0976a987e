#include <gtest/gtest.h>

#include "audit/audit_log.hpp"

namespace audit {
namespace {

TEST(LogField, KeepsTextAndDanishLetters) {
    EXPECT_EQ(log_field("Søg: æbler i Århus", 100), "Søg: æbler i Århus");
}

TEST(LogField, EscapesLineBreaksAndControls) {
    EXPECT_EQ(log_field("a\r\nb", 100), "a\\x0d\\x0ab");
    EXPECT_EQ(log_field(std::string("nul\0x", 5), 100), "nul\\x00x");
    EXPECT_EQ(log_field("back\\slash", 100), "back\\\\slash");
    EXPECT_EQ(log_field("line\xE2\x80\xA8sep", 100), "line\\u2028sep");
    EXPECT_EQ(log_field("c1\xC2\x85x", 100), "c1\\u0085x");
}

TEST(LogField, EscapesInvalidUtf8) {
    EXPECT_EQ(log_field("bad\xFFx", 100), "bad\\xffx");
    EXPECT_EQ(log_field("cut\xC3", 100), "cut\\xc3");
}

TEST(LogField, CutsOnCharacterBoundaryWithMarker) {
    std::string cut = log_field(std::string(50, 'a'), 10);
    EXPECT_EQ(cut, std::string(7, 'a') + "\xE2\x80\xA6");
    std::string danish = log_field("æøåæøåæøå", 8);  // 2 bytes each
    EXPECT_LE(danish.size(), 8u);
    EXPECT_EQ(danish, "æø\xE2\x80\xA6");
    EXPECT_EQ(log_field("abc", 3), "abc");
}

}  // namespace
}  // namespace audit
