// Agency workload; see workload.py for the meaning of each column.
MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t:Task)
WHERE ($plan IS NULL OR t.plan_id = $plan OR t.plan = $plan)
  AND ($doc IS NULL OR t.doc = $doc OR 'doc:' + t.doc = $doc)
  AND ($level IS NULL OR a.level = $level)
  AND ($jurisdiction IS NULL OR a.jurisdiction = $jurisdiction)
WITH a,
     count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN t END) AS led,
     count(DISTINCT CASE WHEN type(r) = 'SUPPORTS' THEN t END) AS supported,
     count(DISTINCT t.plan_id) AS plans,
     count(DISTINCT t.doc) AS documents,
     collect(DISTINCT t) AS ts
WITH a, led, supported, plans, documents, ts,
     size([t IN ts WHERE t.deadline_end IS NOT NULL
             AND ($due_from IS NULL OR t.deadline_end >= $due_from)
             AND ($due_to IS NULL OR t.deadline_end <= $due_to)]) AS due_in_window
UNWIND ts AS t
OPTIONAL MATCH (p:Agency)-[:LEADS|SUPPORTS]->(t)
WHERE p <> a
WITH a, led, supported, plans, documents, due_in_window, count(DISTINCT p) AS partners
WITH collect({a: a, led: led, supported: supported, plans: plans, documents: documents,
              due: due_in_window, partners: partners,
              load: toFloat($lead_weight) * led + toFloat($support_weight) * supported}) AS rows,
     percentileCont(toFloat($lead_weight) * led + toFloat($support_weight) * supported, 0.5) AS median
UNWIND rows AS row
RETURN row.a.id AS agency,
       row.a.name AS name,
       row.a.level AS level,
       row.a.jurisdiction AS jurisdiction,
       row.a.agency_kind AS kind,
       row.led AS led,
       row.supported AS supported,
       row.load AS load,
       row.plans AS plans,
       row.documents AS documents,
       row.partners AS partners,
       row.due AS due_in_window,
       row.load > toFloat($k) * median AS overloaded
ORDER BY load DESC, agency
