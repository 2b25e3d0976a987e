// ImageService against every storage backend: files and rows together, access, public serving.
#include "catalogue/image_service.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "catalogue/catalogue_service.hpp"
#include "catalogue/image_test_files.hpp"
#include "enterprises/enterprise_service.hpp"
#include "support/test_db.hpp"

namespace catalogue {
namespace {

namespace fs = std::filesystem;

core::Actor actor_with(core::Role role, std::optional<std::int64_t> enterprise_id = std::nullopt) {
    core::Actor a;
    a.username = std::string(core::role_code(role));
    a.role = role;
    a.enterprise_id = enterprise_id;
    return a;
}

class ImageServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        static int counter = 0;
        m_dir = fs::temp_directory_path() /
                ("bb-img-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter)) / "images";
        fs::remove_all(m_dir.parent_path());
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_catalogue = std::make_unique<CatalogueService>(database(), m_clock, m_audit);
        m_images = std::make_unique<ImageService>(database(), m_clock, m_audit, m_dir);
        m_a = enterprise("Sumak");
        m_b = enterprise("Grøn Fokus");
        m_user_a = actor_with(core::Role::Enterprise, m_a);
        m_user_b = actor_with(core::Role::Enterprise, m_b);
        m_item = item(m_a, false);
    }
    void TearDown() override {
        m_images.reset();
        m_catalogue.reset();
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
        in.purpose = "Et socialt formål.";
        auto r = m_enterprises->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }

    std::int64_t item(std::int64_t enterprise_id, bool publish) {
        ItemInput in;
        in.enterprise_id = std::to_string(enterprise_id);
        in.title = "Frokostbuffet";
        in.category = "mad_catering";
        in.price = "100";
        in.unit = "kuvert";
        auto r = m_catalogue->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        if (r.ok() && publish) {
            EXPECT_TRUE(m_catalogue->publish(r->id, m_consultant).ok());
        }
        return r.ok() ? r->id : 0;
    }

    static ImageUpload upload(std::string bytes, std::string alt = "Buffet med lune retter",
                              std::string name = "buffet.jpg") {
        return {std::move(bytes), std::move(name), std::move(alt)};
    }

    int file_count() const {
        int n = 0;
        std::error_code ec;
        if (!fs::exists(m_dir, ec)) return 0;
        for (const auto& e : fs::recursive_directory_iterator(m_dir))
            if (e.is_regular_file()) ++n;
        return n;
    }

