#pragma once
/// The composition root: opens storage, builds the services, the routes and the pipeline.
/// `main` serves it; the HTTP tests run it in-process on an ephemeral port.
#include <memory>
#include <string>

#include "accounts/model.hpp"
#include "app/config.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace web {
class Router;
class Dispatcher;
class Server;
class Site;
class Templates;
class StaticFiles;
}  // namespace web
namespace report {
class ReportService;
}  // namespace report
namespace accounts {
class AccountService;
}
namespace audit {
class AuditLog;
class AuditReader;
}  // namespace audit
namespace enterprises {
class EnterpriseService;
class RsvService;
}  // namespace enterprises
namespace catalogue {
class CatalogueService;
class ImageService;
}  // namespace catalogue
namespace buying {
class BuyingService;
}
namespace placements {
class PlacementsService;
}
namespace evaluation {
class EvaluationService;
}
namespace citizens {
class CitizenService;
}
namespace jobs {
class JobService;
}
namespace openings {
class OpeningsService;
}
namespace events {
class EventService;
}  // namespace events
namespace grants {
class GrantService;
}  // namespace grants
namespace stories {
class StoryService;
}  // namespace stories
namespace goals {
class GoalService;
}
namespace employment_import {
class Importer;
}
namespace catalogue_import {
class Importer;
}

namespace app {

class Application {
public:
    /// Takes an open database; migrations are applied by `prepare()`.
    Application(Config config, std::unique_ptr<db::Database> database, const core::Clock& clock,
                accounts::AccountSettings account_settings = {});
    ~Application();
    Application(const Application&) = delete;
    Application& operator=(const Application&) = delete;

    /// Applies migrations and, when configured, loads demo data into an empty database.
    core::Result<void> prepare();
    /// Loads the demo data through the application's services when the database has no users
    /// (after prepare()); returns whether it loaded.
    core::Result<bool> load_demo_data();
    /// Starts the HTTP server (port 0 = ephemeral) without blocking.
    void start_server();
    /// Blocks until SIGTERM/SIGINT or stop_server() drained the server.
    void wait();
    void stop_server();
    [[nodiscard]] unsigned short port() const;

    [[nodiscard]] const Config& config() const { return m_config; }
    [[nodiscard]] db::Database& database() { return *m_db; }
    [[nodiscard]] accounts::AccountService& accounts() { return *m_accounts; }
    [[nodiscard]] audit::AuditLog& audit() { return *m_audit; }
    [[nodiscard]] const web::Router& router() const { return *m_router; }
    [[nodiscard]] web::Dispatcher& dispatcher() { return *m_dispatcher; }
    /// Deletes audit rows older than the retention period; returns rows deleted.
    core::Result<std::int64_t> run_retention();

private:
    void build_routes();
    void run_jobs();

    Config m_config;
    std::unique_ptr<db::Database> m_db;
    const core::Clock& m_clock;
    // The services in dependency order (see the constructor): dependents are destroyed first.
    std::unique_ptr<audit::AuditLog> m_audit;
    std::unique_ptr<audit::AuditReader> m_audit_reader;
    std::unique_ptr<accounts::AccountService> m_accounts;
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<enterprises::RsvService> m_rsv;
    std::unique_ptr<catalogue::CatalogueService> m_catalogue;
    std::unique_ptr<catalogue::ImageService> m_catalogue_images;
    std::unique_ptr<placements::PlacementsService> m_placements;
    std::unique_ptr<evaluation::EvaluationService> m_evaluation;
    std::unique_ptr<jobs::JobService> m_jobs_service;
    std::unique_ptr<events::EventService> m_events;
    std::unique_ptr<grants::GrantService> m_grants;
    std::unique_ptr<stories::StoryService> m_stories;
    std::unique_ptr<buying::BuyingService> m_buying;
    std::unique_ptr<citizens::CitizenService> m_citizens;
    std::unique_ptr<openings::OpeningsService> m_openings;
    std::unique_ptr<goals::GoalService> m_goals;
    std::unique_ptr<report::ReportService> m_report;
    std::unique_ptr<employment_import::Importer> m_employment_import;
    std::unique_ptr<catalogue_import::Importer> m_catalogue_import;
    std::unique_ptr<web::Templates> m_templates;
    std::unique_ptr<web::Site> m_site;
    std::unique_ptr<web::Router> m_router;
    std::unique_ptr<web::StaticFiles> m_static;
    std::unique_ptr<web::Dispatcher> m_dispatcher;
    std::unique_ptr<web::Server> m_server;
    struct Jobs;
    std::unique_ptr<Jobs> m_jobs;
};

/// Program version ("0.1.0").
std::string version();

}  // namespace app
