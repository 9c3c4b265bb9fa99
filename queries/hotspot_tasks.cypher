// Tasks with the most parties; see hotspot_tasks.py.
MATCH (h)-[r:LEADS|SUPPORTS]->(t:Task)
WHERE (h:Agency OR h:Leader)
  AND ($plan IS NULL OR t.plan_id = $plan OR t.plan = $plan)
  AND ($doc IS NULL OR t.doc = $doc OR 'doc:' + t.doc = $doc)
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
