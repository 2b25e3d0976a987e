DELETE FROM catalogue_items WHERE id = $1
