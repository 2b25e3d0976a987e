#include "app/application.hpp"

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "accounts/account_service.hpp"
#include "accounts/http/accounts_http.hpp"
#include "app/demo_data.hpp"
#include "app/pages.hpp"
#include "audit/audit_log.hpp"
#include "audit/audit_reader.hpp"
#include "audit/http/audit_http.hpp"
#include "buying/buying_service.hpp"
#include "buying/http/buying_http.hpp"
#include "catalogue/catalogue_service.hpp"
#include "catalogue/http/catalogue_http.hpp"
#include "catalogue/image_service.hpp"
#include "catalogue_import/http/import_http.hpp"
#include "catalogue_import/import.hpp"
#include "citizens/citizen_service.hpp"
#include "citizens/http/citizens_http.hpp"
#include "core/log.hpp"
#include "employment_import/http/import_http.hpp"
#include "employment_import/import.hpp"
#include "enterprises/enterprise_service.hpp"
#include "enterprises/http/enterprises_http.hpp"
#include "enterprises/http/import_http.hpp"
#include "enterprises/http/rsv_http.hpp"
#include "enterprises/rsv_service.hpp"
#include "evaluation/evaluation_service.hpp"
#include "evaluation/http/evaluation_http.hpp"
#include "events/event_service.hpp"
#include "events/http/events_http.hpp"
#include "goals/goal_service.hpp"
#include "goals/http/goals_http.hpp"
#include "grants/grant_service.hpp"
#include "grants/http/grants_http.hpp"
#include "jobs/http/jobs_http.hpp"
#include "jobs/job_service.hpp"
#include "openings/http/openings_http.hpp"
#include "openings/openings_service.hpp"
#include "placements/http/placements_http.hpp"
#include "placements/placements_service.hpp"
#include "report/http/report_http.hpp"
#include "report/report_service.hpp"
#include "stories/http/stories_http.hpp"
#include "stories/story_service.hpp"
#include "web/middleware.hpp"
#include "web/router.hpp"
#include "web/server.hpp"
#include "web/static_files.hpp"
#include "web/templates.hpp"

