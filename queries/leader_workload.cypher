// Leader workload; see leader_workload.py for the meaning of each column.
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
MATCH (l:Leader)-[:LEADS]->(t)
WHERE ($jurisdiction IS NULL OR l.jurisdiction = $jurisdiction)
WITH l,
     count(DISTINCT t) AS led,
     count(DISTINCT t.plan_id) AS plans,
     count(DISTINCT t.doc) AS documents,
     collect(DISTINCT t) AS ts
WITH l, led, plans, documents, ts,
     size([t IN ts WHERE t.deadline_end IS NOT NULL
             AND ($due_from IS NULL OR t.deadline_end >= $due_from)
             AND ($due_to IS NULL OR t.deadline_end <= $due_to)]) AS due_in_window
UNWIND ts AS t
OPTIONAL MATCH (a:Agency)-[:LEADS|SUPPORTS]->(t)
WITH l, led, plans, documents, due_in_window, count(DISTINCT a) AS agencies
WITH collect({l: l, led: led, plans: plans, documents: documents, due: due_in_window,
              agencies: agencies}) AS rows,
     percentileCont(toFloat(led), 0.5) AS median
UNWIND rows AS row
RETURN row.l.id AS leader,
       row.l.name AS name,
       row.l.jurisdiction AS jurisdiction,
       row.led AS led,
       row.plans AS plans,
       row.documents AS documents,
       row.agencies AS agencies,
       row.due AS due_in_window,
       row.led > toFloat($k) * median AS overloaded
ORDER BY led DESC, leader
