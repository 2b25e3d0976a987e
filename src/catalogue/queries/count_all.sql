SELECT COUNT(*) FROM catalogue_items
