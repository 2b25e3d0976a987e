#include "web/forms.hpp"

#include <boost/url/decode_view.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/parse_query.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "core/text.hpp"

namespace web {
namespace urls = boost::urls;

namespace {
/// Decodes once; '+' is a space in form data.
std::string decode_form(urls::pct_string_view s) {
    urls::decode_view dv(s, urls::encoding_opts(true, false, false));
    return std::string(dv.begin(), dv.end());
}
}  // namespace

core::Result<Form> Form::parse_urlencoded(std::string_view text) {
    Form form;
    if (text.empty()) return form;
    auto parsed = urls::parse_query(text);
    if (!parsed) return core::Error{core::ErrorCode::Validation, "Formulardata kunne ikke læses.", {}};
    for (auto p : *parsed) {
        std::string key = decode_form(p.key);
        std::string value = p.has_value ? decode_form(p.value) : std::string();
        if (!core::is_valid_utf8(key) || !core::is_valid_utf8(value))
            return core::Error{core::ErrorCode::Validation, "Formulardata skal være UTF-8.", {}};
        form.m_fields.emplace_back(std::move(key), std::move(value));
    }
    return form;
}

std::optional<std::string> Form::get(std::string_view name) const {
    for (const auto& [k, v] : m_fields)
        if (k == name) return v;
    return std::nullopt;
}

std::string Form::text(std::string_view name) const {
    auto v = get(name);
    return v ? std::string(core::trim(*v)) : std::string();
}

std::vector<std::string> Form::get_all(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : m_fields)
        if (k == name) out.push_back(v);
    return out;
}

bool Form::has(std::string_view name) const {
    return get(name).has_value();
}

std::optional<std::string> decode_path(std::string_view path) {
    auto valid = urls::make_pct_string_view(path);
    if (!valid) return std::nullopt;
    urls::decode_view dv(*valid);
    std::string out(dv.begin(), dv.end());
    if (out.find('\0') != std::string::npos || !core::is_valid_utf8(out)) return std::nullopt;
    return out;
}

std::string encode_query_value(std::string_view value) {
    return urls::encode(value, urls::unreserved_chars);
}

}  // namespace web
