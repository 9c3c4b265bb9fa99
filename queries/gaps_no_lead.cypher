// Tasks with supporting units but no lead; see gaps_no_lead.py.
MATCH (h)-[:SUPPORTS]->(t:Task)
WHERE (h:Agency OR h:Leader)
  AND ($plan IS NULL OR t.plan_id = $plan OR t.plan = $plan)
  AND ($doc IS NULL OR t.doc = $doc OR 'doc:' + t.doc = $doc)
  AND NOT EXISTS { MATCH (x)-[:LEADS]->(t) WHERE x:Agency OR x:Leader }
WITH DISTINCT t, h
ORDER BY h.name
WITH t, collect(DISTINCT h.name) AS names
WITH t, coalesce(reduce(s = null, x IN names | CASE WHEN s IS NULL THEN x ELSE s + '、' + x END), '') AS supports,
     coalesce(t.doc, '') AS doc_key, toInteger(last(split(t.id, ':'))) AS seq
ORDER BY doc_key, seq
RETURN t.id AS task, t.doc AS doc, t.plan AS plan, t.text AS text, supports
