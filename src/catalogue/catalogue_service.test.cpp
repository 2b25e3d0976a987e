// CatalogueService against every storage backend (SQLite always, PostgreSQL when configured).
#include "catalogue/catalogue_service.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "catalogue/demo.hpp"
#include "enterprises/demo.hpp"
#include "enterprises/enterprise_service.hpp"
#include "support/test_db.hpp"

namespace catalogue {
namespace {

core::Actor actor_with(core::Role role, std::optional<std::int64_t> enterprise_id = std::nullopt) {
    core::Actor a;
    a.username = std::string(core::role_code(role));
    a.role = role;
    a.enterprise_id = enterprise_id;
    return a;
}

class CatalogueServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<CatalogueService>(database(), m_clock, m_audit);
        m_a = enterprise("Sumak", "Slagelse", "registered_rsv", {"kvinder_anden_etnisk"});
        m_b = enterprise("Grøn Fokus", "Korsør", "established", {"fleksjobbere"});
        m_user_a = actor_with(core::Role::Enterprise, m_a);
        m_user_b = actor_with(core::Role::Enterprise, m_b);
    }
    void TearDown() override {
        m_service.reset();
        m_enterprises.reset();
        BackendTest::TearDown();
    }

    std::int64_t enterprise(std::string name, std::string municipality, std::string status,
                            std::vector<std::string> groups, std::string kind = "social_enterprise") {
        enterprises::EnterpriseInput in;
        in.name = std::move(name);
        in.kind = std::move(kind);
        in.municipality = std::move(municipality);
        in.status = std::move(status);
        in.status_date = "2018-01-01";
        in.purpose = "Et socialt formål.";
        in.address = "Hemmelig Vej 1";
        in.target_groups = std::move(groups);
        auto r = m_enterprises->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        if (r.ok()) {
            auto c = m_enterprises->add_contact(r->id, {"Anne Åberg", "Leder", "anne@example.dk", "12345678"},
                                                m_consultant);
            EXPECT_TRUE(c.ok());
        }
        return r.ok() ? r->id : 0;
    }

    static ItemInput input(std::int64_t enterprise_id, std::string title, std::string description = "",
                           std::string category = "mad_catering", std::string price = "100",
                           std::string unit = "stk.") {
        ItemInput in;
        in.enterprise_id = std::to_string(enterprise_id);
        in.title = std::move(title);
        in.description = std::move(description);
        in.category = std::move(category);
        in.price = std::move(price);
        in.unit = std::move(unit);
        in.delivery_area = "Slagelse Kommune";
        return in;
    }

    Item make(const ItemInput& in, bool publish = true) {
        auto r = m_service->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? ""
                                       : r.error().message + " " +
                                             (r.error().fields.empty() ? "" : r.error().fields[0].field));
        if (!r.ok()) return {};
        if (publish) {
            auto p = m_service->publish(r->id, m_consultant);
            EXPECT_TRUE(p.ok());
            return p.ok() ? *p : *r;
        }
        return *r;
    }

    std::vector<std::string> titles(const SearchQuery& q) {
        auto r = m_service->search(q);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        std::vector<std::string> out;
        if (r.ok())
            for (const auto& i : r->items) out.push_back(i.title);
        return out;
    }
    std::vector<std::string> titles(std::string text) {
        SearchQuery q;
        q.q = std::move(text);
        return titles(q);
    }

    static std::vector<std::string> fields(const core::Error& e) {
        std::vector<std::string> out;
        for (const auto& f : e.fields) out.push_back(f.field);
        return out;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<CatalogueService> m_service;
    core::Actor m_consultant = actor_with(core::Role::Consultant);
    core::Actor m_admin = actor_with(core::Role::Admin);
    std::int64_t m_a = 0;
    std::int64_t m_b = 0;
    core::Actor m_user_a;
    core::Actor m_user_b;
};

using Titles = std::vector<std::string>;

TEST_P(CatalogueServiceTest, CreatesDraftWithAllFields) {
    auto r = m_service->create(
        input(m_a, "  Frokostbuffet  ", "Lune retter", "mad_catering", "1.234,50", "kuvert"), m_consultant);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->title, "Frokostbuffet");
    EXPECT_EQ(r->enterprise_id, m_a);
    EXPECT_EQ(r->enterprise_name, "Sumak");
    EXPECT_EQ(r->category_label, "Mad, café og catering");
    EXPECT_EQ(r->price_oere, 123450);
    EXPECT_EQ(r->unit, "kuvert");
    EXPECT_EQ(r->status, ItemStatus::Draft);
    EXPECT_FALSE(r->published_at);
    auto p = m_service->publish(r->id, m_consultant);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->status, ItemStatus::Published);
    EXPECT_TRUE(p->published_at);
    // Price by agreement: no price, no unit needed.
    auto free =
        m_service->create(input(m_a, "Catering efter aftale", "", "mad_catering", "", ""), m_consultant);
    ASSERT_TRUE(free.ok());
    EXPECT_FALSE(free->price_oere);
}

