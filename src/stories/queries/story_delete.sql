DELETE FROM stories WHERE id = $1
