"""``football-rag evaluate``'s function on a published release: its own eval set, or an external JSONL set.

The release is assembled here from 30 real matches (tables, documents, MiniLM embeddings, the eval
set) and published to a local hub; the index is rebuilt from its stored vectors when it is opened.
The LLM is off (configs copy with ``with_llm: false``): fact answers never call it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from football_rag.config.settings import REPO_ROOT, Settings, get_settings
from football_rag.evaluation.ab import run_ab
from football_rag.evaluation.eval_set import EvalQuestion, eval_set_frame, write_eval_set
from football_rag.evaluation.release_eval import run_evaluate
from football_rag.knowledge.documents import build_documents
from football_rag.knowledge.embeddings import embed_documents, load_embedder
from football_rag.knowledge.index import chromadb_version, collection_name
from football_rag.knowledge.ingest import tables_by_name
from football_rag.knowledge.release import Manifest, ReleaseStore, assemble_release, code_version
from football_rag.rag.prompts import load_prompt
from tests.conftest import cached_model
from tests.integration.eval_tables import eval_tables

FAST_MODEL = "all-MiniLM-L6-v2"  # the model cache's 384-d embedder
PUBLISHED = [
    EvalQuestion(kind="score", question="What was the score of Arsenal vs Spurs?", gold=["4-1"], match_id="1903228"),
    EvalQuestion(
        kind="referee", question="Who refereed Man City v Man Utd?", gold=["Anthony Taylor"], match_id="1903154"
    ),
    EvalQuestion(kind="unknown_match", question="Barcelona vs Real Madrid score?"),
    EvalQuestion(
        kind="narrative",
        question="How did Arsenal create chances against Tottenham?",
        gold=[],
        match_id="1903228",
        expected_intent="narrative",
    ),
]


pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    cached_model(FAST_MODEL)
    models = get_settings().models_dir.absolute()
    root = tmp_path_factory.mktemp("evaluate")
    configs = root / "configs"
    shutil.copytree(REPO_ROOT / "configs", configs)
    evaluation = yaml.safe_load((configs / "evaluation.yaml").read_text())
    evaluation["answers"]["with_llm"] = False
    (configs / "evaluation.yaml").write_text(yaml.safe_dump(evaluation))

    tables = eval_tables()
    documents = build_documents(tables)
    embeddings, _ = embed_documents(documents, load_embedder(FAST_MODEL, models))
    store = ReleaseStore(root / "home" / "releases")
    manifest = Manifest(
        version="v0001",
        code=code_version(),
        embedding_model=FAST_MODEL,
        embedding_dim=384,
        chromadb_version=chromadb_version(),
        collection=collection_name("v0001"),
    )
    release_tables = {
        **tables_by_name(tables),
        "documents": documents,
        "embeddings": embeddings,
        "eval_set": eval_set_frame(PUBLISHED),
    }
    with store.staging("v0001") as staged:
        assemble_release(staged, manifest, release_tables, None)
        store.publish(staged, manifest)
    return Settings(
        home=root / "home", hub=str(store.root), model_dir=models, configs_dir=configs, mlflow_tracking_uri=None
    )


def test_evaluates_the_release_on_its_published_set(settings: Settings) -> None:
    report = run_evaluate(settings)
    assert report["release"] == "v0001" and report["questions"] == 4
    assert report["params"] == {
        "release": "v0001",
        "model": "none",
        "prompt": load_prompt("answer").ref,  # the latest version: what the answerer runs with
        "embedder": FAST_MODEL,
        "questions": "4",
        "timeout_s": "300",
    }
    figures = report["figures"]
    assert figures["correctness"] == {"value": 1.0, "n": 2}
    assert figures["refusal_accuracy"] == {"value": 1.0, "n": 1}
    assert figures["recall_at_1"] == {"value": 1.0, "n": 3}
    # the narrative question retrieved documents, filtered to the match it names
    assert figures["document_recall_at_1"] == {"value": 1.0, "n": 1}
    assert report["metrics"]["eval_questions"] == 4 and report["run_id"]


def test_evaluates_an_external_set(settings: Settings, tmp_path: Path) -> None:
    external = write_eval_set(
        [
            EvalQuestion(
                kind="man_of_the_match",
                question="Who was man of the match in Arsenal vs Tottenham?",
                gold=["Eberechi Eze"],
            )
        ],
        tmp_path / "external.jsonl",
    )
    report = run_evaluate(settings, questions_path=external)
    assert report["questions"] == 1 and report["figures"]["correctness_man_of_the_match"] == {"value": 1.0, "n": 1}
    assert report["figures"]["recall_at_1"] == {"value": None, "n": 0}  # no gold match: nothing to rank


def test_ab_of_two_llms_on_the_release(settings: Settings) -> None:
    smollm = settings.models_dir / "llm" / "smollm2-135m-instruct-q4_1.gguf"
    if not smollm.is_file():
        pytest.skip(f"SmolLM2 is not in the model cache at {smollm.parent}")
    report = run_ab(settings, "llm", "smollm2-135m", str(smollm))  # one model under two names: the arms must agree
    assert report["release"] == "v0001" and report["variable"] == "llm"
    assert set(report["runs"]) == {"smollm2-135m", str(smollm)}
    assert report["paired"] == {
        "paired_n": 3,  # two fact questions and one refusal have verdicts; the narrative has no gold values
        "only_a_passed": 0,
        "only_b_passed": 0,
        "both_passed": 3,
        "neither_passed": 0,
        "sign_test_p": None,
    }
    assert report["differences"]["correctness"] == {"a": 1.0, "b": 1.0, "diff": 0.0, "n_a": 2, "n_b": 2}
