// Documents announcing more plans than they contain; see gaps_missing_plans.py.
CALL {
  // every document, or the one named, by index seek
  MATCH (d:Document) WHERE $doc IS NULL RETURN d
  UNION ALL
  MATCH (d:Document) WHERE d.id IN [$doc, 'doc:' + $doc] RETURN d
}
OPTIONAL MATCH (d)-[:CONTAINS]->(p:Plan)
WITH d, collect(DISTINCT p.title) AS titles, count(DISTINCT p) AS contained
WITH d, titles, contained, coalesce(d.announced_plans, []) AS ann
WITH d, titles, contained, ann,
     CASE WHEN coalesce(d.announced_count, 0) > size(ann) THEN coalesce(d.announced_count, 0)
          ELSE size(ann) END AS announced
WHERE announced > contained
WITH d, contained, announced,
     [x IN ann WHERE none(y IN titles WHERE y CONTAINS x OR x CONTAINS y)] AS lost
RETURN d.id AS doc, d.title AS title, announced, contained, announced - contained AS missing,
       coalesce(reduce(s = null, x IN lost | CASE WHEN s IS NULL THEN x ELSE s + '、' + x END), '') AS missing_titles
ORDER BY doc
