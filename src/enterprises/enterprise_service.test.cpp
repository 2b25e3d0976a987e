// EnterpriseService against every storage backend (SQLite always, PostgreSQL when configured).
#include "enterprises/enterprise_service.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "core/date.hpp"
#include "enterprises/demo.hpp"
#include "support/test_db.hpp"

namespace enterprises {
namespace {

core::Actor actor_with(core::Role role, std::int64_t user_id,
                       std::optional<std::int64_t> enterprise_id = std::nullopt) {
    core::Actor a;
    a.user_id = 0;  // no users table rows in these tests; audit rows keep the name
    a.username = std::string(core::role_code(role)) + std::to_string(user_id);
    a.role = role;
    a.enterprise_id = enterprise_id;
    return a;
}

class EnterpriseServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_service = std::make_unique<EnterpriseService>(database(), m_clock, m_audit);
    }
    void TearDown() override {
        m_service.reset();
        BackendTest::TearDown();
    }

    static EnterpriseInput input(std::string name, std::string status = "established",
                                 std::string date = "2018-01-01", std::string municipality = "Slagelse") {
        EnterpriseInput in;
        in.name = std::move(name);
        in.kind = "social_enterprise";
        in.municipality = std::move(municipality);
        in.status = std::move(status);
        in.status_date = std::move(date);
        return in;
    }

    Enterprise make(EnterpriseInput in) {
        auto r = m_service->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? ""
                                       : r.error().message + " " +
                                             (r.error().fields.empty() ? "" : r.error().fields[0].message));
        return r.ok() ? *r : Enterprise{};
    }

    void status(std::int64_t id, std::string code, std::string date, const core::Actor* who = nullptr) {
        auto r =
            m_service->record_status(id, {std::move(code), std::move(date), ""}, who ? *who : m_consultant);
        ASSERT_TRUE(r.ok()) << r.error().message;
    }

    static std::vector<std::string> fields(const core::Error& e) {
        std::vector<std::string> out;
        for (const auto& f : e.fields) out.push_back(f.field);
        return out;
    }

    Figures figures(const std::string& date, int year, const std::string& municipality = "") {
        auto r = m_service->count_figures(*core::Date::parse(date), year, municipality, m_admin);
        EXPECT_TRUE(r.ok());
        return r.ok() ? *r : Figures{};
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<EnterpriseService> m_service;
    core::Actor m_admin = actor_with(core::Role::Admin, 1);
    core::Actor m_consultant = actor_with(core::Role::Consultant, 2);
    core::Actor m_caseworker = actor_with(core::Role::Caseworker, 3);
    core::Actor m_buyer = actor_with(core::Role::Buyer, 4);
};

TEST_P(EnterpriseServiceTest, CreatesWithAllFields) {
    EnterpriseInput in = input("Sumak");
    in.cvr = demo_cvr(3725114);
    in.legal_form = "aps";
    in.address = "Motalavej, Slagelse";
    in.purpose = "Arbejdspladser";
    in.description = "Café og catering";
    in.plans = "Udvikle markedet";
    in.website = "https://www.example.dk";
    in.employees = "9";
    in.fte = "6,5";
    in.target_groups = {"fleksjobbere", "forloebsdeltagere", "fleksjobbere"};
    Enterprise e = make(in);
    EXPECT_GT(e.id, 0);
    EXPECT_EQ(e.cvr, demo_cvr(3725114));
    EXPECT_EQ(e.legal_form_label, "ApS");
    EXPECT_EQ(e.employees, 9);
    EXPECT_EQ(e.fte_tenths, 65);
    ASSERT_EQ(e.target_groups.size(), 2u);
    EXPECT_EQ(e.target_groups[0].label, "Fleksjobbere");
    EXPECT_EQ(e.status, Status::Established);
    ASSERT_EQ(e.history.size(), 1u);
    EXPECT_EQ(e.history[0].happened_on.iso(), "2018-01-01");
    EXPECT_EQ(e.history[0].recorded_at, m_clock.now());
}

