"""The shape of a Zeren graph: node kinds, edge kinds, ids and attributes.

Both backends hold the same graph. In NetworkX it is a ``MultiDiGraph`` whose
node keys are the ids below and whose edge keys are the edge kinds; in Neo4j
each node carries the label of its kind and the same ``id`` property (unique per
label), and each edge becomes a relationship of its kind.

Node kinds and their attributes (every node has ``kind`` and ``name``):

- ``Document`` — id ``doc:<doc>``; ``title``, ``path``, ``issuer``,
  ``jurisdiction``, ``level``, ``date``, ``announced_plans`` (list of str),
  ``announced_count`` (int or None).
- ``Plan`` — id ``plan:<doc>:<n>`` (n = 1-based order in the document);
  ``title`` (= ``name``), ``doc``, ``targets`` (list), ``mentions`` (list).
- ``Task`` — id ``task:<doc>:<n>`` (n = 1-based order in the document);
  ``text``, ``doc``, ``plan`` (plan title), ``plan_id``, ``section``,
  ``number``, ``source``, ``line``, ``lines`` (every source line of the
  measure: two where a document repeats it, see ``graph.dedupe``), ``deadline`` (raw text or None),
  ``deadline_start``/``deadline_end`` (ISO dates or None), ``ongoing`` and
  ``recurring`` (bools). ``name`` is the first 40 characters of ``text``.
- ``Agency`` — id ``agency:<canonical name>`` where the canonical name carries
  its jurisdiction (``武定县财政局``, ``楚雄州发展改革委``);
  ``jurisdiction``, ``level`` (national/province/prefecture/county/township/
  other), ``agency_kind`` (government/party/enterprise/bank/collective/vague/
  other), ``spellings`` (list of raw names as written, sorted), ``docs``
  (list of documents naming it); a collective also carries ``members``, the
  ids of the units it stands for where the gazetteer lists them all (those
  ids may have no node of their own).
- ``Leader`` — id ``leader:<jurisdiction>:<name>``; ``jurisdiction``.

Edge kinds: ``CONTAINS`` (Document→Plan), ``HAS_TASK`` (Plan→Task),
``LEADS`` (Agency→Task, Leader→Task), ``SUPPORTS`` (Agency→Task). LEADS and
SUPPORTS carry ``raw`` (the name as written) and ``position`` (0-based place in
the note's list).

List attributes stay lists in node-link JSON and Neo4j; GraphML and GEXF,
which cannot hold lists, get them JSON-encoded.
"""

from __future__ import annotations

__all__ = [
    "DOCUMENT",
    "PLAN",
    "TASK",
    "AGENCY",
    "LEADER",
    "NODE_KINDS",
    "CONTAINS",
    "HAS_TASK",
    "LEADS",
    "SUPPORTS",
    "EDGE_KINDS",
    "ROLE_EDGES",
    "LEVELS",
    "AGENCY_KINDS",
    "doc_id",
    "plan_id",
    "task_id",
    "agency_id",
    "leader_id",
]

DOCUMENT, PLAN, TASK, AGENCY, LEADER = "Document", "Plan", "Task", "Agency", "Leader"
NODE_KINDS = (DOCUMENT, PLAN, TASK, AGENCY, LEADER)

CONTAINS, HAS_TASK, LEADS, SUPPORTS = "CONTAINS", "HAS_TASK", "LEADS", "SUPPORTS"
EDGE_KINDS = (CONTAINS, HAS_TASK, LEADS, SUPPORTS)
ROLE_EDGES = (LEADS, SUPPORTS)

LEVELS = ("national", "province", "prefecture", "county", "township", "other")
AGENCY_KINDS = ("government", "party", "enterprise", "bank", "collective", "vague", "other")


def doc_id(doc: str) -> str:
    return f"doc:{doc}"


def plan_id(doc: str, n: int) -> str:
    return f"plan:{doc}:{n}"


def task_id(doc: str, n: int) -> str:
    return f"task:{doc}:{n}"


def agency_id(canonical: str) -> str:
    return f"agency:{canonical}"


def leader_id(jurisdiction: str, name: str) -> str:
    return f"leader:{jurisdiction}:{name}"
