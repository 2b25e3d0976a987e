// AuditLog against every storage backend (SQLite always, PostgreSQL when configured).
#include "audit/audit_log.hpp"

#include <gtest/gtest.h>

#include "core/date.hpp"
#include "support/test_db.hpp"

namespace audit {
namespace {

core::UnixSeconds at(const char* iso) {
    return *core::parse_iso_timestamp(iso);
}

class AuditLogTest : public test_support::BackendTest {
protected:
    core::Actor caseworker() {
        core::Actor a;
        a.user_id = 7;
        a.username = "sagsbehandler";
        a.role = core::Role::Caseworker;
        a.client_ip = "192.0.2.10";
        a.request_id = "req-1";
        return a;
    }

    core::Result<void> record(const core::Actor& actor, const Entry& entry) {
        return database().write([&](db::Connection& c) { return m_log.record(c, actor, entry); });
    }

    AuditPage list(const AuditFilter& filter) {
        auto page = database().read([&](db::Connection& c) { return m_log.list(c, filter); });
        EXPECT_TRUE(page.ok());
        return page.ok() ? *page : AuditPage{};
    }

    std::int64_t count() {
        auto r =
            database().read([&](db::Connection& c) { return c.query("SELECT COUNT(*) FROM audit_log"); });
        return r.ok() ? r->first().int64(0) : -1;
    }

    // Fixed dates well before the database's own clock, so the young-row DELETE guard
    // (28 days by the database's clock) does not apply to them.
    core::ManualClock m_clock{at("2024-01-15T09:00:00Z")};
    AuditLog m_log{m_clock};
};

TEST_P(AuditLogTest, RecordsTheActorAndListsNewestFirst) {
    ASSERT_TRUE(record(caseworker(), {"read", "citizen", "11", "", "opfølgning sag 2024-17"}).ok());
    m_clock.advance(60);
    ASSERT_TRUE(record(caseworker(), {"search", "citizen", "", "navn=Hansen", "visitation"}).ok());
    m_clock.advance(60);
    ASSERT_TRUE(record(core::Actor::system("cli"), {"export", "citizen", "12"}).ok());

    AuditPage page = list({});
    EXPECT_EQ(page.total, 3);
    ASSERT_EQ(page.rows.size(), 3u);
    EXPECT_EQ(page.rows[0].action, "export");
    EXPECT_FALSE(page.rows[0].user_id.has_value()) << "the system has no user id";
    EXPECT_EQ(page.rows[0].username, "cli");
    const Record& read = page.rows[2];
    EXPECT_EQ(read.at, at("2024-01-15T09:00:00Z"));
    EXPECT_EQ(read.user_id, 7);
    EXPECT_EQ(read.username, "sagsbehandler");
    EXPECT_EQ(read.role, "caseworker");
    EXPECT_EQ(read.object_type, "citizen");
    EXPECT_EQ(read.object_id, "11");
    EXPECT_EQ(read.purpose, "opfølgning sag 2024-17");
    EXPECT_EQ(read.client_ip, "192.0.2.10");
    EXPECT_EQ(read.request_id, "req-1");
    EXPECT_EQ(read.outcome, "ok");
    EXPECT_EQ(page.rows[1].criteria, "navn=Hansen");
}

TEST_P(AuditLogTest, RecordsAnEntryGivenByItsParts) {
    ASSERT_TRUE(database()
                    .write([&](db::Connection& c) {
                        return m_log.record(c, caseworker(), "update", "grant", "5", "beløb", "",
                                            k_outcome_denied);
                    })
                    .ok());
    m_clock.advance(60);
    ASSERT_TRUE(
        database()
            .write([&](db::Connection& c) { return m_log.record(c, caseworker(), "search", "citizen", ""); })
            .ok());
    AuditPage page = list({});
    ASSERT_EQ(page.rows.size(), 2u);
    const Record& update = page.rows[1];
    EXPECT_EQ(update.action, "update");
    EXPECT_EQ(update.object_type, "grant");
    EXPECT_EQ(update.object_id, "5");
    EXPECT_EQ(update.criteria, "beløb");
    EXPECT_EQ(update.purpose, "");
    EXPECT_EQ(update.outcome, "denied");
    EXPECT_EQ(update.user_id, 7);
    EXPECT_EQ(page.rows[0].object_id, "");
    EXPECT_EQ(page.rows[0].outcome, "ok");
}

TEST(UserRef, TheUserIdOrNullForTheSystem) {
    core::Actor a;
    a.user_id = 7;
    EXPECT_EQ(a.user_ref(), std::optional<std::int64_t>(7));
    EXPECT_TRUE(std::holds_alternative<std::int64_t>(user_ref(a)));
    EXPECT_FALSE(core::Actor::system().user_ref().has_value());
    EXPECT_TRUE(std::holds_alternative<std::monostate>(user_ref(core::Actor::system())));
}

TEST_P(AuditLogTest, FiltersAndPages) {
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(record(caseworker(), {"read", "citizen", std::to_string(i)}).ok());
        m_clock.advance(3600);
    }
    ASSERT_TRUE(record(core::Actor::system(), {"login", "user", "1"}).ok());

