"""The whole chain on new raw data: what `football-rag build` runs, and what a schedule runs."""

from zenml import pipeline

from steps.evaluate import evaluate_answers, evaluate_retrieval
from steps.index import embed, index_documents, write_documents
from steps.ingest import ingest_matches, plan_ingest
from steps.release import release_version
from steps.xg import fit_xg_model


@pipeline
def retrain(raw_dir: str | None = None, full: bool = False) -> None:
    """1. ingest: only new raw files are parsed; nothing new -> every later step passes through
    2. train_xg: hold-out evaluation, the model on every shot, xG filled, model registered
    3. index: documents, embeddings (re-used where unchanged), Chroma collection
    4. evaluate: retrieval checks; the generated eval set answered and scored (an MLflow run of its own)
    5. release: gate against configs/evaluation.yaml and the current release, publish with the eval set, push
    """
    plan = plan_ingest(raw_dir=raw_dir, full=full)
    tables, report, version = ingest_matches(plan)
    tables, xg_report = fit_xg_model(tables, version)
    documents = write_documents(tables, version)
    embeddings = embed(documents, version)
    index = index_documents(documents, embeddings, version)
    retrieval = evaluate_retrieval(tables, documents, index)
    answers, eval_set = evaluate_answers(tables, index)
    release_version(tables, documents, embeddings, index, report, xg_report, retrieval, answers, eval_set)