TEST_P(CatalogueServiceTest, ValidationNamesTheFieldsInDanish) {
    ItemInput in;
    auto r = m_service->create(in, m_consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
    EXPECT_EQ(fields(r.error()), (std::vector<std::string>{"enterprise_id", "title", "category"}));
    EXPECT_EQ(r.error().fields[1].message, "Skriv en titel på varen eller ydelsen.");

    in = input(m_a, std::string(201, 'x'), std::string(5001, 'y'), "findes_ikke", "12,345", "");
    in.delivery_area = std::string(301, 'z');
    r = m_service->create(in, m_consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields(r.error()),
              (std::vector<std::string>{"title", "description", "category", "price", "delivery_area"}));
    EXPECT_EQ(r.error().fields[0].message, "Titlen må højst være 200 tegn.");
    EXPECT_EQ(r.error().fields[1].message, "Beskrivelsen må højst være 5.000 tegn.");
    EXPECT_EQ(r.error().fields[2].message, "Vælg en kategori fra listen.");

    r = m_service->create(input(m_a, "Kage", "", "mad_catering", "25", ""), m_consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields(r.error()), std::vector<std::string>{"unit"});

    r = m_service->create(input(999999, "Kage"), m_consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields(r.error()), std::vector<std::string>{"enterprise_id"});

    const std::int64_t csr = enterprise("Sund og Bælt", "Slagelse", "established", {}, "csr_company");
    r = m_service->create(input(csr, "Kage"), m_consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields(r.error()), std::vector<std::string>{"enterprise_id"});

    auto count = m_service->count_all();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 0);
}

TEST_P(CatalogueServiceTest, EnterpriseUserWorksOnlyOnItsOwnItems) {
    // Creating: the enterprise is always the user's own, whatever is posted.
    auto own = m_service->create(input(m_b, "Sandwich"), m_user_a);
    ASSERT_TRUE(own.ok()) << own.error().message;
    EXPECT_EQ(own->enterprise_id, m_a);
    // Updating cannot move the item to another enterprise.
    auto moved = m_service->update(own->id, input(m_b, "Sandwich med kylling"), m_user_a);
    ASSERT_TRUE(moved.ok());
    EXPECT_EQ(moved->enterprise_id, m_a);
    EXPECT_EQ(moved->title, "Sandwich med kylling");

    Item other = make(input(m_b, "Hækklipning", "", "groenne_omraader", "400", "time"));
    auto is_not_found = [](const auto& r) { return !r.ok() && r.error().code == core::ErrorCode::NotFound; };
    EXPECT_TRUE(is_not_found(m_service->get(other.id, m_user_a)));
    EXPECT_TRUE(is_not_found(m_service->update(other.id, input(m_a, "Overtaget"), m_user_a)));
    EXPECT_TRUE(is_not_found(m_service->unpublish(other.id, m_user_a)));
    EXPECT_TRUE(is_not_found(m_service->publish(other.id, m_user_a)));
    auto removed = m_service->remove(other.id, m_user_a);
    EXPECT_TRUE(!removed.ok() && removed.error().code == core::ErrorCode::NotFound);
    // Nothing changed.
    auto still = m_service->get(other.id, m_consultant);
    ASSERT_TRUE(still.ok());
    EXPECT_EQ(still->title, "Hækklipning");
    EXPECT_EQ(still->status, ItemStatus::Published);
    EXPECT_EQ(still->enterprise_id, m_b);

    // Lists hold only the user's own items; staff see all.
    auto list_a = m_service->list({}, m_user_a);
    ASSERT_TRUE(list_a.ok());
    ASSERT_EQ(list_a->total, 1);
    EXPECT_EQ(list_a->items[0].id, own->id);
    auto list_all = m_service->list({}, m_consultant);
    ASSERT_TRUE(list_all.ok());
    EXPECT_EQ(list_all->total, 2);
    auto choices = m_service->enterprise_choices(m_user_a);
    ASSERT_TRUE(choices.ok());
    ASSERT_EQ(choices->size(), 1u);
    EXPECT_EQ((*choices)[0].value, std::to_string(m_a));

    // Own item: the whole life cycle.
    EXPECT_TRUE(m_service->publish(own->id, m_user_a).ok());
    EXPECT_TRUE(m_service->unpublish(own->id, m_user_a).ok());
    EXPECT_TRUE(m_service->remove(own->id, m_user_a).ok());
    EXPECT_TRUE(is_not_found(m_service->get(own->id, m_consultant)));
}

