// OpeningsService against every storage backend (SQLite always, PostgreSQL when configured).
#include "openings/openings_service.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "openings/demo.hpp"
#include "support/test_db.hpp"

namespace openings {
namespace {

core::Actor actor_with(core::Role role, std::int64_t user_id,
                       std::optional<std::int64_t> enterprise_id = std::nullopt) {
    core::Actor a;
    a.user_id = user_id;
    a.username = std::string(core::role_code(role)) + std::to_string(user_id);
    a.role = role;
    a.enterprise_id = enterprise_id;
    return a;
}

class OpeningsServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_citizens = std::make_unique<citizens::CitizenService>(database(), m_clock, m_audit, *m_enterprises);
        m_placements = std::make_unique<placements::PlacementsService>(database(), m_clock, m_audit);
        m_service =
            std::make_unique<OpeningsService>(database(), m_clock, m_audit, *m_citizens, *m_placements);
        m_sumak = enterprise("Sumak");
        m_other = enterprise("Grøn Fokus");
        m_sumak_user = actor_with(core::Role::Enterprise, 11, m_sumak);
        m_other_user = actor_with(core::Role::Enterprise, 12, m_other);
        m_maja = citizen("S-1", "Maja Madsen", "lager, rengøring", "10", "20", "4200", "bike");
        m_omar = citizen("S-2", "Omar Said", "havearbejde", "15", "25", "4220", "car");
    }
    void TearDown() override {
        m_service.reset();
        m_placements.reset();
        m_citizens.reset();
        m_enterprises.reset();
        BackendTest::TearDown();
    }

