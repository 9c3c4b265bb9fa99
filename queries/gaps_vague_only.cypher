// Tasks owned only by vague/collective units; see gaps_vague_only.py.
MATCH (a:Agency)-[:LEADS|SUPPORTS]->(t:Task)
WHERE ($plan IS NULL OR t.plan_id = $plan OR t.plan = $plan)
  AND ($doc IS NULL OR t.doc = $doc OR 'doc:' + t.doc = $doc)
WITH t, collect(DISTINCT a) AS owners
WHERE all(a IN owners WHERE a.agency_kind IN ['vague', 'collective'])
  AND NOT EXISTS { MATCH (:Leader)-[:LEADS|SUPPORTS]->(t) }
UNWIND owners AS a
WITH t, a
ORDER BY a.name
WITH t, collect(DISTINCT a.name) AS names
WITH t, coalesce(reduce(s = null, x IN names | CASE WHEN s IS NULL THEN x ELSE s + '、' + x END), '') AS units,
     coalesce(t.doc, '') AS doc_key, toInteger(last(split(t.id, ':'))) AS seq
ORDER BY doc_key, seq
RETURN t.id AS task, t.doc AS doc, t.plan AS plan, t.text AS text, units
