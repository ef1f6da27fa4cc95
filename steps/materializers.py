"""How a ``TableSet`` is stored in the artifact store: one parquet file per table, row counts as metadata.

A table read by match (a build's events, ``RowsOnDisk``) is copied file to file under ``on_disk/`` and read back by
match from the artifact store, so no step holds it whole for the hand-over.

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
from football_rag.knowledge.rows_on_disk import RowsOnDisk

SUFFIX = ".parquet"
ON_DISK = "on_disk"


class TableSetMaterializer(BaseMaterializer):
    """Writes and reads every table of a ``TableSet`` through the artifact store (local folder or S3 alike)."""

    ASSOCIATED_TYPES: ClassVar[tuple[type[Any], ...]] = (TableSet,)
    ASSOCIATED_ARTIFACT_TYPE: ClassVar[ArtifactType] = ArtifactType.DATA

    def load(self, data_type: type[Any]) -> TableSet:
        """Return the tables stored under this artifact's URI (those under ``on_disk/`` read by match, their file
        left open for the step's readers)."""
        tables = TableSet()
        for name in sorted(self.artifact_store.listdir(self.uri)):
            name = str(name)
            if name.endswith(SUFFIX):
                with self.artifact_store.open(os.path.join(self.uri, name), "rb") as handle:
                    tables[name.removesuffix(SUFFIX)] = pd.read_parquet(handle)
        on_disk = os.path.join(self.uri, ON_DISK)
        for name in sorted(self.artifact_store.listdir(on_disk)) if self.artifact_store.exists(on_disk) else []:
            handle = self.artifact_store.open(os.path.join(on_disk, name), "rb")
            tables[str(name).removesuffix(SUFFIX)] = RowsOnDisk(handle)
        return tables

    def save(self, data: TableSet) -> None:
        """Write each table as ``<name>.parquet`` (the index is not kept: every table has a plain row index), a
        table read by match as a copy of its file under ``on_disk/``."""
        for name, frame in data.items():
            if isinstance(frame, pd.DataFrame):
                with self.artifact_store.open(os.path.join(self.uri, f"{name}{SUFFIX}"), "wb") as handle:
                    frame.to_parquet(handle, index=False)
            else:
                self.artifact_store.makedirs(os.path.join(self.uri, ON_DISK))
                with self.artifact_store.open(os.path.join(self.uri, ON_DISK, f"{name}{SUFFIX}"), "wb") as handle:
                    frame.copy_to(handle)

    def extract_metadata(self, data: TableSet) -> dict[str, Any]:
        """Return ``{"rows": {table: row count}}``, shown beside the artifact in the dashboard."""
        return {"rows": {name: len(frame) for name, frame in data.items()}}
