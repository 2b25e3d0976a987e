-- Deletes a citizen for real; ON DELETE CASCADE removes tags, placements with their
-- follow-ups, attendance, extensions and notes, and jobs with their hours and follow-ups.
DELETE FROM citizens WHERE id = $1