TEST_P(CatalogueServiceTest, OtherRolesCannotManage) {
    Item item = make(input(m_a, "Kage"));
    for (core::Role role : {core::Role::Caseworker, core::Role::Buyer}) {
        core::Actor a = actor_with(role);
        auto c = m_service->create(input(m_a, "Ny"), a);
        ASSERT_FALSE(c.ok());
        EXPECT_EQ(c.error().code, core::ErrorCode::Forbidden);
        auto u = m_service->unpublish(item.id, a);
        ASSERT_FALSE(u.ok());
        EXPECT_EQ(u.error().code, core::ErrorCode::Forbidden);
        EXPECT_FALSE(m_service->list({}, a).ok());
    }
    // An enterprise user without an enterprise sees nothing.
    core::Actor orphan = actor_with(core::Role::Enterprise);
    EXPECT_FALSE(m_service->get(item.id, orphan).ok());
    EXPECT_FALSE(m_service->create(input(m_a, "Ny"), orphan).ok());
}

TEST_P(CatalogueServiceTest, DraftsAreNeverPublic) {
    Item draft = make(input(m_a, "Hemmelig kage", "Kladde"), false);
    Item pub = make(input(m_a, "Offentlig kage", "Klar"));
    EXPECT_EQ(titles("kage"), Titles{"Offentlig kage"});
    EXPECT_EQ(titles(""), Titles{"Offentlig kage"});
    EXPECT_FALSE(m_service->public_item(draft.id).ok());
    EXPECT_EQ(m_service->public_item(draft.id).error().code, core::ErrorCode::NotFound);
    ASSERT_TRUE(m_service->public_item(pub.id).ok());
    auto profile = m_service->public_profile(m_a);
    ASSERT_TRUE(profile.ok());
    ASSERT_EQ(profile->items.size(), 1u);
    EXPECT_EQ(profile->items[0].title, "Offentlig kage");
    // Unpublishing hides it again; an enterprise with drafts only has no public profile.
    ASSERT_TRUE(m_service->unpublish(pub.id, m_consultant).ok());
    EXPECT_EQ(titles("kage"), Titles{});
    EXPECT_FALSE(m_service->public_item(pub.id).ok());
    auto gone = m_service->public_profile(m_a);
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(gone.error().code, core::ErrorCode::NotFound);
    EXPECT_FALSE(m_service->public_profile(m_b).ok());     // no items at all
    EXPECT_FALSE(m_service->public_profile(999999).ok());  // unknown
}

TEST_P(CatalogueServiceTest, ClosedEnterprisesAreNotPublic) {
    Item item = make(input(m_b, "Hækklipning", "", "groenne_omraader", "400", "time"));
    ASSERT_TRUE(m_service->public_item(item.id).ok());
    ASSERT_TRUE(m_enterprises->record_status(m_b, {"closed", "2024-12-31", ""}, m_consultant).ok());
    EXPECT_FALSE(m_service->public_item(item.id).ok());
    EXPECT_FALSE(m_service->public_profile(m_b).ok());
    EXPECT_EQ(titles("hæk"), Titles{});
}

TEST_P(CatalogueServiceTest, ProfileHoldsOnlyPublicFields) {
    make(input(m_a, "Kage"));
    auto p = m_service->public_profile(m_a);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->name, "Sumak");
    EXPECT_EQ(p->municipality, "Slagelse");
    EXPECT_EQ(p->purpose, "Et socialt formål.");
    EXPECT_TRUE(p->registered_rsv);
    EXPECT_EQ(p->target_groups, std::vector<std::string>{"Kvinder med anden etnisk baggrund end dansk"});
    // PublicProfile has no members for contacts, address, CVR or history (compile-time), and
    // the item list carries only published items.
}

