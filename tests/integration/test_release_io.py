"""A release built by the library from three synthetic matches (``football_rag.data.synthetic``, so no ../shared
is needed): loaded with ``datasets``, its index opened (copied or rebuilt), and published to hubs. The HF Hub
round trip drives the real ``huggingface_hub`` client against ``tests/hub_server.py``, a loopback server
speaking the endpoints the client uses (HF_ENDPOINT on 127.0.0.1, HF_HUB_DISABLE_XET=1, HF_HUB_OFFLINE unset
for the test).
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
from pathlib import Path

import pytest

from football_rag.config.settings import REPO_ROOT, Settings, get_settings
from football_rag.data.synthetic import synthetic_match, write_synthetic_matches
from football_rag.knowledge.datasets import read_tables
from football_rag.knowledge.documents import build_documents
from football_rag.knowledge.embeddings import embed_documents, load_embedder
from football_rag.knowledge.hub import HfHub, HubUnavailable, LocalHub, VersionTaken, fetch_release
from football_rag.knowledge.index import INDEX_DIR, build_index, open_index
from football_rag.knowledge.ingest import (
    as_match_tables,
    home_quarantine,
    match_tables,
    parse_raw_files,
    plan_for_settings,
    run_ingest,
    scan_raw_dir,
)
from football_rag.knowledge.release import (
    CodeVersion,
    Manifest,
    ReleaseStore,
    read_manifest,
    release_candidate,
    release_store,
    verify_release,
)
from football_rag.knowledge.release_gate import GateConfig
from football_rag.rag.knowledge_base import NoRelease, load_knowledge_base

sys.path.insert(0, str(REPO_ROOT / "tests"))
from hub_server import HubState, serve

from tests.conftest import cached_model

pytestmark = pytest.mark.slow

SEEDS = range(3)  # synthetic matches in WhoScored's shape only: nothing to link
MATCHES = tuple(synthetic_match(seed) for seed in SEEDS)
EMBEDDER = "all-MiniLM-L6-v2"
TOKEN = "hf_loopback_token_never_logged"


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Publish v0001 of the three matches into a release store under tmp and return its folder."""
    cached_model(EMBEDDER)
    models = get_settings().models_dir.absolute()
    root = tmp_path_factory.mktemp("release_io")
    raw = root / "raw"
    write_synthetic_matches(raw, SEEDS, providers=("whoscored",))
    pairs, rejected = parse_raw_files(scan_raw_dir(raw, {}), workers=1)
    assert rejected == []
    tables = match_tables([match for _raw, match in pairs])
    documents = build_documents(as_match_tables(tables))
    embeddings, _encoded = embed_documents(documents, load_embedder(EMBEDDER, models))
    store = ReleaseStore(root / "releases")
    version = store.reserve_version()
    index = build_index(documents, embeddings, version, EMBEDDER, store.work_dir(version) / INDEX_DIR, None)
    manifest = Manifest(
        version=version,
        code=CodeVersion(package="test"),
        embedding_model=EMBEDDER,
        embedding_dim=index.embedding_dim,
        chromadb_version=index.chromadb_version,
        collection=index.collection,
    )
    all_tables = {**tables, "documents": documents, "embeddings": embeddings}
    outcome = release_candidate(store, manifest, all_tables, Path(index.path), GateConfig())
    assert outcome.published
    return Path(outcome.release_path)


def test_every_table_loads_with_datasets_by_its_config_name(release: Path, tmp_path: Path) -> None:
    import datasets

    counts = read_manifest(release).row_counts
    assert counts["matches"] == 3 and counts["team_stats"] == 6 and counts["links"] == 0
    assert datasets.get_dataset_config_names(str(release)) == sorted(t for t, rows in counts.items() if rows)
    for table, rows in counts.items():
        if rows:
            loaded = datasets.load_dataset(str(release), table, split="train", cache_dir=str(tmp_path / "cache"))
            assert loaded.num_rows == rows, table
    matches = datasets.load_dataset(str(release), "matches", split="train", cache_dir=str(tmp_path / "cache"))
    assert sorted(zip(matches["home"], matches["home_goals"], matches["away_goals"], matches["away"], strict=True)) == [
        ("Northbridge", 1, 1, "Highcliff Albion"),
        ("Riverside", 3, 0, "Highcliff Albion"),
        ("Westport Athletic", 3, 3, "Kingsmere"),
    ]
    assert sorted((m.home.name, *m.score(), m.away.name) for m in MATCHES) == sorted(
        zip(matches["home"], matches["home_goals"], matches["away_goals"], matches["away"], strict=True)
    )