TEST_P(EnterpriseServiceTest, CvrRules) {
    EnterpriseInput bad = input("A");
    bad.cvr = "12345678";
    auto r = m_service->create(bad, m_consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields(r.error()), std::vector<std::string>{"cvr"});
    EXPECT_EQ(r.error().fields[0].message, "CVR-nummeret er ikke gyldigt (kontrolcifferet passer ikke).");
    bad.cvr = "1234";
    EXPECT_EQ(m_service->create(bad, m_consultant).error().fields[0].message,
              "CVR-nummeret skal være præcis 8 cifre.");

    EnterpriseInput first = input("Første");
    first.cvr = demo_cvr(3725130);
    Enterprise a = make(first);
    EnterpriseInput second = input("Anden");
    second.cvr = demo_cvr(3725130);
    auto dup = m_service->create(second, m_consultant);
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().fields.at(0).field, "cvr");
    EXPECT_EQ(dup.error().fields.at(0).message, "Der findes allerede en virksomhed med dette CVR-nummer.");
    // Without CVR, many initiatives may exist; spaces in a CVR are ignored.
    make(input("Initiativ 1"));
    make(input("Initiativ 2"));
    EnterpriseInput spaced = input("Tredje");
    std::string c = demo_cvr(3725149);
    spaced.cvr = c.substr(0, 2) + " " + c.substr(2, 2) + " " + c.substr(4);
    EXPECT_EQ(make(spaced).cvr, c);
    // Updating keeps its own CVR.
    EXPECT_TRUE(m_service->update(a.id, first, m_consultant).ok());
}

TEST_P(EnterpriseServiceTest, RefusesUnknownVocabularyAndBadValues) {
    EnterpriseInput in = input("X", "registered", "2030-01-01", "");
    in.kind = "company";
    in.legal_form = "gmbh";
    in.target_groups = {"fleksjobbere", "pirater"};
    in.fte = "1,55";
    in.employees = "mange";
    in.website = "www.uden-skema.dk";
    auto r = m_service->create(in, m_consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
    EXPECT_EQ(fields(r.error()),
              (std::vector<std::string>{"legal_form", "kind", "municipality", "website", "employees", "fte",
                                        "target_groups", "status", "status_date"}));
    EnterpriseInput future = input("Y", "idea", "2025-03-02");
    auto f = m_service->create(future, m_consultant);
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.error().fields.at(0).field, "status_date");
    EXPECT_EQ(f.error().fields.at(0).message, "Datoen kan ikke ligge i fremtiden.");
    EXPECT_EQ(m_service->create(input("Z", "idea", "2025-13-01"), m_consultant).error().fields.at(0).field,
              "status_date");
}

TEST_P(EnterpriseServiceTest, CapsTextLengths) {
    EnterpriseInput in = input(std::string(201, 'a'));
    in.description = std::string(5001, 'b');
    in.plans = std::string(4000, 'c');
    auto r = m_service->create(in, m_consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields(r.error()), (std::vector<std::string>{"name", "description"}));
    EXPECT_EQ(r.error().fields[0].message, "Navnet må højst være 200 tegn.");
    // Caps count characters, not bytes: 200 × "æ" is fine.
    std::string ae;
    for (int i = 0; i < 200; ++i) ae += "æ";
    EXPECT_TRUE(m_service->create(input(ae), m_consultant).ok());
}

