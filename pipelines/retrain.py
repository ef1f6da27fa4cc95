"""The whole chain on new raw data: what `football-rag build` runs, and what a schedule runs."""

from zenml import pipeline

from steps.evaluate import evaluate_candidate
from steps.index import embed, index_documents, write_documents
from steps.ingest import ingest_matches, plan_ingest
from steps.release import release_version
from steps.xg import fit_xg_model


@pipeline
def retrain(raw_dir: str | None = None, full: bool = False) -> None:
    """1. ingest: only new raw files are parsed; nothing new -> every later step passes through
    2. train_xg: the new shots scored by the latest release's model, or (configs/retrain.yaml's refit_share) a
       hold-out evaluation, the model on every shot, model registered; xG filled
    3. index: documents (the changed matches' written, the rest the parent's), embeddings (re-used where
       unchanged), Chroma collection
    4. evaluate: the candidate and the current release on the same questions and probes; index and data checks
    5. release: gate (configs/evaluation.yaml), publish with the eval set and push; or hold it back, saying why
    """
    plan = plan_ingest(raw_dir=raw_dir, full=full)
    tables, report, version = ingest_matches(plan)
    tables, xg_report = fit_xg_model(tables, version)
    documents = write_documents(tables, version, report, xg_report)
    embeddings = embed(documents, version)
    index = index_documents(documents, embeddings, version)
    evaluation, eval_set = evaluate_candidate(tables, documents, embeddings, index, report)
    release_version(tables, documents, embeddings, index, report, xg_report, evaluation, eval_set)
