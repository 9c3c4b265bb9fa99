// Progress per unit from an imported ledger; see progress.py.
MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t:Task)
WHERE ($plan IS NULL OR t.plan_id = $plan OR t.plan = $plan)
  AND ($doc IS NULL OR t.doc = $doc OR 'doc:' + t.doc = $doc)
  AND ($level IS NULL OR a.level = $level)
  AND ($jurisdiction IS NULL OR a.jurisdiction = $jurisdiction)
WITH a, t, collect(type(r)) AS kinds, coalesce($as_of, toString(date())) AS today
WITH a, t, 'LEADS' IN kinds AS led,
     t.deadline_end IS NOT NULL AND t.deadline_end < today AND coalesce(t.status, '') <> 'done' AS late
RETURN a.id AS agency, a.name AS name, a.level AS level, a.jurisdiction AS jurisdiction,
       a.agency_kind AS kind,
       count(t) AS tasks,
       count(CASE WHEN t.status = 'done' THEN 1 END) AS done,
       count(CASE WHEN t.status = 'in_progress' THEN 1 END) AS in_progress,
       count(CASE WHEN t.status = 'not_started' THEN 1 END) AS not_started,
       count(CASE WHEN t.status = 'reported' THEN 1 END) AS reported,
       count(CASE WHEN t.status IS NULL THEN 1 END) AS unreported,
       count(CASE WHEN late THEN 1 END) AS overdue,
       count(CASE WHEN late AND led THEN 1 END) AS led_overdue
ORDER BY overdue DESC, tasks DESC, agency
