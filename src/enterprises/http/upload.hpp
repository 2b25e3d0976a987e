#pragma once
/// What every spreadsheet import page shares (the registry's, the employment side's and the
/// catalogue's): the check of an uploaded file and the row errors of its report.
#include <optional>
#include <string>

#include "enterprises/import.hpp"
#include "web/json.hpp"
#include "web/multipart.hpp"

namespace enterprises_http {

/// FU-01: the file name's extension and the content must agree; only .csv/.txt and .xlsx.
/// nullopt when the file may be read; otherwise the Danish message for the file field.
std::optional<std::string> spreadsheet_problem(const web::UploadedFile& f);

/// Sets "ok", "errors" (line, column, message) and "more_errors" of an import report on `v`.
void set_import_errors(web::View& v, const enterprises::ImportReport& r);

}  // namespace enterprises_http
