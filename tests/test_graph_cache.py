"""The binary cache beside the JSON graph: used when the file is unchanged, never when it changed."""

from __future__ import annotations

import os
import time

import networkx as nx
import pytest

from zeren.graph.io import cache_dir, load_graph, save_graph
from zeren.graph.synthetic import synthetic_graph


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ZEREN_CACHE_DIR", str(folder))
    return folder


def test_an_unchanged_file_is_read_from_the_cache_and_equals_the_json(tmp_path, cache):
    G = synthetic_graph(300, seed=2)
    path = save_graph(G, tmp_path / "g.json")
    entries = list(cache.glob("*.pickle"))
    assert len(entries) == 1 and entries[0].stat().st_mode & 0o777 == 0o600
    from_cache = load_graph(path)
    os.environ["ZEREN_CACHE_DIR"] = "off"
    from_json = load_graph(path)
    assert nx.utils.graphs_equal(from_cache, from_json)
    assert nx.utils.graphs_equal(from_cache, G)


def test_an_edited_file_is_read_afresh(tmp_path, cache):
    path = save_graph(synthetic_graph(200, seed=2), tmp_path / "g.json")
    load_graph(path)
    text = path.read_text(encoding="utf-8")
    task, attrs = next((n, a) for n, a in load_graph(path).nodes(data=True) if a["kind"] == "Task")
    edited = text.replace(f'"text": "{attrs["text"]}"', '"text": "改过的任务"', 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    assert load_graph(path).nodes[task]["text"] == "改过的任务"


def test_a_damaged_or_foreign_cache_entry_falls_back_to_the_json(tmp_path, cache):
    G = synthetic_graph(100, seed=4)
    path = save_graph(G, tmp_path / "g.json")
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"garbage")
    assert nx.utils.graphs_equal(load_graph(path), G)
    (entry,) = cache.glob("*.pickle")
    entry.chmod(0o666)  # writable by others: not trusted
    assert nx.utils.graphs_equal(load_graph(path), G)


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("ZEREN_CACHE_DIR", "off")
    assert cache_dir() is None
    path = save_graph(synthetic_graph(50, seed=1), tmp_path / "g.json")
    assert load_graph(path).number_of_nodes() > 0


def test_save_is_atomic_and_keeps_no_temporary_file(tmp_path, cache):
    path = save_graph(synthetic_graph(50, seed=1), tmp_path / "g.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "g.json"]
    assert path.read_text(encoding="utf-8").startswith('{\n "zeren_graph": 1')


@pytest.fixture
def settled_at_once(monkeypatch):
    """Record a file's state however recently it changed (by default, only after 2 s)."""
    import zeren.graph.io as io

    monkeypatch.setattr(io, "_SETTLED", 0.0)
    return io


def test_a_file_known_by_its_stat_is_not_hashed_again(tmp_path, cache, monkeypatch, settled_at_once):
    path = save_graph(synthetic_graph(100, seed=5), tmp_path / "g.json")  # records its state
    assert len(list(cache.glob("*.stat"))) == 1
    first = load_graph(path)

    def no_hashing(*_):
        raise AssertionError("the file was hashed although its state was recorded")

    monkeypatch.setattr(settled_at_once.hashlib, "sha256", no_hashing)
    assert nx.utils.graphs_equal(load_graph(path), first)


def test_an_edit_keeping_size_and_mtime_is_still_seen(tmp_path, cache, settled_at_once):
    path = save_graph(synthetic_graph(100, seed=6), tmp_path / "g.json")
    time.sleep(0.05)  # past the kernel's timestamp tick, so that the edit below gets another ctime
    task, attrs = next((n, a) for n, a in load_graph(path).nodes(data=True) if a["kind"] == "Task")
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    old = f'"text": "{attrs["text"]}"'
    new = '"text": "' + "改" * len(attrs["text"]) + '"'
    assert len(old.encode()) == len(new.encode()) and old != new
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # the mtime put back; the ctime moved on
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    assert load_graph(path).nodes[task]["text"] == "改" * len(attrs["text"])


def test_a_file_changed_just_now_is_not_recorded(tmp_path, cache):
    path = save_graph(synthetic_graph(50, seed=7), tmp_path / "g.json")
    load_graph(path)
    assert list(cache.glob("*.stat")) == []
