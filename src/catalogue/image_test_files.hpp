#pragma once
/// Test helpers: real JPEG and PNG files made on the fly (libjpeg, cairo).
#include <string>

namespace catalogue::test_images {

/// A w × h PNG with a colour gradient.
std::string png(int width, int height);
/// A w × h baseline JPEG (quality 80).
std::string jpeg(int width, int height);

}  // namespace catalogue::test_images
