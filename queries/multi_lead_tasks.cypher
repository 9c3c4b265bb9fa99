// Tasks with at least $min_leads lead agencies; see multi_lead_tasks.py.
MATCH (a:Agency)-[:LEADS]->(t:Task)
WHERE ($plan IS NULL OR t.plan_id = $plan OR t.plan = $plan)
  AND ($doc IS NULL OR t.doc = $doc OR 'doc:' + t.doc = $doc)
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
