"""Versioned prompt templates (``configs/prompts/<name>/v<version>.yaml``) and the chat messages they render.

A template is YAML with ``name``, ``version``, ``description``, ``system`` and ``user``; the user text
holds the placeholders ``$facts``, ``$passages`` and ``$question`` (``string.Template``: values are
inserted as they are, never evaluated). Each value sits in its own tagged block, and every ``<`` and
``>`` in a value is swapped for ``‹``/``›`` first, so a question (or a scraped name inside a passage)
can neither close its block nor spell a chat-template control token such as ``<|im_end|>``.
A version may also say how many of a match's key points the model reads (``briefing_points``), whether it reads
them in their brief form (``brief_points``), how long it may write (``max_tokens``) and what an empty block reads
(``empty_block``): all cost time, so they are versioned with the words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from string import Template
from typing import TypedDict

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from football_rag.config.settings import get_settings

PLACEHOLDERS = frozenset({"facts", "passages", "question"})
EMPTY_BLOCK = "(none)"
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
_VERSION_FILE = re.compile(r"v(\d+)\.yaml")
_ANGLE_BRACKETS = str.maketrans({"<": "‹", ">": "›"})
# Control characters other than tab and newline carry no meaning in a question and can hide text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class ChatMessage(TypedDict):
    """One chat turn as llama-cpp's chat completion API takes it."""

    role: str
    content: str


class PromptNotFound(FileNotFoundError):
    """No template file for the requested name and version."""


class PromptTemplate(BaseModel):
    """One version of a prompt: the system text and the user template with its three placeholders."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    version: int
    description: str = ""
    system: str
    user: str
    # What the model reads and writes, versioned with the words: every prompt token is read before the first word
    # of the answer, and every answer token written after it (about 30 and 6 a second on one of 2 shared cores).
    briefing_points: int | None = Field(default=None, gt=0, description="a match's key points the model reads")
    max_tokens: int | None = Field(default=None, gt=0, description="the longest answer; None: the LLM's setting")
    brief_points: bool = Field(default=False, description="the result and key points in their brief form")
    empty_block: str = Field(default=EMPTY_BLOCK, description="what stands in a block with nothing to hold")

    @field_validator("user")
    @classmethod
    def _has_exactly_the_placeholders(cls, user: str) -> str:
        template = Template(user)
        if not template.is_valid():
            raise ValueError("user template has a malformed $placeholder")
        found = set(template.get_identifiers())
        if found != PLACEHOLDERS:
            raise ValueError(f"user template placeholders are {sorted(found)}, expected {sorted(PLACEHOLDERS)}")
        return user

    @property
    def ref(self) -> str:
        """Return ``name@vN``, the id traces and evaluation reports record."""
        return f"{self.name}@v{self.version}"

    def render(
        self, question: str, facts: Sequence[str] = (), passages: Sequence[tuple[str, str]] = ()
    ) -> list[ChatMessage]:
        """Return the system and user messages, with facts as bullet lines and passages as ``[doc id] text``."""
        user = Template(self.user).substitute(
            facts="\n".join(f"- {fence_data(fact)}" for fact in facts) or self.empty_block,
            passages="\n\n".join(f"[{fence_data(doc_id)}] {fence_data(text)}" for doc_id, text in passages)
            or self.empty_block,
            question=fence_data(question) or self.empty_block,
        )
        return [ChatMessage(role="system", content=self.system), ChatMessage(role="user", content=user)]


def fence_data(text: str) -> str:
    """Return ``text`` stripped, with control characters removed and angle brackets made inert."""
    return _CONTROL.sub("", text).translate(_ANGLE_BRACKETS).strip()


def prompts_dir() -> Path:
    """Return the folder the templates live in (``<configs_dir>/prompts``)."""
    return get_settings().configs_dir / "prompts"


def available_versions(name: str, root: Path | None = None) -> list[int]:
    """Return the versions of template ``name`` on disk, ascending; empty when there are none."""
    folder = (root or prompts_dir()) / _checked_name(name)
    matches = (_VERSION_FILE.fullmatch(path.name) for path in folder.glob("v*.yaml"))
    return sorted(int(match.group(1)) for match in matches if match)


def load_prompt(name: str, version: int | None = None, root: Path | None = None) -> PromptTemplate:
    """Return template ``name`` at ``version`` (the highest on disk when None); raise PromptNotFound when absent."""
    folder = (root or prompts_dir()) / _checked_name(name)
    versions = available_versions(name, root)
    chosen = version if version is not None else (versions[-1] if versions else None)
    if chosen not in versions:
        have = ", ".join(f"v{v}" for v in versions) or "none"
        raise PromptNotFound(f"no prompt {name!r} version {version} in {folder} (versions on disk: {have})")
    path = folder / f"v{chosen}.yaml"
    template = PromptTemplate.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    if (template.name, template.version) != (name, chosen):
        raise ValueError(f"{path} declares {template.ref}; its path says {name}@v{chosen}")
    return template


def _checked_name(name: str) -> str:
    """Return ``name`` when it is a plain lowercase slug (so it cannot walk out of the prompts folder)."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"prompt name {name!r} must be lowercase letters, digits, '-' or '_'")
    return name
