"""Agency rows for the scorer, the hand-editable agency table, and user overrides."""

from __future__ import annotations

import importlib.util
import json

import pytest
from bad_files import error_reading

from zeren.errors import LoaderError
from zeren.graph.aliases import agency_rows, load_overrides, resolve_in, write_agency_table
from zeren.graph.build import build_graph
from zeren.loaders.batch import extract_paths
from zeren.loaders.records import Document, Extraction, Plan, Task

QS = Document("qingshan-2025", "/corpus/qingshan-2025.txt", jurisdiction="青山县", level="county")
BS = Document("baishui-2025", "/corpus/baishui-2025.txt", jurisdiction="白水县", level="county")
HEADER = "canonical\tjurisdiction\tspelling\tkind\tlevel\tdocs\n"


def extractions() -> list[Extraction]:
    qs = Extraction(
        QS,
        [Plan(QS.id, "青山县方案")],
        [
            Task(QS.id, "青山县方案", "修路。", leads=("县政府",), supports=("县应急局", "县财政局")),
            Task(
                QS.id, "青山县方案", "建桥。", leads=("县应急管理局",), supports=("县工信商务局", "县商务局")
            ),
        ],
    )
    bs = Extraction(
        BS, [Plan(BS.id, "白水县方案")], [Task(BS.id, "白水县方案", "植树。", leads=("县财政局",))]
    )
    return [qs, bs]


def test_agency_rows_one_per_document_and_written_name():
    assert agency_rows(extractions()) == [
        {"doc": "baishui-2025", "name": "县财政局", "agency": "agency:白水县财政局"},
        {"doc": "qingshan-2025", "name": "县商务局", "agency": "agency:青山县商务局"},
        {"doc": "qingshan-2025", "name": "县工信商务局", "agency": "agency:青山县工信商务局"},
        {"doc": "qingshan-2025", "name": "县应急局", "agency": "agency:青山县应急管理局"},
        {"doc": "qingshan-2025", "name": "县应急管理局", "agency": "agency:青山县应急管理局"},
        {"doc": "qingshan-2025", "name": "县政府", "agency": "agency:青山县人民政府"},
        {"doc": "qingshan-2025", "name": "县财政局", "agency": "agency:青山县财政局"},
    ]


def test_agency_table_lists_every_unit_with_its_spellings(tmp_path):
    path = write_agency_table(build_graph(extractions()), tmp_path / "agencies.tsv")
    assert path.read_text(encoding="utf-8") == HEADER + (
        "白水县财政局\t白水县\t县财政局\tgovernment\tcounty\tbaishui-2025\n"
        "青山县人民政府\t青山县\t县政府\tgovernment\tcounty\tqingshan-2025\n"
        "青山县商务局\t青山县\t县商务局\tgovernment\tcounty\tqingshan-2025\n"
        "青山县工信商务局\t青山县\t县工信商务局\tgovernment\tcounty\tqingshan-2025\n"
        "青山县应急管理局\t青山县\t县应急局\tgovernment\tcounty\tqingshan-2025\n"
        "青山县应急管理局\t青山县\t县应急管理局\tgovernment\tcounty\tqingshan-2025\n"
        "青山县财政局\t青山县\t县财政局\tgovernment\tcounty\tqingshan-2025\n"
    )


def test_unchanged_table_changes_nothing(tmp_path):
    G = build_graph(extractions())
    path = write_agency_table(G, tmp_path / "agencies.tsv")
    H = build_graph(extractions(), overrides=load_overrides(path))
    assert list(H.nodes(data=True)) == list(G.nodes(data=True))
    assert list(H.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))


def test_edited_table_merges_and_splits(tmp_path):
    path = write_agency_table(build_graph(extractions()), tmp_path / "agencies.tsv")
    text = path.read_text(encoding="utf-8")
    # merge: 县商务局 is the combined 工信商务局; split: 县应急局 here means a separate centre
    text = text.replace("青山县商务局\t", "青山县工信商务局\t")
    text = text.replace("青山县应急管理局\t青山县\t县应急局\t", "青山县应急指挥中心\t青山县\t县应急局\t")
    path.write_text(text, encoding="utf-8")
    G = build_graph(extractions(), overrides=load_overrides(path))
    assert "agency:青山县商务局" not in G
    assert G.nodes["agency:青山县工信商务局"]["spellings"] == ["县商务局", "县工信商务局"]
    assert G.nodes["agency:青山县应急指挥中心"]["spellings"] == ["县应急局"]
    assert G.nodes["agency:青山县应急指挥中心"]["jurisdiction"] == "青山县"
    assert G.nodes["agency:青山县应急管理局"]["spellings"] == ["县应急管理局"]


