// Undated tasks in plans that date most tasks; see gaps_no_deadline.py.
MATCH (t:Task)
WHERE ($plan IS NULL OR t.plan_id = $plan OR t.plan = $plan)
  AND ($doc IS NULL OR t.doc = $doc OR 'doc:' + t.doc = $doc)
WITH t.plan_id AS pid, collect(t) AS ts
WITH ts, toFloat(size([x IN ts WHERE x.deadline IS NOT NULL AND x.deadline <> ''])) / size(ts) AS share
WHERE share >= toFloat($min_share)
UNWIND ts AS t
WITH t, share, size(ts) AS plan_tasks
WHERE t.deadline IS NULL OR t.deadline = ''
WITH t, share, plan_tasks, coalesce(t.doc, '') AS doc_key, toInteger(last(split(t.id, ':'))) AS seq
ORDER BY doc_key, seq
RETURN t.id AS task, t.doc AS doc, t.plan AS plan, t.text AS text, share AS plan_share, plan_tasks
