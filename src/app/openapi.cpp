#include "app/openapi.hpp"

#include <map>

#include "core/text.hpp"
#include "web/json.hpp"

namespace app {

std::string openapi_document(const web::Router& router, const std::string& version) {
    using web::json_quote;
    std::map<std::string, std::vector<const web::Route*>> paths;
    for (const auto& r : router.routes())
        if (r.pattern.rfind("/api/v1/", 0) == 0) paths[web::path_template(r.pattern)].push_back(&r);

    std::string out =
        R"({"openapi":"3.1.0","info":{"title":"Brobygger API","version":)" + json_quote(version) +
        R"(,"description":"JSON API for Brobygger. Authenticate with a session cookie (and the X-CSRF-Token header for writes) or with 'Authorization: Bearer <API token>'. Errors always have the shape of the Error schema."},)"
        R"("servers":[{"url":"/"}],"paths":{)";
    bool first_path = true;
    for (const auto& [pattern, routes] : paths) {
        if (!first_path) out += ',';
        first_path = false;
        out += json_quote(pattern) + ":{";
        bool first_op = true;
        for (const web::Route* r : routes) {
            if (!first_op) out += ',';
            first_op = false;
            std::string method = core::to_lower_ascii(web::method_name(r->method));
            out += json_quote(method) + ":{";
            out += R"("summary":)" + json_quote(r->summary.empty() ? pattern : r->summary);
            std::string op_id = method;
            for (char c : pattern) op_id += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
            out += R"(,"operationId":)" + json_quote(op_id);
            out += R"(,"x-roles":)" + json_quote(r->access.describe());
            if (r->access.is_public()) out += R"(,"security":[])";
            std::string params;
            for (auto seg : core::split(r->pattern, '/')) {
                if (seg.size() > 2 && seg.front() == '{') {
                    // {name} is a string, {name:int} a positive integer (the router matches no other).
                    std::string_view name = seg.substr(1, seg.size() - 2);
                    const bool integer = name.ends_with(":int");
                    if (integer) name.remove_suffix(4);
                    if (!params.empty()) params += ',';
                    params += R"({"name":)" + json_quote(name) + R"(,"in":"path","required":true,"schema":)" +
                              (integer ? R"({"type":"integer","minimum":1})" : R"({"type":"string"})") + "}";
                }
            }
            if (!params.empty()) out += R"(,"parameters":[)" + params + "]";
            if (r->method == web::Method::Post || r->method == web::Method::Put ||
                r->method == web::Method::Patch)
                out += R"(,"requestBody":{"content":{"application/json":{"schema":{"type":"object"}}}})";
            out +=
                R"(,"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"type":"object"}}}},)"
                R"("default":{"description":"Error","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}}}})";
        }
        out += '}';
    }
    out +=
        R"(},"components":{"securitySchemes":{"session":{"type":"apiKey","in":"cookie","name":"bb_session"},)"
        R"("token":{"type":"http","scheme":"bearer"}},)"
        R"("schemas":{"Error":{"type":"object","required":["error"],"properties":{"error":{"type":"object",)"
        R"("required":["status","code","message","fields"],"properties":{"status":{"type":"integer"},)"
        R"("code":{"type":"string","enum":["validation","not_found","conflict","forbidden","unauthorized","too_many_requests","too_large","unavailable","internal","method_not_allowed","unsupported_media_type"]},)"
        R"("message":{"type":"string"},"fields":{"type":"array","items":{"type":"object","properties":{"field":{"type":"string"},"message":{"type":"string"}}}}}}}}}},)"
        R"("security":[{"session":[]},{"token":[]}]})";
    return out;
}

}  // namespace app
