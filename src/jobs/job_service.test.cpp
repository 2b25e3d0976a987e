// JobService against every storage backend (SQLite always, PostgreSQL when configured).
#include "jobs/job_service.hpp"

#include <gtest/gtest.h>

#include "jobs/chart.hpp"
#include "jobs/test_fixture.hpp"

namespace jobs {
namespace {

class JobServiceTest : public testing::JobsTest {
protected:
    std::int64_t jobs_count() { return count("SELECT COUNT(*) FROM jobs"); }
    std::int64_t hours_count() { return count("SELECT COUNT(*) FROM job_hours"); }
};

TEST_P(JobServiceTest, RecordsVictorsHireWithEffectiveHours) {
    Job j = hire(input("SAG-1001", m_sumak));
    ASSERT_GT(j.id, 0);
    EXPECT_EQ(j.citizen_id, m_victor);
    EXPECT_EQ(j.kind_label, "Fleksjob");
    ASSERT_EQ(j.hours.size(), 1u);
    EXPECT_EQ(j.hours[0].effective_from.iso(), "2016-09-08");
    EXPECT_EQ(j.hours[0].weekly_hundredths, 450);
    EXPECT_EQ(j.hours[0].intensity, 80);
    EXPECT_EQ(j.hours[0].effective_hundredths(), 360);  // 4,5 t at 80 % = 3,6 effective hours
    EXPECT_EQ(employment::format_hours(j.hours[0].effective_hundredths()), "3,6");
    // An audit row about the citizen.
    EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'citizen' AND object_id = $1 AND "
                    "action = 'create'",
                    {std::to_string(m_victor)}),
              1);
}

