#include "web/templates.hpp"

#include <fstream>
#include <kainjow/mustache.hpp>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace web {
namespace mst = kainjow::mustache;

View& View::set(std::string key, std::string value) {
    m_entries[std::move(key)] = Node{std::move(value), false};
    return *this;
}
View& View::set(std::string key, bool value) {
    m_entries[std::move(key)] = Node{value, false};
    return *this;
}
View& View::set(std::string key, std::int64_t value) {
    m_entries[std::move(key)] = Node{value, false};
    return *this;
}
View& View::set(std::string key, double value) {
    m_entries[std::move(key)] = Node{value, false};
    return *this;
}
View& View::set(std::string key, View value) {
    m_entries[std::move(key)] = Node{std::make_shared<View>(std::move(value)), false};
    return *this;
}
View& View::set(std::string key, List value) {
    m_entries[std::move(key)] = Node{std::move(value), false};
    return *this;
}
View& View::set_html(std::string key, std::string html) {
    m_entries[std::move(key)] = Node{std::move(html), true};
    return *this;
}

namespace {

mst::data to_data(const View& view);

std::string format_double(double d) {
    std::ostringstream os;
    os.precision(15);
    os << d;
    return os.str();
}

mst::data node_data(const View::Node& node) {
    return std::visit(
        [](const auto& v) -> mst::data {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>)
                return mst::data(v);
            else if constexpr (std::is_same_v<T, bool>)
                return mst::data(v);
            else if constexpr (std::is_same_v<T, std::int64_t>)
                return mst::data(std::to_string(v));
            else if constexpr (std::is_same_v<T, double>)
                return mst::data(format_double(v));
            else if constexpr (std::is_same_v<T, View::List>) {
                mst::data list(mst::data::type::list);
                for (const View& item : v) list.push_back(to_data(item));
                return list;
            } else {
                return v ? to_data(*v) : mst::data(false);
            }
        },
        node.value);
}

mst::data to_data(const View& view) {
    mst::data obj(mst::data::type::object);
    for (const auto& [key, node] : view.entries()) obj.set(key, node_data(node));
    return obj;
}

}  // namespace

struct Templates::Impl {
    std::map<std::string, std::string, std::less<>> sources;
    std::map<std::string, std::string, std::less<>> reload_dirs;  // prefix → directory
    mutable std::mutex mutex;

    std::string source(std::string_view name) const {
        auto slash = name.find('/');
        if (slash != std::string_view::npos) {
            auto dir = reload_dirs.find(name.substr(0, slash));
            if (dir != reload_dirs.end()) {
                std::ifstream in(dir->second + "/" + std::string(name.substr(slash + 1)) + ".mustache");
                if (in) {
                    std::ostringstream os;
                    os << in.rdbuf();
                    return os.str();
                }
            }
        }
        auto it = sources.find(name);
        if (it == sources.end()) throw std::logic_error("unknown template: " + std::string(name));
        return it->second;
    }
};

Templates::Templates() : m_impl(std::make_unique<Impl>()) {}
Templates::~Templates() = default;

void Templates::add(std::string_view prefix, std::span<const core::EmbeddedFile> files) {
    static constexpr std::string_view k_ext = ".mustache";
    for (const auto& f : files) {
        std::string_view name = f.name;
        if (name.size() <= k_ext.size() || name.substr(name.size() - k_ext.size()) != k_ext) continue;
        name.remove_suffix(k_ext.size());
        m_impl->sources[std::string(prefix) + "/" + std::string(name)] = std::string(f.data);
    }
}

void Templates::set_reload_dir(std::string_view prefix, std::string dir) {
    m_impl->reload_dirs[std::string(prefix)] = std::move(dir);
}

bool Templates::has(std::string_view name) const {
    return m_impl->sources.count(name) > 0;
}

std::string Templates::render(std::string_view name, const View& view) const {
    const bool reloading = !m_impl->reload_dirs.empty();
    mst::data data = to_data(view);
    // Every template can be used as a partial by its full name ({{> web/form_errors}}). The
    // partials point into the source map, which is not changed after start-up.
    for (const auto& [partial_name, text] : m_impl->sources) {
        if (reloading) {
            std::string fresh = m_impl->source(partial_name);
            data.set(partial_name, mst::partial([fresh]() { return fresh; }));
        } else {
            const std::string* source = &text;
            data.set(partial_name, mst::partial([source]() { return *source; }));
        }
    }
    // Parsed templates are cached per thread (kainjow's render is not const).
    thread_local std::map<std::pair<const Impl*, std::string>, std::unique_ptr<mst::mustache>, std::less<>>
        cache;
    std::unique_ptr<mst::mustache> fresh_template;
    mst::mustache* tmpl = nullptr;
    if (reloading) {
        fresh_template = std::make_unique<mst::mustache>(m_impl->source(name));
        tmpl = fresh_template.get();
    } else {
        auto key = std::make_pair(static_cast<const Impl*>(m_impl.get()), std::string(name));
        auto it = cache.find(key);
        if (it == cache.end())
            it = cache.emplace(key, std::make_unique<mst::mustache>(m_impl->source(name))).first;
        tmpl = it->second.get();
    }
    if (!tmpl->is_valid())
        throw std::logic_error("template " + std::string(name) + ": " + tmpl->error_message());
    // Pre-rendered HTML values are inserted unescaped with {{{key}}}; nothing else is raw.
    std::string out = tmpl->render(data);
    if (!tmpl->is_valid())
        throw std::logic_error("template " + std::string(name) + ": " + tmpl->error_message());
    return out;
}

}  // namespace web
