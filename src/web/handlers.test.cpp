#include "web/handlers.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace {

using core::Actor;
using core::Error;
using core::Result;

struct Note {
    std::int64_t id = 0;
    std::string text;
};
struct NoteInput {
    std::string text;
};

/// A service with the four calls register_form_routes uses; "conflict" and "" are refused.
class Notes {
public:
    Result<Note> get(std::int64_t id, const Actor&) {
        ++gets;
        auto it = m_rows.find(id);
        if (it == m_rows.end()) return Error::not_found("Noten findes ikke.");
        return it->second;
    }
    Result<Note> create(const NoteInput& in, const Actor&) {
        if (in.text.empty()) return Error::validation("text", "Skriv en tekst.");
        if (in.text == "conflict") return Error::conflict("Noten findes allerede.");
        Note n{static_cast<std::int64_t>(m_rows.size()) + 1, in.text};
        m_rows[n.id] = n;
        return n;
    }
    Result<Note> update(std::int64_t id, const NoteInput& in, const Actor& a) {
        BB_TRY(get(id, a));
        if (in.text.empty()) return Error::validation("text", "Skriv en tekst.");
        m_rows[id].text = in.text;
        return m_rows[id];
    }
    Result<void> remove(std::int64_t id, const Actor&) {
        m_rows.erase(id);
        return {};
    }
    int gets = 0;

private:
    std::map<std::int64_t, Note> m_rows;
};

/// Notes that cannot be deleted: no remove(), so no delete route.
class ReadOnlyNotes {
public:
    Result<Note> get(std::int64_t id, const Actor& a) { return m_notes.get(id, a); }
    Result<Note> create(const NoteInput& in, const Actor& a) { return m_notes.create(in, a); }
    Result<Note> update(std::int64_t id, const NoteInput& in, const Actor& a) {
        return m_notes.update(id, in, a);
    }

private:
    Notes m_notes;
};

class FormRoutesTest : public ::testing::Test {
protected:
    FormRoutesTest() : m_site(m_templates, web::SiteSettings{}, nullptr) {
        m_templates.add("web", web::layout_templates());
    }

    template <class Service = Notes>
    static web::FormResource<Service, NoteInput, Note> resource(
        web::ShownOnForm shown = web::ShownOnForm::Validation) {
        web::FormResource<Service, NoteInput, Note> r;
        r.path = "/notes";
        r.shown = shown;
        r.form = [](const web::Site&, Service&, const web::RequestContext&, std::optional<std::int64_t> id,
                    const NoteInput& in, const std::optional<Error>& error, int status) {
            web::Response res;
            res.status = status;
            res.body = "form " + (id ? std::to_string(*id) : std::string("new")) + " [" + in.text + "]" +
                       (error ? " " + error->message : std::string());
            return res;
        };
        r.input_from = [](const web::Form& f) { return NoteInput{f.text("text")}; };
        r.input_of = [](const Note& n) { return NoteInput{n.text}; };
        r.detail = [](const web::Site&, const web::RequestContext&, const Note& n) {
            return web::Response::html(200, "note " + n.text);
        };
        r.created = [](const Note& n) {
            return web::Redirect{"/notes/" + std::to_string(n.id), "Oprettet."};
        };
        r.updated = [](const Note& n) { return web::Redirect{"/notes/" + std::to_string(n.id), "Gemt."}; };
        r.removed = [](const Note& n) { return web::Redirect{"/notes", "\"" + n.text + "\" er slettet."}; };
        return r;
    }

    web::Response call(web::Method method, const std::string& path, std::string text = {}) {
        auto m = m_router.match(method, path);
        if (!m.route) return web::Response::html(m.path_exists ? 405 : 404, "no route");
        web::Request req;
        req.method = method;
        req.path = path;
        web::RequestContext ctx{req, m.params, m_actor, {}, {}, {}, {}, {}, false};
        if (auto form = web::Form::parse_urlencoded("text=" + web::encode_query_value(text)); form.ok())
            ctx.form = std::move(form.value());
        return m.route->handler(ctx);
    }

    std::set<std::string> patterns() const {
        std::set<std::string> out;
        for (const auto& r : m_router.routes())
            out.insert(std::string(web::method_name(r.method)) + " " + r.pattern);
        return out;
    }

