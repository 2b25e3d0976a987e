#pragma once
/// Pages and files for the images of catalogue items (B1).
///
/// Management (admin, consultant, enterprise; ImageService decides record access):
///   GET  /catalogue/items/{id}/images                      list, upload form, delete buttons
///   POST /catalogue/images/{id}                            multipart upload (image, alt_text) to
///                                                          item {id}; under the upload body prefix
///   POST /catalogue/items/{id}/images/{image_id}/delete
/// Files (web::Access::everyone(); drafts' images are NotFound for everyone who may not edit
/// the item): GET /billeder/{name}, GET /billeder/thumbs/{name}, with a fixed Content-Type,
/// nosniff and Cache-Control (public only for public images).
#include "catalogue/catalogue_service.hpp"
#include "catalogue/image_service.hpp"
#include "web/middleware.hpp"
#include "web/router.hpp"

namespace catalogue_http {

void register_image_routes(web::Router& router, const web::Site& site, catalogue::CatalogueService& catalogue,
                           catalogue::ImageService& images);

/// The template view of one image (src, thumb_src, alt, width, height).
web::View image_view(const catalogue::ItemImage& image);

}  // namespace catalogue_http