    std::string message(const core::Error& e, std::string_view field) {
        for (const auto& f : e.fields)
            if (f.field == field) return f.message;
        return {};
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<CatalogueService> m_catalogue;
    std::unique_ptr<ImageService> m_images;
    fs::path m_dir;
    core::Actor m_consultant = actor_with(core::Role::Consultant);
    std::int64_t m_a = 0;
    std::int64_t m_b = 0;
    std::int64_t m_item = 0;
    core::Actor m_user_a;
    core::Actor m_user_b;
};

TEST_P(ImageServiceTest, UploadStoresOriginalThumbnailAndRowUnderGeneratedNames) {
    const std::string jpeg = test_images::jpeg(640, 480);
    auto r = m_images->add(m_item, upload(jpeg, "  Buffet  ", "../../etc/passwd.jpg"), m_user_a);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_TRUE(is_generated_image_name(r->file_name)) << r->file_name;
    EXPECT_TRUE(r->file_name.ends_with(".jpg"));
    EXPECT_TRUE(is_generated_image_name(r->thumb_name));
    EXPECT_TRUE(r->thumb_name.ends_with(".png"));
    EXPECT_EQ(r->alt_text, "Buffet");
    EXPECT_EQ(r->width, 640);
    EXPECT_EQ(r->height, 480);
    EXPECT_EQ(r->content_type, "image/jpeg");
    EXPECT_EQ(file_count(), 2);
    EXPECT_EQ(fs::file_size(m_dir / r->file_name), jpeg.size());
    EXPECT_TRUE(fs::exists(m_dir / "thumbs" / r->thumb_name));
    auto list = m_images->list(m_item, m_user_a);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->front().file_name, r->file_name);
    EXPECT_EQ(list->front().bytes, static_cast<std::int64_t>(jpeg.size()));
}

TEST_P(ImageServiceTest, TextRenamedToJpgStoresNothing) {
    auto r = m_images->add(m_item, upload("Hej, jeg er en tekstfil.\n", "Et billede", "foto.jpg"), m_user_a);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(message(r.error(), "image"), "Filen er ikke et billede i JPEG- eller PNG-format.");
    EXPECT_EQ(file_count(), 0);
    EXPECT_TRUE(m_images->list(m_item, m_user_a)->empty());
}

TEST_P(ImageServiceTest, OversizedFileStoresNothing) {
    std::string big = test_images::jpeg(20, 20);
    big.resize(6 * 1024 * 1024, 'x');
    auto r = m_images->add(m_item, upload(big), m_user_a);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(message(r.error(), "image"), "Billedet må højst fylde 5 MB.");
    EXPECT_EQ(file_count(), 0);
}

TEST_P(ImageServiceTest, AltTextIsRequiredAndLimited) {
    auto r = m_images->add(m_item, upload(test_images::png(20, 20), "   "), m_user_a);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(message(r.error(), "alt_text"),
              "Skriv en billedtekst, der beskriver billedet (alternativ tekst).");
    auto r2 = m_images->add(m_item, upload(test_images::png(20, 20), std::string(201, 'a')), m_user_a);
    ASSERT_FALSE(r2.ok());
    EXPECT_FALSE(message(r2.error(), "alt_text").empty());
    EXPECT_EQ(file_count(), 0);
}

TEST_P(ImageServiceTest, AtMostSixImagesPerItem) {
    for (int i = 0; i < 6; ++i)
        ASSERT_TRUE(m_images->add(m_item, upload(test_images::png(10, 10)), m_user_a).ok());
    auto r = m_images->add(m_item, upload(test_images::png(10, 10)), m_user_a);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(message(r.error(), "image"), "En vare kan højst have 6 billeder.");
    EXPECT_EQ(file_count(), 12);  // the refused upload's files were removed again
}

TEST_P(ImageServiceTest, OtherEnterpriseGetsNotFoundAndNothingChanges) {
    auto r = m_images->add(m_item, upload(test_images::png(10, 10)), m_user_b);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(file_count(), 0);
    auto mine = m_images->add(m_item, upload(test_images::png(10, 10)), m_user_a);
    ASSERT_TRUE(mine.ok());
    EXPECT_EQ(m_images->list(m_item, m_user_b).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_images->remove(mine->id, m_user_b).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(file_count(), 2);
    auto buyer = m_images->add(m_item, upload(test_images::png(10, 10)), actor_with(core::Role::Buyer));
    EXPECT_EQ(buyer.error().code, core::ErrorCode::Forbidden);
}

TEST_P(ImageServiceTest, DraftImagesAreNotPublicUntilPublished) {
    auto img = m_images->add(m_item, upload(test_images::jpeg(100, 80)), m_consultant);
    ASSERT_TRUE(img.ok());
    EXPECT_EQ(m_images->file(img->file_name, false, nullptr).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_images->file(img->thumb_name, true, nullptr).error().code, core::ErrorCode::NotFound);
    EXPECT_FALSE(m_images->file(img->file_name, false, &m_user_b).ok());
    auto own = m_images->file(img->file_name, false, &m_user_a);
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(own->content_type, "image/jpeg");
    ASSERT_TRUE(m_catalogue->publish(m_item, m_consultant).ok());
    auto pub = m_images->file(img->file_name, false, nullptr);
    ASSERT_TRUE(pub.ok());
    EXPECT_EQ(pub->path, m_dir / img->file_name);
    auto thumb = m_images->file(img->thumb_name, true, nullptr);
    ASSERT_TRUE(thumb.ok());
    EXPECT_EQ(thumb->content_type, "image/png");
    // The original's name does not serve the thumbnail route and vice versa.
    EXPECT_FALSE(m_images->file(img->file_name, true, nullptr).ok());
    EXPECT_FALSE(m_images->file(img->thumb_name, false, nullptr).ok());
    EXPECT_FALSE(m_images->file("../secret.png", false, nullptr).ok());
}

TEST_P(ImageServiceTest, DeleteRemovesRowAndFiles) {
    auto img = m_images->add(m_item, upload(test_images::png(50, 50)), m_user_a);
    ASSERT_TRUE(img.ok());
    ASSERT_EQ(file_count(), 2);
    ASSERT_TRUE(m_images->remove(img->id, m_user_a).ok());
    EXPECT_EQ(file_count(), 0);
    EXPECT_TRUE(m_images->list(m_item, m_user_a)->empty());
    EXPECT_EQ(m_images->remove(img->id, m_user_a).error().code, core::ErrorCode::NotFound);
}

TEST_P(ImageServiceTest, DeletingTheItemRemovesRowsAndThenFiles) {
    ASSERT_TRUE(m_images->add(m_item, upload(test_images::png(10, 10)), m_user_a).ok());
    auto before = m_images->public_list(m_item);
    ASSERT_TRUE(before.ok());
    ASSERT_TRUE(m_catalogue->remove(m_item, m_consultant).ok());
    EXPECT_TRUE(m_images->public_list(m_item)->empty());  // ON DELETE CASCADE
    EXPECT_EQ(file_count(), 2);
    m_images->remove_files(*before);
    EXPECT_EQ(file_count(), 0);
}

BB_INSTANTIATE_BACKENDS(ImageServiceTest);

}  // namespace
}  // namespace catalogue
