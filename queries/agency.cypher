// One unit's tasks; see agency.py.
CALL {
  // by id or by name, each an index seek
  MATCH (a:Agency {id: $agency}) RETURN a
  UNION
  MATCH (a:Agency {name: $agency}) RETURN a
  UNION
  MATCH (a:Leader {id: $agency}) RETURN a
  UNION
  MATCH (a:Leader {name: $agency}) RETURN a
  UNION
  // another spelling a document used: a scan, but only of agencies
  MATCH (a:Agency) WHERE $agency IN coalesce(a.spellings, []) RETURN a
}
MATCH (a)-[r:LEADS|SUPPORTS]->(t:Task)
OPTIONAL MATCH (p)-[:LEADS|SUPPORTS]->(t)
WHERE (p:Agency OR p:Leader) AND p <> a
WITH a, r, t, p
ORDER BY p.name
WITH a, r, t, collect(DISTINCT p.name) AS names
WITH a, r, t, names, coalesce(t.doc, '') AS doc_key, toInteger(last(split(t.id, ':'))) AS seq
ORDER BY a.id, type(r), doc_key, seq
RETURN a.id AS agency, a.name AS name, type(r) AS role, t.id AS task, t.doc AS doc, t.plan AS plan,
       t.text AS text, r.raw AS as_written, t.deadline AS deadline, t.deadline_end AS deadline_end,
       coalesce(reduce(s = null, x IN names | CASE WHEN s IS NULL THEN x ELSE s + '、' + x END), '') AS partners
