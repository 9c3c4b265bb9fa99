// Agency pairs sharing tasks; see agency_pairs.py.
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
MATCH (t)<-[ra:LEADS|SUPPORTS]-(a)
WHERE a:Agency
WITH t, ra, a
MATCH (t)<-[rb:LEADS|SUPPORTS]-(b)
WHERE b:Agency AND a.id < b.id
WITH a, b, t,
     max(CASE WHEN type(ra) = 'LEADS' THEN 1 ELSE 0 END) AS a_leads,
     max(CASE WHEN type(rb) = 'LEADS' THEN 1 ELSE 0 END) AS b_leads
WITH a, b, count(t) AS shared, sum(a_leads * b_leads) AS co_led
WHERE shared >= $min_shared
RETURN a.id AS agency_a, a.name AS name_a, b.id AS agency_b, b.name AS name_b, shared, co_led
ORDER BY shared DESC, agency_a, agency_b
LIMIT coalesce(toInteger($n), 9223372036854775807)
