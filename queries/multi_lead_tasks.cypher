// Tasks with at least $min_leads lead agencies; see multi_lead_tasks.py.
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
MATCH (a:Agency)-[:LEADS]->(t)
WITH DISTINCT t, a
ORDER BY a.name
WITH t, collect(DISTINCT a.name) AS names, count(DISTINCT a) AS n_leads
WHERE n_leads >= $min_leads
OPTIONAL MATCH (l:Leader)-[:LEADS]->(t)
WITH t, names, n_leads, l
ORDER BY l.name
WITH t, names, n_leads, collect(DISTINCT l.name) AS leader_names
WITH t, n_leads,
     coalesce(reduce(s = null, x IN names | CASE WHEN s IS NULL THEN x ELSE s + '、' + x END), '') AS leads,
     coalesce(reduce(s = null, x IN leader_names | CASE WHEN s IS NULL THEN x ELSE s + '、' + x END), '') AS leaders,
     coalesce(t.doc, '') AS doc_key, toInteger(last(split(t.id, ':'))) AS seq
ORDER BY n_leads DESC, doc_key, seq
RETURN t.id AS task, t.doc AS doc, t.plan AS plan, t.text AS text, n_leads, leads, leaders