TEST_P(EnterpriseServiceTest, InactiveVocabularyCannotBeChosenButStaysOnRecords) {
    EnterpriseInput in = input("Med målgruppe");
    in.target_groups = {"veteraner"};
    Enterprise e = make(in);
    auto groups = m_service->vocabulary(VocabularyKind::TargetGroup);
    ASSERT_TRUE(groups.ok());
    std::int64_t veteraner = 0;
    for (const auto& g : *groups)
        if (g.code == "veteraner") veteraner = g.id;
    ASSERT_GT(veteraner, 0);
    EXPECT_EQ(m_service->set_vocabulary_active(veteraner, false, m_consultant).error().code,
              core::ErrorCode::Forbidden);
    ASSERT_TRUE(m_service->set_vocabulary_active(veteraner, false, m_admin).ok());
    EXPECT_FALSE(m_service->create(in, m_consultant).ok());
    EXPECT_TRUE(m_service->update(e.id, in, m_consultant).ok());  // already on the record
    auto all = m_service->vocabulary(VocabularyKind::TargetGroup, true);
    EXPECT_EQ(all->size(), groups->size());
    EXPECT_EQ(m_service->vocabulary(VocabularyKind::TargetGroup)->size(), groups->size() - 1);

    auto added = m_service->add_vocabulary(VocabularyKind::TargetGroup, "Seniorer på vej ud", m_admin);
    ASSERT_TRUE(added.ok());
    EXPECT_EQ(added->code, "seniorer_paa_vej_ud");
    EXPECT_EQ(
        m_service->add_vocabulary(VocabularyKind::TargetGroup, "seniorer på vej ud", m_admin).error().code,
        core::ErrorCode::Conflict);
    EXPECT_EQ(m_service->add_vocabulary(VocabularyKind::TargetGroup, "Nyt", m_consultant).error().code,
              core::ErrorCode::Forbidden);
    in.target_groups = {"seniorer_paa_vej_ud"};
    EXPECT_TRUE(m_service->create(in, m_consultant).ok());
}

TEST_P(EnterpriseServiceTest, StatusHistoryUsesTheDateItHappened) {
    Enterprise e = make(input("Café", "on_the_way", "2017-05-01"));
    status(e.id, "established", "2018-03-01");
    // Typed in later (2025) but happened in 2016: it goes before the others in time.
    status(e.id, "idea", "2016-01-10");
    auto got = m_service->get(e.id, m_caseworker);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->status, Status::Established);  // the latest by date, not the latest typed
    EXPECT_EQ(got->status_since.iso(), "2018-03-01");
    ASSERT_EQ(got->history.size(), 3u);
    EXPECT_EQ(got->history[0].happened_on.iso(), "2018-03-01");
    EXPECT_EQ(got->history[2].status, Status::Idea);
    EXPECT_EQ(got->history[2].recorded_by, m_consultant.username);

    auto bad = m_service->record_status(e.id, {"closed", "2025-03-02", ""}, m_consultant);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().fields.at(0).field, "happened_on");
    EXPECT_EQ(
        m_service->record_status(e.id, {"gone", "2020-01-01", ""}, m_consultant).error().fields.at(0).field,
        "status");
    EXPECT_EQ(m_service->record_status(e.id, {"closed", "2020-01-01", std::string(1001, 'x')}, m_consultant)
                  .error()
                  .fields.at(0)
                  .field,
              "note");
    EXPECT_EQ(m_service->record_status(999, {"closed", "2020-01-01", ""}, m_consultant).error().code,
              core::ErrorCode::NotFound);
}

