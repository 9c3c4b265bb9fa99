"""The view object and its one-file HTML page.

A view is a pyvis ``Network`` that also carries a title, a legend and the filter
choices. Its page is rendered by our own template rather than pyvis's, because
pyvis's always links Bootstrap from a CDN: here vis-network's script and style
are inlined from the copy pyvis ships, so the file opens with no network.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import jinja2
import pyvis
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from zeren.atomic import write_text
from zeren.errors import ViewError

from .i18n import DEFAULT_LANG, message, messages

__all__ = ["View", "ViewError", "Page", "write_html", "script_json"]

_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_TEMPLATES = Path(__file__).parent / "templates"


class View(Network):
    """A pyvis network plus what our page adds: title, legend, filters and notes.

    ``filters`` maps a filter name (``plan``, ``doc``, ``year``, ``level``,
    ``jurisdiction``, ``role``, ``community``) to ``[(value, label), …]``; the page
    shows a drop-down for each non-empty one. ``details`` holds the side panel's
    record per node (see ``viz.details``); ``source_links`` maps a document to its
    source page, relative to the view (set by :func:`write_html`).
    """

    def __init__(
        self, title: str, *, height: str = "78vh", directed: bool = True, lang: str = DEFAULT_LANG
    ) -> None:
        super().__init__(height=height, width="100%", directed=directed, cdn_resources="in_line", heading="")
        messages(lang)  # an unknown language fails here, before any drawing
        self.title = title
        self.lang = lang
        self.legend: list[dict] = []
        self.filters: dict[str, list[tuple[str, str]]] = {}
        self.notes: list[str] = []
        self.searchable = True
        self.details: dict[str, dict] = {}
        self.source_links: dict[str, str] = {}
        self._ids: set[str] = set()

    def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
        """The whole page as one string (pyvis's signature, our template)."""
        self.html = render_page(self)
        return self.html

    def add_node(
        self, n_id: str, label: str | None = None, shape: str = "dot", color: str = "#97c2fc", **options: Any
    ) -> None:
        """pyvis's ``add_node`` with a set for the duplicate check (pyvis scans a list: quadratic)."""
        if n_id in self._ids:
            return
        self._ids.add(n_id)
        self.nodes.append(
            Node(n_id, shape, label=label or n_id, color=color, font_color=self.font_color, **options).options
        )
        self.node_ids.append(n_id)
        self.node_map[n_id] = self.nodes[-1]

    def add_edge(self, source: str, to: str, **options: Any) -> None:
        """pyvis's ``add_edge`` for directed use, checking ends against a set; views never repeat an edge."""
        for end in (source, to):
            if end not in self._ids:
                raise ViewError(f"edge names a node that is not in the view: {end!r}")
        self.edges.append(Edge(source, to, self.directed, **options).options)

    def _repr_html_(self) -> str:
        # Notebooks show the page in a sandbox-free iframe: its own document, so its
        # script and globals cannot clash with the notebook's, and no file is needed.
        return (
            f'<iframe srcdoc="{html.escape(self.generate_html(), quote=True)}" '
            f'style="width: 100%; height: {_iframe_height(self.height)}; border: 1px solid #ddd"></iframe>'
        )


def _iframe_height(height: str) -> str:
    # vh inside an iframe is relative to the iframe itself, so give the frame a fixed height.
    return "720px" if height.endswith("vh") else height


class Page(Protocol):
    """Anything ``write_html`` can write: a graph view or a table page such as the matrix."""

    lang: str
    source_links: dict[str, str]

    def generate_html(self) -> str: ...


def write_html(view: Page, path: str | Path, *, sources: Mapping[str, Path] | None = None) -> Path:
    """Write ``view`` as one self-contained HTML file; returns the path written.

    ``sources`` (``{doc: file}``, from ``viz.sources.source_files``) also writes
    the source viewer's pages into ``sources/`` beside it and links tasks to them.
    """
    path = Path(path)
    if sources:
        from .sources import write_source_pages

        details = getattr(view, "details", {})
        wanted = {n.get("source", {}).get("doc") for n in details.values()} if details else set(sources)
        titles = {r["source"]["doc"]: r["source"].get("title") for r in details.values() if "source" in r}
        view.source_links = write_source_pages(
            {d: f for d, f in sources.items() if d in wanted}, path.parent, titles=titles, lang=view.lang
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, view.generate_html())
    except OSError as err:
        raise ViewError(f"cannot write {path}: {err.strerror or err}") from err
    return path


def script_json(value: object) -> str:
    """JSON safe to place inside a ``<script>`` element: no ``</script>`` or ``<!--`` can appear.

    >>> script_json({"t": "</script>"})
    '{"t": "\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_page(view: View) -> str:
    options = view.options if isinstance(view.options, dict) else json.loads(view.options.to_json())
    data = {"nodes": view.nodes, "edges": view.edges, "options": options}
    return (
        _environment()
        .get_template("view.html.j2")
        .render(
            lang_html=message("lang.html", view.lang),
            t=messages(view.lang, "view."),
            t_json=script_json(messages(view.lang, "view.")),
            details_json=script_json(view.details),
            links_json=script_json(view.source_links),
            colour_modes=any("community" in n for n in view.nodes),
            title=view.title,
            legend=view.legend,
            filters={k: v for k, v in view.filters.items() if v},
            notes=view.notes,
            searchable=view.searchable,
            height=view.height,
            data_json=script_json(data),
            filters_json=script_json({k: [list(p) for p in v] for k, v in view.filters.items() if v}),
            vis_js=_asset("vis-network.min.js"),
            vis_css=_asset("vis-network.css"),
        )
    )


@cache
def _asset(name: str) -> str:
    return (_VIS_DIR / name).read_text(encoding="utf-8")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
