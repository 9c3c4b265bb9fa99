// Mentioned units with no task in the plan; see gaps_idle_mentions.py.
MATCH (p:Plan)
WHERE ($plan IS NULL OR p.id = $plan OR p.title = $plan)
  AND ($doc IS NULL OR p.doc = $doc OR 'doc:' + p.doc = $doc)
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