TEST_P(EnterpriseServiceTest, Table1CountsByDateAndYear) {
    // A: on the way 2014-06-01, established 2015-03-01, registered 2016-02-01, closed 2018-06-30.
    Enterprise a = make(input("A", "on_the_way", "2014-06-01"));
    status(a.id, "established", "2015-03-01");
    status(a.id, "registered_rsv", "2016-02-01");
    status(a.id, "closed", "2018-06-30");
    // B: registered at once 2015-05-01 (counts as established in 2015), paused 2017-01-01,
    //    established again 2017-09-01 (not established "in 2017": only the first time counts).
    Enterprise b = make(input("B", "registered_rsv", "2015-05-01"));
    status(b.id, "paused", "2017-01-01");
    status(b.id, "established", "2017-09-01");
    // C: in Kolding, established 2015-12-15; moved 2017-03-01.
    Enterprise c = make(input("C", "established", "2015-12-15", "Kolding"));
    status(c.id, "moved", "2017-03-01");
    // D: a CSR partner is never counted.
    EnterpriseInput partner = input("D", "established", "2015-01-01");
    partner.kind = "csr_company";
    make(partner);
    // E: an initiative on the way, typed in today (2025) but happened 2015-10-01.
    EnterpriseInput initiative = input("E", "on_the_way", "2015-10-01");
    initiative.kind = "initiative";
    make(initiative);

    struct Case {
        const char* date;
        int year;
        const char* municipality;
        std::int64_t total, registered, established, on_the_way;
    };
    const Case cases[] = {
        {"2014-12-31", 2014, "", 0, 0, 0, 1},
        {"2015-02-28", 2015, "", 0, 0, 0, 1},  // A still on the way
        {"2015-03-01", 2015, "", 1, 0, 1, 0},  // the day it happened counts
        {"2015-11-30", 2015, "", 2, 1, 2, 1},  // A + B; B registered; E on the way
        {"2015-11-30", 2015, "Slagelse", 2, 1, 2, 1},
        {"2015-11-30", 2015, "Kolding", 0, 0, 0, 0},
        {"2015-12-31", 2015, "", 3, 1, 3, 1},  // C established in December
        {"2016-06-01", 2016, "", 3, 2, 0, 1},
        {"2016-06-01", 2015, "", 3, 2, 3, 1},  // an earlier year, counted to its end
        {"2017-06-01", 2017, "", 1, 1, 0, 1},  // B paused, C moved: only A
        {"2017-12-31", 2017, "", 2, 1, 0, 1},  // B back, but not "established in 2017"
        {"2018-06-30", 2018, "", 1, 0, 0, 1},  // A closed
        {"2018-06-30", 2018, "Aarhus", 0, 0, 0, 0},
    };
    for (const auto& k : cases) {
        Figures f = figures(k.date, k.year, k.municipality);
        SCOPED_TRACE(std::string(k.date) + " " + std::to_string(k.year) + " " + k.municipality);
        EXPECT_EQ(f.total, k.total);
        EXPECT_EQ(f.registered, k.registered);
        EXPECT_EQ(f.established_in_year, k.established);
        EXPECT_EQ(f.on_the_way, k.on_the_way);
    }
}

TEST_P(EnterpriseServiceTest, FiguresValidateTheQuery) {
    make(input("A", "established", "2015-03-01"));
    make(input("B", "on_the_way", "2015-03-01", "Kolding"));
    auto t = m_service->figures({"2015-12-31", "", ""}, m_caseworker);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->year, 2015);
    ASSERT_EQ(t->rows.size(), 2u);
    EXPECT_EQ(t->rows[0].municipality, "Kolding");
    EXPECT_EQ(t->rows[0].on_the_way, 1);
    EXPECT_EQ(t->rows[1].total, 1);
    EXPECT_EQ(t->sum.total, 1);
    EXPECT_EQ(t->sum.on_the_way, 1);
    auto today = m_service->figures({"", "", "Slagelse"}, m_consultant);
    ASSERT_TRUE(today.ok());
    EXPECT_EQ(today->date.iso(), "2025-03-01");

    EXPECT_EQ(m_service->figures({"2025-03-02", "", ""}, m_admin).error().fields.at(0).message,
              "Datoen kan ikke ligge i fremtiden.");
    EXPECT_EQ(m_service->figures({"31-12-2015", "", ""}, m_admin).error().fields.at(0).field, "date");
    EXPECT_EQ(m_service->figures({"2015-12-31", "2016", ""}, m_admin).error().fields.at(0).field, "year");
    EXPECT_EQ(m_service->figures({"2015-12-31", "x", ""}, m_admin).error().fields.at(0).field, "year");
    EXPECT_EQ(m_service->figures({"", "", ""}, m_buyer).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->figures({"", "", ""}, actor_with(core::Role::Enterprise, 9, 1)).error().code,
              core::ErrorCode::Forbidden);
}

