#include "enterprises/http/upload.hpp"

#include <cstdint>
#include <utility>

#include "core/text.hpp"

namespace enterprises_http {

std::optional<std::string> spreadsheet_problem(const web::UploadedFile& f) {
    if (f.data.empty()) return std::string("Vælg en fil. Filen, du valgte, er tom.");
    const bool zip = enterprises::detect_file_kind(f.data) == enterprises::FileKind::Xlsx;
    std::string ext = [&] {
        auto dot = f.filename.rfind('.');
        return dot == std::string::npos ? std::string() : core::to_lower_ascii(f.filename.substr(dot + 1));
    }();
    if (ext.empty()) return std::nullopt;  // decided by the content
    if (ext == "xlsx") {
        if (!zip) return std::string("Filen hedder .xlsx, men er ikke en Excel-fil. Gem den igen fra Excel.");
        return std::nullopt;
    }
    if (ext == "csv" || ext == "txt") {
        if (zip)
            return std::string(
                "Filen hedder .csv, men er en Excel-fil. Gem den som 'CSV UTF-8' eller omdøb den til .xlsx.");
        return std::nullopt;
    }
    return std::string("Vælg en CSV-fil (.csv) eller en Excel-fil (.xlsx).");
}

void set_import_errors(web::View& v, const enterprises::ImportReport& r) {
    v.set("ok", r.ok());
    web::View::List errors;
    for (const auto& e : r.errors) {
        web::View x;
        x.set("line", static_cast<std::int64_t>(e.line));
        x.set("column", e.column);
        x.set("message", e.message);
        errors.push_back(std::move(x));
    }
    v.set("errors", std::move(errors));
    v.set("more_errors", static_cast<std::int64_t>(r.more_errors));
}

}  // namespace enterprises_http
