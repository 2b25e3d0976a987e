// Storage tests of the employment store on both engines: what a caller stores is what it reads
// back, the bulk paths store every row in one transaction, and the case history, retention and
// anonymisation reach every employment table.
#include "employment/store/store.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "enterprises/enterprise_service.hpp"
#include "support/test_db.hpp"

namespace store = employment::store;
using core::Date;

namespace {

const std::string k_now = "2025-03-01T10:00:00Z";

class EmploymentStoreTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        enterprises::EnterpriseService registry(database(), m_clock, m_audit);
        enterprises::EnterpriseInput in;
        in.name = "Sumak";
        in.kind = "social_enterprise";
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2018-01-01";
        in.employees = "20";
        auto r = registry.create(in, core::Actor::system("test"));
        ASSERT_TRUE(r.ok()) << r.error().message;
        m_enterprise = r->id;
    }

    /// Runs `f(conn)` in one write transaction and expects it to succeed.
    template <class F>
    auto write(F&& f) {
        auto r = database().write(std::forward<F>(f));
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r;
    }

    std::int64_t citizen(const std::string& ref, const std::string& name = "Amina Hansen") {
        store::CitizenFields f;
        f.case_ref = ref;
        f.name = name;
        auto r = write([&](db::Connection& c) { return store::insert_citizen(c, f, k_now); });
        return r.ok() ? *r : 0;
    }

    std::int64_t type_id(const std::string& code) {
        auto r = database().read([&](db::Connection& c) { return store::intervention_type_id(c, code); });
        EXPECT_TRUE(r.ok() && r->has_value());
        return r.ok() && *r ? **r : 0;
    }

    std::int64_t agreement(int slots = 2) {
        store::AgreementFields a;
        a.enterprise_id = m_enterprise;
        a.title = "Forløb i café";
        a.start_date = Date{2018, 1, 1};
        a.slots = slots;
        a.frame_weeks = 13;
        a.extension_weeks = 4;
        a.plan_deadline_days = 14;
        a.price_ore = 750000;
        auto r = write([&](db::Connection& c) { return store::insert_agreement(c, a, k_now); });
        return r.ok() ? *r : 0;
    }

    store::NewPlacement placement(std::int64_t citizen_id, std::optional<std::int64_t> agreement_id,
                                  const std::string& status = "referred") {
        store::NewPlacement p;
        p.citizen_id = citizen_id;
        p.enterprise_id = m_enterprise;
        p.agreement_id = agreement_id;
        p.intervention_type_id = type_id("virksomhedspraktik");
        p.status = status;
        p.referred_on = Date{2018, 2, 1};
        return p;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp(k_now)};
    audit::AuditLog m_audit{m_clock};
    std::int64_t m_enterprise = 0;
};

TEST_P(EmploymentStoreTest, CitizenIsStoredFoundBySearchAndUniqueByCaseReference) {
    store::CitizenFields f;
    f.case_ref = "SAG-1";
    f.name = "Ærlig Østergård";
    f.target_group = "veteraner";
    f.wished_hours_min = 1000;
    f.postcode = "4200";
    f.transport = "bike";
    f.legal_hold = true;
    f.legal_hold_reason = "Klagesag";
    auto id = write([&](db::Connection& c) { return store::insert_citizen(c, f, k_now); });
    ASSERT_TRUE(id.ok());

    auto found = database().read([&](db::Connection& c) { return store::citizen_by_case_ref(c, "SAG-1"); });
    ASSERT_TRUE(found.ok() && found->has_value());
    const store::CitizenRecord& r = **found;
    EXPECT_EQ(r.id, *id);
    EXPECT_EQ(r.name, "Ærlig Østergård");
    EXPECT_EQ(r.target_group, std::optional<std::string>("veteraner"));
    EXPECT_EQ(r.wished_hours_min, std::optional<std::int64_t>(1000));
    EXPECT_FALSE(r.wished_hours_max);
    EXPECT_EQ(r.transport, std::optional<std::string>("bike"));
    EXPECT_TRUE(r.legal_hold);
    EXPECT_EQ(r.created_at, k_now);

    // The lower-cased name key is the store's: a search in lower case finds the name.
    auto hits = database().read([&](db::Connection& c) { return store::list_citizens(c, "østergå", ""); });
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->size(), 1u);
    auto none = database().read([&](db::Connection& c) { return store::list_citizens(c, "%", ""); });
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty());  // % is taken literally

    auto dup = database().write([&](db::Connection& c) { return store::insert_citizen(c, f, k_now); });
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().code, core::ErrorCode::Conflict);
}

