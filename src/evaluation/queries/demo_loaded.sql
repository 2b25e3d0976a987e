-- Demo loader: whether the 2018 data set is already there (its first case reference).
SELECT id FROM citizens WHERE case_ref = 'DEMO-0001'
