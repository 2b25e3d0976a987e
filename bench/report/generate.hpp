#pragma once
// The national-size dataset of the report benchmark (bench/report/README.md): a deterministic,
// seeded generator that writes straight into a freshly migrated database with multi-row
// INSERTs in big transactions. It is a benchmark fixture, so it bypasses the services on
// purpose; every row still satisfies the schema's CHECKs and foreign keys.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace bench_report {

struct Scale {
    double factor = 1.0;  ///< multiplies every count below except the municipalities
    std::uint64_t seed = 20181231;

    [[nodiscard]] std::int64_t of(std::int64_t full) const;  ///< round(full × factor), at least 1
};

/// What was written, for the benchmark's printout.
struct Generated {
    std::vector<std::pair<std::string, std::int64_t>> tables;  ///< table name → rows, in order
    std::vector<std::string> skipped;  ///< optional tables not in this schema yet (and why)
    double seconds = 0;
};

/// The marker stored in `settings` (key bench_report_dataset) so a later run with --reuse can
/// tell that the database already holds exactly this dataset.
std::string dataset_marker(const Scale& scale);
/// The marker of the dataset in `db`, "" when there is none.
core::Result<std::string> stored_marker(db::Database& db);

/// Fills a freshly migrated, empty database. Prints progress to stderr.
core::Result<Generated> generate(db::Database& db, const Scale& scale);

}  // namespace bench_report
