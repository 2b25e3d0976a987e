-- Every citizen's id, case reference, name, target group and anonymisation (a bulk import
-- matches its rows by case reference).
SELECT id, case_ref, name, target_group, anonymised_at FROM citizens