TEST_P(JobServiceTest, HoursAndIntensityOutOfRangeRefusedAndNothingStored) {
    auto r =
        m_service->create_job(input("SAG-1001", m_sumak, "fleksjob", "2016-09-08", "38", "80"), m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(message(r.error(), "weekly_hours"), "Timer om ugen skal være mellem 0 og 37.");
    r = m_service->create_job(input("SAG-1001", m_sumak, "fleksjob", "2016-09-08", "4,5", "0"), m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(message(r.error(), "intensity"), "Intensiteten skal være mellem 1 og 100 %.");
    r = m_service->create_job(input("SAG-1001", m_sumak, "fleksjob", "2016-09-08", "4,5", "101"),
                              m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(has_field(r.error(), "intensity"));
    r = m_service->create_job(input("SAG-1001", m_sumak, "fleksjob", "2016-09-08", "-1", "80"), m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(has_field(r.error(), "weekly_hours"));
    EXPECT_EQ(jobs_count(), 0);
    EXPECT_EQ(hours_count(), 0);

    Job j = hire(input("SAG-1001", m_sumak));
    HoursInput h{"2017-06-01", "37,5", "100", ""};
    auto a = m_service->add_hours(j.id, h, m_caseworker);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(message(a.error(), "weekly_hours"), "Timer om ugen skal være mellem 0 og 37.");
    h = {"2017-06-01", "10", "120", ""};
    a = m_service->add_hours(j.id, h, m_caseworker);
    ASSERT_FALSE(a.ok());
    EXPECT_TRUE(has_field(a.error(), "intensity"));
    EXPECT_EQ(hours_count(), 1);
}

TEST_P(JobServiceTest, HoursHistoryIsDatedAndUniquePerDate) {
    Job j = hire(input("SAG-1001", m_sumak));
    auto before = m_service->add_hours(j.id, {"2016-09-01", "6", "80", ""}, m_caseworker);
    ASSERT_FALSE(before.ok());
    EXPECT_NE(message(before.error(), "effective_from").find("før ansættelsesdatoen"), std::string::npos);
    auto dup = m_service->add_hours(j.id, {"2016-09-08", "6", "80", ""}, m_caseworker);
    ASSERT_FALSE(dup.ok());
    EXPECT_NE(message(dup.error(), "effective_from").find("allerede registreret"), std::string::npos);
    auto ok = m_service->add_hours(j.id, {"2019-01-15", "15", "100", "Ny kontakt"}, m_caseworker);
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    ASSERT_EQ(ok->hours.size(), 2u);
    EXPECT_EQ(ok->current->weekly_hundredths, 1500);
    EXPECT_EQ(ok->current->effective_hundredths(), 1500);
    auto second = m_service->add_hours(j.id, {"2019-01-15", "16", "100", ""}, m_caseworker);
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(hours_count(), 2);
}

TEST_P(JobServiceTest, EndBeforeHireRefused) {
    Job j = hire(input("SAG-1001", m_sumak));
    auto r = m_service->end_job(j.id, "2016-09-07", m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(message(r.error(), "ended_on"), "Slutdatoen kan ikke ligge før ansættelsesdatoen 08.09.2016.");
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE ended_on IS NOT NULL"), 0);
    auto ok = m_service->end_job(j.id, "2018-12-31", m_caseworker);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->ended_on->iso(), "2018-12-31");
}

TEST_P(JobServiceTest, KindMustBeInTheActiveList) {
    auto r = m_service->create_job(input("SAG-1001", m_sumak, "drømmejob"), m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(message(r.error(), "kind"), "Vælg en jobtype fra listen.");
    // Deactivated kinds cannot be chosen for a new hire.
    auto kinds = m_service->list_kinds(m_admin, true);
    ASSERT_TRUE(kinds.ok());
    const auto small =
        std::find_if(kinds->begin(), kinds->end(), [](const JobKind& k) { return k.code == "small_job"; });
    ASSERT_NE(small, kinds->end());
    JobKindInput off{"", "Småjob", "", "50", ""};
    ASSERT_TRUE(m_service->update_kind(small->id, off, m_admin).ok());
    r = m_service->create_job(input("SAG-1001", m_sumak, "small_job"), m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(has_field(r.error(), "kind"));
    EXPECT_EQ(jobs_count(), 0);
}

TEST_P(JobServiceTest, TemporaryFlagOnlyForFleksjob) {
    JobInput in = input("SAG-1001", m_sumak, "part_time");
    in.temporary_fleksjob = "1";
    auto r = m_service->create_job(in, m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(has_field(r.error(), "temporary_fleksjob"));
    EXPECT_EQ(jobs_count(), 0);
    in.kind = "fleksjob";
    Job j = hire(in);
    EXPECT_TRUE(j.temporary_fleksjob);
}

TEST_P(JobServiceTest, PlacementMustBeSameCitizenAndEnterpriseAndCopiesHiringNeed) {
    const std::int64_t other_placement = placement(m_other, m_sumak);
    JobInput in = input("SAG-1001", m_sumak);
    in.placement_id = std::to_string(other_placement);
    auto r = m_service->create_job(in, m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(message(r.error(), "placement_id"), "Forløbet tilhører en anden borger end jobbet.");
    const std::int64_t elsewhere = placement(m_victor, m_haven);
    in.placement_id = std::to_string(elsewhere);
    r = m_service->create_job(in, m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(message(r.error(), "placement_id"), "Forløbet er i en anden virksomhed end jobbet.");
    EXPECT_EQ(jobs_count(), 0);

    const std::int64_t own = placement(m_victor, m_sumak);
    auto prefilled = m_service->input_from_placement(own, m_caseworker);
    ASSERT_TRUE(prefilled.ok());
    EXPECT_EQ(prefilled->citizen_ref, "SAG-1001");
    EXPECT_EQ(prefilled->enterprise_id, std::to_string(m_sumak));
    EXPECT_EQ(prefilled->hired_on, "2018-05-31");
    in.placement_id = std::to_string(own);
    in.hired_on = "2018-06-01";
    Job j = hire(in);
    EXPECT_EQ(j.placement_id, own);
    ASSERT_TRUE(j.hiring_need_id.has_value());
    EXPECT_EQ(*j.hiring_need_id, count("SELECT hiring_need_id FROM placements WHERE id = $1", {own}));
}

TEST_P(JobServiceTest, EnterpriseUserSeesOwnJobsMinimallyAndIsDeniedOthers) {
    Job at_sumak = hire(input("SAG-1001", m_sumak));
    Job at_haven = hire(input("SAG-1002", m_haven, "part_time", "2018-02-01", "20", "100"));
    auto own = m_service->get_job(at_sumak.id, m_sumak_user);
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(own->citizen_name, "Victor");
    EXPECT_TRUE(own->citizen_case_ref.empty());
    EXPECT_EQ(own->hours.size(), 1u);

    auto other = m_service->get_job(at_haven.id, m_sumak_user);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'citizen' AND object_id = $1 AND "
                    "outcome = 'denied'",
                    {std::to_string(m_other)}),
              1);

    auto list = m_service->list_jobs({}, m_sumak_user);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->front().id, at_sumak.id);
    // The enterprise cannot change anything; consultants and buyers see no persons.
    EXPECT_EQ(m_service->add_hours(at_sumak.id, {"2017-01-01", "5", "80", ""}, m_sumak_user).error().code,
              core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->get_job(at_sumak.id, m_consultant).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->list_jobs({}, actor(core::Role::Buyer, 30)).error().code,
              core::ErrorCode::Forbidden);
}

TEST_P(JobServiceTest, ReadsAndListsAreAudited) {
    Job j = hire(input("SAG-1001", m_sumak));
    const std::string victor = std::to_string(m_victor);
    ASSERT_TRUE(m_service->get_job(j.id, m_caseworker).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'citizen' AND object_id = $1 AND "
                    "action = 'read'",
                    {victor}),
              1);
    JobFilter f;
    f.citizen_id = victor;
    auto list = m_service->list_jobs(f, m_caseworker);
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->size(), 1u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'citizen' AND object_id = $1 AND "
                    "action = 'list'",
                    {victor}),
              1);
}

TEST_P(JobServiceTest, CountsPerYearByHiredOnNotCreatedAt) {
    // The clock says 2019: these hires are typed in 2019 about 2018.
    for (int i = 0; i < 21; ++i) hire(input("SAG-1001", m_sumak, "fleksjob", "2018-03-01"));
    for (int i = 0; i < 7; ++i) hire(input("SAG-1001", m_sumak, "part_time", "2018-04-01"));
    for (int i = 0; i < 3; ++i) hire(input("SAG-1001", m_sumak, "full_time", "2018-05-01", "37"));
    for (int i = 0; i < 4; ++i) hire(input("SAG-1001", m_sumak, "wage_subsidy", "2018-12-31"));
    for (int i = 0; i < 29; ++i) {
        JobInput in =
            input("SAG-1002", m_haven, i % 2 ? "part_time" : "full_time", "2018-06-15", "20", "100");
        in.channel = "other";
        hire(in);
    }
    hire(input("SAG-1001", m_sumak, "fleksjob", "2019-01-02"));
    hire(input("SAG-1001", m_sumak, "fleksjob", "2017-12-31"));

    auto c = m_service->counts("2018", m_consultant);
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->municipality, 35);
    EXPECT_EQ(c->other, 29);
    EXPECT_EQ(c->total(), 64);
    auto row = [&](std::string_view kind) {
        for (const auto& r : c->rows)
            if (r.kind == kind) return r;
        return CountRow{};
    };
    EXPECT_EQ(row("fleksjob").municipality, 21);
    EXPECT_EQ(row("part_time").municipality, 7);
    EXPECT_EQ(row("full_time").municipality, 3);
    EXPECT_EQ(row("wage_subsidy").municipality, 4);
    EXPECT_EQ(row("part_time").other + row("full_time").other, 29);
    auto y2019 = m_service->counts("2019", m_caseworker);
    ASSERT_TRUE(y2019.ok());
    EXPECT_EQ(y2019->total(), 1);
    EXPECT_FALSE(m_service->counts("18", m_consultant).ok());
    EXPECT_EQ(m_service->counts("2018", m_sumak_user).error().code, core::ErrorCode::Forbidden);
}

TEST_P(JobServiceTest, DueSoonListWithManualClock) {
    // Victor: fleksjob from 2016-09-08, first follow-up due 2019-03-08.
    Job victor = hire(input("SAG-1001", m_sumak));
    // A temporary fleksjob from 2015-01-01: follow-up 2017-07-01 overdue, status at 4½ years 2019-07-01.
    JobInput t = input("SAG-1002", m_haven, "fleksjob", "2015-01-01", "10", "60");
    t.temporary_fleksjob = "1";
    Job temp = hire(t);
    // Part-time jobs have no follow-up.
    hire(input("SAG-1001", m_haven, "part_time", "2015-01-01", "20", "100"));

    auto list = m_service->due_followups("", m_caseworker);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->items.size(), 2u);
    EXPECT_EQ(list->items[0].job_id, temp.id);
    EXPECT_EQ(list->items[0].due.iso(), "2017-07-01");
    EXPECT_TRUE(list->items[0].overdue);
    EXPECT_EQ(list->items[1].job_id, victor.id);
    EXPECT_EQ(list->items[1].due.iso(), "2019-03-08");
    EXPECT_FALSE(list->items[1].overdue);

    // The dashboard asks for the first item only: it gets the total, and only the citizen shown
    // is logged as seen.
    const auto list_rows = [&] { return count("SELECT COUNT(*) FROM audit_log WHERE action = 'list'"); };
    const auto before = list_rows();
    auto first = m_service->due_followups("", m_caseworker, 1);
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->items.size(), 1u);
    EXPECT_EQ(first->total, 2u);
    EXPECT_EQ(first->items[0].job_id, temp.id);
    EXPECT_EQ(list_rows() - before, 1);

    auto wider = m_service->due_followups("150", m_caseworker);
    ASSERT_TRUE(wider.ok());
    ASSERT_EQ(wider->items.size(), 3u);
    EXPECT_EQ(wider->items[2].kind, employment::FleksjobDue::Kind::TemporaryStatus);
    EXPECT_EQ(wider->items[2].due.iso(), "2019-07-01");

    // A follow-up held drops out; it cannot be recorded twice or for a date that is not due.
    FollowupInput held{"2019-03-08", "follow_up", "2019-02-27", "Samtale med Victor"};
    ASSERT_TRUE(m_service->record_followup(victor.id, held, m_caseworker).ok());
    EXPECT_FALSE(m_service->record_followup(victor.id, held, m_caseworker).ok());
    FollowupInput wrong{"2019-03-09", "follow_up", "2019-02-27", ""};
    EXPECT_TRUE(has_field(m_service->record_followup(victor.id, wrong, m_caseworker).error(), "due_on"));
    list = m_service->due_followups("", m_caseworker);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->items.size(), 1u);
    EXPECT_EQ(list->items[0].job_id, temp.id);

    // Time passes: 2½ years later Victor's next follow-up comes due.
    m_clock.set(*core::parse_iso_timestamp("2021-07-01T10:00:00Z"));
    list = m_service->due_followups("", m_caseworker);
    ASSERT_TRUE(list.ok());
    EXPECT_TRUE(std::any_of(list->items.begin(), list->items.end(), [&](const DueItem& i) {
        return i.job_id == victor.id && i.due.iso() == "2021-09-08";
    }));
    // An ended fleksjob drops out.
    ASSERT_TRUE(m_service->end_job(temp.id, "2019-12-31", m_caseworker).ok());
    list = m_service->due_followups("", m_caseworker);
    ASSERT_TRUE(list.ok());
    EXPECT_TRUE(std::none_of(list->items.begin(), list->items.end(),
                             [&](const DueItem& i) { return i.job_id == temp.id; }));
    EXPECT_EQ(m_service->due_followups("", m_consultant).error().code, core::ErrorCode::Forbidden);
}

