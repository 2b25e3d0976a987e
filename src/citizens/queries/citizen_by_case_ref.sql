SELECT id FROM citizens WHERE case_ref = $1