TEST_P(CatalogueServiceTest, DanishStemming) {
    make(input(m_a, "Æblerne fra haven", "Søde æbler fra egen have"));
    make(input(m_a, "Kager til mødet", "Hjemmebag"));
    make(input(m_b, "Græsslåning", "Vi slår græsset", "groenne_omraader", "400", "time"));
    EXPECT_EQ(titles("æbler"), Titles{"Æblerne fra haven"});
    EXPECT_EQ(titles("Æble"), Titles{"Æblerne fra haven"});
    EXPECT_EQ(titles("ÆBLERNE"), Titles{"Æblerne fra haven"});
    EXPECT_EQ(titles("kage"), Titles{"Kager til mødet"});
    EXPECT_EQ(titles("kagerne"), Titles{"Kager til mødet"});
    EXPECT_EQ(titles("mød"), Titles{"Kager til mødet"});  // prefix of the last word
    EXPECT_EQ(titles("græs"), Titles{"Græsslåning"});     // description "græsset"
    EXPECT_EQ(titles("kage æble"), Titles{});             // all words must match
    EXPECT_EQ(titles("aebler"), Titles{});                // no folding of æ
}

TEST_P(CatalogueServiceTest, UpdatesKeepTheIndexInStep) {
    Item item = make(input(m_a, "Sandwich", "Med kylling"));
    EXPECT_EQ(titles("kylling"), Titles{"Sandwich"});
    ASSERT_TRUE(m_service->update(item.id, input(m_a, "Wraps", "Med falafel"), m_consultant).ok());
    EXPECT_EQ(titles("kylling"), Titles{});
    EXPECT_EQ(titles("falafel"), Titles{"Wraps"});
    ASSERT_TRUE(m_service->remove(item.id, m_consultant).ok());
    EXPECT_EQ(titles("falafel"), Titles{});
}

TEST_P(CatalogueServiceTest, SearchSyntaxIsNeverInterpreted) {
    make(input(m_a, "Kager og brød", "Hjemmebag"));
    make(input(m_a, "Near kagen", "Or minus"));
    const char* nasty[] = {"\"",
                           "\"\"",
                           "*",
                           "kage*",
                           "NEAR(",
                           "NEAR(kage brød)",
                           "OR",
                           "kage OR brød",
                           "-",
                           "-kage",
                           "kage -brød",
                           "(",
                           ")",
                           "^kage",
                           "title:kage",
                           "kage:",
                           "'",
                           "''",
                           "\\",
                           "&",
                           "|",
                           "!",
                           ":*",
                           "kage & brød",
                           "kage | brød",
                           "!kage",
                           "<->",
                           "AND",
                           "NOT kage",
                           "{kage}",
                           "%",
                           "_",
                           "; DROP TABLE catalogue_items; --",
                           "\xff\xfe",
                           "\xe2\x80\x94"};
    for (const char* text : nasty) {
        SearchQuery q;
        q.q = text;
        auto r = m_service->search(q);
        if (std::string_view(text) == "\xff\xfe") {
            ASSERT_FALSE(r.ok());
            EXPECT_EQ(fields(r.error()), std::vector<std::string>{"q"});
            continue;
        }
        ASSERT_TRUE(r.ok()) << "search for [" << text << "]: " << r.error().message;
    }
    // Sensible results: the words are searched as words.
    EXPECT_EQ(titles("\"kage\""), (Titles{"Kager og brød", "Near kagen"}));
    EXPECT_EQ(titles("NEAR(kage"), Titles{"Near kagen"});
    EXPECT_EQ(titles("kage -brød"), Titles{"Kager og brød"});
    EXPECT_EQ(titles("brød*"), Titles{"Kager og brød"});
    EXPECT_EQ(titles("\"\""), (Titles{"Kager og brød", "Near kagen"}));  // no words: everything
}

TEST_P(CatalogueServiceTest, OversizedSearchIsRefusedWithAFieldMessage) {
    SearchQuery q;
    q.q = std::string(1024 * 1024, 'a');
    auto r = m_service->search(q);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
    ASSERT_EQ(fields(r.error()), std::vector<std::string>{"q"});
    EXPECT_EQ(r.error().fields[0].message, "Søgeteksten må højst være 200 tegn.");
    q.q = std::string(200, 'a');
    EXPECT_TRUE(m_service->search(q).ok());
    q.q = "kage";
    q.sort = "drop";
    auto s = m_service->search(q);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(fields(s.error()), std::vector<std::string>{"sort"});
}

