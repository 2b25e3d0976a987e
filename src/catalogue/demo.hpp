#pragma once
/// Demo data for the catalogue: about forty published items and a few drafts for the demo
/// enterprises of enterprises::load_demo (Slagelse, source 003 §2): Sumak's café and catering,
/// BEVAR's redesign of jeans, VeteranHaven, Musholm's conferences, Blindes Arbejde's brushes
/// and basketry, Villa Fjordhøj, Danmarks Busmuseum, Liselund, Mini Houses, Kirkens Korshær,
/// Grøn Fokus, Affald Plus' PlusMarkeder and others, in Danish with prices and units. Items
/// are matched to enterprises by name; a name that is missing is skipped.
#include "catalogue/catalogue_service.hpp"
#include "core/actor.hpp"
#include "core/result.hpp"

namespace catalogue {

/// Loads the demo items (published unless marked as drafts). `actor` must be an administrator
/// or consultant (or the system actor). Returns how many items were created.
core::Result<int> load_demo(CatalogueService& service, const core::Actor& actor);

}  // namespace catalogue
