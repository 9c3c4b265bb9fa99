// The co-responsibility pair table; queries/centrality.py computes degree,
// betweenness and eigenvector centrality from it in NetworkX (Neo4j community
// has no GDS), so both backends share that last step. $n and $sample are used there, not here.
MATCH (a:Agency)-[:LEADS|SUPPORTS]->(t:Task)<-[:LEADS|SUPPORTS]-(b:Agency)
WHERE a.id < b.id
  AND ($plan IS NULL OR t.plan_id = $plan OR t.plan = $plan)
  AND ($doc IS NULL OR t.doc = $doc OR 'doc:' + t.doc = $doc)
WITH a, b, count(DISTINCT t) AS shared
RETURN a.id AS agency_a, a.name AS name_a, b.id AS agency_b, b.name AS name_b, shared
ORDER BY agency_a, agency_b