TEST_P(CatalogueServiceTest, FiltersSortingAndPaging) {
    make(input(m_a, "Buffet", "", "mad_catering", "145", "kuvert"));
    make(input(m_a, "Aftensmad", "", "mad_catering", "", ""));
    make(input(m_b, "Hækklipning", "", "groenne_omraader", "400", "time"));
    make(input(m_b, "Cykelreparation", "", "auto_transport", "250", "time"));

    SearchQuery q;
    EXPECT_EQ(titles(q), (Titles{"Aftensmad", "Buffet", "Cykelreparation", "Hækklipning"}));
    q.sort = "price";
    EXPECT_EQ(titles(q),
              (Titles{"Buffet", "Cykelreparation", "Hækklipning", "Aftensmad"}));  // by agreement last
    q = {};
    q.category = "mad_catering";
    EXPECT_EQ(titles(q), (Titles{"Aftensmad", "Buffet"}));
    q = {};
    q.municipality = "Korsør";
    EXPECT_EQ(titles(q), (Titles{"Cykelreparation", "Hækklipning"}));
    q = {};
    q.target_group = "kvinder_anden_etnisk";
    EXPECT_EQ(titles(q), (Titles{"Aftensmad", "Buffet"}));
    q = {};
    q.rsv = "yes";
    EXPECT_EQ(titles(q), (Titles{"Aftensmad", "Buffet"}));
    q.rsv = "no";
    EXPECT_EQ(titles(q), (Titles{"Cykelreparation", "Hækklipning"}));
    q = {};
    q.page_size = 3;
    q.page = 2;
    auto page = m_service->search(q);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->total, 4);
    ASSERT_EQ(page->items.size(), 1u);
    EXPECT_EQ(page->items[0].title, "Hækklipning");
    // Relevance: a title hit ranks above a description hit.
    make(input(m_b, "Havearbejde", "Også hækklipning og græs", "groenne_omraader", "300", "time"));
    q = {};
    q.q = "hækklipning";
    EXPECT_EQ(titles(q), (Titles{"Hækklipning", "Havearbejde"}));
    q.sort = "title";
    EXPECT_EQ(titles(q), (Titles{"Havearbejde", "Hækklipning"}));

    auto options = m_service->filter_options();
    ASSERT_TRUE(options.ok());
    EXPECT_EQ(options->municipalities, (std::vector<std::string>{"Korsør", "Slagelse"}));
    EXPECT_FALSE(options->categories.empty());
    EXPECT_FALSE(options->target_groups.empty());
}

TEST_P(CatalogueServiceTest, EveryChangeIsAudited) {
    Item item = make(input(m_a, "Kage"));
    ASSERT_TRUE(m_service->remove(item.id, m_consultant).ok());
    auto lease = database().acquire();
    ASSERT_TRUE(lease.ok());
    auto rows =
        (*lease)->query("SELECT action FROM audit_log WHERE object_type = 'catalogue_item' ORDER BY id");
    ASSERT_TRUE(rows.ok());
    std::vector<std::string> actions;
    for (const auto& r : rows->rows) actions.push_back(r.text(0));
    EXPECT_EQ(actions, (std::vector<std::string>{"create", "publish", "delete"}));
}

TEST_P(CatalogueServiceTest, SqliteBackupKeepsTheSearchIndex) {
    if (!is_sqlite()) GTEST_SKIP() << "PostgreSQL backups use pg_dump";
    make(input(m_a, "Æblerne fra haven"));
    const std::string path =
        ::testing::TempDir() + "bb_catalogue_backup_" + std::to_string(::getpid()) + ".db";
    std::remove(path.c_str());
    ASSERT_TRUE(database().backup_to(path).ok());
    {
        auto copy = db::open(path);
        ASSERT_TRUE(copy.ok());
        CatalogueService on_copy(**copy, m_clock, m_audit);
        SearchQuery q;
        q.q = "æbler";
        auto r = on_copy.search(q);
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->total, 1);
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

TEST_P(CatalogueServiceTest, DemoDataLoads) {
    m_service.reset();
    m_enterprises.reset();
    test_support::BackendTest::TearDown();
    test_support::BackendTest::SetUp();
    m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
    m_service = std::make_unique<CatalogueService>(database(), m_clock, m_audit);
    const core::Actor system = core::Actor::system("demo");
    ASSERT_TRUE(enterprises::load_demo(*m_enterprises, system).ok());
    auto n = load_demo(*m_service, system);
    ASSERT_TRUE(n.ok()) << n.error().message << " "
                        << (n.error().fields.empty() ? "" : n.error().fields[0].field);
    EXPECT_GE(*n, 40);
    SearchQuery all;
    auto page = m_service->search(all);
    ASSERT_TRUE(page.ok());
    EXPECT_GE(page->total, 38);
    EXPECT_LT(page->total, *n);  // the drafts are not public
    EXPECT_FALSE(titles("kage").empty());
    EXPECT_FALSE(titles("cykler").empty());
}

BB_INSTANTIATE_BACKENDS(CatalogueServiceTest);

}  // namespace
}  // namespace catalogue
