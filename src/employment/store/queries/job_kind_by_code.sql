SELECT id, code, label, is_fleksjob, sort, active FROM job_kinds WHERE code = $1
