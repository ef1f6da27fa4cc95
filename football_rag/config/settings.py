"""Settings from the environment and ``.env`` (prefix ``FOOTBALL_RAG_``), one object for all stages."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]
CACHE_APP_NAME = "football-rag"
# Where a HuggingFace Space mounts its persistent storage (when the Space has it).
PERSISTENT_ROOT = Path("/data")
PERSISTENT_HOME_NAME = "football_rag"


def user_cache_dir() -> Path:
    """Return the user's cache folder for the project: ``$XDG_CACHE_HOME/football-rag``, else ``~/.cache/football-rag``.

    The XDG base-directory spec ignores a relative ``XDG_CACHE_HOME``; so do we.
    """
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / CACHE_APP_NAME


def default_home(persistent_root: Path) -> Path:
    """Return ``<persistent_root>/football_rag`` when that volume exists and is writable, else ``.football_rag``.

    A Space's persistent storage is mounted at ``/data``: state, the feedback log and downloaded releases
    kept there survive a restart; everywhere else the home is the working directory's ``.football_rag``.
    """
    if persistent_root.is_dir() and os.access(persistent_root, os.W_OK | os.X_OK):
        return persistent_root / PERSISTENT_HOME_NAME
    return Path(".football_rag")


class LLMSettings(BaseModel):
    """The LLM (env ``FOOTBALL_RAG_LLM__<FIELD>``): which backend and model, and how it generates."""

    model_config = ConfigDict(frozen=True)

    backend: Literal["llama-cpp", "openai"] = Field(
        default="llama-cpp",
        description="llama-cpp: the GGUF runs in this process; openai: an OpenAI-compatible server at base_url "
        "(llama.cpp's server, vLLM, TGI, Ollama) runs the model named by model",
    )
    model: str = Field(
        default="qwen2.5-1.5b",
        description="llama-cpp: a model cache name (PyPI weight packages), hf://owner/repo@revision/file.gguf (a HF "
        "model repo's file), or the path of a GGUF file (config/model_source.py); openai: the server's model name",
    )
    base_url: str | None = Field(default=None, description="openai: the server's API root, e.g. http://host:8000/v1")
    # Secret: never shown by repr, logs or the settings' JSON; only the HTTP client reads its value.
    api_key: SecretStr | None = Field(default=None, description="openai: the server's key, if it wants one")
    timeout_s: float = Field(
        default=60.0, gt=0, description="openai: seconds to wait for the server to connect, or to send the next token"
    )
    max_retries: int = Field(
        default=2, ge=0, description="openai: retries after a refused connection, a timeout, a 429 or a 5xx (backoff)"
    )
    n_ctx: int = Field(default=4096, gt=0)
    n_threads: int | None = Field(
        default=None,
        gt=0,
        description="threads for generation and prompt evaluation; default: chosen before each generation, every "
        "core no other process is running on (at least 1: on busy cores more threads stall each other)",
    )
    max_tokens: int = Field(default=384, gt=0)
    temperature: float = Field(default=0.0, ge=0.0)
    seed: int = 0


class ApiSettings(BaseModel):
    """How the app serves visitors and REST clients (env ``FOOTBALL_RAG_API__<FIELD>``): lanes, limits, CORS."""

    model_config = ConfigDict(frozen=True)

    cors_origins: list[str] = Field(
        default_factory=list, description="origins allowed to call /v1 from a browser (the embed); none by default"
    )
    questions_per_minute: int = Field(default=30, gt=0, description="questions one client may ask per minute")
    narrative_queue: int = Field(
        default=8, gt=0, description="narrative answers waiting for the model past which a question is told busy"
    )
    fact_concurrency: int = Field(default=4, gt=0, description="fact answers the chat computes at once")
    conversations: int = Field(default=10_000, gt=0, description="conversations kept in memory (oldest dropped)")
    conversation_ttl_s: int = Field(default=3600, gt=0, description="a conversation is forgotten this long after use")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="FOOTBALL_RAG_", env_file=".env", env_nested_delimiter="__", extra="ignore"
    )

    # Before ``home``: its default reads this field.
    persistent_root: Path = Field(
        default=PERSISTENT_ROOT,
        description="a Space's persistent volume; when it exists and is writable, home defaults under it",
    )
    home: Path = Field(
        default_factory=lambda data: default_home(data["persistent_root"]),
        description="raw store, releases, ZenML and MLflow state, feedback; default <persistent_root>/football_rag "
        "when that volume is writable, else ./.football_rag",
    )
    raw_dir: Path | None = Field(default=None, description="raw files to ingest; default the demo season")
    hub: str | None = Field(default=None, description="a HF dataset repo id, or a local hub folder")
    model_dir: Path | None = Field(
        default=None,
        description="the model cache; default $XDG_CACHE_HOME/football-rag/models, else ~/.cache/football-rag/models",
    )
    configs_dir: Path = REPO_ROOT / "configs"
    embedding_model: str = Field(
        default="all-mpnet-base-v2",
        description="the document embedder: a model cache name (PyPI weight packages), hf://owner/repo@revision "
        "(a HF model repo), or a folder; a release records it, and the app serves only the release's",
    )
    judge_model: str | None = Field(
        default=None,
        description="the LLM judge, in the same forms as llm.model; default configs/evaluation.yaml's "
        "answers.judge.model, else the answer model",
    )
    chroma_url: str | None = Field(
        default=None, description="a Chroma server (http://host:port); default a local folder"
    )
    mlflow_tracking_uri: str | None = Field(
        default=None, description="an MLflow server; default sqlite:///<home>/mlflow.db"
    )
    alert_webhook_url: str | None = Field(default=None, description="quality alerts are POSTed here as JSON when set")
    fotmob_opt_in: bool = Field(default=False, description="let the FotMob spider run (FotMob's terms forbid scraping)")
    log_json: bool = False
    log_level: str = "INFO"
    llm: LLMSettings = LLMSettings()
    api: ApiSettings = ApiSettings()

    @property
    def raw_store_dir(self) -> Path:
        return self.home / "raw"

    @property
    def models_dir(self) -> Path:
        """Return the model cache: ``FOOTBALL_RAG_MODEL_DIR``, else the user's cache folder (never under ``home``).

        Models are the same for every home, like ``~/.cache/huggingface``: a new FOOTBALL_RAG_HOME finds them.
        """
        return (self.model_dir or user_cache_dir() / "models").expanduser()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests that change the environment call ``get_settings.cache_clear()``."""
    return Settings()
