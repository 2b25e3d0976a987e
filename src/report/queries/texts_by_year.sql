SELECT preface, introduction, evaluation_from, evaluation_to
FROM report_texts
WHERE year = $1
