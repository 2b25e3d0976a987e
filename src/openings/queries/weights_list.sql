SELECT key, value FROM matching_weights
