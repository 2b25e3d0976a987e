DELETE FROM grants WHERE id = $1
