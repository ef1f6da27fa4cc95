"""A release's tables as a HF dataset: one parquet file per table and a dataset card naming them.

``write_tables`` puts ``<table>.parquet`` files under ``<release>/data/``; ``write_dataset_card``
writes ``<release>/README.md`` whose YAML ``configs`` list one config per table, so
``datasets.load_dataset(<release folder or hub repo>, "<table>")`` loads any of them with the
``datasets`` library alone. The tables are plain pandas DataFrames keyed by name; nothing here
depends on their columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import yaml

if TYPE_CHECKING:
    from football_rag.knowledge.release import Manifest
    from football_rag.knowledge.rows_on_disk import RowsOnDisk

Tables = dict[str, pd.DataFrame]


class TableSet(dict[str, "pd.DataFrame | RowsOnDisk"]):
    """A named set of tables passed between pipeline steps as one artifact (one parquet file per table).

    A plain dict to the library; a type of its own so the pipelines store it with one materializer
    (``steps/materializers.py``) instead of one generic artifact per table. A build's events are a file read by
    match (``RowsOnDisk``), not a frame: they grow with every season, and its steps read a week's matches of them.
    """


DATA_DIR = "data"

# The config ``load_dataset(folder)`` opens when no table is named.
DEFAULT_TABLE = "matches"
CARD_NAME = "README.md"


def table_path(release_dir: Path, table: str) -> Path:
    """Return where table ``table`` lives in a release."""
    return release_dir / DATA_DIR / f"{table}.parquet"


# Rows per parquet row group: ~5 matches of events (~1,500 rows each). The app reads the events of one match by
# decoding the groups that hold it (``rows_on_disk``), ~10 ms a group; the file grows ~9% over one group a table.
ROW_GROUP_ROWS = 8192


def write_tables(release_dir: Path, tables: Mapping[str, pd.DataFrame | RowsOnDisk]) -> dict[str, int]:
    """Write every table as ``data/<name>.parquet`` in row groups of ``ROW_GROUP_ROWS`` (a table on disk already,
    copied); return the row count of each."""
    (release_dir / DATA_DIR).mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        if isinstance(frame, pd.DataFrame):
            frame.to_parquet(table_path(release_dir, name), index=False, row_group_size=ROW_GROUP_ROWS)
        else:
            with table_path(release_dir, name).open("wb") as handle:
                frame.copy_to(handle)
    return {name: len(frame) for name, frame in tables.items()}


def read_tables(release_dir: Path, names: list[str] | None = None) -> Tables:
    """Return the release's tables by name (all of them, or only ``names``)."""
    paths = sorted((release_dir / DATA_DIR).glob("*.parquet"))
    wanted = [p for p in paths if names is None or p.stem in names]
    missing = sorted(set(names or ()) - {p.stem for p in wanted})
    if missing:
        raise FileNotFoundError(f"release {release_dir} has no table(s) {', '.join(missing)}")
    return {path.stem: pd.read_parquet(path) for path in wanted}


def card_configs(row_counts: Mapping[str, int]) -> list[dict[str, object]]:
    """Return the card's ``configs`` entries: one per non-empty table, a ``train`` split from its parquet file.

    An empty table (no FotMob links in a WhoScored-only season) is left out: ``datasets`` cannot load a
    split with no rows. Its parquet file stays in ``data/`` with its columns, for ``read_tables``.
    """
    configs: list[dict[str, object]] = []
    for name in sorted(name for name, rows in row_counts.items() if rows):
        entry: dict[str, object] = {
            "config_name": name,
            "data_files": [{"split": "train", "path": f"{DATA_DIR}/{name}.parquet"}],
        }
        if name == DEFAULT_TABLE:
            entry["default"] = True
        configs.append(entry)
    return configs


def write_dataset_card(release_dir: Path, manifest: Manifest, row_counts: Mapping[str, int]) -> Path:
    """Write the dataset card (YAML header + a short description of the version); return its path."""
    header = {
        "pretty_name": "Football RAG Intelligence knowledge base",
        "tags": ["football", "soccer", "event-data", "rag"],
        "configs": card_configs(row_counts),
    }
    rows = "\n".join(f"| `{name}` | {count:,} |" for name, count in sorted(row_counts.items()))
    body = (
        f"# Football RAG Intelligence knowledge base, {manifest.version}\n\n"
        f"Parent version: {manifest.parent or 'none'}. Built from {len(manifest.raw_files)} raw files "
        f"by football-rag {manifest.code.package} (commit {manifest.code.git_sha or 'unknown'}); "
        f"embeddings: {manifest.embedding_model or 'none'}.\n\n"
        'Load one table with `datasets.load_dataset(<this repo or folder>, "<table>")`.\n\n'
        f"| table | rows |\n| --- | --- |\n{rows}\n\n"
        "The match data belongs to its providers (WhoScored/Opta, FotMob): development and evaluation use only.\n"
    )
    card = release_dir / CARD_NAME
    card.write_text(f"---\n{yaml.safe_dump(header, sort_keys=False)}---\n\n{body}", encoding="utf-8")
    return card
