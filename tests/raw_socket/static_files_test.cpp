// StaticFiles (HT-05): a traversal corpus never reaches a file outside the root, no listings,
// no dotfiles, only allowlisted types; ETag/If-None-Match; fixed Content-Type and nosniff.
#include "web/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "web/http.hpp"

namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& p, const std::string& content) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("bb_static_" + std::to_string(::getpid()) + "_" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        write_file(m_dir / "static/style.css", "body{color:red}");
        write_file(m_dir / "static/app.js", "console.log(1)");
        write_file(m_dir / "static/robots.txt", "User-agent: *");
        write_file(m_dir / "static/.git/HEAD", "ref: refs/heads/main");
        write_file(m_dir / "static/.env", "SECRET=1");
        write_file(m_dir / "static/secret.conf", "password=1");
        write_file(m_dir / "static/sub/inner.css", "p{}");
        write_file(m_dir / "outside/secret.css", "leaked");
        write_file(m_dir / "outside/passwd.txt", "root:x:0:0");
        write_file(m_dir / "dkfds/dist/css/dkfds.css", ".fds{}");
        fs::create_symlink(m_dir / "outside/secret.css", m_dir / "static/link-out.css");
        fs::create_symlink(m_dir / "outside", m_dir / "static/dir-out");
        fs::create_symlink(m_dir / "static/style.css", m_dir / "static/alias.css");
        m_files = std::make_unique<web::StaticFiles>(std::vector<web::StaticMount>{
            {"/static/", m_dir / "static"},
            {"/static/dkfds", m_dir / "dkfds/dist"},  // no trailing slash: added
            {"/missing/", m_dir / "does-not-exist"},
        });
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::optional<web::Response> serve(const std::string& path, web::Method method = web::Method::Get,
                                       std::optional<std::string> if_none_match = std::nullopt) const {
        web::Request r;
        r.method = method;
        r.target = path;
        r.path = path.substr(0, path.find('?'));
        if (if_none_match) r.headers.emplace_back("if-none-match", *if_none_match);
        return m_files->serve(r);
    }

    fs::path m_dir;
    std::unique_ptr<web::StaticFiles> m_files;
};

TEST_F(StaticFilesTest, PathsOutsideEveryMountAreNotOurs) {
    EXPECT_FALSE(serve("/"));
    EXPECT_FALSE(serve("/static"));
    EXPECT_FALSE(serve("/staticx/style.css"));
    EXPECT_FALSE(serve("/api/static/style.css"));
}

TEST_F(StaticFilesTest, ServesACssFileWithFixedHeaders) {
    auto r = serve("/static/style.css");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, "body{color:red}");
    EXPECT_EQ(r->header("Content-Type"), "text/css; charset=utf-8");
    EXPECT_EQ(r->header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r->header("Cache-Control"), "public, max-age=3600");
    ASSERT_TRUE(r->header("ETag"));
    EXPECT_EQ(r->header("ETag")->front(), '"');
}

TEST_F(StaticFilesTest, ContentTypesComeFromTheAllowlist) {
    EXPECT_EQ(serve("/static/app.js")->header("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(serve("/static/robots.txt")->header("Content-Type"), "text/plain; charset=utf-8");
    EXPECT_EQ(serve("/static/secret.conf")->status, 404);
}

TEST_F(StaticFilesTest, LongestPrefixWinsAndSymlinksInsideTheRootWork) {
    auto r = serve("/static/dkfds/css/dkfds.css");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, ".fds{}");
    EXPECT_EQ(serve("/static/alias.css")->status, 200);
    EXPECT_EQ(serve("/static/sub/inner.css")->status, 200);
    EXPECT_EQ(serve("/static/st%79le.css")->status, 200);  // an ordinary escape is decoded once
    EXPECT_EQ(serve("/static/style.css?v=3")->status, 200);
}

TEST_F(StaticFilesTest, TraversalCorpusIsAlways404) {
    const char* corpus[] = {
        "/static/../../etc/passwd",
        "/static/../outside/secret.css",
        "/static/%2e%2e/outside/secret.css",
        "/static/%2E%2E/outside/passwd.txt",
        "/static/.%2e/outside/secret.css",
        "/static/%2e%2e%2foutside%2fsecret.css",
        "/static/%252e%252e/outside/secret.css",  // double encoding stays encoded
        "/static/style.css%00.js",
        "/static/a.css%00.js",
        "/static/..%5c",
        "/static/..%5coutside%5csecret.css",
        "/static/..\\outside\\secret.css",
        "/static/sub%2finner.css",
        "/static/style%2ecss",
        "/static/",
        "/static/sub",
        "/static/sub/",
        "/static//style.css",
        "/static/./style.css",
        "/static/sub/../style.css",
        "/static/style.css/",
        "/static/.git/HEAD",
        "/static/.git/",
        "/static/%2egit/HEAD",
        "/static/.env",
        "/static/link-out.css",
        "/static/dir-out/secret.css",
        "/static/dir-out/passwd.txt",
        "/static/nope.css",
        "/static/%zz.css",
        "/static/style.css%",
        "/static/style.css%2",
        "/static/%C3%A6ble.css",
        "/static/dkfds/../style.css",
        "/missing/style.css",
    };
    for (const char* path : corpus) {
        SCOPED_TRACE(path);
        auto r = serve(path);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 404);
        EXPECT_EQ(r->body.find("leaked"), std::string::npos);
        EXPECT_EQ(r->body.find("root:x"), std::string::npos);
        EXPECT_EQ(r->header("X-Content-Type-Options"), "nosniff");
    }
}

TEST_F(StaticFilesTest, IfNoneMatchGives304) {
    auto first = serve("/static/style.css");
    ASSERT_TRUE(first && first->header("ETag"));
    const std::string etag(*first->header("ETag"));

    auto same = serve("/static/style.css", web::Method::Get, etag);
    ASSERT_TRUE(same);
    EXPECT_EQ(same->status, 304);
    EXPECT_TRUE(same->body.empty());
    EXPECT_EQ(same->header("ETag"), etag);

    EXPECT_EQ(serve("/static/style.css", web::Method::Get, "\"other\", W/" + etag)->status, 304);
    EXPECT_EQ(serve("/static/style.css", web::Method::Get, "*")->status, 304);
    EXPECT_EQ(serve("/static/style.css", web::Method::Get, "\"other\"")->status, 200);

    // A changed file gets a new ETag.
    write_file(m_dir / "static/style.css", "body{color:blue;}");
    auto changed = serve("/static/style.css", web::Method::Get, etag);
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->status, 200);
    EXPECT_NE(changed->header("ETag"), etag);
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
    EXPECT_EQ(serve("/static/style.css", web::Method::Head)->status, 200);
    auto post = serve("/static/style.css", web::Method::Post);
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(post->header("Allow"), "GET, HEAD");
}

TEST_F(StaticFilesTest, OversizedFilesAreNotServed) {
    write_file(m_dir / "static/huge.txt", std::string(web::StaticFiles::max_file_bytes + 1, 'x'));
    EXPECT_EQ(serve("/static/huge.txt")->status, 404);
}

}  // namespace
