#include "http/json_probe.hpp"

#include <boost/json.hpp>

namespace http_test {
namespace {

const boost::json::value* find(const boost::json::value& v, std::string_view pointer) {
    boost::system::error_code ec;
    const boost::json::value* found = v.find_pointer(pointer, ec);
    return ec ? nullptr : found;
}

std::optional<boost::json::value> parse(std::string_view doc) {
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(doc, ec);
    if (ec) return std::nullopt;
    return v;
}

}  // namespace

std::optional<std::string> json_at(std::string_view doc, std::string_view pointer) {
    auto v = parse(doc);
    if (!v) return std::nullopt;
    const boost::json::value* found = find(*v, pointer);
    if (!found) return std::nullopt;
    if (found->is_string()) return std::string(found->get_string());
    return boost::json::serialize(*found);
}

std::vector<std::string> json_keys(std::string_view doc, std::string_view pointer) {
    std::vector<std::string> out;
    auto v = parse(doc);
    if (!v) return out;
    const boost::json::value* found = find(*v, pointer);
    if (!found || !found->is_object()) return out;
    for (const auto& kv : found->get_object()) out.emplace_back(kv.key());
    return out;
}

std::string json_pointer_key(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

}  // namespace http_test
