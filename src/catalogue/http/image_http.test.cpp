// Image upload, delete and /billeder/ files through the real web::Dispatcher, on every backend.
#include "catalogue/http/image_http.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "catalogue/http/catalogue_http.hpp"
#include "catalogue/image_test_files.hpp"
#include "enterprises/enterprise_service.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"

namespace catalogue_http {
namespace {

namespace fs = std::filesystem;

class ImageHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        static int counter = 0;
        m_dir = fs::temp_directory_path() /
                ("bb-img-http-" + std::to_string(::getpid()) + "-" + std::to_string(++counter)) / "images";
        fs::remove_all(m_dir.parent_path());
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<catalogue::CatalogueService>(database(), m_clock, m_audit);
        m_images = std::make_unique<catalogue::ImageService>(database(), m_clock, m_audit, m_dir);
        m_templates.add("catalogue", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service, m_images.get());
        start_dispatcher();
        m_a = enterprise("Sumak");
        m_b = enterprise("Grøn Fokus");
        session("sumak", core::Role::Enterprise, 0, m_a);
        session("gron", core::Role::Enterprise, 0, m_b);
        session("consultant", core::Role::Consultant, 0, std::nullopt);
        m_item = item(m_a, "Frokostbuffet");
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_images.reset();
        m_service.reset();
        m_enterprises.reset();
        fs::remove_all(m_dir.parent_path());
        BackendTest::TearDown();
    }

    std::int64_t enterprise(std::string name) {
        enterprises::EnterpriseInput in;
        in.name = std::move(name);
        in.kind = "social_enterprise";
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2018-01-01";
        auto r = m_enterprises->create(in, m_staff);
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->id : 0;
    }
    std::int64_t item(std::int64_t enterprise_id, std::string title) {
        catalogue::ItemInput in;
        in.enterprise_id = std::to_string(enterprise_id);
        in.title = std::move(title);
        in.category = "mad_catering";
        in.price = "125";
        in.unit = "kuvert";
        auto r = m_service->create(in, m_staff);
        EXPECT_TRUE(r.ok()) << (r.ok() ? ""
                                       : r.error().message + " " +
                                             (r.error().fields.empty() ? "" : r.error().fields[0].message));
        return r.ok() ? r->id : 0;
    }
    web::Response upload(const std::string& session, const std::string& data,
                         const std::string& alt = "Buffet på bordet",
                         const std::string& filename = "buffet.jpg") {
        return post_multipart("/catalogue/images/" + std::to_string(m_item), session,
                              {{"alt_text", alt}, {"image", data, filename, "image/jpeg"}});
    }
    std::string images_path() const { return "/catalogue/items/" + std::to_string(m_item) + "/images"; }
    int file_count() const {
        int n = 0;
        std::error_code ec;
        if (!fs::exists(m_dir, ec)) return 0;
        for (const auto& e : fs::recursive_directory_iterator(m_dir))
            if (e.is_regular_file()) ++n;
        return n;
    }
    std::vector<catalogue::ItemImage> stored() { return *m_images->list(m_item, m_staff); }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    core::Actor m_staff = core::Actor::system("test");
    fs::path m_dir;
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<catalogue::CatalogueService> m_service;
    std::unique_ptr<catalogue::ImageService> m_images;
    std::int64_t m_a = 0;
    std::int64_t m_b = 0;
    std::int64_t m_item = 0;
};

