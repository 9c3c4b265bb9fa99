"""Imported by the forkserver that starts extraction workers (``loaders.batch``), never by the library.

Reading one small plan here builds what each worker would otherwise build for
itself on its first document (the parsers' patterns, the OpenCC converter, the
national gazetteer), so the workers forked from this process start with them.
Parsing is pure, so what the sample leaves in the memo caches changes no output.
"""

from __future__ import annotations

from zeren.loaders import batch  # noqa: F401 - the workers' entry point, imported once here
from zeren.loaders.extract import parse_document

parse_document("青山县修路行动方案\n1.修路。(牵头单位:县交通局;责任单位:县财政局)\n", source="", doc="")