TEST_P(JobServiceTest, JobKindsAdmin) {
    JobKindInput in{"mini_fleksjob", "Minifleksjob", "1", "15", "1"};
    auto k = m_service->create_kind(in, m_admin);
    ASSERT_TRUE(k.ok()) << k.error().message;
    EXPECT_TRUE(k->is_fleksjob);
    EXPECT_FALSE(m_service->create_kind(in, m_admin).ok());  // code taken
    JobKindInput bad{"Mini Fleks", "", "", "x", "1"};
    auto b = m_service->create_kind(bad, m_admin);
    ASSERT_FALSE(b.ok());
    EXPECT_TRUE(has_field(b.error(), "code"));
    EXPECT_TRUE(has_field(b.error(), "label"));
    EXPECT_TRUE(has_field(b.error(), "sort"));
    EXPECT_EQ(m_service->create_kind(in, m_caseworker).error().code, core::ErrorCode::Forbidden);
    JobKindInput edit{"", "Minifleksjob (under 10 timer)", "1", "15", "0"};
    auto e = m_service->update_kind(k->id, edit, m_admin);
    ASSERT_TRUE(e.ok());
    EXPECT_FALSE(e->active);
    auto active = m_service->list_kinds(m_caseworker);
    ASSERT_TRUE(active.ok());
    EXPECT_TRUE(std::none_of(active->begin(), active->end(),
                             [](const JobKind& x) { return x.code == "mini_fleksjob"; }));
}