TEST_P(EmploymentStoreTest, CitizenNamesOfManyIdsInOneRead) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 3; ++i) {
        store::CitizenFields f;
        f.case_ref = "NAV-" + std::to_string(i);
        f.name = "Borger " + std::to_string(i);
        auto id = write([&](db::Connection& c) { return store::insert_citizen(c, f, k_now); });
        ASSERT_TRUE(id.ok());
        ids.push_back(*id);
    }
    // Unknown ids are left out and a repeated id is named once.
    const std::vector<std::int64_t> asked{ids[2], 999'999, ids[0], ids[2]};
    auto names = database().read([&](db::Connection& c) { return store::citizen_names(c, asked); });
    ASSERT_TRUE(names.ok());
    EXPECT_EQ(names->size(), 2u);
    EXPECT_EQ(names->at(ids[0]), "Borger 0");
    EXPECT_EQ(names->at(ids[2]), "Borger 2");
    auto none = database().read([&](db::Connection& c) { return store::citizen_names(c, {}); });
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty());
}

TEST_P(EmploymentStoreTest, TagsAreReplacedAndReadByKind) {
    const std::int64_t id = citizen("SAG-2");
    (void)write([&](db::Connection& c) {
        return store::replace_citizen_tags(c, id, {{"accommodation", "ingen løft"}, {"interest", "køkken"}});
    });
    (void)write([&](db::Connection& c) {
        return store::replace_citizen_tags(
            c, id, {{"accommodation", "korte dage"}, {"accommodation", "ingen løft"}});
    });
    auto tags = database().read(
        [&](db::Connection& c) { return store::citizen_tags_of_kind(c, id, "accommodation"); });
    ASSERT_TRUE(tags.ok());
    EXPECT_EQ(*tags, (std::vector<std::string>{"ingen løft", "korte dage"}));
    auto interests =
        database().read([&](db::Connection& c) { return store::citizen_tags_of_kind(c, id, "interest"); });
    ASSERT_TRUE(interests.ok());
    EXPECT_TRUE(interests->empty());
}

TEST_P(EmploymentStoreTest, AgreementCountsSlotsInUseAndWaiting) {
    const std::int64_t a = agreement(1);
    const auto referred = placement(citizen("A-1"), a);
    const auto waiting = placement(citizen("A-2"), a, "waiting");
    const auto cancelled = placement(citizen("A-3"), a, "cancelled");
    (void)write([&](db::Connection& c) -> core::Result<void> {
        BB_TRY(store::replace_agreement_target_groups(c, a, {"veteraner", "veteraner", "fleksjobbere"}));
        for (const auto* p : {&referred, &waiting, &cancelled}) BB_TRY(store::insert_placement(c, *p, k_now));
        return {};
    });
    auto r = database().read([&](db::Connection& c) { return store::agreement_by_id(c, a); });
    ASSERT_TRUE(r.ok() && r->has_value());
    EXPECT_EQ((*r)->enterprise_name, "Sumak");
    EXPECT_FALSE((*r)->end_date);
    EXPECT_EQ((*r)->price_ore, 750000);
    EXPECT_EQ((*r)->in_use, 1);
    EXPECT_EQ((*r)->waiting, 1);
    auto groups = database().read([&](db::Connection& c) { return store::agreement_target_groups(c, a); });
    ASSERT_TRUE(groups.ok());
    EXPECT_EQ(*groups, (std::vector<std::string>{"fleksjobbere", "veteraner"}));
    auto running = database().read([&](db::Connection& c) {
        return store::agreements_running(c, Date{2017, 1, 1}, Date{2017, 12, 31});
    });
    ASSERT_TRUE(running.ok());
    EXPECT_TRUE(running->empty());  // starts 2018
}

