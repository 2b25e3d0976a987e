INSERT INTO report_texts (year, preface, introduction, evaluation_from, evaluation_to, updated_at, updated_by)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (year) DO UPDATE SET preface = excluded.preface, introduction = excluded.introduction,
    evaluation_from = excluded.evaluation_from, evaluation_to = excluded.evaluation_to,
    updated_at = excluded.updated_at, updated_by = excluded.updated_by
