"""How a ``TableSet`` is stored in the artifact store: one parquet file per table, row counts as metadata.

The row counts are one metadata value (a dict), not one per table: ZenML's SQL store commits each key of an
artifact's metadata twice, one by one, and a TableSet holds about fifteen tables.
"""

from __future__ import annotations

import os
from typing import Any, ClassVar

import pandas as pd
from zenml.enums import ArtifactType
from zenml.materializers.base_materializer import BaseMaterializer

from football_rag.knowledge.datasets import TableSet

SUFFIX = ".parquet"


class TableSetMaterializer(BaseMaterializer):
    """Writes and reads every table of a ``TableSet`` through the artifact store (local folder or S3 alike)."""

    ASSOCIATED_TYPES: ClassVar[tuple[type[Any], ...]] = (TableSet,)
    ASSOCIATED_ARTIFACT_TYPE: ClassVar[ArtifactType] = ArtifactType.DATA

    def load(self, data_type: type[Any]) -> TableSet:
        """Return the tables stored under this artifact's URI."""
        tables = TableSet()
        for name in sorted(self.artifact_store.listdir(self.uri)):
            name = str(name)
            if name.endswith(SUFFIX):
                with self.artifact_store.open(os.path.join(self.uri, name), "rb") as handle:
                    tables[name.removesuffix(SUFFIX)] = pd.read_parquet(handle)
        return tables

    def save(self, data: TableSet) -> None:
        """Write each table as ``<name>.parquet`` (the index is not kept: every table has a plain row index)."""
        for name, frame in data.items():
            with self.artifact_store.open(os.path.join(self.uri, f"{name}{SUFFIX}"), "wb") as handle:
                frame.to_parquet(handle, index=False)

    def extract_metadata(self, data: TableSet) -> dict[str, Any]:
        """Return ``{"rows": {table: row count}}``, shown beside the artifact in the dashboard."""
        return {"rows": {name: len(frame) for name, frame in data.items()}}
