#pragma once
/// The report model as a publishing::Document: the one thing the HTML page, the PDF and the
/// XLSX appendix are rendered from, so every output has the same sections in 003's order and
/// the same figures. Pure.
#include <string>

#include "publishing/document.hpp"
#include "report/model.hpp"

namespace report {

/// "Der er ingen registrerede data for 2031."
std::string no_data_text(int year);
/// "Socialøkonomisk årsrapport 2018"
std::string report_title(int year);

publishing::Document to_document(const ReportModel& model);
publishing::Document to_document(const MidYear& midyear, const std::string& municipality);

/// Narrative text split into paragraphs at blank lines (a single line break stays inside the
/// paragraph); empty paragraphs are dropped.
std::vector<std::string> paragraphs(const std::string& text);

}  // namespace report