TEST(JobChart, ContainsThePoints) {
    std::vector<HoursEntry> hours;
    hours.push_back({1, *core::Date::parse("2016-09-08"), 450, 80, ""});
    hours.push_back({2, *core::Date::parse("2019-01-15"), 1500, 100, ""});
    auto c = progression_chart(hours, *core::Date::parse("2016-09-08"), *core::Date::parse("2019-03-01"));
    ASSERT_EQ(c.hours.size(), 4u);
    ASSERT_EQ(c.effective.size(), 4u);
    EXPECT_DOUBLE_EQ(c.hours[0].x, c.left);
    EXPECT_DOUBLE_EQ(c.hours[3].x, c.right);
    // Axis 0–15 hours: 4,5 hours is 30 % up, 3,6 effective hours 24 % up, 15 hours at the top.
    EXPECT_NEAR(c.hours[0].y, c.bottom - 0.3 * (c.bottom - c.top), 1e-9);
    EXPECT_NEAR(c.effective[0].y, c.bottom - 0.24 * (c.bottom - c.top), 1e-9);
    EXPECT_NEAR(c.hours[2].y, c.top, 1e-9);
    EXPECT_EQ(c.x_ticks.size(), 3u);  // 2017, 2018, 2019
    EXPECT_EQ(c.y_ticks.back().label, "15");
    EXPECT_EQ(ProgressionChart::points_text({{48, 280}, {100.25, 16}}), "48.0,280.0 100.2,16.0");
}

BB_INSTANTIATE_BACKENDS(JobServiceTest);

}  // namespace
}  // namespace jobs