def test_open_index_copies_the_index_written_by_this_chroma_version(release: Path, tmp_path: Path) -> None:
    manifest = read_manifest(release)
    collection, handle = open_index(release, manifest, tmp_path)
    assert handle.rebuilt is False and collection.count() == manifest.row_counts["documents"]
    assert verify_release(release) == []  # opened through a copy: the release is not written


@pytest.mark.parametrize("damage", ["other chroma version", "index folder missing"])
def test_open_index_rebuilds_from_the_stored_embeddings(release: Path, tmp_path: Path, damage: str) -> None:
    copy = tmp_path / "v0001"
    shutil.copytree(release, copy)
    manifest = read_manifest(copy)
    if damage == "other chroma version":
        manifest = manifest.model_copy(update={"chromadb_version": "0.4.24"})
    else:
        shutil.rmtree(copy / INDEX_DIR)
    collection, handle = open_index(copy, manifest, tmp_path / "work")
    assert handle.rebuilt is True and collection.count() == manifest.row_counts["documents"]
    stored = read_tables(copy, ["embeddings"])["embeddings"]
    first = collection.get(ids=[stored["doc_id"].iloc[0]], include=["embeddings"])
    assert list(first["embeddings"][0]) == pytest.approx(list(stored["embedding"].iloc[0]))


def _as_release(release: Path, dest: Path, **changes: object) -> Path:
    """Return a copy of ``release`` at ``dest`` whose manifest has ``changes`` (another version, other content)."""
    shutil.copytree(release, dest)
    manifest = read_manifest(dest).model_copy(update=changes)
    (dest / "manifest.json").write_text(manifest.model_dump_json())
    return dest


