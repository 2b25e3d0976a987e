// libFuzzer target for the CSV reader (FZ-01). Built only with -DBROBYGGER_FUZZ=ON and clang:
//   cmake -S . -B build-fuzz -G Ninja -DBROBYGGER_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++
//   ninja -C build-fuzz fuzz_csv && build-fuzz/src/tabular/fuzz_csv -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tabular/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    tabular::Limits limits;
    limits.max_rows = 1000;
    limits.max_columns = 50;
    limits.max_field_chars = 2000;
    limits.max_record_bytes = 20000;
    auto result = tabular::read_csv(text, limits);
    // Writing what was read must round-trip through the reader.
    if (!result.error) {
        tabular::CsvWriter w(result.delimiter, false);
        for (const auto& r : result.table.rows) w.row(r.cells);
        (void)tabular::read_csv(w.str(), {});
    }
    return 0;
}
