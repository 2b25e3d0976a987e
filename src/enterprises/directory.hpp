#pragma once
/// The registry's read API for the other packages (docs/architecture.md §2): whether an
/// enterprise exists and what it is, the choice lists of enterprises by kind, names of ids, the
/// whole registry for an import's look-ups, and the vocabularies. Every function reads on the
/// caller's connection, so it sees (and is part of) the caller's transaction. No access rule
/// here: the calling service has decided that its actor may see what it asks for.
///
/// Packages may still join `enterprises` (id, name, name_key) read-only in their own list SQL
/// for display names and sort order; everything else about the registry goes through here.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/choice.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "enterprises/model.hpp"

namespace enterprises::directory {

/// Which organisations a list or a check admits.
enum class Scope {
    All,            ///< every organisation of the registry
    SocialEconomy,  ///< social enterprises and initiatives only
};

/// True when `kind` belongs to `scope`.
bool in_scope(Kind kind, Scope scope);

/// What other packages may know about one enterprise.
struct EnterpriseRef {
    std::int64_t id = 0;
    std::string name;
    Kind kind = Kind::SocialEnterprise;
    std::optional<int> employees;
    std::string cvr;  ///< empty when the registry has none
    std::string municipality;
};

/// One enterprise, or nullopt when the id is unknown.
core::Result<std::optional<EnterpriseRef>> find(db::Connection& conn, std::int64_t id);

/// Every enterprise in `scope`, optionally of one municipality, by name (Danish order) and id.
core::Result<std::vector<EnterpriseRef>> list(db::Connection& conn, Scope scope = Scope::All,
                                              std::string_view municipality = {});

/// The choice list of a form (value = id, label = name), by name; `only` > 0 keeps that id.
core::Result<std::vector<core::Choice>> choices(db::Connection& conn, Scope scope, std::int64_t only = 0);

/// The names of the given ids (unknown ids are absent from the map).
core::Result<std::unordered_map<std::int64_t, std::string>> names(db::Connection& conn,
                                                                  std::span<const std::int64_t> ids);

/// Messages of `check_choice` that differ between forms.
struct ChoiceRules {
    Scope scope = Scope::All;
    std::string missing = "Vælg en virksomhed fra listen.";  ///< the field is empty
    std::string out_of_scope = "Vælg en socialøkonomisk virksomhed eller et initiativ.";
};

/// Checks an enterprise field as a form sends it (an id as text): empty, not an id, unknown
/// and outside the scope each add one Danish message on `field` to `v`. The enterprise when
/// the field is good; nullopt (with the message added) otherwise.
core::Result<std::optional<EnterpriseRef>> check_choice(db::Connection& conn, core::Validator& v,
                                                        std::string_view field, std::string_view text,
                                                        const ChoiceRules& rules = {});

/// The entries of one vocabulary, by sort order and label; only the active ones unless
/// `include_inactive`.
core::Result<std::vector<VocabularyEntry>> vocabulary(db::Connection& conn, VocabularyKind kind,
                                                      bool include_inactive = false);

/// The active entries of one vocabulary as a form's choices (value = code, label).
core::Result<std::vector<core::Choice>> vocabulary_choices(db::Connection& conn, VocabularyKind kind);

/// One vocabulary entry by code (active or not), or nullopt.
core::Result<std::optional<VocabularyEntry>> vocabulary_entry(db::Connection& conn, VocabularyKind kind,
                                                              std::string_view code);

}  // namespace enterprises::directory
