"""``football-rag evaluate``'s function on a published release: its own eval set, or an external JSONL set.

The release is assembled here from 30 real matches (tables, documents, MiniLM embeddings, the eval
set) and published to a local hub; the index is rebuilt from its stored vectors when it is opened.
The LLM is off (configs copy with ``with_llm: false``): fact answers never call it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from mlflow import MlflowClient

from football_rag.config.settings import REPO_ROOT, Settings, get_settings
from football_rag.evaluation.ab import run_ab
from football_rag.evaluation.eval_set import EvalQuestion, eval_set_frame, write_eval_set
from football_rag.evaluation.narrative_ab import SCORES_FILE, run_narrative_ab
from football_rag.evaluation.narrative_eval import load_reference
from football_rag.evaluation.narrative_judge import PointJudge
from football_rag.evaluation.release_eval import run_evaluate
from football_rag.evaluation.tracking import KIND_TAG
from football_rag.knowledge.documents import build_documents
from football_rag.knowledge.embeddings import embed_documents, load_embedder
from football_rag.knowledge.index import chromadb_version, collection_name
from football_rag.knowledge.ingest import tables_by_name
from football_rag.knowledge.release import Manifest, ReleaseStore, assemble_release, code_version
from football_rag.knowledge.stack import tracking_uri
from football_rag.rag.llm import get_llm
from football_rag.rag.prompts import load_prompt
from tests.conftest import cached_model
from tests.integration.eval_tables import eval_tables, match_ids

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
    smollm = cached_model("smollm2-135m")
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


def test_narrative_ab_of_two_prompts_logs_both_arms_under_one_parent(settings: Settings, tmp_path: Path) -> None:
    smollm = cached_model("smollm2-135m")
    small = settings.model_copy(update={"llm": settings.llm.model_copy(update={"model": str(smollm)})})
    held = set(match_ids())
    # Liverpool 4-2 Bournemouth and Aston Villa 0-0 Newcastle: the reference set's first two matches of the release.
    reference = [ref for ref in load_reference() if ref.match_id in held][:2]
    judge = PointJudge(get_llm(small.llm))
    report = run_narrative_ab(small, "prompt", "v3", "v4", reference, judge=judge)
    assert report["release"] == "v0001" and set(report["runs"]) == {"v3", "v4"}
    v3, v4 = report["figures"]["v3"], report["figures"]["v4"]
    # The opening (result, scorers, sendings-off) is computed, not written by the model: the same under both prompts,
    # it states both results and contradicts nothing.
    assert v3["opening.coverage"] == v4["opening.coverage"] and report["differences"]["opening.coverage"] == 0.0
    assert v3["coverage_by_kind.result"] == v4["coverage_by_kind.result"] == 1.0
    assert v3["opening.contradictions"] == v4["opening.contradictions"] == 0.0
    # The non-figure points judged (Chiesa's winner, Gakpo; Konsa's red card, ...), the same opening asked once.
    assert v3["opening.judged_coverage"] == v4["opening.judged_coverage"]
    for figures in (v3, v4):
        assert figures["all.judge_verdicts"] + figures["all.judge_failed"] > 0
        assert 0 <= figures.get("all.judge_agreement", 0) <= 1  # absent when every reply failed
    assert report["paired"]["paired_n"] == 2
    client = MlflowClient(tracking_uri=tracking_uri(small))
    parent = client.get_run(report["parent_run_id"])
    assert parent.data.tags[KIND_TAG] == "narrative_ab" and parent.data.params["variable"] == "prompt"
    assert parent.data.metrics["paired_n"] == 2.0 and parent.data.params["point_judge"] == str(smollm)
    for name, run_id in report["runs"].items():
        child = client.get_run(run_id)
        assert child.data.tags["mlflow.parentRunId"] == parent.info.run_id
        assert child.data.params["prompt"] == f"answer@{name}"
        assert child.data.metrics["all.coverage"] == report["figures"][name]["all.coverage"]
        assert child.data.metrics["model.judged_coverage"] == report["figures"][name]["model.judged_coverage"]
        # Every answer's score is an artifact of its arm, with the judge's question and answer for each verdict.
        kept = json.loads(Path(client.download_artifacts(run_id, SCORES_FILE, str(tmp_path / name))).read_text())
        whole = [score["parts"]["all"] for score in kept]
        assert [sorted(part["judge_reasons"]) for part in whole] == [
            ["5:turning_point", "6:standout_player"],  # Liverpool 4-2 Bournemouth: Chiesa's winner, Gakpo
            ["5:red_card", "6:standout_player"],  # Aston Villa 0-0 Newcastle: Konsa's red card, Pope
        ]
        assert whole[1]["judge_reasons"]["5:red_card"].startswith("Who was sent off? ")
