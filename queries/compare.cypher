// Two documents or years side by side; see compare.py.
MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t:Task)
OPTIONAL MATCH (d:Document {id: 'doc:' + t.doc})
WITH a, r, t, coalesce(d.date, '') AS date
WITH a, r, t,
     (t.doc = $left OR 'doc:' + t.doc = $left OR substring(date, 0, 4) = $left) AS l,
     (t.doc = $right OR 'doc:' + t.doc = $right OR substring(date, 0, 4) = $right) AS rt
WHERE l OR rt
WITH a,
     count(DISTINCT CASE WHEN l THEN t END) AS tasks_left,
     count(DISTINCT CASE WHEN l AND type(r) = 'LEADS' THEN t END) AS led_left,
     count(DISTINCT CASE WHEN l AND type(r) = 'SUPPORTS' THEN t END) AS sup_left,
     count(DISTINCT CASE WHEN rt THEN t END) AS tasks_right,
     count(DISTINCT CASE WHEN rt AND type(r) = 'LEADS' THEN t END) AS led_right,
     count(DISTINCT CASE WHEN rt AND type(r) = 'SUPPORTS' THEN t END) AS sup_right
WITH a, tasks_left, tasks_right,
     toFloat($lead_weight) * led_left + toFloat($support_weight) * sup_left AS load_left,
     toFloat($lead_weight) * led_right + toFloat($support_weight) * sup_right AS load_right
WITH a, tasks_left, tasks_right, load_left, load_right, load_right - load_left AS change
RETURN a.id AS agency, a.name AS name, tasks_left, tasks_right, load_left, load_right, change,
       CASE WHEN change > 0 THEN 'gained' WHEN change < 0 THEN 'lost' ELSE 'same' END AS status,
       tasks_left > 0 AND tasks_right > 0 AS in_both
ORDER BY change DESC, agency