TEST_P(EmploymentStoreTest, EveryPlacementColumnIsReadBack) {
    const std::int64_t a = agreement();
    const std::int64_t c1 = citizen("P-1", "Jens Jensen");
    auto outcome = database().read([&](db::Connection& c) { return store::outcome_id(c, "ordinary_job"); });
    ASSERT_TRUE(outcome.ok() && outcome->has_value());
    store::NewPlacement p = placement(c1, a, "ended");
    p.start_date = Date{2018, 2, 5};
    p.planned_end = Date{2018, 5, 7};
    p.end_date = Date{2018, 4, 30};
    p.outcome_id = **outcome;
    p.outcome_note = "Deltid";
    p.plan_made_on = Date{2018, 2, 12};
    p.plan_owned = false;
    p.weekly_hours = 1500;
    p.caseworker_user_id = 3;
    auto id = write([&](db::Connection& c) { return store::insert_placement(c, p, k_now); });
    ASSERT_TRUE(id.ok());
    auto r = database().read([&](db::Connection& c) { return store::placement_by_id(c, *id); });
    ASSERT_TRUE(r.ok() && r->has_value());
    const store::PlacementRecord& got = **r;
    EXPECT_EQ(got.citizen_name, "Jens Jensen");
    EXPECT_EQ(got.case_ref, "P-1");
    EXPECT_EQ(got.agreement_id, std::optional<std::int64_t>(a));
    EXPECT_EQ(got.status, "ended");
    EXPECT_EQ(got.start_date, std::optional<Date>(Date{2018, 2, 5}));
    EXPECT_EQ(got.end_date, std::optional<Date>(Date{2018, 4, 30}));
    EXPECT_EQ(got.outcome_label, "Ordinært job");
    EXPECT_EQ(got.outcome_note, "Deltid");
    EXPECT_EQ(got.plan_owned, std::optional<bool>(false));
    EXPECT_EQ(got.weekly_hours, std::optional<std::int64_t>(1500));
    EXPECT_EQ(got.plan_deadline_days, std::optional<int>(14));
    EXPECT_EQ(got.extension_weeks_allowed, std::optional<int>(4));
    EXPECT_EQ(got.extension_weeks_used, 0);

    auto started = database().read([&](db::Connection& c) {
        return store::count_started(c, Date{2018, 1, 1}, Date{2019, 1, 1});
    });
    ASSERT_TRUE(started.ok());
    EXPECT_EQ(*started, 1);
    auto evaluated = database().read([&](db::Connection& c) {
        return store::agreement_placements(c, a, Date{2018, 12, 31});
    });
    ASSERT_TRUE(evaluated.ok());
    ASSERT_EQ(evaluated->size(), 1u);
    EXPECT_EQ(evaluated->front().outcome_group, "job_education");
}

