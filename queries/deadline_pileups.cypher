// Agencies with many tasks due in one month; see deadline_pileups.py.
MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t:Task)
WHERE t.deadline_end IS NOT NULL AND t.deadline_end <> ''
  AND ($agency IS NULL OR a.id = $agency OR a.name = $agency)
  AND ($plan IS NULL OR t.plan_id = $plan OR t.plan = $plan)
  AND ($doc IS NULL OR t.doc = $doc OR 'doc:' + t.doc = $doc)
WITH a, substring(t.deadline_end, 0, 7) AS month,
     count(DISTINCT t) AS tasks,
     count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN t END) AS led
WHERE tasks >= $min_tasks
RETURN a.id AS agency, a.name AS name, month, tasks, led
ORDER BY tasks DESC, agency, month
