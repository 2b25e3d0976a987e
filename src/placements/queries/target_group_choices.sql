-- Read-only join on the registry's vocabulary: active target groups.
SELECT code, label FROM vocabulary WHERE kind = 'target_group' AND active = 1 ORDER BY sort, label
