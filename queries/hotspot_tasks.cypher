// Tasks with the most parties; see hotspot_tasks.py.
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
MATCH (h)-[r:LEADS|SUPPORTS]->(t)
WHERE (h:Agency OR h:Leader)
WITH t,
     count(DISTINCT CASE WHEN h:Agency AND type(r) = 'LEADS' THEN h END) AS leads,
     count(DISTINCT CASE WHEN h:Agency AND type(r) = 'SUPPORTS' THEN h END) AS supports,
     count(DISTINCT CASE WHEN h:Leader THEN h END) AS leaders,
     count(DISTINCT h) AS parties
WITH t, leads, supports, leaders, parties,
     coalesce(t.doc, '') AS doc_key, toInteger(last(split(t.id, ':'))) AS seq
ORDER BY parties DESC, doc_key, seq
LIMIT toInteger($n)
RETURN t.id AS task, t.doc AS doc, t.plan AS plan, t.text AS text,
       leads, supports, leaders, parties
