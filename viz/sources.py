"""The source viewer: one offline page per document, its text with line numbers.

A task keeps ``source`` (its file's name relative to the folder the user read)
and ``line`` (1-based, in the text the reader decoded). The graph does not hold
document text — a few hundred plans would double a saved graph's size — so the
pages are made from the files themselves: :func:`source_files` finds each
document's file under the folders given (by default those it was read from),
and :func:`write_source_pages` writes ``sources/<doc>.html`` beside a view. The
text is decoded by the same reader the loader used, so line numbers agree, and
the template escapes it. A view links ``sources/<doc>.html#L<line>``; the line
is highlighted by CSS ``:target``, which needs no script or server.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import networkx as nx

from zeren.atomic import write_text
from zeren.errors import LoaderError, ViewError
from zeren.graph.schema import DOCUMENT

from .i18n import DEFAULT_LANG, message, messages

__all__ = ["SOURCE_FOLDER", "source_files", "write_source_pages"]

SOURCE_FOLDER = "sources"


def source_files(G: nx.MultiDiGraph, roots: Iterable[str | Path]) -> dict[str, Path]:
    """``{doc: file}`` for every document whose ``path`` resolves under one of ``roots``.

    A root is a folder the documents were read from (``path`` is relative to it)
    or one document named directly (matched by file name). Documents found
    nowhere are left out; the caller says how many.
    """
    folders = [Path(r) for r in roots]
    found: dict[str, Path] = {}
    for node, attrs in G.nodes(data=True):
        if attrs.get("kind") != DOCUMENT or not attrs.get("path"):
            continue
        rel = str(attrs["path"])
        for root in folders:
            candidate = root / rel if root.is_dir() else root if root.name == Path(rel).name else None
            if candidate is not None and candidate.is_file():
                found[node.removeprefix("doc:")] = candidate
                break
    return found


def write_source_pages(
    files: Mapping[str, Path],
    out_dir: str | Path,
    *,
    titles: Mapping[str, str] | None = None,
    lang: str = DEFAULT_LANG,
) -> dict[str, str]:
    """Write ``<out_dir>/sources/<doc>.html`` per document; returns ``{doc: href relative to out_dir}``.

    A file that cannot be read any more is skipped (its tasks' links stay text)
    rather than failing the view; ``ViewError`` only when the folder cannot be written.
    """
    from zeren.loaders.readers import read_text

    from .page import _environment

    folder = Path(out_dir) / SOURCE_FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ViewError(f"cannot write {folder}: {err.strerror or err}") from err
    template = _environment().get_template("source.html.j2")
    links = {}
    for doc, path in sorted(files.items()):
        try:
            lines = read_text(path).splitlines()
        except LoaderError:
            continue
        title = (titles or {}).get(doc) or doc
        page = template.render(
            lang_html=message("lang.html", lang),
            title=message("view.title.source", lang).format(name=title),
            file=path.name,
            lines=list(enumerate(lines, 1)),
            t=messages(lang, "view."),
        )
        target = folder / f"{doc}.html"
        try:
            write_text(target, page)
        except OSError as err:
            raise ViewError(f"cannot write {target}: {err.strerror or err}") from err
        links[doc] = f"{SOURCE_FOLDER}/{doc}.html"
    return links
