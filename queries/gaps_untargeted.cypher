// Targets no task covers; see gaps_untargeted.py for the rule.
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
OPTIONAL MATCH (p)-[:HAS_TASK]->(t:Task)
WITH p, collect(DISTINCT t) AS ts
WITH p, [t IN ts WHERE t.text IS NOT NULL | t.text] AS texts, coalesce(p.targets, []) AS targets
UNWIND range(0, size(targets) - 1) AS i
WITH p, texts, i, targets[i] AS target
WITH p, texts, i, target,
     [j IN range(0, size(target) - 2) WHERE substring(target, j, 2) =~ '[一-鿿]{2}' | substring(target, j, 2)] AS pairs
WITH p, texts, i, target,
     reduce(acc = [], b IN pairs | CASE WHEN b IN acc THEN acc ELSE acc + [b] END) AS keys
WHERE size(keys) > 0
WITH p, i, target, keys,
     reduce(best = 0, x IN texts | CASE WHEN size([k IN keys WHERE x CONTAINS k]) > best
                                       THEN size([k IN keys WHERE x CONTAINS k]) ELSE best END) AS matched
WITH p, i, target, size(keys) AS bigrams, matched, toFloat(matched) / size(keys) AS coverage
WHERE coverage < toFloat($min_coverage)
WITH p, i, target, bigrams, matched, coverage,
     coalesce(p.doc, '') AS doc_key, toInteger(last(split(p.id, ':'))) AS seq
ORDER BY doc_key, seq, i
RETURN p.id AS plan, p.doc AS doc, target, bigrams, matched, coverage