    std::int64_t enterprise(std::string name) {
        enterprises::EnterpriseInput in;
        in.name = std::move(name);
        in.kind = "social_enterprise";
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2018-01-01";
        auto r = m_enterprises->create(in, m_admin);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }
    std::int64_t citizen(std::string ref, std::string name, std::string competences, std::string hmin,
                         std::string hmax, std::string postcode, std::string transport) {
        citizens::CitizenInput in;
        in.case_ref = std::move(ref);
        in.name = std::move(name);
        in.competences = std::move(competences);
        in.wished_hours_min = std::move(hmin);
        in.wished_hours_max = std::move(hmax);
        in.postcode = std::move(postcode);
        in.transport = std::move(transport);
        auto r = m_citizens->create(in, m_caseworker);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }
    JobOpeningInput job(std::string title, std::string tasks, std::string capacity = "1",
                        std::string postcode = "4200") {
        JobOpeningInput in;
        in.enterprise_id = std::to_string(m_sumak);
        in.title = std::move(title);
        in.capacity = std::move(capacity);
        in.attributes.tasks = std::move(tasks);
        in.attributes.hours_min = "10";
        in.attributes.hours_max = "20";
        in.attributes.postcode = std::move(postcode);
        return in;
    }
    std::int64_t posted(JobOpeningInput in) {
        auto r = m_service->create_job_opening(in, m_caseworker);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }
    std::int64_t agreement(int slots) {
        placements::AgreementInput in;
        in.enterprise_id = std::to_string(m_sumak);
        in.title = "Praktik i Sumak";
        in.start_date = "2026-01-01";
        in.end_date = "2026-12-31";
        in.slots = std::to_string(slots);
        in.frame_weeks = "13";
        in.extension_weeks = "4";
        in.plan_deadline_days = "14";
        in.price = "0";
        in.price_unit = "per_placement";
        auto r = m_placements->create_agreement(in, m_caseworker);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }
    std::int64_t type_id() {
        auto r = database().read([&](db::Connection& c) {
            return c.query("SELECT id FROM intervention_types WHERE code = 'virksomhedspraktik'");
        });
        return r.ok() && !r->empty() ? r->first().int64(0) : 0;
    }
    std::int64_t count(const std::string& sql, const std::vector<db::Value>& params = {}) {
        auto r = database().read([&](db::Connection& c) { return c.query(sql, params); });
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->first().int64(0) : -1;
    }
    const Opening* find(const std::vector<Opening>& list, Source s, std::int64_t id) {
        for (const auto& o : list)
            if (o.source == s && o.id == id) return &o;
        return nullptr;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2026-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<citizens::CitizenService> m_citizens;
    std::unique_ptr<placements::PlacementsService> m_placements;
    std::unique_ptr<OpeningsService> m_service;
    core::Actor m_admin = actor_with(core::Role::Admin, 1);
    core::Actor m_caseworker = actor_with(core::Role::Caseworker, 2);
    core::Actor m_consultant = actor_with(core::Role::Consultant, 3);
    core::Actor m_buyer = actor_with(core::Role::Buyer, 4);
    core::Actor m_sumak_user, m_other_user;
    std::int64_t m_sumak = 0, m_other = 0, m_maja = 0, m_omar = 0;
};

TEST_P(OpeningsServiceTest, OpeningsOverThreeSourcesWithCapacityLeft) {
    const std::int64_t a = agreement(2);
    placements::NeedInput need;
    need.enterprise_id = std::to_string(m_sumak);
    need.title = "Pedel";
    need.tasks = "pedelarbejde, havearbejde";
    need.expected_on = "2026-05-01";
    need.positions = "2";
    auto n = m_placements->create_need(need, m_caseworker);
    ASSERT_TRUE(n.ok()) << n.error().message;
    const std::int64_t p = posted(job("Lager", "lager", "3"));
    auto list = m_service->list_openings(m_caseworker);
    ASSERT_TRUE(list.ok());
    ASSERT_NE(find(*list, Source::Agreement, a), nullptr);
    EXPECT_EQ(find(*list, Source::Agreement, a)->capacity_left, 2);
    const Opening* need_opening = find(*list, Source::Need, n->id);
    ASSERT_NE(need_opening, nullptr);
    EXPECT_EQ(need_opening->attributes.tasks, (std::vector<std::string>{"pedelarbejde", "havearbejde"}));
    EXPECT_EQ(need_opening->capacity_left, 2);
    EXPECT_EQ(find(*list, Source::Posted, p)->capacity_left, 3);

    // Accepting a posted job opening lowers its capacity left; accepting an agreement slot refers.
    ASSERT_TRUE(m_service->accept_suggestion(m_maja, Source::Posted, p, {}, m_caseworker).ok());
    AcceptInput in{std::to_string(type_id())};
    auto accepted = m_service->accept_suggestion(m_maja, Source::Agreement, a, in, m_caseworker);
    ASSERT_TRUE(accepted.ok()) << accepted.error().message
                               << (accepted.ok() || accepted.error().fields.empty()
                                       ? ""
                                       : accepted.error().fields.front().field + ": " +
                                             accepted.error().fields.front().message);
    ASSERT_TRUE(accepted->placement_id.has_value());
    list = m_service->list_openings(m_caseworker);
    EXPECT_EQ(find(*list, Source::Posted, p)->capacity_left, 2);
    EXPECT_EQ(find(*list, Source::Agreement, a)->capacity_left, 1);
    auto placement = m_placements->get_placement(*accepted->placement_id, m_caseworker);
    ASSERT_TRUE(placement.ok());
    EXPECT_EQ(placement->citizen_id, m_maja);
    EXPECT_EQ(placement->agreement_id, a);
    EXPECT_EQ(placement->status, placements::Status::Referred);
}

TEST_P(OpeningsServiceTest, AgreementAcceptNeedsAnInterventionType) {
    const std::int64_t a = agreement(1);
    auto r = m_service->accept_suggestion(m_maja, Source::Agreement, a, {}, m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().fields.front().field, "intervention_type_id");
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM match_proposals"), 0);
}

TEST_P(OpeningsServiceTest, FullOpeningCannotBeAccepted) {
    const std::int64_t p = posted(job("Lager", "lager", "1"));
    ASSERT_TRUE(m_service->accept_suggestion(m_maja, Source::Posted, p, {}, m_caseworker).ok());
    auto again = m_service->accept_suggestion(m_omar, Source::Posted, p, {}, m_caseworker);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, core::ErrorCode::Conflict);
}