TEST_P(EmploymentStoreTest, TimelineRowsAreReadBackInDateOrder) {
    const std::int64_t a = agreement();
    auto p = placement(citizen("T-1"), a, "active");
    p.start_date = Date{2018, 2, 5};
    p.planned_end = Date{2018, 5, 7};
    auto id = write([&](db::Connection& c) { return store::insert_placement(c, p, k_now); });
    ASSERT_TRUE(id.ok());
    (void)write([&](db::Connection& c) -> core::Result<void> {
        BB_TRY(store::insert_placement_followup(c, {*id, Date{2018, 4, 1}, "dialogue", "", std::nullopt},
                                                k_now));
        BB_TRY(store::insert_placement_followup(c, {*id, Date{2018, 3, 1}, "meeting", "Godt", 3}, k_now));
        BB_TRY(store::insert_attendance(c,
                                        {*id, Date{2018, 2, 5}, Date{2018, 3, 31}, 30, 25, std::nullopt, "",
                                         Date{2018, 4, 5}, std::nullopt},
                                        k_now));
        BB_TRY(store::insert_extension(c, {*id, Date{2018, 4, 20}, 2, Date{2018, 5, 21}, "", 3}, k_now));
        BB_TRY(store::set_planned_end(c, *id, Date{2018, 5, 21}, k_now));
        BB_TRY(store::insert_placement_note(
            c, {*id, Date{2018, 3, 15}, "Går godt", std::nullopt, "enterprise"}, k_now));
        return {};
    });
    auto followups = database().read([&](db::Connection& c) { return store::placement_followups(c, *id); });
    ASSERT_TRUE(followups.ok());
    ASSERT_EQ(followups->size(), 2u);
    EXPECT_EQ(followups->front().kind, "meeting");
    auto r = database().read([&](db::Connection& c) { return store::placement_by_id(c, *id); });
    ASSERT_TRUE(r.ok() && r->has_value());
    EXPECT_EQ((*r)->extension_weeks_used, 2);
    EXPECT_EQ((*r)->planned_end, std::optional<Date>(Date{2018, 5, 21}));
    auto in_period = database().read([&](db::Connection& c) {
        return store::agreement_followups(c, a, Date{2018, 3, 15}, Date{2018, 12, 31});
    });
    ASSERT_TRUE(in_period.ok());
    ASSERT_EQ(in_period->size(), 1u);
    EXPECT_EQ(in_period->front().second, (Date{2018, 4, 1}));
    auto notes = database().read([&](db::Connection& c) {
        return store::agreement_progress_notes(c, a, Date{2018, 1, 1}, Date{2018, 12, 31});
    });
    ASSERT_TRUE(notes.ok());
    EXPECT_EQ(*notes, 1);
}

TEST_P(EmploymentStoreTest, BulkPlacementsAreStoredInOneTransactionOrNotAtAll) {
    const std::int64_t a = agreement(1000);
    std::vector<store::NewPlacement> rows;
    for (int i = 0; i < 50; ++i) rows.push_back(placement(citizen("B-" + std::to_string(i)), a));
    (void)write([&](db::Connection& c) { return store::insert_placements(c, rows, k_now); });
    auto keys = database().read([&](db::Connection& c) { return store::placement_keys(c); });
    ASSERT_TRUE(keys.ok());
    EXPECT_EQ(keys->size(), 50u);
    auto holders = database().read([&](db::Connection& c) { return store::slot_holders(c); });
    ASSERT_TRUE(holders.ok());
    EXPECT_EQ(holders->size(), 50u);

    // A failing row (an unknown citizen) leaves nothing of the batch behind.
    std::vector<store::NewPlacement> bad = {placement(rows[0].citizen_id, a), placement(999999, a)};
    auto failed =
        database().write([&](db::Connection& c) { return store::insert_placements(c, bad, k_now); });
    EXPECT_FALSE(failed.ok());
    auto after = database().read([&](db::Connection& c) { return store::placement_keys(c); });
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->size(), 50u);
}

TEST_P(EmploymentStoreTest, BulkJobsKeepTheirHoursHistory) {
    const std::int64_t c1 = citizen("J-1", "Victor Vang");
    store::NewJobWithHours job;
    job.job = {c1,           m_enterprise, "fleksjob",   "municipality", Date{2016, 9, 8},
               std::nullopt, false,        std::nullopt, std::nullopt,   "Progression"};
    job.hours = {
        {Date{2016, 9, 8}, 450, 80, ""}, {Date{2019, 1, 15}, 1500, 100, ""}, {Date{2017, 3, 1}, 600, 85, ""}};
    (void)write([&](db::Connection& c) { return store::insert_jobs(c, {job}, k_now); });
    auto list = database().read([&](db::Connection& c) { return store::list_jobs(c, store::JobQuery{}); });
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    const store::JobRecord& j = list->front();
    EXPECT_EQ(j.citizen_name, "Victor Vang");
    EXPECT_TRUE(j.kind_is_fleksjob);
    ASSERT_TRUE(j.current);
    EXPECT_EQ(j.current->weekly_hours, 1500);  // the latest row
    auto hours = database().read([&](db::Connection& c) { return store::job_hours(c, j.id); });
    ASSERT_TRUE(hours.ok());
    ASSERT_EQ(hours->size(), 3u);
    EXPECT_EQ(hours->at(1).effective_from, (Date{2017, 3, 1}));
    auto twice = database().write([&](db::Connection& c) {
        return store::insert_job_hours(c, j.id, {Date{2017, 3, 1}, 700, 90, ""}, k_now);
    });
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, core::ErrorCode::Conflict);
    auto counts = database().read([&](db::Connection& c) {
        return store::hire_counts_labelled(c, Date{2016, 1, 1}, Date{2016, 12, 31});
    });
    ASSERT_TRUE(counts.ok());
    ASSERT_EQ(counts->size(), 1u);
    EXPECT_EQ(counts->front().kind_label, "Fleksjob");
    EXPECT_EQ(counts->front().hires, 1);
}

