#include "web/form_views.hpp"

namespace web {

std::optional<std::string> field_error(const std::optional<core::Error>& error, std::string_view field) {
    if (!error) return std::nullopt;
    for (const auto& f : error->fields)
        if (f.field == field) return f.message;
    return std::nullopt;
}

namespace {

View base_field(const FieldSpec& s, const std::optional<core::Error>& error) {
    View v;
    v.set("id", s.id).set("name", s.id).set("label", s.label);
    if (!s.value.empty()) v.set("value", s.value);
    if (!s.type.empty()) v.set("type", s.type);
    if (!s.autocomplete.empty()) v.set("autocomplete", s.autocomplete);
    if (!s.hint.empty()) v.set("hint", s.hint);
    if (!s.width.empty()) v.set("width", s.width);
    if (!s.inputmode.empty()) v.set("inputmode", s.inputmode);
    if (s.required) v.set("required", true);
    if (s.optional) v.set("optional", true);
    if (auto e = field_error(error, s.id)) v.set("error", *e);
    return v;
}

}  // namespace

View text_field(const FieldSpec& spec, const std::optional<core::Error>& error) {
    return base_field(spec, error);
}

View select_field(const FieldSpec& spec, const Options& options, std::string_view selected,
                  const std::optional<core::Error>& error) {
    View v = base_field(spec, error);
    View::List list;
    for (const auto& [value, label] : options) {
        View o;
        o.set("value", value).set("label", label).set("selected", value == selected);
        list.push_back(std::move(o));
    }
    v.set("options", std::move(list));
    return v;
}

void set_errors(View& view, const std::optional<core::Error>& error, std::string_view fallback_field) {
    if (!error) return;
    View::List list;
    for (const auto& f : error->fields) {
        View e;
        e.set("field", f.field).set("message", f.message);
        list.push_back(std::move(e));
    }
    if (list.empty()) {
        View e;
        e.set("field", std::string(fallback_field)).set("message", error->message);
        list.push_back(std::move(e));
    }
    view.set("has_errors", true);
    view.set("errors", std::move(list));
}

}  // namespace web
