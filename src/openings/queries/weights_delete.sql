DELETE FROM matching_weights WHERE key = $1
