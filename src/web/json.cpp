#include "web/json.hpp"

#include <boost/json.hpp>

#include "core/text.hpp"
#include "web/forms.hpp"

namespace web {
namespace json = boost::json;

namespace {

json::value to_value(const View& view);

json::value node_value(const View::Node& node) {
    return std::visit(
        [](const auto& v) -> json::value {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>)
                return json::value(json::string(v));
            else if constexpr (std::is_same_v<T, bool>)
                return json::value(v);
            else if constexpr (std::is_same_v<T, std::int64_t>)
                return json::value(v);
            else if constexpr (std::is_same_v<T, double>)
                return json::value(v);
            else if constexpr (std::is_same_v<T, View::List>) {
                json::array a;
                for (const View& item : v) a.push_back(to_value(item));
                return a;
            } else {
                return v ? to_value(*v) : json::value(nullptr);
            }
        },
        node.value);
}

json::value to_value(const View& view) {
    json::object o;
    for (const auto& [key, node] : view.entries()) {
        if (node.raw_html) continue;  // pre-rendered HTML is never part of the API
        o[key] = node_value(node);
    }
    return o;
}

}  // namespace

std::string to_json(const View& view) {
    return json::serialize(to_value(view));
}

std::string to_json(const View::List& list) {
    json::array a;
    for (const View& v : list) a.push_back(to_value(v));
    return json::serialize(a);
}

std::string_view error_code_name(core::ErrorCode code) {
    switch (code) {
        case core::ErrorCode::Validation:
            return "validation";
        case core::ErrorCode::NotFound:
            return "not_found";
        case core::ErrorCode::Conflict:
            return "conflict";
        case core::ErrorCode::Forbidden:
            return "forbidden";
        case core::ErrorCode::Unauthorized:
            return "unauthorized";
        case core::ErrorCode::TooManyRequests:
            return "too_many_requests";
        case core::ErrorCode::TooLarge:
            return "too_large";
        case core::ErrorCode::Unavailable:
            return "unavailable";
        case core::ErrorCode::Internal:
            return "internal";
    }
    return "internal";
}

std::string_view error_code_name(int status, core::ErrorCode code) {
    switch (status) {
        case 405:
            return "method_not_allowed";
        case 415:
            return "unsupported_media_type";
        default:
            return error_code_name(code);
    }
}

std::string json_error(int status, const core::Error& error) {
    json::object e;
    e["status"] = status;
    e["code"] = error_code_name(status, error.code);
    e["message"] = error.message;
    json::array fields;
    for (const auto& f : error.fields)
        fields.push_back(json::object{{"field", f.field}, {"message", f.message}});
    e["fields"] = std::move(fields);
    return json::serialize(json::object{{"error", std::move(e)}});
}

std::string json_quote(std::string_view s) {
    return json::serialize(json::string(s));
}

bool is_valid_json(std::string_view text) {
    json::error_code ec;
    (void)json::parse(text, ec);
    return !ec;
}

core::Result<Form> Form::parse_json(std::string_view text) {
    auto bad = [](std::string msg) { return core::Error{core::ErrorCode::Validation, std::move(msg), {}}; };
    if (!core::is_valid_utf8(text)) return bad("JSON skal være UTF-8.");
    json::error_code ec;
    json::parse_options opts;
    opts.max_depth = 8;
    json::value v = json::parse(text, ec, {}, opts);
    if (ec) return bad("Ugyldig JSON.");
    if (!v.is_object()) return bad("JSON skal være et objekt.");
    Form form;
    auto scalar = [](const json::value& x, std::string& out) {
        if (x.is_string())
            out = std::string(x.get_string());
        else if (x.is_bool())
            out = x.get_bool() ? "true" : "false";
        else if (x.is_int64())
            out = std::to_string(x.get_int64());
        else if (x.is_uint64())
            out = std::to_string(x.get_uint64());
        else if (x.is_double())
            out = json::serialize(x);
        else
            return false;
        return true;
    };
    for (const auto& [key, value] : v.get_object()) {
        std::string name(key);
        if (value.is_null()) continue;
        if (value.is_array()) {
            for (const auto& item : value.get_array()) {
                std::string s;
                if (!scalar(item, s)) return bad("Feltet " + name + " må kun indeholde enkle værdier.");
                form.add(name, std::move(s));
            }
            continue;
        }
        std::string s;
        if (!scalar(value, s)) return bad("Feltet " + name + " har en ugyldig type.");
        form.add(std::move(name), std::move(s));
    }
    return form;
}

}  // namespace web
