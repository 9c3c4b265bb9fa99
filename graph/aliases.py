"""Which unit each written name means: user corrections, and the tables listing them.

Automatic resolution (``graph.agencies``) can merge too much or too little. The
agency table that ``write_agency_table`` writes (``zeren agencies``) lists
every unit with all its spellings, one spelling a line:

    canonical<TAB>jurisdiction<TAB>spelling<TAB>kind<TAB>level<TAB>docs

``jurisdiction`` is where the spelling is read: the issuing jurisdiction of the
documents (or a document id when the table was written from rows). A user
corrects the table by editing ``canonical`` — the same canonical on two lines
merges them, a new canonical splits a spelling off — or ``kind``/``level``, and
passes it back as overrides; later builds honour it. Lines that still say what
resolution says change nothing, so the written table can be fed back as is.
``spelling`` and ``canonical`` are required; a blank ``jurisdiction`` means
everywhere; ``#`` starts a comment line; ``.csv`` files use commas, others tabs.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import networkx as nx

from zeren.atomic import atomic_path
from zeren.cells import safe_cell, unsafe_cell
from zeren.errors import LoaderError, ZerenError
from zeren.graph.agencies import AgencyRef, resolve
from zeren.graph.agency_names import spelling_key
from zeren.graph.gazetteer import Gazetteer
from zeren.graph.schema import AGENCY, AGENCY_KINDS, DOCUMENT, LEVELS, ROLE_EDGES, agency_id, doc_id
from zeren.graph.userfile import read_user_text
from zeren.loaders.records import Document, Extraction

__all__ = [
    "Override",
    "Overrides",
    "document_context",
    "resolve_in",
    "agency_rows",
    "load_overrides",
    "table_rows",
    "write_agency_table",
    "TABLE_COLUMNS",
]

TABLE_COLUMNS = ("canonical", "jurisdiction", "spelling", "kind", "level", "docs")
_PREFIX = "agency:"


@dataclass(frozen=True)
class Override:
    """What a user says a spelling means: a canonical name, optionally a kind and level."""

    canonical: str
    kind: str = ""
    level: str = ""


@dataclass(frozen=True)
class Overrides:
    """User corrections keyed by (jurisdiction or document id or "", spelling as written).

    Keyed by the spelling, not the expanded name key, so that a user can split
    two spellings the abbreviation rules would merge (县应急局 / 县应急管理局).
    """

    entries: dict[tuple[str, str], Override] = field(default_factory=dict)

    def lookup(self, name: str, *, jurisdiction: str, doc: str) -> Override | None:
        key = spelling_key(name)
        for scope in (doc, jurisdiction, ""):
            found = self.entries.get((scope, key))
            if found is not None:
                return found
        return None


def document_context(document: Document) -> tuple[str, str]:
    """The (jurisdiction, level) a document's names are read in.

    A document whose jurisdiction is unknown stands alone, labelled by its id, so
    that its relative names (县财政局) never merge with another document's.
    """
    return document.jurisdiction or f"[{document.id}]", document.level or "other"


def resolve_in(
    document: Document,
    name: str,
    *,
    overrides: Overrides | None = None,
    gazetteer: Gazetteer | None = None,
    line: int | None = None,
) -> AgencyRef:
    """The unit ``name`` means in ``document``, user overrides first.

    A name with nothing in it raises LoaderError naming the document and ``line``.
    """
    gaz = gazetteer or Gazetteer.bundled()
    jurisdiction, level = document_context(document)
    try:
        ref = resolve(name, jurisdiction=jurisdiction, level=level, gazetteer=gaz)
    except ValueError as err:
        raise LoaderError(document.path or document.id, f"unit name {name!r} is empty", line) from err
    found = overrides.lookup(name, jurisdiction=jurisdiction, doc=document.id) if overrides else None
    if found is None:
        return ref
    if found.canonical != ref.canonical:
        # take place, level and kind from the name the user chose, read in the same document
        chosen = resolve(found.canonical, jurisdiction=jurisdiction, level=level, gazetteer=gaz)
        ref = replace(chosen, canonical=found.canonical)
    return replace(ref, kind=found.kind or ref.kind, level=found.level or ref.level)


def agency_rows(
    extractions: Iterable[Extraction],
    *,
    overrides: Overrides | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[dict]:
    """One row per (document, name as written) in leads and supports, for the scorer's --aliases.

    ``{"doc": …, "name": …, "agency": "agency:<canonical>"}``, sorted by doc then name.
    """
    seen: dict[tuple[str, str], str] = {}
    for ex in extractions:
        for task in ex.tasks:
            for name in (*task.leads, *task.supports):
                if (ex.document.id, name) not in seen:
                    ref = resolve_in(
                        ex.document, name, overrides=overrides, gazetteer=gazetteer, line=task.line
                    )
                    seen[(ex.document.id, name)] = agency_id(ref.canonical)
    return [{"doc": d, "name": n, "agency": a} for (d, n), a in sorted(seen.items())]


def load_overrides(path: str | Path) -> Overrides:
    """Read an agency table (see the module docstring); a bad line raises LoaderError naming it."""
    path = Path(path)
    text = read_user_text(path, "agency table")
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    header: list[str] | None = None
    entries: dict[tuple[str, str], Override] = {}
    where: dict[tuple[str, str], int] = {}
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [unsafe_cell(c.strip()) for c in next(csv.reader([line], delimiter=delimiter))]
        if header is None:
            header = cells
            missing = [c for c in ("spelling", "canonical") if c not in header]
            if missing:
                raise LoaderError(str(path), f"header lacks column(s) {', '.join(missing)}", no)
            continue
        if len(cells) > len(header):
            raise LoaderError(str(path), f"{len(cells)} cells but the header has {len(header)} columns", no)
        row = dict(zip(header, cells, strict=False))
        spelling, canonical = spelling_key(row.get("spelling", "")), row.get("canonical", "")
        canonical = canonical.removeprefix(_PREFIX)
        if not spelling or not canonical:
            raise LoaderError(str(path), "spelling and canonical must not be empty", no)
        kind, level = row.get("kind", ""), row.get("level", "")
        if kind and kind not in AGENCY_KINDS:
            raise LoaderError(str(path), f"unknown kind {kind!r} (use one of {', '.join(AGENCY_KINDS)})", no)
        if level and level not in LEVELS:
            raise LoaderError(str(path), f"unknown level {level!r} (use one of {', '.join(LEVELS)})", no)
        scope = (row.get("jurisdiction", ""), spelling)
        override = Override(canonical, kind, level)
        if scope in entries and entries[scope] != override:
            raise LoaderError(
                str(path),
                f"{row['spelling']!r} in {scope[0] or 'any jurisdiction'} already given on line {where[scope]}",
                no,
            )
        entries[scope], where[scope] = override, no
    if not entries:  # an empty table would silently change nothing
        raise LoaderError(str(path), "the agency table has no rows (write one with 'zeren agencies')")
    return Overrides(entries)


def table_rows(source: nx.MultiDiGraph | Iterable[dict]) -> list[dict]:
    """Agency table rows from a graph, or from ``agency_rows`` output (jurisdiction = doc id)."""
    if isinstance(source, nx.Graph):
        return _graph_table(source)
    grouped: dict[tuple[str, str, str], set[str]] = {}
    for row in source:
        canonical = str(row["agency"]).removeprefix(_PREFIX)
        grouped.setdefault((canonical, row["doc"], row["name"]), set()).add(row["doc"])
    return [
        {
            "canonical": c,
            "jurisdiction": j,
            "spelling": s,
            "kind": "",
            "level": "",
            "docs": ",".join(sorted(d)),
        }
        for (c, j, s), d in sorted(grouped.items())
    ]


def _graph_table(G: nx.MultiDiGraph) -> list[dict]:
    grouped: dict[tuple[str, str, str], set[str]] = {}
    for src, task, kind, data in G.edges(keys=True, data=True):
        if kind not in ROLE_EDGES or G.nodes[src].get("kind") != AGENCY:
            continue
        doc = G.nodes[task].get("doc", "")
        doc_node = G.nodes.get(doc_id(doc), {})
        if doc_node.get("kind") == DOCUMENT:
            jurisdiction = document_context(
                Document(doc, "", jurisdiction=doc_node.get("jurisdiction") or "")
            )[0]
        else:
            jurisdiction = doc
        grouped.setdefault((src, jurisdiction, data.get("raw", "")), set()).add(doc)
    rows = []
    for (src, jurisdiction, spelling), docs in sorted(grouped.items()):
        node = G.nodes[src]
        rows.append(
            {
                "canonical": node.get("name", src[len(_PREFIX) :]),
                "jurisdiction": jurisdiction,
                "spelling": spelling,
                "kind": node.get("agency_kind", ""),
                "level": node.get("level", ""),
                "docs": ",".join(sorted(docs)),
            }
        )
    return rows


def write_agency_table(source: nx.MultiDiGraph | Iterable[dict], path: str | Path) -> Path:
    """Write the hand-editable agency table (tabs, or commas for ``.csv``); returns the path."""
    path = Path(path)
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    rows = table_rows(source)
    try:
        with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=TABLE_COLUMNS, delimiter=delimiter, lineterminator="\n")
            writer.writeheader()
            # text from documents never becomes a formula in a spreadsheet (zeren.cells)
            writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
    except OSError as err:
        raise ZerenError(f"{path}: cannot write: {err.strerror or err}") from err
    return path
