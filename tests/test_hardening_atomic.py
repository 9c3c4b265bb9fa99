"""Issue 12 row 4: outputs are written atomically, and an output that is an input is refused.

The kill test runs the real ``zeren`` in a subprocess over a synthetic corpus,
sends SIGKILL at seeded random moments (most of them late, where writing
happens) and checks that every output is the old file byte for byte or the
complete new one, never something in between.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zeren.atomic import atomic_path, write_text
from zeren.loaders.synthetic import write_corpus

ZEREN = [sys.executable, "-m", "zeren"]
OLD = "an older output that must survive\n"


def run(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([*ZEREN, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300)


def _visible(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if not p.name.startswith(".")}


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for entry in os.scandir(folder):
        try:
            st = entry.stat()
        except FileNotFoundError:
            continue
        out[entry.name] = (st.st_size, st.st_mtime_ns)
    return out


def _kill(args: list[str], cwd: Path, *, delay: float | None, rng: random.Random) -> None:
    """Run zeren and SIGKILL it after ``delay`` seconds, or (``None``) just after it starts writing.

    Writing takes milliseconds of a run of seconds, so random delays alone would
    almost never land in it: the second mode watches the output folder and kills
    a random few milliseconds after the first change there.
    """
    before = _snapshot(cwd)
    process = subprocess.Popen([*ZEREN, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if delay is not None:
        time.sleep(delay)
    else:
        while process.poll() is None and _snapshot(cwd) == before:
            time.sleep(0.0005)
        time.sleep(rng.uniform(0, 0.01))
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kill") / "plans"
    write_corpus(folder, 150, seed=12)
    return folder


@pytest.mark.parametrize(
    ("command", "outputs"),
    [
        (
            [
                "extract",
                "{corpus}",
                "-o",
                "tasks.jsonl",
                "--agencies",
                "agencies.jsonl",
                "--report",
                "report.jsonl",
            ],
            ["tasks.jsonl", "agencies.jsonl", "report.jsonl"],
        ),
        (["build", "{corpus}", "-o", "graph.json"], ["graph.json"]),
    ],
    ids=["extract", "build"],
)
def test_a_killed_run_leaves_the_old_output_or_the_whole_new_one(corpus, tmp_path, command, outputs):
    args = [a.format(corpus=corpus) for a in command]
    full = tmp_path / "full"
    full.mkdir()
    started = time.perf_counter()
    assert subprocess.run([*ZEREN, *args], cwd=full, capture_output=True).returncode == 0
    duration = time.perf_counter() - started
    complete = {name: (full / name).read_bytes() for name in outputs}

    rng = random.Random(f"kill-{args[0]}-{outputs[0]}")
    work = tmp_path / "work"
    work.mkdir()
    outcomes = set()
    for attempt in range(4):
        for name in outputs:
            (work / name).write_text(OLD, encoding="utf-8")
        delay = rng.uniform(0.2, 1.1) * duration if attempt % 2 else None
        _kill(args, work, delay=delay, rng=rng)
        for name in outputs:
            got = (work / name).read_bytes()
            assert got in (OLD.encode(), complete[name]), f"{name}: partial output of {len(got)} bytes"
            outcomes.add("old" if got == OLD.encode() else "new")
        assert _visible(work) == set(outputs), "a killed run left a visible stray file"
    # a later complete run leaves no temporary file of a killed one behind
    assert subprocess.run([*ZEREN, *args], cwd=work, capture_output=True).returncode == 0
    assert sorted(p.name for p in work.iterdir()) == sorted(outputs)
    assert "old" in outcomes, "no kill landed before the outputs were replaced: the test proved nothing"


def test_atomic_path_keeps_the_old_file_when_the_writer_fails(tmp_path):
    target = tmp_path / "t.jsonl"
    target.write_text(OLD, encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["t.jsonl"]


def test_a_stale_part_of_a_dead_process_is_removed_and_a_live_ones_kept(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".graph.json.{dead.pid}.abc123.part"
    live = tmp_path / f".graph.json.{os.getppid()}.def456.part"
    other = tmp_path / f".tasks.jsonl.{dead.pid}.abc123.part"
    for p in (stale, live, other):
        p.write_text("partial", encoding="utf-8")
    write_text(tmp_path / "graph.json", "{}\n")
    names = {p.name for p in tmp_path.iterdir()}
    assert stale.name not in names
    assert {live.name, other.name, "graph.json"} <= names


def test_an_output_that_is_an_input_document_is_refused(samples_dir, tmp_path):
    plan = tmp_path / "plan.txt"
    original = next(samples_dir.glob("*.txt")).read_bytes()
    plan.write_bytes(original)
    for command in (
        ["extract", plan, "-o", plan],
        ["extract", plan, "-o", tmp_path / "t.jsonl", "--report", plan],
        ["build", tmp_path, "-o", tmp_path / "." / "plan.txt"],
        ["viz", plan, "-o", plan],
    ):
        result = run(*command)
        assert result.returncode == 1, command
        errors = result.stderr.strip().splitlines()
        assert errors[-1].startswith("Error: output ") and "plan.txt" in errors[-1], result.stderr
        assert len([e for e in errors if e.startswith("Error:")]) == 1
        assert plan.read_bytes() == original


def test_a_hard_link_to_an_input_and_a_report_folder_holding_inputs_are_refused(samples_dir, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    sample = next(samples_dir.glob("*.txt"))
    (docs / sample.name).write_bytes(sample.read_bytes())
    os.link(docs / sample.name, tmp_path / "link.jsonl")
    result = run("extract", docs, "-o", tmp_path / "link.jsonl")
    assert result.returncode == 1 and "Error: output " in result.stderr
    assert (docs / sample.name).read_bytes() == sample.read_bytes()
    result = run("report", docs, "-o", docs)
    assert result.returncode == 1
    assert f"holds {docs / sample.name}" in result.stderr
    assert _visible(docs) == {sample.name}


def test_an_output_beside_the_inputs_with_another_suffix_is_fine(samples_dir, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    sample = next(samples_dir.glob("*.txt"))
    (docs / sample.name).write_bytes(sample.read_bytes())
    assert run("extract", docs, "-o", docs / "tasks.jsonl").returncode == 0
    assert (docs / "tasks.jsonl").read_text(encoding="utf-8").count("\n") > 0


def test_a_symlinked_output_keeps_its_link_and_a_replaced_file_its_mode(tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text(OLD, encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real.name)
    write_text(link, "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"
    assert real.stat().st_mode & 0o777 == 0o640


def test_a_device_output_is_written_directly_never_replaced(samples_dir):
    import stat

    with atomic_path("/dev/null") as tmp:
        assert tmp == Path("/dev/null")
        tmp.write_text("dropped", encoding="utf-8")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    result = run("workload", samples_dir, "--format", "csv", "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("agency,")
    assert Path("/dev/stdout").is_symlink() or not Path("/dev/stdout").is_file()
    assert not [p for p in os.listdir("/dev") if p.endswith(".part")]


def test_a_table_or_demo_output_that_is_an_input_is_refused(samples_dir, tmp_path):
    graph = tmp_path / "graph.json"
    assert run("build", samples_dir, "-o", graph).returncode == 0
    saved = graph.read_bytes()
    result = run("workload", graph, "--format", "csv", "-o", graph)
    assert result.returncode == 1 and result.stderr.startswith(f"Error: output {graph} is read by this run")
    assert graph.read_bytes() == saved
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "plan.txt").write_bytes(next(samples_dir.glob("*.txt")).read_bytes())
    result = run("demo", "--sources", docs, "-o", docs)
    assert result.returncode == 1 and "Error: output " in result.stderr
    assert _visible(docs) == {"plan.txt"}


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            found.add(child)
            todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="finds the worker processes in /proc (Linux)"
)
def test_a_killed_extract_leaves_no_worker_process_behind(tmp_path):
    corpus = tmp_path / "plans"
    write_corpus(corpus, 600, seed=13)
    process = subprocess.Popen(
        [*ZEREN, "extract", str(corpus), "-o", "tasks.jsonl"],
        cwd=tmp_path,
        env={**os.environ, "ZEREN_WORKERS": "2"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # the forkserver and both workers, seen while the run is under way
    deadline = time.monotonic() + 60
    while len(started := _descendants(process.pid)) < 3 and process.poll() is None:
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.005)
    assert process.poll() is None, "the run ended before its workers were seen: nothing was killed mid-run"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 20
    while (left := {pid for pid in started if _running(pid)}) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left, f"{len(left)} process(es) of the killed run still running"
