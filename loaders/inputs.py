"""The files a user names: folders walked, each file once, nothing skipped without a word.

Every entry under a folder becomes an input, so that one which cannot be read
(a dangling link, a FIFO, an unsupported format) fails with its reason instead
of vanishing; a folder that cannot be listed, or a link back up the tree,
becomes an input carrying that problem. The same file reached twice (by two
paths, or identical content under two names) is read once, with a warning
naming both. A zip bundle stands for its members (``bundle.zip!member.docx``),
and files a saved web page links to beside it are its attachments.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from zeren.atomic import is_partial
from zeren.safetext import path_text

__all__ = [
    "InputFile",
    "Collected",
    "collect_inputs",
    "collect_files",
    "member_file",
    "MAX_MEMBERS",
]

MAX_MEMBERS = 1000  # members of one bundle; an attachment bundle holds a handful
_HREF = re.compile(rb"""\bhref\s*=\s*["']?([^"'\s>]+)""", re.I)
_PAGE_SUFFIXES = (".html", ".htm")


class InputFile(NamedTuple):
    """A file to read, and the name records keep for it: relative to the folder or file the user named,
    so a saved graph holds no path of the machine that built it.

    ``member`` is the name inside a zip bundle ``path``; ``notice`` the saved web
    page this file is an attachment of; ``problem`` why it cannot be read at all.
    """

    path: Path
    source: str
    member: str = ""
    notice: Path | None = None
    problem: str = ""


@dataclass
class Collected:
    """Inputs in reading order (notices before their attachments) and warnings for the user."""

    files: list[InputFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def collect_files(paths: Iterable[str | Path | InputFile]) -> list[InputFile]:
    """The inputs of ``collect_inputs``, without its warnings."""
    return collect_inputs(paths).files


def collect_inputs(paths: Iterable[str | Path | InputFile]) -> Collected:
    """Files named, and every entry under folders named (recursive, sorted).

    Each file's ``source`` is relative to the folder named (``sub/plan.txt``),
    or the file's name when named directly, with odd bytes escaped.
    """
    found: list[InputFile] = []
    for p in paths:
        if isinstance(p, InputFile):
            found.append(p)
            continue
        p = Path(p)
        if p.is_dir():
            found.extend(_walk(p, p, set()))
        else:
            found.append(InputFile(p, path_text(p.name)))
    collected = Collected()
    _read_once(found, collected)
    collected.files = _with_members(collected.files)
    collected.files = _with_notices(collected.files)
    collected.warnings = list(dict.fromkeys(collected.warnings))
    return collected


def _walk(root: Path, folder: Path, seen: set[tuple[int, int]]) -> Iterator[InputFile]:
    def source(path: Path) -> str:
        return path_text(path.relative_to(root).as_posix())

    try:
        info = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield InputFile(
            folder, source(folder) or path_text(folder.name), problem=f"cannot list folder: {_reason(err)}"
        )
        return
    seen = seen | {(info.st_dev, info.st_ino)}
    for entry in entries:
        path = Path(entry.path)
        if is_partial(entry.name):
            continue  # an output Zeren is writing right now (or a killed run left): never a document
        try:
            is_dir = entry.is_dir()  # follows links: a linked folder is read like any other
        except OSError:
            is_dir = False
        if is_dir:
            try:
                target = path.stat()
            except OSError as err:
                yield InputFile(path, source(path), problem=f"cannot open folder: {_reason(err)}")
                continue
            if (target.st_dev, target.st_ino) in seen:
                yield InputFile(path, source(path), problem="a link back to a folder above it (skipped)")
                continue
            yield from _walk(root, path, seen)
        else:
            yield InputFile(path, source(path))  # anything else fails or reads in read_text


def _reason(err: OSError) -> str:
    return err.strerror.lower() if err.strerror else str(err)


def _identity(path: Path) -> tuple[object, ...] | None:
    """What makes two inputs the same file: its resolved place, then its content."""
    try:
        info = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_dev, info.st_ino)


def _digest(path: Path) -> str | None:
    digest = hashlib.blake2b(digest_size=20)
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _read_once(found: list[InputFile], collected: Collected) -> None:
    by_place: dict[tuple[object, ...], InputFile] = {}
    by_size: dict[int, list[InputFile]] = {}
    by_digest: dict[str, InputFile] = {}
    digests: dict[Path, str | None] = {}  # each file hashed once, however many share its size

    def digest(path: Path) -> str | None:
        if path not in digests:
            digests[path] = _digest(path)
        return digests[path]

    for f in found:
        if f.problem or f.member:
            collected.files.append(f)
            continue
        place = _identity(f.path)
        if place is not None and place in by_place:
            first = by_place[place]
            if first.source != f.source or first.path != f.path:
                collected.warnings.append(f"{f.source}: the same file as {first.source}; read once")
            continue
        if place is not None:
            by_place[place] = f
            size = f.path.stat().st_size
            same_size = by_size.setdefault(size, [])
            # content is hashed only when another file has the same size
            for other in [*same_size, f] if same_size else []:
                key = digest(other.path)
                if key is not None:
                    by_digest.setdefault(key, other)
            same_size.append(f)
            key = digest(f.path) if len(same_size) > 1 else None
            if key is not None and by_digest.get(key) not in (None, f):
                first = by_digest[key]
                collected.warnings.append(f"{f.source}: identical content to {first.source}; read once")
                continue
        collected.files.append(f)


def _is_zip_bundle(path: Path) -> bool:
    if path.suffix.lower() in (".docx", ".xlsx", ".ofd") or _identity(path) is None:
        return False  # opening a FIFO would block: only regular files are looked into
    try:
        with path.open("rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return False
    except OSError:
        return False
    from zeren.loaders.formats.sniff import sniff

    return sniff(path) == "zip"


def _with_members(files: list[InputFile]) -> list[InputFile]:
    """A zip bundle's members in its place; a bundle that cannot be listed stays, to fail in reading."""
    from zeren.loaders.formats.archive import check_zip_size

    out: list[InputFile] = []
    for f in files:
        if f.problem or f.member or not _is_zip_bundle(f.path):
            out.append(f)
            continue
        try:
            with zipfile.ZipFile(f.path) as archive:
                infos = [i for i in archive.infolist() if not i.is_dir()]
            if len(infos) > MAX_MEMBERS:
                raise ValueError(f"{len(infos)} members, over the {MAX_MEMBERS} limit")
            check_zip_size(f.path, infos)
        except Exception as err:  # noqa: BLE001 - any damage is this bundle's failure, reported
            out.append(f._replace(problem=f"cannot open zip bundle ({getattr(err, 'problem', err)})"))
            continue
        for info in sorted(infos, key=lambda i: i.filename):
            name = _member_name(info)
            out.append(f._replace(source=f"{f.source}!{path_text(name)}", member=info.filename))
    return out


def _member_name(info: zipfile.ZipInfo) -> str:
    """A member's name; zips made on Chinese Windows store GBK names without the UTF-8 flag."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


@contextmanager
def member_file(f: InputFile) -> Iterator[Path]:
    """A path to read ``f`` from: the file itself, or a bundle member written to a temporary folder."""
    if not f.member:
        yield f.path
        return
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="zeren-member-") as work:
        name = PurePosixPath(_member_name(zipfile.ZipInfo(f.member))).name or "member"
        target = Path(work) / name
        with zipfile.ZipFile(f.path) as archive, archive.open(f.member) as source, target.open("wb") as out:
            shutil.copyfileobj(source, out)  # bounded: zipfile stops at the declared size, checked above
        yield target


def _links(page: Path) -> set[Path]:
    """Files beside a saved page that it links to (``href="附件1.xls"``)."""
    from urllib.parse import unquote

    try:
        data = page.read_bytes()[: 8 * 1024**2]
    except OSError:
        return set()
    out = set()
    for match in _HREF.finditer(data):
        href = match.group(1).split(b"#")[0].split(b"?")[0]
        if not href or b"://" in href or href.startswith((b"/", b"mailto:", b"javascript:")):
            continue
        for encoding in ("utf-8", "gb18030"):
            try:
                name = unquote(href.decode(encoding), encoding=encoding, errors="strict")
                break
            except (UnicodeDecodeError, ValueError):
                continue
        else:
            continue
        out.add((page.parent / name).resolve())
    return out


def _with_notices(files: list[InputFile]) -> list[InputFile]:
    """Attachments a saved web page links to carry the page as their notice, and follow it."""
    pages = [
        f
        for f in files
        if not f.problem and not f.member and f.path.suffix.lower() in _PAGE_SUFFIXES and _identity(f.path)
    ]
    notice_of: dict[Path, Path] = {}
    for page in pages:
        for target in _links(page.path):
            notice_of.setdefault(target, page.path)
    if not notice_of:
        return files
    marked = []
    for f in files:
        try:
            resolved = f.path.resolve()
        except OSError:
            resolved = f.path
        notice = notice_of.get(resolved)
        marked.append(f._replace(notice=notice) if notice is not None and notice != f.path else f)
    # notices first, so their fields are known when their attachments are read
    return sorted(marked, key=lambda f: f.notice is not None)
