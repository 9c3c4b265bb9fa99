// Agencies with many tasks due in one month; see deadline_pileups.py.
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
MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t)
WHERE t.deadline_end IS NOT NULL AND t.deadline_end <> ''
  AND ($agency IS NULL OR a.id = $agency OR a.name = $agency)
WITH a, substring(t.deadline_end, 0, 7) AS month,
     count(DISTINCT t) AS tasks,
     count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN t END) AS led
WHERE tasks >= $min_tasks
RETURN a.id AS agency, a.name AS name, month, tasks, led
ORDER BY tasks DESC, agency, month