    EXPECT_EQ(list({.action = "read"}).total, 5);
    EXPECT_EQ(list({.username = "SAGSBEHANDLER"}).total, 5);
    EXPECT_EQ(list({.user_id = 7}).total, 5);
    EXPECT_EQ(list({.object_type = "citizen", .object_id = "3"}).total, 1);
    AuditPage window = list({.from = at("2024-01-15T10:00:00Z"), .to = at("2024-01-15T12:00:00Z")});
    EXPECT_EQ(window.total, 2);
    AuditPage second = list({.action = "read", .limit = 2, .offset = 2});
    EXPECT_EQ(second.total, 5);
    ASSERT_EQ(second.rows.size(), 2u);
    EXPECT_EQ(second.rows[0].object_id, "2");
    EXPECT_EQ(second.rows[1].object_id, "1");
}

TEST_P(AuditLogTest, FieldsAreLogSafeAndCapped) {
    core::Actor actor = caseworker();
    actor.username = "eve\r\nadmin";
    Entry entry{"search", "citizen", "", std::string(5000, 'x') + "\n", std::string("ugyldig\xFF") + "\0x"};
    ASSERT_TRUE(record(actor, entry).ok());
    Record r = list({}).rows.at(0);
    EXPECT_EQ(r.username, "eve\\x0d\\x0aadmin");
    EXPECT_LE(r.criteria.size(), 1000u);
    EXPECT_EQ(r.criteria.find('\n'), std::string::npos);
    EXPECT_EQ(r.purpose, "ugyldig\\xff");
}

TEST_P(AuditLogTest, UpdateIsRefusedByTheDatabase) {
    ASSERT_TRUE(record(caseworker(), {"read", "citizen", "11"}).ok());
    auto updated =
        database().write([](db::Connection& c) { return c.query("UPDATE audit_log SET action = 'none'"); });
    EXPECT_FALSE(updated.ok());
    EXPECT_EQ(list({}).rows.at(0).action, "read");
}

TEST_P(AuditLogTest, YoungRowsCannotBeDeleted) {
    // A row stamped "now" by the database's own clock (not the test clock).
    core::SystemClock system_clock;
    AuditLog live(system_clock);
    ASSERT_TRUE(database()
                    .write([&](db::Connection& c) {
                        return live.record(c, caseworker(), {"read", "citizen", "1"});
                    })
                    .ok());
    auto deleted = database().write([](db::Connection& c) { return c.query("DELETE FROM audit_log"); });
    EXPECT_FALSE(deleted.ok());
    EXPECT_EQ(count(), 1);
}

TEST_P(AuditLogTest, PruneDeletesOnlyOldRows) {
    ASSERT_TRUE(record(caseworker(), {"read", "citizen", "old"}).ok());  // 2024-01-15
    m_clock.set(at("2024-03-20T09:00:00Z"));
    ASSERT_TRUE(record(caseworker(), {"read", "citizen", "recent"}).ok());
    m_clock.set(at("2024-07-20T09:00:00Z"));  // 6 months back is 2024-01-20T09:00:00Z

    EXPECT_EQ(m_log.prune(database(), 0).error().code, core::ErrorCode::Validation);
    auto pruned = m_log.prune(database(), 6);
    ASSERT_TRUE(pruned.ok()) << pruned.error().message;
    EXPECT_EQ(*pruned, 1);
    AuditPage page = list({});
    ASSERT_EQ(page.total, 2);
    EXPECT_EQ(page.rows[0].action, "audit_pruned");  // the prune itself is logged
    EXPECT_EQ(page.rows[1].object_id, "recent");
    EXPECT_EQ(*m_log.prune(database(), 6), 0);
}

TEST_P(AuditLogTest, SubjectReportHidesStaffUnlessAsked) {
    Entry read{"read", "citizen", "11", "", "opfølgning"};
    ASSERT_TRUE(record(caseworker(), read).ok());
    m_clock.advance(60);
    ASSERT_TRUE(record(caseworker(), {"read", "citizen", "12", "", "andet"}).ok());
    ASSERT_TRUE(record(caseworker(), {"update", "citizen", "11", "", "plan"}).ok());

    auto hidden = database().read(
        [&](db::Connection& c) { return m_log.subject_report(c, "citizen", "11", StaffIdentity::Hidden); });
    ASSERT_TRUE(hidden.ok());
    ASSERT_EQ(hidden->size(), 2u);
    EXPECT_EQ(hidden->at(0).action, "read");
    EXPECT_EQ(hidden->at(0).purpose, "opfølgning");
    EXPECT_EQ(hidden->at(0).role, "caseworker");
    EXPECT_EQ(hidden->at(1).action, "update");
    for (const auto& a : *hidden) EXPECT_FALSE(a.username.has_value());

    auto shown = database().read(
        [&](db::Connection& c) { return m_log.subject_report(c, "citizen", "11", StaffIdentity::Included); });
    ASSERT_TRUE(shown.ok());
    EXPECT_EQ(shown->at(0).username, "sagsbehandler");
}

TEST_P(AuditLogTest, FailureRollsBackTheCallersTransaction) {
    m_log.set_failure_for_testing(true);
    auto r = database().write([&](db::Connection& c) -> core::Result<void> {
        BB_TRY(c.query("INSERT INTO settings (key, value) VALUES ('fail_closed_probe', 'x')"));
        return m_log.record(c, caseworker(), {"read", "citizen", "11"});
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Unavailable);
    m_log.set_failure_for_testing(false);
    auto probe = database().read([](db::Connection& c) {
        return c.query("SELECT COUNT(*) FROM settings WHERE key = 'fail_closed_probe'");
    });
    ASSERT_TRUE(probe.ok());
    EXPECT_EQ(probe->first().int64(0), 0);
    EXPECT_EQ(count(), 0);
}

TEST_P(AuditLogTest, RetentionSetting) {
    auto months = [&] {
        return *database().read([&](db::Connection& c) { return m_log.retention_months(c); });
    };
    EXPECT_EQ(months(), 6);
    auto set = [&](const char* value) {
        ASSERT_TRUE(database()
                        .write([&](db::Connection& c) {
                            return c.query(
                                "UPDATE settings SET value = $1 WHERE key = 'audit_retention_months'",
                                {std::string(value)});
                        })
                        .ok());
    };
    set("24");
    EXPECT_EQ(months(), 24);
    set("nonsense");
    EXPECT_EQ(months(), 6);
}

BB_INSTANTIATE_BACKENDS(AuditLogTest);

}  // namespace
}  // namespace audit
