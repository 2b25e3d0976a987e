#pragma once
/// Helpers that turn form state and service errors into the views the field partials expect
/// (web/text_field, web/select_field, web/form_errors). Keys that would be empty are left out,
/// because Mustache treats an empty string as "true" in sections.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "web/templates.hpp"

namespace web {

/// The options of a select field: (value, label) pairs in the order shown.
using Options = std::vector<std::pair<std::string, std::string>>;

struct FieldSpec {
    std::string id;  ///< also the form name
    std::string label;
    std::string value;
    std::string type;  ///< "" = text
    std::string autocomplete;
    std::string hint;
    std::string width;
    std::string inputmode;
    bool required = false;
    bool optional = false;
};

/// A view for web/text_field with the error for `spec.id` taken from `error` (if any).
View text_field(const FieldSpec& spec, const std::optional<core::Error>& error = std::nullopt);
/// A view for web/select_field; `options` are (value, label) pairs, `selected` the chosen value.
View select_field(const FieldSpec& spec, const Options& options, std::string_view selected,
                  const std::optional<core::Error>& error = std::nullopt);
/// Sets has_errors/errors on `view` for web/form_errors. A validation error without field
/// errors is shown as one summary line linked to `fallback_field`.
void set_errors(View& view, const std::optional<core::Error>& error, std::string_view fallback_field);
/// The message for one field, if the error names it.
std::optional<std::string> field_error(const std::optional<core::Error>& error, std::string_view field);

}  // namespace web