TEST_P(EnterpriseServiceTest, RecordLevelAccess) {
    Enterprise own = make(input("Egen"));
    Enterprise other = make(input("Anden"));
    core::Actor ent = actor_with(core::Role::Enterprise, 5, own.id);

    EXPECT_TRUE(m_service->get(own.id, ent).ok());
    EXPECT_EQ(m_service->get(other.id, ent).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->update(other.id, input("Hacket"), ent).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->record_status(other.id, {"closed", "2020-01-01", ""}, ent).error().code,
              core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->add_contact(other.id, {"Eva", "", "eva@example.dk", ""}, ent).error().code,
              core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->get(other.id, m_buyer).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->list({}, m_buyer).error().code, core::ErrorCode::Forbidden);

    // The list shows only its own enterprise (AC-04), whatever the filter.
    auto list = m_service->list({}, ent);
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->total, 1);
    ASSERT_EQ(list->items.size(), 1u);
    EXPECT_EQ(list->items[0].id, own.id);

    // Own enterprise: may edit, but not CVR, kind or municipality (no mass assignment).
    EnterpriseInput change = input("Egen ApS", "", "", "Kolding");
    change.kind = "csr_company";
    change.cvr = demo_cvr(3725157);
    change.description = "Ny beskrivelse";
    auto updated = m_service->update(own.id, change, ent);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->name, "Egen ApS");
    EXPECT_EQ(updated->description, "Ny beskrivelse");
    EXPECT_EQ(updated->municipality, "Slagelse");
    EXPECT_EQ(updated->kind, Kind::SocialEnterprise);
    EXPECT_FALSE(updated->cvr.has_value());

    // Status: yes, except registered RSV.
    auto rsv = m_service->record_status(own.id, {"registered_rsv", "2020-01-01", ""}, ent);
    ASSERT_FALSE(rsv.ok());
    EXPECT_EQ(rsv.error().code, core::ErrorCode::Forbidden);
    EXPECT_TRUE(m_service->record_status(own.id, {"paused", "2020-01-01", ""}, ent).ok());

    // Caseworkers read, never write; consultants create, enterprise users do not.
    EXPECT_TRUE(m_service->get(own.id, m_caseworker).ok());
    EXPECT_EQ(m_service->update(own.id, change, m_caseworker).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->create(input("Ny"), ent).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->create(input("Ny"), m_caseworker).error().code, core::ErrorCode::Forbidden);
}

TEST_P(EnterpriseServiceTest, Contacts) {
    Enterprise e = make(input("Med kontakter"));
    Enterprise other = make(input("Anden"));
    auto bad = m_service->add_contact(e.id, {"", "", "ikke-en-mail", "12"}, m_consultant);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(fields(bad.error()),
              (std::vector<std::string>{"contact_name", "contact_email", "contact_phone"}));
    auto c = m_service->add_contact(
        e.id, {"Anne Åberg", "Daglig leder", "anne@example.dk", "+45 12 34 56 78"}, m_consultant);
    ASSERT_TRUE(c.ok());
    auto c2 = m_service->add_contact(e.id, {"Bo Berg", "", "", "58573600"}, m_consultant);
    ASSERT_TRUE(c2.ok());
    auto got = m_service->get(e.id, m_consultant);
    ASSERT_EQ(got->contacts.size(), 2u);
    EXPECT_EQ(got->contacts[0].name, "Anne Åberg");
    EXPECT_EQ(m_service->remove_contact(other.id, c->id, m_consultant).error().code,
              core::ErrorCode::NotFound);
    ASSERT_TRUE(m_service->remove_contact(e.id, c->id, m_consultant).ok());
    EXPECT_EQ(m_service->get(e.id, m_consultant)->contacts.size(), 1u);
}

