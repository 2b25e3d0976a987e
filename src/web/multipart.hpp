#pragma once
/// A small multipart/form-data parser (RFC 7578) for uploads: text fields go into a web::Form
/// (so the CSRF check sees csrf_token), file parts into UploadedFile values. Strict and
/// bounded: boundary from the Content-Type, CRLF framing, Content-Disposition form-data with
/// a name, limits on parts, files, field size and part headers. No regular expressions
/// (HT-06). The client's filename is kept only for messages, never used for storage.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "web/forms.hpp"

namespace web {

struct UploadedFile {
    std::string field;         ///< form field name ("file")
    std::string filename;      ///< as sent by the browser; for display only
    std::string content_type;  ///< as sent; not trusted (check the bytes)
    std::string data;
};

struct MultipartLimits {
    std::size_t max_parts = 16;
    std::size_t max_files = 1;
    std::size_t max_field_bytes = 64 * 1024;  ///< one text field
    std::size_t max_header_bytes = 4 * 1024;  ///< the header block of one part
    std::size_t max_file_bytes = 12 * 1024 * 1024;
};

struct MultipartBody {
    Form fields;
    std::vector<UploadedFile> files;
};

/// The boundary parameter of a multipart/form-data Content-Type; nullopt when missing or
/// malformed (RFC 2046: 1–70 characters).
std::optional<std::string> multipart_boundary(std::string_view content_type);

/// Parses a body. Validation error (Danish message) on any framing problem or limit.
core::Result<MultipartBody> parse_multipart(std::string_view content_type, std::string_view body,
                                            const MultipartLimits& limits = {});

}  // namespace web
