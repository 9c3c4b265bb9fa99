// Undated tasks in plans that date most tasks; see gaps_no_deadline.py.
CALL {
  // the tasks in scope, by index seek when a document or plan is named
  MATCH (t:Task) WHERE $doc IS NULL AND $plan IS NULL RETURN t
  UNION ALL
  MATCH (t:Task) WHERE t.doc IN [$doc, CASE WHEN $doc STARTS WITH 'doc:' THEN substring($doc, 4) END]
    AND ($plan IS NULL OR t.plan_id = $plan OR t.plan = $plan) RETURN t
  UNION ALL
  MATCH (t:Task) WHERE $doc IS NULL AND t.plan_id = $plan RETURN t
  UNION ALL
  MATCH (t:Task) WHERE $doc IS NULL AND t.plan = $plan AND NOT coalesce(t.plan_id = $plan, false) RETURN t
}
WITH t.plan_id AS pid, collect(t) AS ts
WITH ts, toFloat(size([x IN ts WHERE x.deadline IS NOT NULL AND x.deadline <> ''])) / size(ts) AS share
WHERE share >= toFloat($min_share)
UNWIND ts AS t
WITH t, share, size(ts) AS plan_tasks
WHERE t.deadline IS NULL OR t.deadline = ''
WITH t, share, plan_tasks, coalesce(t.doc, '') AS doc_key, toInteger(last(split(t.id, ':'))) AS seq
ORDER BY doc_key, seq
RETURN t.id AS task, t.doc AS doc, t.plan AS plan, t.text AS text, share AS plan_share, plan_tasks
