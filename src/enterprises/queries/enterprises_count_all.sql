SELECT COUNT(*) FROM enterprises
