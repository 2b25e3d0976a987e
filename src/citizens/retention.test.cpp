// Retention (delete / anonymise / legal hold / active placement) and the subject export, on
// both engines. Placements and jobs are inserted with plain SQL (other packages own them).
#include "citizens/test_fixture.hpp"

namespace citizens {
namespace {

class RetentionTest : public testing::CitizensTest {
protected:
    void SetUp() override {
        CitizensTest::SetUp();
        m_enterprise = enterprise();
        m_type = count("SELECT id FROM intervention_types WHERE code = 'virksomhedspraktik'");
        m_outcome = count("SELECT id FROM placement_outcomes WHERE code = 'ordinary_job'");
    }

    /// A placement with a note, follow-up, attendance sheet and extension.
    std::int64_t placement(std::int64_t citizen, const std::string& status, const std::string& referred,
                           const std::string& start, const std::string& end) {
        auto rs = sql(
            "INSERT INTO placements (citizen_id, enterprise_id, intervention_type_id, status, referred_on, "
            "start_date, end_date, outcome_id, outcome_note, no_plan_reason, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Fik job hos Sumak', 'Syg', $9, $9) RETURNING id",
            {citizen, m_enterprise, m_type, status, referred, start.empty() ? db::null() : db::Value(start),
             end.empty() ? db::null() : db::Value(end), end.empty() ? db::null() : db::Value(m_outcome),
             std::string("2020-01-01T00:00:00Z")});
        const std::int64_t id = rs.empty() ? 0 : rs.first().int64(0);
        const std::string t = "2020-01-01T00:00:00Z";
        sql("INSERT INTO placement_notes (placement_id, noted_on, text, created_at) VALUES ($1, $2, 'Mødte "
            "ikke op', $3)",
            {id, referred, t});
        sql("INSERT INTO placement_followups (placement_id, held_on, kind, note, created_at) VALUES ($1, $2, "
            "'meeting', "
            "'Godt møde', $3)",
            {id, referred, t});
        sql("INSERT INTO placement_attendance (placement_id, period_from, period_to, days_planned, "
            "days_present, note, "
            "submitted_on, created_at) VALUES ($1, $2, $2, 10, 8, 'Syg to dage', $2, $3)",
            {id, referred, t});
        sql("INSERT INTO placement_extensions (placement_id, decided_on, weeks, new_end, reason, created_at) "
            "VALUES "
            "($1, $2, 4, $2, 'Har brug for mere tid', $3)",
            {id, referred, t});
        return id;
    }

    std::int64_t job(std::int64_t citizen, const std::string& hired, const std::string& ended) {
        auto rs =
            sql("INSERT INTO jobs (citizen_id, enterprise_id, kind, channel, hired_on, ended_on, note, "
                "created_at, "
                "updated_at) VALUES ($1, $2, 'fleksjob', 'municipality', $3, $4, 'Glad for jobbet', $5, $5) "
                "RETURNING id",
                {citizen, m_enterprise, hired, ended.empty() ? db::null() : db::Value(ended),
                 std::string("2020-01-01T00:00:00Z")});
        const std::int64_t id = rs.empty() ? 0 : rs.first().int64(0);
        sql("INSERT INTO job_hours (job_id, effective_from, weekly_hours, intensity, note, created_at) "
            "VALUES "
            "($1, $2, 1500, 80, 'Trappes op', $3)",
            {id, hired, std::string("2020-01-01T00:00:00Z")});
        sql("INSERT INTO job_followups (job_id, due_on, kind, held_on, note, created_at) VALUES ($1, $2, "
            "'follow_up', "
            "$2, 'Går fint', $3)",
            {id, hired, std::string("2020-01-01T00:00:00Z")});
        return id;
    }

    /// A citizen created at `when` (the clock is moved there and back).
    std::int64_t citizen_at(const std::string& when, const std::string& ref, bool hold = false) {
        const core::UnixSeconds now = m_clock.now();
        m_clock.set(*core::parse_iso_timestamp(when));
        CitizenInput in = input(ref, "Person " + ref);
        in.interests = "køkken";
        in.note = "Privat note";
        in.postcode = "4200";
        in.transport = "car";
        if (hold) {
            in.legal_hold = true;
            in.legal_hold_reason = "Klagesag";
        }
        auto r = m_service->create(in, m_caseworker);
        EXPECT_TRUE(r.ok());
        m_clock.set(now);
        return r.ok() ? r->id : 0;
    }

    void set_mode(const char* mode) {
        ASSERT_TRUE(m_service->set_retention_settings("24", mode, m_admin).ok());
    }