namespace app {

std::string version() {
    return "0.1.0";
}

struct Application::Jobs {
    std::mutex mutex;
    std::condition_variable cv;
    bool stop = false;
    std::thread thread;
};

Application::Application(Config config, std::unique_ptr<db::Database> database, const core::Clock& clock,
                         accounts::AccountSettings account_settings)
    : m_config(std::move(config)), m_db(std::move(database)), m_clock(clock) {
    // The whole object graph, built once in dependency order: every service gets the database,
    // the clock and the audit log, and the services it calls as references. No service builds
    // another; the members are declared in this order, so dependents are destroyed first.
    m_audit = std::make_unique<audit::AuditLog>(m_clock);
    m_audit_reader = std::make_unique<audit::AuditReader>(*m_db, m_clock, *m_audit);
    account_settings.idle_timeout = static_cast<core::UnixSeconds>(m_config.session_idle_minutes) * 60;
    account_settings.absolute_timeout =
        static_cast<core::UnixSeconds>(m_config.session_absolute_hours) * 3600;
    m_accounts = std::make_unique<accounts::AccountService>(*m_db, m_clock, *m_audit, account_settings);
    // Services without collaborators.
    m_enterprises = std::make_unique<enterprises::EnterpriseService>(*m_db, m_clock, *m_audit);
    m_rsv = std::make_unique<enterprises::RsvService>(*m_db, m_clock, *m_audit);
    m_catalogue = std::make_unique<catalogue::CatalogueService>(*m_db, m_clock, *m_audit);
    m_catalogue_images = std::make_unique<catalogue::ImageService>(
        *m_db, m_clock, *m_audit, std::filesystem::path(m_config.data_dir) / "images");
    m_placements = std::make_unique<placements::PlacementsService>(*m_db, m_clock, *m_audit);
    m_evaluation = std::make_unique<evaluation::EvaluationService>(*m_db, m_clock, *m_audit);
    m_jobs_service = std::make_unique<jobs::JobService>(*m_db, m_clock, *m_audit);
    m_events = std::make_unique<events::EventService>(*m_db, m_clock, *m_audit);
    m_grants = std::make_unique<grants::GrantService>(*m_db, m_clock, *m_audit);
    m_stories = std::make_unique<stories::StoryService>(*m_db, m_clock, *m_audit);
    // buying → catalogue; citizens → enterprises (vocabulary); openings → citizens, placements.
    m_buying = std::make_unique<buying::BuyingService>(*m_db, m_clock, *m_audit, *m_catalogue);
    m_citizens = std::make_unique<citizens::CitizenService>(*m_db, m_clock, *m_audit, *m_enterprises);
    m_openings =
        std::make_unique<openings::OpeningsService>(*m_db, m_clock, *m_audit, *m_citizens, *m_placements);
    // goals → the figure reads of enterprises, jobs, placements, buying, events, grants.
    m_goals = std::make_unique<goals::GoalService>(
        *m_db, m_clock, *m_audit,
        goals::Sources{*m_enterprises, *m_jobs_service, *m_placements, *m_buying, *m_events, *m_grants});
    {
        // report → goals, enterprises, evaluation, events, grants, jobs, stories. The report is
        // written for the instance's own municipality: "Slagelse Kommune" → "Slagelse".
        std::string municipality = m_config.municipality_name;
        if (municipality.size() > 8 && municipality.ends_with(" Kommune"))
            municipality.resize(municipality.size() - 8);
        m_report = std::make_unique<report::ReportService>(
            *m_db, m_clock, *m_audit, municipality,
            report::Sources{*m_enterprises, *m_evaluation, *m_events, *m_goals, *m_grants, *m_jobs_service,
                            *m_stories});
    }
    // The importers → enterprises (resolving rows' enterprises), catalogue.
    m_employment_import =
        std::make_unique<employment_import::Importer>(*m_db, m_clock, *m_audit, *m_enterprises);
    m_catalogue_import = std::make_unique<catalogue_import::Importer>(*m_db, *m_enterprises, *m_catalogue);
    build_routes();
}

Application::~Application() {
    stop_server();
}

void Application::build_routes() {
    m_templates = std::make_unique<web::Templates>();
    m_templates->add("web", web::layout_templates());
    m_templates->add("app", app::templates());
    m_templates->add("accounts", accounts_http::templates());
    m_templates->add("audit", audit_http::templates());
    m_templates->add("enterprises", enterprises_http::templates());
    m_templates->add("catalogue", catalogue_http::templates());
    m_templates->add("buying", buying_http::templates());
    m_templates->add("placements", placements_http::templates());
    m_templates->add("evaluation", evaluation_http::templates());
    m_templates->add("report", report_http::templates());
    m_templates->add("citizens", citizens_http::templates());
    m_templates->add("jobs", jobs_http::templates());
    m_templates->add("openings", openings_http::templates());
    m_templates->add("goals", goals_http::templates());
    m_templates->add("events", events_http::templates());
    m_templates->add("grants", grants_http::templates());
    m_templates->add("stories", stories_http::templates());
    m_templates->add("employment_import", employment_import_http::templates());
    m_templates->add("catalogue_import", catalogue_import_http::templates());
    if (!m_config.template_dir.empty()) {
        const std::string& src = m_config.template_dir;  // the source tree's src/
        m_templates->set_reload_dir("web", src + "/web/templates");
        m_templates->set_reload_dir("app", src + "/app/templates");
        m_templates->set_reload_dir("accounts", src + "/accounts/http/templates");
        m_templates->set_reload_dir("audit", src + "/audit/http/templates");
        m_templates->set_reload_dir("enterprises", src + "/enterprises/http/templates");
        m_templates->set_reload_dir("catalogue", src + "/catalogue/http/templates");
        m_templates->set_reload_dir("buying", src + "/buying/http/templates");
        m_templates->set_reload_dir("placements", src + "/placements/http/templates");
        m_templates->set_reload_dir("evaluation", src + "/evaluation/http/templates");
        m_templates->set_reload_dir("citizens", src + "/citizens/http/templates");
        m_templates->set_reload_dir("jobs", src + "/jobs/http/templates");
        m_templates->set_reload_dir("report", src + "/report/http/templates");
        m_templates->set_reload_dir("openings", src + "/openings/http/templates");
        m_templates->set_reload_dir("goals", src + "/goals/http/templates");
        m_templates->set_reload_dir("events", src + "/events/http/templates");
        m_templates->set_reload_dir("grants", src + "/grants/http/templates");
        m_templates->set_reload_dir("stories", src + "/stories/http/templates");
        m_templates->set_reload_dir("employment_import", src + "/employment_import/http/templates");
        m_templates->set_reload_dir("catalogue_import", src + "/catalogue_import/http/templates");
    }

    web::SiteSettings site_settings;
    site_settings.municipality_name = m_config.municipality_name;
    site_settings.force_secure_cookies = m_config.secure_cookies;
    m_site = std::make_unique<web::Site>(*m_templates, site_settings, &app::navigation);

    m_router = std::make_unique<web::Router>();
    register_pages(*m_router,
                   PagesDeps{*m_site, *m_db, *m_accounts, *m_audit_reader, m_clock, *m_jobs_service});
    accounts_http::register_routes(*m_router, *m_site, *m_accounts);
    audit_http::register_routes(*m_router, *m_site, *m_audit_reader, m_config.audit_retention_months);
    enterprises_http::register_import_routes(*m_router, *m_site, *m_enterprises);
    enterprises_http::register_routes(*m_router, *m_site, *m_enterprises);
    enterprises_http::register_rsv_routes(*m_router, *m_site, *m_rsv);
    catalogue_import_http::register_routes(*m_router, *m_site, *m_catalogue_import, *m_catalogue);
    catalogue_http::register_routes(*m_router, *m_site, *m_catalogue, m_catalogue_images.get());
    buying_http::register_routes(*m_router, *m_site, *m_buying);
    placements_http::register_routes(*m_router, *m_site, *m_placements);
    evaluation_http::register_routes(*m_router, *m_site, *m_evaluation);
    report_http::register_routes(*m_router, *m_site, *m_report);
    citizens_http::register_routes(*m_router, *m_site, *m_citizens);
    jobs_http::register_routes(*m_router, *m_site, *m_jobs_service);
    openings_http::register_routes(*m_router, *m_site, *m_openings);
    goals_http::register_routes(*m_router, *m_site, *m_goals);
    events_http::register_routes(*m_router, *m_site, *m_events);
    grants_http::register_routes(*m_router, *m_site, *m_grants);
    stories_http::register_routes(*m_router, *m_site, *m_stories);
    employment_import_http::register_routes(*m_router, *m_site, *m_employment_import);

    fill_default_paths(m_config);
    std::vector<web::StaticMount> mounts;
    mounts.push_back({"/static/dkfds/", m_config.dkfds_dir});
    mounts.push_back({"/static/", m_config.static_dir});
    m_static = std::make_unique<web::StaticFiles>(std::move(mounts));

    web::AuthHooks hooks;
    hooks.resolve_session = [this](std::string_view token,
                                   const web::Request& req) -> std::optional<web::Principal> {
        auto s = m_accounts->resolve_session(token);
        if (!s.ok() || !s.value()) return std::nullopt;
        const accounts::Session& session = **s;
        web::Principal p;
        p.actor = session.user.actor(req.client_ip, req.request_id);
        p.display_name = session.user.display_name;
        p.csrf_token = session.csrf_token;
        p.session_token = std::string(token);
        p.must_change_password = session.user.must_change_password;
        return p;
    };
    hooks.resolve_api_token = [this](std::string_view secret,
                                     const web::Request& req) -> std::optional<web::Principal> {
        auto t = m_accounts->resolve_api_token(secret);
        if (!t.ok() || !t.value()) return std::nullopt;
        web::Principal p;
        p.actor = (*t)->actor(req.client_ip, req.request_id);
        p.display_name = (*t)->name;
        return p;
    };
    hooks.on_denied = [this](const web::Request& req, const std::optional<core::Actor>& actor,
                             std::string_view why) {
        core::Actor who = actor ? *actor : core::Actor::system("anonymous");
        who.client_ip = req.client_ip;
        who.request_id = req.request_id;
        auto r = m_db->write([&](db::Connection& c) {
            return m_audit->record(
                c, who,
                audit::Entry{
                    "access_denied", "route", "",
                    std::string(why) + " " + std::string(web::method_name(req.method)) + " " + req.path, "",
                    std::string(audit::k_outcome_denied)});
        });
        core::log::warn("access denied (" + std::string(why) + ") " + who.username + " " + req.path);
        if (!r.ok()) core::log::error("could not audit a denied access");
    };
    m_dispatcher = std::make_unique<web::Dispatcher>(*m_router, *m_site, m_static.get(), std::move(hooks));
}

core::Result<void> Application::prepare() {
    BB_ASSIGN(int applied, db::migrate(*m_db));
    if (applied > 0) core::log::info("applied " + std::to_string(applied) + " migration(s)");
    if (m_config.demo) {
        BB_ASSIGN(bool loaded, load_demo_data());
        if (loaded) core::log::info("loaded demo data");
    }
    return {};
}

core::Result<bool> Application::load_demo_data() {
    return load_demo_data_if_empty(DemoServices{*m_accounts, *m_enterprises, *m_catalogue, *m_buying,
                                                *m_citizens, *m_placements, *m_openings, *m_goals},
                                   *m_db, m_clock);
}

void Application::start_server() {
    auto listen = parse_listen(m_config.listen);
    web::ServerOptions options;
    if (listen.ok()) {
        options.address = listen->first;
        options.port = listen->second;
    }
    options.worker_threads = m_config.worker_threads;
    options.trusted_proxies = m_config.trusted_proxies;
    options.upload_path_prefixes = {"/import", "/api/v1/import", "/catalogue/images/"};
    m_server = std::make_unique<web::Server>(
        options, [this](web::Request& req) { return m_dispatcher->handle(req); },
        [this](int status) {
            web::Request req;
            req.path = "/";
            return m_site->error(req, std::nullopt, status);
        });
    m_server->start();
    m_jobs = std::make_unique<Jobs>();
    m_jobs->thread = std::thread([this] { run_jobs(); });
}

void Application::run_jobs() {
    // Housekeeping every hour: audit retention and expired sessions.
    std::unique_lock lock(m_jobs->mutex);
    do {
        lock.unlock();
        auto pruned = run_retention();
        if (pruned.ok() && *pruned > 0)
            core::log::info("retention: deleted " + std::to_string(*pruned) + " audit rows");
        auto purged = m_accounts->purge_expired();
        if (!purged.ok()) core::log::warn("could not purge expired sessions");
        lock.lock();
    } while (!m_jobs->cv.wait_for(lock, std::chrono::hours(1), [this] { return m_jobs->stop; }));
}

core::Result<std::int64_t> Application::run_retention() {
    return m_audit->prune(*m_db, m_config.audit_retention_months);
}

void Application::wait() {
    if (m_server) m_server->wait();
}

void Application::stop_server() {
    if (m_jobs) {
        {
            std::lock_guard lock(m_jobs->mutex);
            m_jobs->stop = true;
        }
        m_jobs->cv.notify_all();
        if (m_jobs->thread.joinable()) m_jobs->thread.join();
        m_jobs.reset();
    }
    if (m_server) {
        m_server->stop();
        m_server.reset();
    }
}

unsigned short Application::port() const {
    return m_server ? m_server->port() : 0;
}

}  // namespace app