    web::Templates m_templates;
    web::Site m_site;
    web::Router m_router;
    Actor m_actor = Actor::system("test");
};

TEST_F(FormRoutesTest, RegistersTheRoutesOfOneFormWithTypedIds) {
    Notes notes;
    web::register_form_routes(m_router, m_site, notes, resource());
    EXPECT_EQ(patterns(), (std::set<std::string>{"GET /notes/new", "POST /notes", "GET /notes/{id:int}",
                                                 "GET /notes/{id:int}/edit", "POST /notes/{id:int}",
                                                 "POST /notes/{id:int}/delete"}));
    ReadOnlyNotes read_only;
    web::Router other;
    auto r = resource<ReadOnlyNotes>();
    r.removed = nullptr;
    r.detail = nullptr;
    web::register_form_routes(other, m_site, read_only, std::move(r));
    EXPECT_EQ(other.routes().size(), 4u);  // no detail page, no delete
}

TEST_F(FormRoutesTest, AFailedCreateShowsTheFormAgainWithTheInputAndTheErrorsStatus) {
    Notes notes;
    web::register_form_routes(m_router, m_site, notes, resource());
    auto bad = call(web::Method::Post, "/notes", "");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.body, "form new [] Formularen indeholder fejl.");
    // A conflict is not shown on this form: the error page.
    auto conflict = call(web::Method::Post, "/notes", "conflict");
    EXPECT_EQ(conflict.status, 409);
    EXPECT_NE(conflict.body.find("Noten findes allerede."), std::string::npos);
    auto ok = call(web::Method::Post, "/notes", "Første");
    EXPECT_EQ(ok.status, 303);
    EXPECT_EQ(ok.header("location"), "/notes/1");
}

TEST_F(FormRoutesTest, ConflictsCanBeShownOnTheForm) {
    Notes notes;
    web::register_form_routes(m_router, m_site, notes, resource(web::ShownOnForm::ValidationOrConflict));
    auto conflict = call(web::Method::Post, "/notes", "conflict");
    EXPECT_EQ(conflict.status, 409);
    EXPECT_EQ(conflict.body, "form new [conflict] Noten findes allerede.");
}

TEST_F(FormRoutesTest, EditUpdateAndDeleteWorkOnTheStoredRecord) {
    Notes notes;
    ASSERT_TRUE(notes.create({"Første"}, m_actor).ok());
    web::register_form_routes(m_router, m_site, notes, resource());
    EXPECT_EQ(call(web::Method::Get, "/notes/1").body, "note Første");
    EXPECT_EQ(call(web::Method::Get, "/notes/1/edit").body, "form 1 [Første]");
    EXPECT_EQ(call(web::Method::Get, "/notes/2/edit").status, 404);
    EXPECT_EQ(call(web::Method::Get, "/notes/abc/edit").status, 404);  // the router: no route
    auto bad = call(web::Method::Post, "/notes/1", "");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.body, "form 1 [] Formularen indeholder fejl.");
    EXPECT_EQ(call(web::Method::Post, "/notes/1", "Anden").status, 303);
    EXPECT_EQ(notes.get(1, m_actor)->text, "Anden");
    const int gets = notes.gets;
    auto removed = call(web::Method::Post, "/notes/1/delete");
    EXPECT_EQ(removed.status, 303);
    EXPECT_EQ(removed.header("location"), "/notes");
    EXPECT_GT(notes.gets, gets);  // read first, for the flash text
    EXPECT_EQ(call(web::Method::Post, "/notes/1/delete").status, 404);
}

}  // namespace

namespace {

TEST_F(FormRoutesTest, AFailedLookUpWhileReadingTheFormIsTheErrorPageAndStoresNothing) {
    Notes notes;
    auto r = resource();
    r.read_form = [](Notes&, const web::RequestContext&) -> Result<NoteInput> {
        return Error::unavailable("Registret svarer ikke.");
    };
    web::register_form_routes(m_router, m_site, notes, std::move(r));
    auto failed = call(web::Method::Post, "/notes", "Første");
    EXPECT_EQ(failed.status, 503);
    EXPECT_NE(failed.body.find("Registret svarer ikke."), std::string::npos);
    EXPECT_EQ(notes.get(1, m_actor).ok(), false);
}

}  // namespace
