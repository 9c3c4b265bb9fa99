"""What the user states about where documents come from, applied over what the text says.

Many saved plans lose their issuer line and date. A user who knows them says
so for a whole batch (``--jurisdiction 江苏省``, ``--date 2024``) or per
document in a small manifest file (CSV or JSON: document → issuer, date,
jurisdiction). A stated jurisdiction or issuer wins over one inferred from the
text; a stated date only where the text gives none or a less precise one (a
title's year). Per document,
the manifest wins over the batch option.

>>> s = Statement(jurisdiction="江苏省")
>>> from zeren.loaders.records import Document, Extraction
>>> apply_statements(Extraction(Document("d", "d.txt")), batch=s).document.level
'province'
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from zeren.errors import LoaderError
from zeren.loaders.document import jurisdiction_of, written_date
from zeren.loaders.jurisdiction import place_level
from zeren.loaders.normalise import strip_controls, to_simplified
from zeren.loaders.records import Extraction

__all__ = ["Statement", "read_manifest", "apply_statements", "stated_date"]

_KEYS = ("document", "doc", "file", "path")
_FIELDS = ("issuer", "date", "jurisdiction")


@dataclass(frozen=True)
class Statement:
    """What the user says about a document (any field may be empty)."""

    issuer: str = ""
    date: str = ""
    jurisdiction: str = ""


def stated_date(value: str) -> str:
    """A date the user wrote (``2024-03-15``, ``2024年3月15日``, ``2024-03``, ``2024``) as ISO 8601; ValueError if none."""
    text = re.sub(r"\s+", "", value)
    if not text:
        return ""
    found = written_date(text)
    if found:
        return found
    m = re.fullmatch(r"((?:19|20)\d{2})(?:[-/.年](\d{1,2})月?)?", text)
    if m and (m.group(2) is None or 1 <= int(m.group(2)) <= 12):
        return m.group(1) + (f"-{int(m.group(2)):02d}" if m.group(2) else "")
    raise ValueError(f"not a date: {value!r} (write 2024-03-15, 2024-03 or 2024)")


def _statement(row: dict, where: str) -> Statement:
    values = {k: to_simplified(strip_controls(str(row.get(k) or ""))).strip() for k in _FIELDS}
    try:
        values["date"] = stated_date(values["date"])
    except ValueError as err:
        raise LoaderError(where, str(err)) from None
    return Statement(**values)


def _rows(path: Path, text: str) -> list[dict]:
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as err:
            raise LoaderError(str(path), f"manifest is not valid JSON: {err}") from None
        if isinstance(data, dict):  # {"plan.txt": {"issuer": …}, …}
            data = [{"document": k, **v} if isinstance(v, dict) else None for k, v in data.items()]
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise LoaderError(str(path), "manifest JSON must map documents to {issuer, date, jurisdiction}")
        return data
    return list(csv.DictReader(io.StringIO(text)))


def read_manifest(path: str | Path) -> dict[str, Statement]:
    """A manifest file → statements by document (file name, path or id as the file writes it).

    CSV: a header with ``document`` (or ``doc``/``file``/``path``) and any of
    ``issuer``, ``date``, ``jurisdiction``; JSON: a list of such objects, or an
    object from document to ``{issuer, date, jurisdiction}``.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise LoaderError(str(path), f"cannot read manifest: {err}") from None
    out: dict[str, Statement] = {}
    for no, row in enumerate(_rows(path, text), 2):
        row = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        key = next((str(row[k]).strip() for k in _KEYS if row.get(k)), "")
        if not key:
            raise LoaderError(str(path), "manifest row names no document (column 'document')", no)
        out[key] = _statement(row, f"{path}:{no}")
    if not out:
        raise LoaderError(str(path), "manifest lists no document")
    return out


def _lookup(manifest: dict[str, Statement], extraction: Extraction) -> Statement | None:
    doc = extraction.document
    for key in (doc.path, Path(doc.path).name, doc.id):
        if key in manifest:
            return manifest[key]
    return next((s for k, s in manifest.items() if Path(k).stem == doc.id), None)


def apply_statements(
    extraction: Extraction,
    *,
    batch: Statement | None = None,
    manifest: dict[str, Statement] | None = None,
) -> Extraction:
    """``extraction`` with the user's statements applied (manifest first, then the batch's)."""
    document = extraction.document
    placed = issued = False  # the manifest's word, once given, is not overridden by the batch's
    for said in (manifest and _lookup(manifest, extraction), batch):
        if not said:
            continue
        if said.issuer and not issued:
            document, issued = replace(document, issuer=said.issuer), True
        place = said.jurisdiction or (jurisdiction_of(said.issuer)[0] if said.issuer else "")
        if place and not placed:
            name, level = place_level(place)
            document, placed = replace(document, jurisdiction=name, level=level), True
        if len(said.date) > len(document.date):  # a fuller date than the text's (a title's year)
            document = replace(document, date=said.date)
    if document is extraction.document:
        return extraction
    return replace(extraction, document=document)
