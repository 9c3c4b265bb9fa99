// Long format: one row per task × party × role; see responsibilities.py.
MATCH (p)-[r:LEADS|SUPPORTS]->(t:Task)
WHERE (p:Agency OR p:Leader)
  AND ($plan IS NULL OR t.plan_id = $plan OR t.plan = $plan)
  AND ($doc IS NULL OR t.doc = $doc OR 'doc:' + t.doc = $doc)
OPTIONAL MATCH (d:Document {id: 'doc:' + t.doc})
WITH p, r, t, d, coalesce(t.doc, '') AS doc_key, toInteger(last(split(t.id, ':'))) AS seq
ORDER BY doc_key, seq, type(r), p.id
RETURN t.doc AS doc,
       CASE WHEN d.date = '' THEN null ELSE d.date END AS date,
       t.plan AS plan, t.id AS task, t.text AS text, t.deadline AS deadline, t.deadline_end AS deadline_end,
       p.name AS party, CASE WHEN p:Agency THEN 'Agency' ELSE 'Leader' END AS party_type,
       p.level AS level, p.jurisdiction AS jurisdiction, p.agency_kind AS kind,
       type(r) AS role, r.raw AS as_written, t.source AS source, coalesce(t.line, 0) AS line