/// A citizen with a row in every employment table that holds free text about them.
std::int64_t full_case(db::Database& db, std::int64_t enterprise, std::int64_t type) {
    auto r = db.write([&](db::Connection& c) -> core::Result<std::int64_t> {
        store::CitizenFields f;
        f.case_ref = "H-1";
        f.name = "Hanne Holm";
        f.note = "Ringer om morgenen";
        f.postcode = "4200";
        BB_ASSIGN(std::int64_t id, store::insert_citizen(c, f, k_now));
        BB_TRY(store::replace_citizen_tags(c, id, {{"accommodation", "ingen løft"}}));
        store::NewPlacement p;
        p.citizen_id = id;
        p.enterprise_id = enterprise;
        p.intervention_type_id = type;
        p.status = "ended";
        p.referred_on = Date{2019, 1, 1};
        p.start_date = Date{2019, 1, 7};
        p.end_date = Date{2019, 3, 1};
        BB_ASSIGN(auto outcome, store::outcome_id(c, "stopped_challenges"));
        p.outcome_id = outcome;
        p.outcome_note = "Stoppede pga. helbred";
        BB_ASSIGN(std::int64_t pid, store::insert_placement(c, p, k_now));
        BB_TRY(store::insert_placement_followup(c, {pid, Date{2019, 2, 1}, "meeting", "Svært", std::nullopt},
                                                k_now));
        BB_TRY(store::insert_attendance(c,
                                        {pid, Date{2019, 1, 7}, Date{2019, 2, 28}, 30, 10, std::nullopt,
                                         "Meget fravær", Date{2019, 3, 2}, std::nullopt},
                                        k_now));
        BB_TRY(store::insert_extension(
            c, {pid, Date{2019, 2, 15}, 1, Date{2019, 4, 8}, "Sygdom", std::nullopt}, k_now));
        BB_TRY(store::insert_placement_note(c, {pid, Date{2019, 2, 10}, "Træt", std::nullopt, "enterprise"},
                                            k_now));
        store::NewJob job{id,    enterprise, "fleksjob",   "other",  Date{2019, 5, 1}, Date{2019, 9, 30},
                          false, pid,        std::nullopt, "Stoppet"};
        BB_ASSIGN(std::int64_t jid, store::insert_job(c, job, k_now));
        BB_TRY(store::insert_job_hours(c, jid, {Date{2019, 5, 1}, 1000, 80, "Start roligt"}, k_now));
        BB_TRY(store::insert_job_followup(
            c, {jid, Date{2019, 8, 1}, "follow_up", Date{2019, 7, 30}, "Holdt", std::nullopt}, k_now));
        return id;
    });
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : 0;
}

std::optional<std::string> field(const store::HistoryRow& row, const std::string& column) {
    for (const auto& [name, value] : row.fields)
        if (name == column) return value;
    return std::nullopt;
}

