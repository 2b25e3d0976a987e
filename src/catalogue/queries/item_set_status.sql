-- $2 'draft' or 'published'; published_at is set on publishing and kept on unpublishing.
UPDATE catalogue_items
SET status = $2,
    published_at = CASE WHEN CAST($2 AS TEXT) = 'published' THEN $3 ELSE published_at END,
    updated_at = $3, updated_by = $4
WHERE id = $1