TEST_P(OpeningsServiceTest, SuggestionsAreRankedExplainedAndAudited) {
    const std::int64_t good = posted(job("Lagermedhjælper", "lager, rengøring"));
    const std::int64_t far = posted(job("Butik i Næstved", "butik", "1", "4700"));
    auto s = m_service->suggestions(m_maja, m_caseworker);
    ASSERT_TRUE(s.ok()) << s.error().message;
    ASSERT_EQ(s->ranked.size(), 1u);
    EXPECT_EQ(s->ranked[0].opening.id, good);
    EXPECT_NE(s->ranked[0].explanation.find("Har kompetencer i 2 af 2 opgaver"), std::string::npos);
    ASSERT_EQ(s->left_out.size(), 1u);
    EXPECT_EQ(s->left_out[0].opening.id, far);
    EXPECT_NE(s->left_out[0].reasons[0].reason.find("for langt med cykel"), std::string::npos);
    EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'citizen' AND object_id = $1 AND "
                    "action = 'read'",
                    {std::to_string(m_maja)}),
              2);
}

TEST_P(OpeningsServiceTest, OnlyCaseworkersSeeSuggestionsAndDenialsAreAudited) {
    posted(job("Lager", "lager"));
    for (const auto& who : {m_consultant, m_buyer, m_sumak_user}) {
        auto s = m_service->suggestions(m_maja, who);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().code, core::ErrorCode::Forbidden);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND object_id = $1",
                    {std::to_string(m_maja)}),
              3);
    EXPECT_FALSE(m_service->cohort({}, m_consultant).ok());
    EXPECT_FALSE(m_service->list_proposals(m_buyer).ok());
    EXPECT_FALSE(m_service->candidates(Source::Posted, 1, m_consultant).ok());
}

TEST_P(OpeningsServiceTest, EnterpriseUsersPostOnlyTheirOwnOpenings) {
    JobOpeningInput in = job("Kantine", "køkken");
    in.enterprise_id = std::to_string(m_other);  // ignored: always the user's own enterprise
    auto r = m_service->create_job_opening(in, m_sumak_user);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->enterprise_id, m_sumak);
    auto edit = m_service->update_job_opening(r->id, in, m_other_user);
    ASSERT_FALSE(edit.ok());
    EXPECT_EQ(edit.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND object_type = 'opening'"),
              1);
    auto own = m_service->list_openings(m_other_user);
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(find(*own, Source::Posted, r->id), nullptr);
    EXPECT_FALSE(m_service->create_job_opening(in, m_buyer).ok());
    EXPECT_FALSE(m_service->list_openings(m_buyer).ok());
}

TEST_P(OpeningsServiceTest, BadJobOpeningIsNotStored) {
    JobOpeningInput in = job("", "lager", "0");
    in.attributes.hours_min = "50";
    auto r = m_service->create_job_opening(in, m_caseworker);
    ASSERT_FALSE(r.ok());
    std::set<std::string> fields;
    for (const auto& f : r.error().fields) fields.insert(f.field);
    EXPECT_TRUE(fields.count("title"));
    EXPECT_TRUE(fields.count("capacity"));
    EXPECT_TRUE(fields.count("hours_min"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM job_openings"), 0);
}

TEST_P(OpeningsServiceTest, AttributesOfAnAgreementChangeTheSuggestion) {
    const std::int64_t a = agreement(1);
    AttributesInput attrs;
    attrs.tasks = "havearbejde";
    attrs.postcode = "4220";
    attrs.hours_min = "15";
    attrs.hours_max = "20";
    auto set = m_service->set_attributes(Source::Agreement, a, attrs, m_caseworker);
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_TRUE(set->has_attributes);
    EXPECT_FALSE(m_service->set_attributes(Source::Agreement, a, attrs, m_sumak_user).ok());
    attrs.postcode = "abcd";
    auto bad = m_service->set_attributes(Source::Agreement, a, attrs, m_caseworker);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().fields.front().field, "postcode");
    auto c = m_service->candidates(Source::Agreement, a, m_caseworker);
    ASSERT_TRUE(c.ok()) << c.error().message;
    ASSERT_FALSE(c->ranked.empty());
    EXPECT_EQ(c->ranked.front().citizen.id, m_omar);
    EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE object_id = $1 AND criteria LIKE 'kandidat til%'",
                    {std::to_string(m_omar)}),
              1);
}