    std::int64_t rows_mentioning(std::int64_t citizen, const std::vector<std::int64_t>& placements,
                                 const std::vector<std::int64_t>& jobs) {
        std::int64_t n = count("SELECT COUNT(*) FROM citizens WHERE id = $1", {citizen});
        n += count("SELECT COUNT(*) FROM citizen_tags WHERE citizen_id = $1", {citizen});
        n += count("SELECT COUNT(*) FROM placements WHERE citizen_id = $1", {citizen});
        n += count("SELECT COUNT(*) FROM jobs WHERE citizen_id = $1", {citizen});
        for (auto p : placements)
            for (const char* t :
                 {"placement_notes", "placement_followups", "placement_attendance", "placement_extensions"})
                n += count(std::string("SELECT COUNT(*) FROM ") + t + " WHERE placement_id = $1", {p});
        for (auto j : jobs)
            for (const char* t : {"job_hours", "job_followups"})
                n += count(std::string("SELECT COUNT(*) FROM ") + t + " WHERE job_id = $1", {j});
        return n;
    }

    std::int64_t m_enterprise = 0, m_type = 0, m_outcome = 0;
};

TEST_P(RetentionTest, SettingsAreValidatedAndAdminOnly) {
    auto s = m_service->retention_settings(m_admin);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->months, 24);
    EXPECT_EQ(m_service->set_retention_settings("5", "delete", m_admin).error().fields.at(0).field, "months");
    EXPECT_EQ(m_service->set_retention_settings("121", "delete", m_admin).error().fields.at(0).field,
              "months");
    EXPECT_EQ(m_service->set_retention_settings("12", "keep", m_admin).error().fields.at(0).field, "mode");
    EXPECT_EQ(m_service->set_retention_settings("12", "delete", m_caseworker).error().code,
              core::ErrorCode::Forbidden);
    ASSERT_TRUE(m_service->set_retention_settings("12", "delete", m_admin).ok());
    EXPECT_EQ(m_service->retention_settings(m_admin)->months, 12);
    EXPECT_EQ(m_service->retention_settings(m_admin)->mode, RetentionMode::Delete);
}

TEST_P(RetentionTest, DeleteRemovesEveryRowOfTheCitizen) {
    set_mode("delete");
    const std::int64_t old = citizen_at("2020-01-01T10:00:00Z", "SAG-OLD");
    const std::int64_t p = placement(old, "ended", "2020-02-01", "2020-03-01", "2020-06-01");
    const std::int64_t j = job(old, "2020-07-01", "2021-01-31");
    const std::int64_t recent = citizen_at("2020-01-01T10:00:00Z", "SAG-RECENT");
    placement(recent, "ended", "2022-01-01", "2022-02-01", "2023-06-01");  // ended less than 24 months ago
    const std::int64_t fresh = make("SAG-NEW");

    auto preview = m_service->retention_preview(m_admin);
    ASSERT_TRUE(preview.ok());
    EXPECT_EQ(preview->cutoff.iso(), "2023-03-01");
    ASSERT_EQ(preview->affected.size(), 1u);
    EXPECT_EQ(preview->affected[0].case_ref, "SAG-OLD");
    EXPECT_FALSE(preview->applied);
    EXPECT_GT(rows_mentioning(old, {p}, {j}), 0);  // the dry run changed nothing

    auto run = m_service->run_retention(m_admin);
    ASSERT_TRUE(run.ok());
    EXPECT_TRUE(run->applied);
    EXPECT_EQ(run->affected.size(), 1u);
    EXPECT_EQ(rows_mentioning(old, {p}, {j}), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens WHERE id IN ($1, $2)", {recent, fresh}), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND object_type = 'citizen' AND "
                    "object_id = $1 AND purpose = 'opbevaringsregel'",
                    {std::to_string(old)}),
              1);
    EXPECT_TRUE(m_service->run_retention(m_admin)->affected.empty());
}

