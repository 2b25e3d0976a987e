// CitizenService on both engines: validation, duplicates, tags, access by role, audit rows.
#include "citizens/test_fixture.hpp"

namespace citizens {
namespace {

using testing::CitizensTest;

struct BadCase {
    const char* what;
    CitizenInput input;
    const char* field;
    const char* message_part;
};

TEST_P(CitizensTest, CreatesAndReadsWithTags) {
    CitizenInput in = input("SAG-2018-017", "Mette Hansen");
    in.target_group = "fleksjobbere";
    in.accommodations = "Kan ikke løfte, korte dage";
    in.competences = "Truck, lager, TRUCK";
    in.interests = "Køkken";
    in.wished_hours_min = "7,5";
    in.wished_hours_max = "15";
    in.postcode = "4200";
    in.transport = "bike";
    in.note = "Ønsker at starte stille";
    auto c = m_service->create(in, m_caseworker);
    ASSERT_TRUE(c.ok()) << c.error().message;
    auto got = m_service->get(c->id, m_caseworker);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->case_ref, "SAG-2018-017");
    EXPECT_EQ(got->name, "Mette Hansen");
    EXPECT_EQ(got->target_group.value_or(""), "fleksjobbere");
    EXPECT_EQ(got->competences, (std::vector<std::string>{"lager", "truck"}));
    EXPECT_EQ(got->accommodations.size(), 2u);
    EXPECT_EQ(got->interests, std::vector<std::string>{"køkken"});
    EXPECT_EQ(got->wished_hours_min.value_or(0), 750);
    EXPECT_EQ(got->wished_hours_max.value_or(0), 1500);
    EXPECT_EQ(got->postcode.value_or(""), "4200");
    EXPECT_EQ(got->transport, Transport::Bike);

    in.name = "Mette Jensen";
    in.competences = "";
    auto upd = m_service->update(c->id, in, m_caseworker);
    ASSERT_TRUE(upd.ok());
    EXPECT_EQ(upd->name, "Mette Jensen");
    EXPECT_TRUE(upd->competences.empty());
    // create, read, update each wrote one audit row on the citizen.
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'citizen' AND object_id = $1 AND "
                    "action IN ('create', 'read', 'update') AND purpose = 'sagsbehandling'",
                    {std::to_string(c->id)}),
              3);
}

TEST_P(CitizensTest, ValidationTableStoresNothing) {
    auto with = [this](auto change) {
        CitizenInput in = input("SAG-1", "Navn");
        change(in);
        return in;
    };
    const std::vector<BadCase> cases = {
        {"no case ref", with([](auto& i) { i.case_ref = " "; }), "case_ref", "sagsnummer"},
        {"cpr", with([](auto& i) { i.case_ref = "010190-1234"; }), "case_ref", "CPR-numre må ikke gemmes"},
        {"cpr inside", with([](auto& i) { i.case_ref = "SAG 0101901234"; }), "case_ref", "CPR"},
        {"cpr in note", with([](auto& i) { i.note = "cpr 010190-1234"; }), "note", "CPR"},
        {"long ref", with([](auto& i) { i.case_ref = std::string(41, 'x'); }), "case_ref", "40 tegn"},
        {"no name", with([](auto& i) { i.name = ""; }), "name", "navn"},
        {"unknown group", with([](auto& i) { i.target_group = "pirater"; }), "target_group", "ordlisten"},
        {"hours malformed", with([](auto& i) { i.wished_hours_min = "mange"; }), "wished_hours_min", "tal"},
        {"hours over 37", with([](auto& i) { i.wished_hours_max = "38"; }), "wished_hours_max", "0 og 37"},
        {"min over max", with([](auto& i) {
             i.wished_hours_min = "20";
             i.wished_hours_max = "10";
         }),
         "wished_hours_max", "mindre end"},
        {"postcode", with([](auto& i) { i.postcode = "42"; }), "postcode", "fire cifre"},
        {"transport", with([](auto& i) { i.transport = "boat"; }), "transport", "listen"},
        {"long tag", with([](auto& i) { i.interests = std::string(61, 'a'); }), "interests", "60 tegn"},
        {"hold without reason", with([](auto& i) { i.legal_hold = true; }), "legal_hold_reason", "retligt"},
    };
    for (const auto& c : cases) {
        auto r = m_service->create(c.input, m_caseworker);
        ASSERT_FALSE(r.ok()) << c.what;
        EXPECT_EQ(r.error().code, core::ErrorCode::Validation) << c.what;
        bool found = false;
        for (const auto& f : r.error().fields)
            if (f.field == c.field && f.message.find(c.message_part) != std::string::npos) found = true;
        EXPECT_TRUE(found) << c.what << ": " << (r.error().fields.empty() ? "" : r.error().fields[0].message);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizen_tags"), 0);
}

TEST_P(CitizensTest, DuplicateCaseRefHasItsOwnMessage) {
    make("SAG-9");
    auto dup = m_service->create(input("SAG-9", "Anden"), m_caseworker);
    ASSERT_FALSE(dup.ok());
    ASSERT_FALSE(dup.error().fields.empty());
    EXPECT_EQ(dup.error().fields[0].field, "case_ref");
    EXPECT_EQ(dup.error().fields[0].message, "Der findes allerede en borger med dette sagsnummer.");
    const std::int64_t other = make("SAG-10");
    auto clash = m_service->update(other, input("SAG-9", "Anden"), m_caseworker);
    ASSERT_FALSE(clash.ok());
    EXPECT_EQ(clash.error().fields.at(0).message, "Der findes allerede en borger med dette sagsnummer.");
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 2);
}