TEST_P(EnterpriseServiceTest, FiltersAndPaging) {
    for (int i = 1; i <= 7; ++i) {
        EnterpriseInput in = input("Virksomhed " + std::to_string(i), i % 2 ? "established" : "on_the_way",
                                   "2018-01-01", i <= 5 ? "Slagelse" : "Kolding");
        if (i == 3) in.target_groups = {"veteraner"};
        if (i == 4) in.kind = "initiative";
        make(in);
    }
    EnterpriseInput special = input("Ærø 100%_Café");
    Enterprise s = make(special);
    status(s.id, "registered_rsv", "2019-01-01");

    auto page = [&](EnterpriseFilter f) {
        auto r = m_service->list(f, m_caseworker);
        EXPECT_TRUE(r.ok());
        return r.ok() ? *r : EnterprisePage{};
    };
    EnterpriseFilter f;
    f.page_size = 3;
    auto p1 = page(f);
    EXPECT_EQ(p1.total, 8);
    ASSERT_EQ(p1.items.size(), 3u);
    EXPECT_EQ(p1.items[0].name, "Virksomhed 1");
    f.page = 3;
    auto p3 = page(f);
    ASSERT_EQ(p3.items.size(), 2u);
    EXPECT_EQ(p3.items[1].name, "Ærø 100%_Café");  // sorted by the Danish-lowered name: æ after v

    EXPECT_EQ(page({.municipality = "Kolding"}).total, 2);
    EXPECT_EQ(page({.status = "on_the_way"}).total, 3);
    EXPECT_EQ(page({.kind = "initiative"}).total, 1);
    EXPECT_EQ(page({.target_group = "veteraner"}).total, 1);
    EXPECT_EQ(page({.rsv = "yes"}).total, 1);
    EXPECT_EQ(page({.rsv = "no"}).total, 7);
    EXPECT_EQ(page({.q = "ærø"}).total, 1);
    EXPECT_EQ(page({.q = "ÆRØ"}).total, 1);
    EXPECT_EQ(page({.q = "100%_"}).total, 1);
    EXPECT_EQ(page({.q = "%"}).total, 1);  // LIKE wildcards are literal
    EXPECT_EQ(page({.q = "_"}).total, 1);
    EXPECT_EQ(page({.q = "virksomhed"}).total, 7);
    EXPECT_EQ(page({.municipality = "Slagelse", .q = "virksomhed", .page_size = 2}).items.size(), 2u);
    auto clamp = page({.page = -4, .page_size = 1000});
    EXPECT_EQ(clamp.page, 1);
    EXPECT_EQ(clamp.page_size, 100);
    auto munis = m_service->municipalities(m_caseworker);
    EXPECT_EQ(*munis, (std::vector<std::string>{"Kolding", "Slagelse"}));
}

TEST_P(EnterpriseServiceTest, DemoDataMatchesTheSources) {
    auto loaded = load_demo(*m_service, core::Actor::system("demo"));
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(*loaded, 21 + 21);
    auto first = m_service->get(1, m_consultant);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->name, "Sumak");
    EXPECT_EQ(first->status, Status::RegisteredRsv);

    struct Case {
        const char* date;
        int year;
        const char* municipality;
        std::int64_t total, registered, established, on_the_way;
    };
    const Case cases[] = {
        {"2015-11-30", 2015, "Slagelse", 6, 4, 4, 4},   // 002 Table 1
        {"2015-11-30", 2015, "Kolding", 7, 3, 3, 13},   // 002 Table 1
        {"2018-12-31", 2018, "Slagelse", 19, 5, 4, 1},  // 003: 19 at the end of 2018, 5 registered
        {"2019-01-01", 2019, "Slagelse", 18, 4, 0, 1},  // BEVAR moved to Roskilde
    };
    for (const auto& k : cases) {
        Figures f = figures(k.date, k.year, k.municipality);
        SCOPED_TRACE(std::string(k.date) + " " + k.municipality);
        EXPECT_EQ(f.total, k.total);
        EXPECT_EQ(f.registered, k.registered);
        EXPECT_EQ(f.established_in_year, k.established);
        EXPECT_EQ(f.on_the_way, k.on_the_way);
    }
    EnterpriseFilter rsv;
    rsv.rsv = "yes";
    rsv.municipality = "Slagelse";
    EXPECT_EQ(m_service->list(rsv, m_consultant)->total, 4);  // today: BEVAR has moved
}

BB_INSTANTIATE_BACKENDS(EnterpriseServiceTest);

}  // namespace
}  // namespace enterprises