TEST_P(RetentionTest, AnonymiseKeepsFiguresAndBlanksIdentity) {
    set_mode("anonymise");
    const std::int64_t old = citizen_at("2020-01-01T10:00:00Z", "SAG-OLD");
    const std::int64_t p = placement(old, "ended", "2020-02-01", "2020-03-01", "2020-06-01");
    const std::int64_t j = job(old, "2020-07-01", "2021-01-31");
    auto run = m_service->run_retention(m_admin);
    ASSERT_TRUE(run.ok());
    ASSERT_EQ(run->affected.size(), 1u);
    auto c = m_service->get(old, m_caseworker);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->name, "Anonymiseret borger");
    EXPECT_EQ(c->case_ref, "ANON-" + std::to_string(old));
    EXPECT_TRUE(c->anonymised_at.has_value());
    EXPECT_FALSE(c->postcode.has_value());
    EXPECT_FALSE(c->transport.has_value());
    EXPECT_EQ(c->note, "");
    EXPECT_TRUE(c->interests.empty());
    // Placements and jobs stay with their dates and outcomes; the free text is gone.
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM placements WHERE id = $1 AND outcome_id = $2 AND end_date = '2020-06-01' "
              "AND outcome_note = '' AND no_plan_reason = ''",
              {p, m_outcome}),
        1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM placement_notes WHERE placement_id = $1 AND text = ''", {p}), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM placement_followups WHERE placement_id = $1 AND note = ''", {p}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM placement_attendance WHERE placement_id = $1 AND note = '' AND "
                    "days_present = 8",
                    {p}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE id = $1 AND note = '' AND hired_on = '2020-07-01'", {j}),
              1);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM job_hours WHERE job_id = $1 AND note = '' AND weekly_hours = 1500", {j}),
        1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM job_followups WHERE job_id = $1 AND note = ''", {j}), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'anonymise' AND object_id = $1 AND "
                    "purpose = 'opbevaringsregel'",
                    {std::to_string(old)}),
              1);
    // Already anonymised: not due again, and cannot be edited.
    EXPECT_TRUE(m_service->retention_preview(m_admin)->affected.empty());
    EXPECT_EQ(m_service->update(old, input("SAG-Y", "Y"), m_caseworker).error().code,
              core::ErrorCode::Conflict);
}

TEST_P(RetentionTest, LegalHoldActivePlacementAndOpenJobAreKept) {
    set_mode("delete");
    const std::int64_t held = citizen_at("2020-01-01T10:00:00Z", "SAG-HOLD", true);
    const std::int64_t active = citizen_at("2020-01-01T10:00:00Z", "SAG-ACTIVE");
    placement(active, "active", "2020-02-01", "2020-03-01", "");
    const std::int64_t waiting = citizen_at("2020-01-01T10:00:00Z", "SAG-WAIT");
    placement(waiting, "waiting", "2020-02-01", "", "");
    const std::int64_t working = citizen_at("2020-01-01T10:00:00Z", "SAG-JOB");
    job(working, "2020-02-01", "");
    const std::int64_t due = citizen_at("2020-01-01T10:00:00Z", "SAG-DUE");
    auto run = m_service->run_retention(m_admin);
    ASSERT_TRUE(run.ok());
    ASSERT_EQ(run->affected.size(), 1u);
    EXPECT_EQ(run->affected[0].id, due);
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 4);
    (void)held;
    // The injected clock decides: two more years and nothing changes for the kept ones.
    m_clock.set(*core::parse_iso_timestamp("2027-03-01T10:00:00Z"));
    EXPECT_TRUE(m_service->retention_preview(m_admin)->affected.empty());
}

TEST_P(RetentionTest, ExportHoldsEverythingAndIsAudited) {
    const std::int64_t id = citizen_at("2020-01-01T10:00:00Z", "SAG-X");
    const std::int64_t p = placement(id, "ended", "2020-02-01", "2020-03-01", "2020-06-01");
    job(id, "2020-07-01", "");
    auto x = m_service->export_subject(id, m_caseworker);
    ASSERT_TRUE(x.ok());
    EXPECT_EQ(x->citizen.case_ref, "SAG-X");
    ASSERT_EQ(x->placements.size(), 1u);
    EXPECT_EQ(x->placements[0].get("outcome_label").value_or(""), "Ordinært job");
    EXPECT_EQ(x->placements[0].get("id").value_or(""), std::to_string(p));
    EXPECT_EQ(x->placement_notes.size(), 1u);
    EXPECT_EQ(x->placement_followups.size(), 1u);
    EXPECT_EQ(x->placement_attendance.size(), 1u);
    EXPECT_EQ(x->placement_extensions.size(), 1u);
    ASSERT_EQ(x->jobs.size(), 1u);
    EXPECT_EQ(x->job_hours.size(), 1u);
    EXPECT_EQ(x->job_followups.size(), 1u);
    ASSERT_FALSE(x->access_report.empty());
    EXPECT_EQ(x->access_report.back().action, "export");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND object_id = $1",
                    {std::to_string(id)}),
              1);
}

BB_INSTANTIATE_BACKENDS(RetentionTest);

}  // namespace
}  // namespace citizens
