// Seeds a Brobygger database with N generated, published catalogue items for the search
// benchmark (bench/catalogue/README.md). Goes through the db library so that SQLite's FTS index
// is filled with the project's Danish tokenizer; one transaction for the whole batch.
//
//   bb_seed_catalogue --db PATH|postgresql://… --items 100000
//
// The database must already hold the demo registry (brobygger demo-data --db …).
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/text.hpp"
#include "db/database.hpp"

namespace {

const std::vector<std::string> k_nouns = {
    "æbler",    "kage",       "kager",    "brød",     "frokost",   "buffet",     "kaffe",
    "suppe",    "salat",      "sandwich", "cykel",    "cykler",    "reparation", "havearbejde",
    "brænde",   "møbler",     "stole",    "borde",    "tekstiler", "tasker",     "smykker",
    "keramik",  "lys",        "sæbe",     "honning",  "marmelade", "rengøring",  "vinduespudsning",
    "flytning", "opbevaring", "tryk",     "plakater", "kurser",    "workshop",   "undervisning",
    "catering"};
const std::vector<std::string> k_adjectives = {
    "hjemmelavede", "økologiske", "friske",  "genbrugte", "istandsatte", "lokale",  "håndlavede", "danske",
    "sæsonens",     "klassiske",  "moderne", "store",     "små",         "billige", "gode"};
const std::vector<std::string> k_categories = {"mad_og_forplejning", "haandvaerk", "service", "genbrug"};

}  // namespace

int main(int argc, char** argv) {
    if (sodium_init() < 0) return 1;
    std::string url;
    long long items = 100000;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--db")
            url = argv[i + 1];
        else if (a == "--items")
            core::parse_int64(argv[i + 1], items);
    }
    if (url.empty() || items <= 0) {
        std::fprintf(stderr, "usage: bb_seed_catalogue --db PATH|URL --items N\n");
        return 2;
    }
    auto database = db::open(url);
    if (!database.ok()) {
        std::fprintf(stderr, "cannot open: %s\n", database.error().message.c_str());
        return 1;
    }
    auto r = (*database)->write([&](db::Connection& c) -> core::Result<long long> {
        BB_ASSIGN(auto ents,
                  c.query("SELECT id FROM enterprises WHERE kind IN ('social_enterprise', 'initiative') "
                          "ORDER BY id"));
        BB_ASSIGN(auto cats,
                  c.query("SELECT code FROM vocabulary WHERE kind = 'catalogue_category' ORDER BY code"));
        if (ents.rows.empty() || cats.rows.empty())
            return core::Error::validation("db", "load the demo registry first (brobygger demo-data)");
        std::mt19937_64 rng(1);
        std::string now = core::iso_timestamp(1795553052);
        for (long long i = 0; i < items; ++i) {
            const std::string& adj = k_adjectives[rng() % k_adjectives.size()];
            const std::string& noun = k_nouns[rng() % k_nouns.size()];
            const std::string& other = k_nouns[rng() % k_nouns.size()];
            std::string title = adj + " " + noun + " nr. " + std::to_string(i);
            std::string description = "Vi tilbyder " + adj + " " + noun + " og " + other +
                                      " fra vores værksted. Bestil i god tid; levering efter aftale.";
            std::int64_t enterprise = ents.rows[rng() % ents.rows.size()].int64(0);
            std::string category = cats.rows[rng() % cats.rows.size()].text(0);
            std::int64_t price = static_cast<std::int64_t>(rng() % 200000);
            BB_TRY(c.query(
                "INSERT INTO catalogue_items (enterprise_id, title, title_key, description, category, "
                "price_oere, unit, delivery_area, description_key, status, published_at, created_at, "
                "updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'stk.', 'Slagelse', $7, 'published', $8, $8, "
                "$8)",
                {enterprise, title, core::to_lower_danish(title), description, category, price,
                 core::to_lower_danish(description), now}));
        }
        return items;
    });
    if (!r.ok()) {
        std::fprintf(stderr, "failed: %s\n", r.error().message.c_str());
        return 1;
    }
    std::printf("seeded %lld published items\n", *r);
    return 0;
}
