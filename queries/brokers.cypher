// The co-responsibility pair table; queries/brokers.py ranks it by betweenness
// (Neo4j community has no GDS), so both backends share that last step.
// $n and $sample are used by that step, not here.
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
// each pair found from its task: the planner would otherwise scan every agency per task
WITH t
MATCH (t)<-[:LEADS|SUPPORTS]-(a)
WHERE a:Agency
WITH t, a
MATCH (t)<-[:LEADS|SUPPORTS]-(b)
WHERE b:Agency AND a.id < b.id
WITH a, b, count(DISTINCT t) AS shared
RETURN a.id AS agency_a, a.name AS name_a, b.id AS agency_b, b.name AS name_b, shared
ORDER BY agency_a, agency_b
