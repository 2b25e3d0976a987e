SELECT code, label, is_fleksjob, active FROM job_kinds ORDER BY sort, id