TEST_P(CitizensTest, SearchIsAuditedWithCriteria) {
    CitizenInput a = input("SAG-A", "Ali Øster");
    a.target_group = "fleksjobbere";
    ASSERT_TRUE(m_service->create(a, m_caseworker).ok());
    make("SAG-B", "Bente Vest");
    auto by_name = m_service->list({"øster", ""}, m_caseworker);
    ASSERT_TRUE(by_name.ok());
    ASSERT_EQ(by_name->size(), 1u);
    EXPECT_EQ(by_name->front().case_ref, "SAG-A");
    auto by_ref = m_service->list({"sag-b", ""}, m_caseworker);
    ASSERT_EQ(by_ref->size(), 1u);
    auto by_group = m_service->list({"", "fleksjobbere"}, m_caseworker);
    ASSERT_EQ(by_group->size(), 1u);
    EXPECT_EQ(m_service->list({"%", ""}, m_caseworker)->size(), 0u);
    auto all = m_service->list({}, m_caseworker);
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'search' AND object_type = 'citizen' AND "
                    "criteria = $1",
                    {std::string("søgning=øster")}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'search' AND criteria = $1",
                    {std::string("målgruppe=fleksjobbere")}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'search' AND criteria = ''"), 1);
}

TEST_P(CitizensTest, OnlyCaseworkersAndAdminsReachCitizens) {
    const std::int64_t id = make("SAG-1");
    for (core::Role role : {core::Role::Enterprise, core::Role::Consultant, core::Role::Buyer}) {
        const core::Actor a = actor(role, 20);
        EXPECT_EQ(m_service->get(id, a).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->list({}, a).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->create(input("SAG-X", "X"), a).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->update(id, input("SAG-X", "X"), a).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->export_subject(id, a).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->access_log(id, a).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->run_retention(a).error().code, core::ErrorCode::Forbidden);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'citizen' AND outcome = 'denied'"),
              18);
    EXPECT_TRUE(m_service->get(id, m_admin).ok());
    EXPECT_EQ(m_service->get(id + 100, m_caseworker).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->run_retention(m_caseworker).error().code, core::ErrorCode::Forbidden);
}

TEST_P(CitizensTest, AccessLogShowsRolesNotStaff) {
    const std::int64_t id = make("SAG-1");
    ASSERT_TRUE(m_service->get(id, m_admin).ok());
    auto log = m_service->access_log(id, m_caseworker);
    ASSERT_TRUE(log.ok());
    ASSERT_GE(log->size(), 3u);
    EXPECT_EQ((*log)[0].action, "create");
    EXPECT_EQ((*log)[0].role, "caseworker");
    EXPECT_EQ((*log)[1].role, "admin");
    for (const auto& e : *log) EXPECT_FALSE(e.username.has_value());
}

BB_INSTANTIATE_BACKENDS(CitizensTest);

}  // namespace
}  // namespace citizens