TEST_P(OpeningsServiceTest, WeightsAreDataForAdmins) {
    auto w = m_service->weights(m_admin);
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(w->competences, 35);
    WeightsInput in = weights_input(*w);
    in.competences = "50";
    in.max_km_bike = "20";
    ASSERT_TRUE(m_service->set_weights(in, m_admin).ok());
    auto again = m_service->weights(m_admin);
    EXPECT_EQ(again->competences, 50);
    EXPECT_EQ(again->max_km_bike, 20);
    in.distance = "x";
    auto bad = m_service->set_weights(in, m_admin);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().fields.front().field, "distance");
    EXPECT_EQ(m_service->weights(m_admin)->competences, 50);
    EXPECT_EQ(m_service->set_weights(in, m_caseworker).error().code, core::ErrorCode::Forbidden);
}

TEST_P(OpeningsServiceTest, CohortIsOptimalStoredAndDecided) {
    const std::int64_t lager = posted(job("Lager", "lager, rengøring", "1"));
    JobOpeningInput garden = job("Have", "havearbejde", "1", "4220");
    garden.attributes.hours_min = "15";
    garden.attributes.hours_max = "25";
    const std::int64_t have = posted(garden);
    auto r = m_service->cohort({}, m_caseworker);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->citizens, 2);
    ASSERT_EQ(r->placed.size(), 2u);
    std::int64_t total = 0;
    for (const auto& p : r->placed) {
        total += p.suggestion.score;
        EXPECT_EQ(p.opening.id, p.citizen.id == m_maja ? lager : have);
    }
    EXPECT_EQ(r->total_fit, total);
    EXPECT_EQ(count("SELECT COUNT(*) FROM match_proposals WHERE run_id = $1", {r->run_id}), 2);

    auto declined = m_service->decline_proposal(r->placed[0].proposal_id, "Borgeren er syg", m_caseworker);
    ASSERT_TRUE(declined.ok());
    EXPECT_EQ(declined->decision, "declined");
    EXPECT_EQ(declined->decline_reason, "Borgeren er syg");
    auto accepted = m_service->accept_proposal(r->placed[1].proposal_id, {}, m_caseworker);
    ASSERT_TRUE(accepted.ok()) << accepted.error().message;
    EXPECT_EQ(accepted->decision, "accepted");
    EXPECT_EQ(m_service->accept_proposal(r->placed[1].proposal_id, {}, m_caseworker).error().code,
              core::ErrorCode::Conflict);
    auto list = m_service->list_proposals(m_caseworker);
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->size(), 2u);
}

TEST_P(OpeningsServiceTest, CohortWithoutFeasiblePairsLeavesEveryoneUnplaced) {
    posted(job("Butik i København", "butik", "1", "1050"));  // too far by bike and by car
    auto r = m_service->cohort({}, m_caseworker);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->feasible_pairs, 0);
    EXPECT_EQ(r->total_fit, 0);
    EXPECT_EQ(r->unplaced.size(), 2u);
    EXPECT_NE(r->unplaced[0].reason.find("Ingen af stillingerne passer"), std::string::npos);
}

TEST_P(OpeningsServiceTest, DemoDataGivesTheDemoCitizenSuggestions) {
    enterprise("VeteranHaven");
    auto n = load_demo(*m_service, *m_citizens, *m_placements);
    ASSERT_TRUE(n.ok()) << n.error().message;
    EXPECT_GT(*n, 0);
    auto people = m_citizens->list({k_demo_citizen_ref, ""}, m_caseworker);
    ASSERT_TRUE(people.ok());
    ASSERT_EQ(people->size(), 1u);
    auto s = m_service->suggestions(people->front().id, m_caseworker);
    ASSERT_TRUE(s.ok());
    ASSERT_GE(s->ranked.size(), 2u);
    EXPECT_EQ(*load_demo(*m_service, *m_citizens, *m_placements), 0);  // idempotent
}

BB_INSTANTIATE_BACKENDS(OpeningsServiceTest);

}  // namespace
}  // namespace openings