TEST_P(EmploymentStoreTest, CaseHistoryReachesEveryTable) {
    const std::int64_t id = full_case(database(), m_enterprise, type_id("virksomhedspraktik"));
    auto h = database().read([&](db::Connection& c) { return store::case_history(c, id); });
    ASSERT_TRUE(h.ok());
    for (const auto* part :
         {&h->placements, &h->placement_followups, &h->placement_attendance, &h->placement_extensions,
          &h->placement_notes, &h->jobs, &h->job_hours, &h->job_followups})
        EXPECT_EQ(part->size(), 1u);
    EXPECT_EQ(field(h->placements.front(), "enterprise_name"), std::optional<std::string>("Sumak"));
    EXPECT_EQ(field(h->placements.front(), "outcome_note"),
              std::optional<std::string>("Stoppede pga. helbred"));
    EXPECT_EQ(field(h->jobs.front(), "kind_label"), std::optional<std::string>("Fleksjob"));
}

TEST_P(EmploymentStoreTest, RetentionFindsOnlyInactiveCitizensAndAnonymisingBlanksTheirText) {
    const std::int64_t old_case = full_case(database(), m_enterprise, type_id("virksomhedspraktik"));
    const auto active = placement(citizen("R-2"), std::nullopt);
    (void)write([&](db::Connection& c) { return store::insert_placement(c, active, k_now); });
    auto due = database().read([&](db::Connection& c) { return store::retention_due(c, "2030-01-01"); });
    ASSERT_TRUE(due.ok());
    ASSERT_EQ(due->size(), 1u);
    EXPECT_EQ(due->front().id, old_case);

    (void)write([&](db::Connection& c) { return store::anonymise_citizen(c, old_case, k_now); });
    auto anon = database().read([&](db::Connection& c) { return store::citizen_by_id(c, old_case); });
    ASSERT_TRUE(anon.ok() && anon->has_value());
    EXPECT_EQ((*anon)->case_ref, "ANON-" + std::to_string(old_case));
    EXPECT_EQ((*anon)->name, "Anonymiseret borger");
    EXPECT_EQ((*anon)->note, "");
    EXPECT_FALSE((*anon)->postcode);
    EXPECT_TRUE((*anon)->anonymised_at);
    auto tags = database().read([&](db::Connection& c) { return store::citizen_tags(c, old_case); });
    ASSERT_TRUE(tags.ok());
    EXPECT_TRUE(tags->empty());
    auto h = database().read([&](db::Connection& c) { return store::case_history(c, old_case); });
    ASSERT_TRUE(h.ok());
    ASSERT_EQ(h->placements.size(), 1u);  // kept for the statistics …
    EXPECT_EQ(field(h->placements.front(), "outcome_note"),
              std::optional<std::string>(""));  // … without text
    EXPECT_EQ(field(h->placement_followups.front(), "note"), std::optional<std::string>(""));
    EXPECT_EQ(field(h->placement_attendance.front(), "note"), std::optional<std::string>(""));
    EXPECT_EQ(field(h->placement_extensions.front(), "reason"), std::optional<std::string>(""));
    EXPECT_EQ(field(h->placement_notes.front(), "text"), std::optional<std::string>(""));
    EXPECT_EQ(field(h->jobs.front(), "note"), std::optional<std::string>(""));
    EXPECT_EQ(field(h->job_hours.front(), "note"), std::optional<std::string>(""));
    EXPECT_EQ(field(h->job_followups.front(), "note"), std::optional<std::string>(""));
}

TEST_P(EmploymentStoreTest, DeletingACitizenRemovesTheWholeCase) {
    const std::int64_t id = full_case(database(), m_enterprise, type_id("virksomhedspraktik"));
    (void)write([&](db::Connection& c) { return store::delete_citizen(c, id); });
    auto gone = database().read([&](db::Connection& c) { return store::citizen_by_id(c, id); });
    ASSERT_TRUE(gone.ok());
    EXPECT_FALSE(gone->has_value());
    auto h = database().read([&](db::Connection& c) { return store::case_history(c, id); });
    ASSERT_TRUE(h.ok());
    EXPECT_TRUE(h->placements.empty());
    EXPECT_TRUE(h->jobs.empty());
    auto jobs = database().read([&](db::Connection& c) { return store::job_keys(c); });
    ASSERT_TRUE(jobs.ok());
    EXPECT_TRUE(jobs->empty());
}

BB_INSTANTIATE_BACKENDS(EmploymentStoreTest);

}  // namespace