def test_override_is_scoped_to_its_jurisdiction(tmp_path):
    path = tmp_path / "fix.csv"
    path.write_text(
        "spelling,jurisdiction,canonical,kind\n县财政局,白水县,白水县财政和国资局,\n", encoding="utf-8"
    )
    overrides = load_overrides(path)
    assert resolve_in(BS, "县财政局", overrides=overrides).canonical == "白水县财政和国资局"
    assert resolve_in(QS, "县财政局", overrides=overrides).canonical == "青山县财政局"


def test_override_without_jurisdiction_applies_everywhere_and_sets_kind(tmp_path):
    path = tmp_path / "fix.tsv"
    path.write_text(
        "# kinds the rules miss\nspelling\tcanonical\tkind\n县 政府\tagency:青山县人民政府\tparty\n", "utf-8"
    )
    ref = resolve_in(QS, "县政府", overrides=load_overrides(path))
    assert (ref.canonical, ref.kind, ref.level) == ("青山县人民政府", "party", "county")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("spelling\tjurisdiction\n县财政局\t青山县\n", ":1: header lacks column(s) canonical"),
        ("spelling\tcanonical\n县财政局\t\n", ":2: spelling and canonical must not be empty"),
        ("spelling\tcanonical\n县财政局\tA\tB\n", ":2: 3 cells but the header has 2 columns"),
        (
            "spelling\tcanonical\tkind\n县财政局\tA\tcity\n",
            ":2: unknown kind 'city' (use one of government, party, enterprise, bank, collective, vague, other)",
        ),
        (
            "spelling\tcanonical\tlevel\n县财政局\tA\tcity\n",
            ":2: unknown level 'city' (use one of national, province, prefecture, county, township, other)",
        ),
        (
            "spelling\tcanonical\n县财政局\tA\n\n县财政局\tB\n",
            ":4: '县财政局' in any jurisdiction already given on line 2",
        ),
    ],
)
def test_bad_table_names_file_and_line(tmp_path, content, problem):
    path = tmp_path / "agencies.tsv"
    assert error_reading(load_overrides, path, content, LoaderError) == f"{path}{problem}"


def test_missing_table(tmp_path):
    path = tmp_path / "none.tsv"
    message = error_reading(load_overrides, path, None, LoaderError)
    assert message == f"{path}: cannot read agency table: No such file or directory"


def test_table_that_is_not_utf8(tmp_path):
    path = tmp_path / "agencies.tsv"
    content = "spelling\tcanonical\n县财政局\t青山县财政局\n".encode("gb18030")
    assert (
        error_reading(load_overrides, path, content, LoaderError) == f"{path}: agency table is not UTF-8 text"
    )


def test_table_from_rows_uses_document_ids(tmp_path):
    path = write_agency_table(agency_rows(extractions()[1:]), tmp_path / "agencies.csv")
    assert path.read_text(encoding="utf-8") == (
        "canonical,jurisdiction,spelling,kind,level,docs\n白水县财政局,baishui-2025,县财政局,,,baishui-2025\n"
    )


def test_alias_f1_on_the_gold(shared_dir, tmp_path):
    """The scorer's pairwise alias F1 over every gold document is at least 0.9."""
    spec = importlib.util.spec_from_file_location("zeren_score", shared_dir / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold_dir = shared_dir / "eval" / "gold"
    batch = extract_paths([shared_dir / "corpus"])
    assert batch.failures == []
    rows = agency_rows(batch.extractions)
    gold = json.loads((gold_dir / "aliases.json").read_text(encoding="utf-8"))
    result = score.alias_score(gold, score.load_gold(gold_dir), rows)
    assert result["f1"] >= 0.9
    assert result["precision"] >= 0.98