TEST_P(ImageHttpTest, UploadCreatesTwoFilesAndARowAndShowsOnThePublicPagesOncePublished) {
    const std::string jpeg = catalogue::test_images::jpeg(640, 480);
    auto r = upload("sumak", jpeg);
    ASSERT_EQ(r.status, 303) << r.body;
    EXPECT_EQ(file_count(), 2);
    ASSERT_EQ(stored().size(), 1u);
    const auto img = stored().front();
    auto page = get(images_path(), "sumak");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(has(page, "/billeder/thumbs/" + img.thumb_name));
    EXPECT_TRUE(has(page, "alt=\"Buffet på bordet\""));
    EXPECT_TRUE(has(get("/catalogue/items/" + std::to_string(m_item) + "/edit", "sumak"), images_path()));

    // A draft's images: only for those who may edit the item.
    EXPECT_EQ(get("/billeder/" + img.file_name).status, 404);
    EXPECT_EQ(get("/billeder/thumbs/" + img.thumb_name).status, 404);
    EXPECT_EQ(get("/billeder/" + img.file_name, "gron").status, 404);
    auto own = get("/billeder/" + img.file_name, "sumak");
    ASSERT_EQ(own.status, 200);
    EXPECT_EQ(own.header("Cache-Control").value_or(""), "private, no-store");

    ASSERT_TRUE(m_service->publish(m_item, m_staff).ok());
    auto pub = get("/billeder/" + img.file_name);
    ASSERT_EQ(pub.status, 200);
    EXPECT_EQ(pub.body, jpeg);  // the original bytes as uploaded
    EXPECT_EQ(pub.header("Content-Type").value_or(""), "image/jpeg");
    EXPECT_EQ(pub.header("X-Content-Type-Options").value_or(""), "nosniff");
    EXPECT_EQ(pub.header("Cache-Control").value_or(""), "public, max-age=86400");
    auto thumb = get("/billeder/thumbs/" + img.thumb_name);
    ASSERT_EQ(thumb.status, 200);
    EXPECT_EQ(thumb.header("Content-Type").value_or(""), "image/png");
    auto item_page = get("/katalog/" + std::to_string(m_item));
    ASSERT_EQ(item_page.status, 200);
    EXPECT_TRUE(has(item_page, "<a href=\"/billeder/" + img.file_name + "\"><img src=\"/billeder/thumbs/" +
                                   img.thumb_name + "\" alt=\"Buffet på bordet\">"));
    auto profile = get("/virksomheder/" + std::to_string(m_a));
    ASSERT_EQ(profile.status, 200);
    EXPECT_TRUE(has(profile, "/billeder/thumbs/" + img.thumb_name));
    EXPECT_EQ(get("/billeder/..%2F..%2Fetc%2Fpasswd").status, 404);
}

TEST_P(ImageHttpTest, TextRenamedToJpgIsRefusedOnTheFormAndNothingIsStored) {
    auto r = upload("sumak", "Bare tekst, ikke et billede.\n", "Et foto", "foto.jpg");
    EXPECT_EQ(r.status, 422);
    EXPECT_TRUE(has(r, "Filen er ikke et billede i JPEG- eller PNG-format."));
    EXPECT_TRUE(has(r, "value=\"Et foto\""));  // the alt text is kept
    EXPECT_EQ(file_count(), 0);
    EXPECT_TRUE(stored().empty());
    auto no_alt = upload("sumak", catalogue::test_images::png(20, 20), "");
    EXPECT_EQ(no_alt.status, 422);
    EXPECT_TRUE(has(no_alt, "Skriv en billedtekst, der beskriver billedet (alternativ tekst)."));
    EXPECT_EQ(file_count(), 0);
}

TEST_P(ImageHttpTest, OtherEnterpriseCannotUploadListOrDelete) {
    EXPECT_EQ(upload("gron", catalogue::test_images::png(20, 20)).status, 404);
    EXPECT_EQ(file_count(), 0);
    ASSERT_EQ(upload("sumak", catalogue::test_images::png(20, 20)).status, 303);
    const auto img = stored().front();
    EXPECT_EQ(get(images_path(), "gron").status, 404);
    EXPECT_EQ(post(images_path() + "/" + std::to_string(img.id) + "/delete", "gron", "").status, 404);
    EXPECT_EQ(file_count(), 2);
    EXPECT_EQ(get(images_path()).status, 303);  // visitors are sent to the login
}

TEST_P(ImageHttpTest, DeleteRemovesTheFiles) {
    ASSERT_EQ(upload("consultant", catalogue::test_images::jpeg(50, 50)).status, 303);
    const auto img = stored().front();
    ASSERT_EQ(file_count(), 2);
    auto r = post(images_path() + "/" + std::to_string(img.id) + "/delete", "sumak", "");
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(file_count(), 0);
    EXPECT_TRUE(stored().empty());
}

BB_INSTANTIATE_BACKENDS(ImageHttpTest);

}  // namespace
}  // namespace catalogue_http
