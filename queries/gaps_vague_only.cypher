// Tasks owned only by vague/collective units; see gaps_vague_only.py.
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
MATCH (a:Agency)-[:LEADS|SUPPORTS]->(t)
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