def test_local_hub_publishes_by_rename_and_moves_latest_forward_only(
    release: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    hub = LocalHub(tmp_path / "hub")
    assert hub.latest_version() is None and hub.versions() == []
    assert hub.publish(release) == str(tmp_path / "hub" / "v0001")
    assert hub.latest_version() == "v0001" and verify_release(hub.fetch("v0001", tmp_path)) == []
    (tmp_path / "hub" / "LATEST").write_text("v0009\n")  # a newer release is already there
    caplog.set_level(logging.INFO, logger="football_rag.knowledge.hub")
    hub.publish(release)  # the identical release again: accepted, and said
    assert hub.latest_version() == "v0009"
    assert "already holds this v0001 (the same release): nothing copied" in caplog.text
    assert hub.versions() == ["v0001"]


def test_local_hub_refuses_a_version_it_holds_with_other_content(release: Path, tmp_path: Path) -> None:
    hub = LocalHub(tmp_path / "hub")
    hub.publish(release)
    other = _as_release(release, tmp_path / "other", code=CodeVersion(package="another build"))
    with pytest.raises(VersionTaken, match=r"local hub .*/hub already holds v0001 with other content.*\(v0002\)"):
        hub.publish(other)
    assert (tmp_path / "hub" / "v0001" / "manifest.json").read_bytes() == (release / "manifest.json").read_bytes()


def test_a_fresh_home_numbers_after_the_local_hubs_versions(release: Path, tmp_path: Path) -> None:
    hub = LocalHub(tmp_path / "hub")
    for number in (1, 2, 3):
        hub.publish(_as_release(release, tmp_path / f"v{number:04d}", version=f"v{number:04d}"))
    second_machine = Settings(home=tmp_path / "second-machine", hub=str(tmp_path / "hub"))
    store = release_store(second_machine)
    assert store.versions() == [] and hub.versions() == ["v0001", "v0002", "v0003"]
    assert store.reserve_version() == "v0004"
    assert store.reserve_version() == "v0005"  # the local counter keeps going up on top of the hub


@pytest.fixture
def loopback_hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    state = HubState()
    server, url = serve(state)
    monkeypatch.setenv("HF_ENDPOINT", url)
    monkeypatch.setenv("HF_HUB_DISABLE_XET", "1")
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf_home"))
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    # huggingface_hub reads these once, at import (conftest exported HF_HUB_OFFLINE=1 before it).
    import huggingface_hub.constants as hub_constants

    monkeypatch.setattr(hub_constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(hub_constants, "HF_HUB_DISABLE_XET", True)
    monkeypatch.setattr(hub_constants, "HF_HUB_CACHE", str(tmp_path / "hf_home" / "hub"))
    yield state
    server.shutdown()


def test_hf_hub_round_trip_tags_the_version_and_moves_latest_last(
    release: Path, tmp_path: Path, loopback_hub: HubState, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    hub = HfHub("football-rag/knowledge")
    assert hub.latest_version() is None

    assert hub.publish(release) == "hf://football-rag/knowledge@v0001"

    repo = loopback_hub.repos["football-rag/knowledge"]
    writes = [r.rsplit("/", 2)[-2] for r in loopback_hub.requests if r.startswith("POST /api/datasets/")]
    assert [w for w in writes if w in ("commit", "tag")] == ["commit", "tag", "commit"]  # release, tag, then LATEST
    tagged, main = repo.commits[repo.tags["v0001"]], repo.commits[repo.branches["main"]]
    assert "LATEST" not in tagged and main["LATEST"] == b"v0001\n"
    assert tagged["manifest.json"] == (release / "manifest.json").read_bytes()
    assert hub.latest_version() == "v0001"

    fetched = hub.fetch("v0001", tmp_path / "fetched")
    assert verify_release(fetched) == [] and read_manifest(fetched).version == "v0001"
    assert json.loads((fetched / "manifest.json").read_text()) == json.loads((release / "manifest.json").read_text())
    assert TOKEN not in caplog.text


def test_a_failed_hf_upload_leaves_the_latest_pointer(release: Path, tmp_path: Path, loopback_hub: HubState) -> None:
    hub = HfHub("football-rag/knowledge")
    hub.publish(release)
    loopback_hub.fail_commits = True
    newer = tmp_path / "v0002"
    shutil.copytree(release, newer)
    manifest = read_manifest(newer).model_copy(update={"version": "v0002", "parent": "v0001"})
    (newer / "manifest.json").write_text(manifest.model_dump_json())
    with pytest.raises(Exception, match="commit refused"):
        hub.publish(newer)
    assert hub.latest_version() == "v0001"
    assert "v0002" not in loopback_hub.repos["football-rag/knowledge"].tags


def test_fetch_release_loads_the_hubs_latest_and_refuses_a_damaged_copy(release: Path, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", hub=str(tmp_path / "hub"))
    LocalHub(tmp_path / "hub").publish(release)
    assert fetch_release(settings) == tmp_path / "hub" / "v0001"
    (tmp_path / "hub" / "v0001" / "data" / "matches.parquet").unlink()
    with pytest.raises(ValueError, match=r"differs from its manifest: data/matches\.parquet"):
        fetch_release(settings, "v0001")


def test_hf_hub_versions_are_its_tags_and_none_before_the_repo_exists(release: Path, loopback_hub: HubState) -> None:
    hub = HfHub("football-rag/knowledge")
    assert hub.versions() == []  # the repo does not exist yet
    hub.publish(release)
    loopback_hub.repos["football-rag/knowledge"].tags["not-a-version"] = "0" * 40
    assert hub.versions() == ["v0001"]


def test_a_second_machine_ingesting_against_the_hf_hub_continues_its_numbering(
    release: Path, tmp_path: Path, loopback_hub: HubState
) -> None:
    """The hub holds v0003 (published from another machine); a new empty home opens v0004, not v0001."""
    HfHub("football-rag/knowledge").publish(_as_release(release, tmp_path / "v0003", version="v0003"))
    raw = tmp_path / "raw"
    write_synthetic_matches(raw, SEEDS[:1], providers=("whoscored",))
    settings = Settings(home=tmp_path / "second-machine", hub="football-rag/knowledge")

    plan = plan_for_settings(settings, raw)
    _tables, report = run_ingest(plan, release_store(settings), home_quarantine(settings), workers=1)

    assert plan.parent is None and report.parsed == 1
    assert report.version == "v0004"


def test_hf_hub_refuses_a_tag_that_exists_with_other_content(
    release: Path, tmp_path: Path, loopback_hub: HubState
) -> None:
    hub = HfHub("football-rag/knowledge")
    hub.publish(release)
    repo = loopback_hub.repos["football-rag/knowledge"]
    before = (dict(repo.branches), dict(repo.tags), len(repo.commits))
    other = _as_release(release, tmp_path / "other", code=CodeVersion(package="another build"))

    with pytest.raises(VersionTaken) as refused:
        hub.publish(other)

    assert str(refused.value).startswith(
        "tag v0001 already exists in HF dataset repo football-rag/knowledge with other content"
    )
    assert "build again for the next version (v0002)" in str(refused.value)
    assert (dict(repo.branches), dict(repo.tags), len(repo.commits)) == before  # nothing was uploaded
    assert hub.latest_version() == "v0001"


def test_hf_hub_accepts_the_same_release_again_and_uploads_nothing(
    release: Path, loopback_hub: HubState, caplog: pytest.LogCaptureFixture
) -> None:
    hub = HfHub("football-rag/knowledge")
    hub.publish(release)
    repo = loopback_hub.repos["football-rag/knowledge"]
    before = (dict(repo.branches), dict(repo.tags), len(repo.commits))
    caplog.set_level(logging.INFO, logger="football_rag.knowledge.hub")

    assert hub.publish(release) == "hf://football-rag/knowledge@v0001"

    assert (dict(repo.branches), dict(repo.tags), len(repo.commits)) == before
    assert "already holds this v0001 (the same release): nothing uploaded" in caplog.text


def test_hf_hub_refuses_a_tag_another_publisher_made_during_the_upload(
    release: Path, tmp_path: Path, loopback_hub: HubState
) -> None:
    hub = HfHub("football-rag/knowledge")
    hub.publish(release)
    newer = _as_release(release, tmp_path / "v0002", version="v0002", parent="v0001")
    loopback_hub.tag_during_commit = "v0002"  # the other machine's tag lands while this upload runs

    with pytest.raises(
        VersionTaken, match=r"tag v0002 was created in HF dataset repo football-rag/knowledge by another"
    ):
        hub.publish(newer)

    assert hub.latest_version() == "v0001"  # LATEST is the other publisher's to move


def _reader(tmp_path: Path) -> Settings:
    """Return the settings of an app reading the loopback HF hub's repo (a fresh home)."""
    return Settings(home=tmp_path / "reader", hub="football-rag/knowledge")


def test_a_refused_token_is_one_clear_line_where_the_release_is_loaded(
    release: Path, tmp_path: Path, loopback_hub: HubState, monkeypatch: pytest.MonkeyPatch
) -> None:
    HfHub("football-rag/knowledge").publish(release)
    loopback_hub.token = TOKEN  # the repo is private: only this token reads it
    monkeypatch.setenv("HF_TOKEN", "hf_wrong_token")

    for version in (None, "v0001"):  # the hub's latest, and a pinned version
        with pytest.raises(HubUnavailable) as refused:
            fetch_release(_reader(tmp_path), version)
        message = str(refused.value)
        assert message.startswith("HF dataset repo football-rag/knowledge at http://127.0.0.1:")
        assert message.endswith(
            "refused access (401; private, or the token is wrong): set HF_TOKEN to a token that can read it"
        )
        assert "\n" not in message and "hf_wrong_token" not in message

    monkeypatch.delenv("HF_TOKEN")
    with pytest.raises(NoRelease, match=r"refused access \(401; .*\): no HF_TOKEN is set: set a read token$"):
        load_knowledge_base(_reader(tmp_path), "v0001")  # what the app and `ask` call: NoRelease, same line

    monkeypatch.setenv("HF_TOKEN", TOKEN)
    assert read_manifest(fetch_release(_reader(tmp_path), "v0001")).version == "v0001"


def test_a_missing_repo_or_version_is_one_clear_line(release: Path, tmp_path: Path, loopback_hub: HubState) -> None:
    missing = Settings(home=tmp_path / "reader", hub="football-rag/no-such-repo")
    with pytest.raises(
        HubUnavailable, match=r"no-such-repo at http://\S+ was not found \(404\): check FOOTBALL_RAG_HUB"
    ):
        fetch_release(missing, "v0001")
    with pytest.raises(NoRelease, match=r"^no release is published on the configured hub yet"):
        load_knowledge_base(missing)  # no repo, no LATEST: nothing published, as a fresh repo

    HfHub("football-rag/knowledge").publish(release)
    with pytest.raises(HubUnavailable) as absent:
        fetch_release(_reader(tmp_path), "v0009")
    assert str(absent.value).endswith("has no release v0009: set FOOTBALL_RAG_RELEASE to a published version")


def test_an_unreachable_hub_is_one_clear_line(
    tmp_path: Path, loopback_hub: HubState, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{_closed_port()}")
    for version in (None, "v0001"):
        with pytest.raises(
            HubUnavailable, match=r"^cannot reach HF dataset repo football-rag/knowledge at http://127\.0\.0\.1:\d+: "
        ):
            fetch_release(_reader(tmp_path), version)


def _closed_port() -> int:
    """Return a loopback port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_release_downloaded_before_is_served_when_the_hub_is_unreachable(
    release: Path, tmp_path: Path, loopback_hub: HubState, monkeypatch: pytest.MonkeyPatch
) -> None:
    HfHub("football-rag/knowledge").publish(release)
    first = fetch_release(_reader(tmp_path), "v0001")  # a Space's first start: downloaded to its home

    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{_closed_port()}")  # the restart meets a Hub outage
    assert fetch_release(_reader(tmp_path), "v0001") == first

    (first / "data" / "matches.parquet").unlink()  # an incomplete copy is never served
    with pytest.raises(HubUnavailable, match=r"^cannot reach HF dataset repo"):
        fetch_release(_reader(tmp_path), "v0001")
