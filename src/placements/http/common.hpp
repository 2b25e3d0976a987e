#pragma once
/// Helpers shared by the placements_http translation units.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "placements/model.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"
#include "web/middleware.hpp"
#include "web/router.hpp"

namespace placements_http::detail {

using web::Options;

inline Options choices(const std::vector<placements::Choice>& list, std::string first) {
    Options out;
    if (!first.empty()) out.emplace_back("", std::move(first));
    for (const auto& c : list) out.emplace_back(c.value, c.label);
    return out;
}

/// A text field with a value; `kind`: "" text, "date", "textarea" handled by the template.
inline web::View field(std::string id, std::string label, std::string value, std::string hint,
                       const std::optional<core::Error>& error, bool required = true, std::string type = {},
                       std::string width = {}) {
    web::FieldSpec s;
    s.id = std::move(id);
    s.label = std::move(label);
    s.value = std::move(value);
    s.hint = std::move(hint);
    s.type = std::move(type);
    s.width = std::move(width);
    s.autocomplete = "off";
    s.required = required;
    s.optional = !required;
    return web::text_field(s, error);
}

inline web::View date_field(std::string id, std::string label, std::string value,
                            const std::optional<core::Error>& error, bool required = true,
                            std::string hint = {}) {
    if (hint.empty()) hint = "Skrives ÅÅÅÅ-MM-DD, fx 2026-03-14.";
    return field(std::move(id), std::move(label), std::move(value), std::move(hint), error, required, "date",
                 "s");
}

inline std::string opt_date_text(const std::optional<core::Date>& d) {
    return d ? d->danish() : std::string();
}

}  // namespace placements_http::detail
