// Story text split into paragraphs.
#include <gtest/gtest.h>

#include "stories/story_service.hpp"

namespace stories {
namespace {

TEST(StoryParagraphs, SplitsAtBlankLinesAndJoinsLines) {
    EXPECT_EQ(paragraphs("En\nto\n\n\n  tre  \n"), (std::vector<std::string>{"En to", "tre"}));
    EXPECT_EQ(paragraphs("<b>fed</b>"), (std::vector<std::string>{"<b>fed</b>"}));
    EXPECT_TRUE(paragraphs(" \n \n").empty());
    EXPECT_EQ(paragraphs("a\r\n\r\nb"), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace stories
