// Agency workload against peers (same level and jurisdiction); see workload.py for each column.
MATCH (a:Agency)-[r:LEADS|SUPPORTS]->(t:Task)
WHERE ($plan IS NULL OR t.plan_id = $plan OR t.plan = $plan)
  AND ($doc IS NULL OR t.doc = $doc OR 'doc:' + t.doc = $doc)
  AND ($level IS NULL OR a.level = $level)
  AND ($jurisdiction IS NULL OR a.jurisdiction = $jurisdiction)
  AND (($due_from IS NULL AND $due_to IS NULL) OR coalesce(t.ongoing, false)
       OR (t.deadline_end IS NOT NULL
           AND ($due_from IS NULL OR t.deadline_end >= $due_from)
           AND ($due_to IS NULL OR t.deadline_end <= $due_to)))
WITH a,
     count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN t END) AS led,
     count(DISTINCT CASE WHEN type(r) = 'SUPPORTS' THEN t END) AS supported,
     count(DISTINCT t.plan_id) AS plans,
     count(DISTINCT t.doc) AS documents,
     collect(DISTINCT t) AS ts
WITH a, led, supported, plans, documents, ts,
     size([t IN ts WHERE t.deadline_end IS NOT NULL
             AND ($due_from IS NULL OR t.deadline_end >= $due_from)
             AND ($due_to IS NULL OR t.deadline_end <= $due_to)]) AS due_in_window
UNWIND ts AS t
OPTIONAL MATCH (p:Agency)-[:LEADS|SUPPORTS]->(t)
WHERE p <> a
WITH a, led, supported, plans, documents, due_in_window, count(DISTINCT p) AS partners
WITH collect({a: a, led: led, supported: supported, plans: plans, documents: documents,
              due: due_in_window, partners: partners,
              apart: coalesce(a.agency_kind IN ['collective', 'vague'], false),
              grp: [coalesce(a.level, ''), coalesce(a.jurisdiction, '')],
              load: toFloat($lead_weight) * led + toFloat($support_weight) * supported}) AS rows
UNWIND rows AS row
// peer figures: an aggregating subquery returns one row even for a collective (no peers)
CALL {
  WITH rows, row
  UNWIND rows AS peer
  WITH row, peer
  WHERE NOT row.apart AND NOT peer.apart AND peer.grp = row.grp
  RETURN count(peer) AS peers, percentileCont(peer.load, 0.5) AS median, collect(peer.load) AS loads
}
CALL {
  WITH median, loads
  UNWIND loads AS l
  RETURN 1.4826 * percentileCont(abs(l - median), 0.5) AS spread
}
WITH row, peers, median, spread,
     CASE WHEN spread > toFloat($min_spread) THEN spread ELSE toFloat($min_spread) END AS scale
WITH row, peers, median, spread,
     CASE WHEN median > 0 THEN row.load / median END AS ratio,
     CASE WHEN peers > 0 AND scale > 0 THEN (row.load - median) / scale END AS robust_z
RETURN row.a.id AS agency,
       row.a.name AS name,
       row.a.level AS level,
       row.a.jurisdiction AS jurisdiction,
       row.a.agency_kind AS kind,
       row.led AS led,
       row.supported AS supported,
       row.load AS load,
       toFloat(row.led) / (row.led + row.supported) AS lead_share,
       row.plans AS plans,
       row.documents AS documents,
       row.partners AS partners,
       row.due AS due_in_window,
       peers,
       median AS peer_median,
       CASE WHEN peers > 0 THEN spread END AS peer_spread,
       ratio,
       robust_z,
       coalesce(peers >= toInteger($min_peers) AND ratio >= toFloat($k) AND robust_z >= toFloat($z), false)
         AS overloaded
ORDER BY row.apart, load DESC, agency
