// Mentioned units with no task in the plan; see gaps_idle_mentions.py.
CALL {
  // the plans in scope, by index seek when a document or plan is named
  MATCH (p:Plan) WHERE $doc IS NULL AND $plan IS NULL RETURN p
  UNION ALL
  MATCH (p:Plan) WHERE p.doc IN [$doc, CASE WHEN $doc STARTS WITH 'doc:' THEN substring($doc, 4) END]
    AND ($plan IS NULL OR p.id = $plan OR p.title = $plan) RETURN p
  UNION ALL
  MATCH (p:Plan) WHERE $doc IS NULL AND p.id = $plan RETURN p
  UNION ALL
  MATCH (p:Plan) WHERE $doc IS NULL AND p.title = $plan AND p.id <> $plan RETURN p
}
UNWIND coalesce(p.mentions, []) AS m
WITH DISTINCT p, m
WHERE NOT EXISTS {
  MATCH (p)-[:HAS_TASK]->(:Task)<-[r:LEADS|SUPPORTS]-(h)
  WHERE (h:Agency OR h:Leader)
    AND (r.raw = m OR h.name = m OR m IN coalesce(h.spellings, []))
}
WITH p, m, coalesce(p.doc, '') AS doc_key, toInteger(last(split(p.id, ':'))) AS seq
ORDER BY doc_key, seq, m
RETURN p.id AS plan, p.doc AS doc, p.title AS title, m AS mention
