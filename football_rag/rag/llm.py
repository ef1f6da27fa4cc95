"""The LLM: a GGUF model run in process by llama-cpp-python (the default), or a server's model over HTTP.

``FOOTBALL_RAG_LLM__BACKEND`` chooses: ``llama-cpp`` loads the model once per process and runs one
generation at a time (``LocalLLM``); ``openai`` asks an OpenAI-compatible server (``llm_server.ServerLLM``:
llama.cpp's server, vLLM, TGI, Ollama). Both are a ``ChatLLM``: ``stream(messages)`` yields text pieces as
they are generated; ``complete(messages)`` consumes that stream into a ``Completion`` with token counts and
timings.

In process, the model is a name from the model cache (``qwen2.5-1.5b``, the default; ``smollm2-135m`` for fast
tests), the path of any GGUF file, or a HF model repo's file pinned to a revision
(``hf://owner/repo@revision/file.gguf``, downloaded through ``huggingface_hub``: ``config/model_source.py``).
Chats are formatted by llama-cpp's chat completion API with the template the GGUF carries. Greedy decoding
(temperature 0) and a fixed seed make answers repeatable. llama-cpp reports usage only for non-streamed
calls, so ``MeteredLlama`` counts the tokens where every generation passes: ``generate``.
"""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llama_cpp import Llama, llama_cpp

from football_rag.config.model_cache import SOURCES_BY_NAME, ModelCache
from football_rag.config.model_source import ModelSourceError, parse_hub_ref, resolve_model
from football_rag.config.settings import LLMSettings, get_settings
from football_rag.rag.prompts import ChatMessage
from football_rag.rag.threads import free_threads

GGUF_MAGIC = b"GGUF"
CACHED_LLMS = tuple(name for name, source in SOURCES_BY_NAME.items() if source.relpath.startswith("llm/"))
JsonSchema = dict[str, Any]


def json_format(schema: JsonSchema | None) -> dict[str, Any] | None:
    """Return the ``response_format`` asking for a JSON object of ``schema`` (None: free text), in the form llama.cpp
    reads both in process and as a server (``json_object`` with a ``schema``, which it turns into a grammar)."""
    return {"type": "json_object", "schema": schema} if schema else None


class LLMUnavailable(RuntimeError):
    """The configured model cannot be loaded or reached; the message says what to change."""


class MeteredLlama(Llama):
    """llama-cpp's ``Llama`` that counts the prompt and completion tokens of its latest generation."""

    last_prompt_tokens = 0
    last_completion_tokens = 0

    def generate(self, tokens: Sequence[int], **kwargs: Any) -> Iterator[int]:
        """Yield what ``Llama.generate`` yields, counting the prompt and every token that is not end-of-turn."""
        self.last_prompt_tokens = len(tokens)
        self.last_completion_tokens = 0
        for token in super().generate(tokens, **kwargs):
            # The end-of-turn token closes a completion without being part of it, as in llama-cpp's own usage.
            if not llama_cpp.llama_vocab_is_eog(self._model.vocab, token):
                self.last_completion_tokens += 1
            yield token


@dataclass(frozen=True)
class Timings:
    """Where one generation's time went, in seconds."""

    wait_s: float  # waiting for another generation to finish (the lock)
    load_s: float  # loading the model, when this call was the first; else 0
    first_token_s: float | None  # from the start of generation to the first text; None when there was none
    total_s: float  # from the start of generation to the last text


@dataclass(frozen=True)
class Completion:
    """A finished answer: its text, token counts, why it stopped, and its timings."""

    text: str
    prompt_tokens: int
    completion_tokens: int
    finish_reason: str | None  # "stop" (end of turn) or "length" (max_tokens reached)
    model: str
    timings: Timings

    @property
    def tokens_per_s(self) -> float:
        """Return completion tokens per second of generation after the first token (0.0 when unmeasurable)."""
        if self.timings.first_token_s is None or self.completion_tokens < 2:
            return 0.0
        decoding = self.timings.total_s - self.timings.first_token_s
        return (self.completion_tokens - 1) / decoding if decoding > 0 else 0.0


class TokenStream:
    """The text pieces of one generation, in order; ``completion`` is set once they are all consumed.

    The model stays locked for this generation until the stream is exhausted or closed: consume it
    fully, or call ``close()`` (a ``with`` block does) when stopping early.
    """

    def __init__(self, pieces: Iterator[str], finished: list[Completion]) -> None:
        self._pieces = pieces
        self._finished = finished

    def __iter__(self) -> TokenStream:
        return self

    def __next__(self) -> str:
        return next(self._pieces)

    def __enter__(self) -> TokenStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop generating and release the model."""
        self._pieces.close()

    @property
    def completion(self) -> Completion | None:
        """Return the finished completion, or None while pieces remain (or after an early close)."""
        return self._finished[0] if self._finished else None


@dataclass
class Generation:
    """The pieces, first-token time and finish reason of one streamed chat completion (OpenAI chunks) as they come."""

    started: float = field(default_factory=time.perf_counter)
    pieces: list[str] = field(default_factory=list)
    first_token_at: float | None = None
    finish_reason: str | None = None

    def add(self, chunk: dict[str, Any]) -> str | None:
        """Record one streamed chunk; return its text (None for the role, finish and usage chunks)."""
        if not chunk["choices"]:  # a server's closing usage chunk
            return None
        choice = chunk["choices"][0]
        self.finish_reason = choice.get("finish_reason") or self.finish_reason
        text = choice["delta"].get("content")
        if text:
            self.first_token_at = self.first_token_at or time.perf_counter()
            self.pieces.append(text)
        return text

    def completion(self, tokens: tuple[int, int], model: str, wait_s: float, load_s: float) -> Completion:
        """Return the finished Completion, with this generation's (prompt, completion) token counts."""
        return Completion(
            text="".join(self.pieces),
            prompt_tokens=tokens[0],
            completion_tokens=tokens[1],
            finish_reason=self.finish_reason,
            model=model,
            timings=Timings(
                wait_s=wait_s,
                load_s=load_s,
                first_token_s=None if self.first_token_at is None else self.first_token_at - self.started,
                total_s=time.perf_counter() - self.started,
            ),
        )


class ChatLLM(ABC):
    """A chat model, whichever backend runs it: ``name``, ``load``, ``stream``, and what they are built into."""

    settings: LLMSettings

    @property
    def name(self) -> str:
        """Return what the model is called in settings: a cache name, a path, ``hf://repo@revision/file``, or the
        server's model name."""
        return self.settings.model

    @abstractmethod
    def load(self) -> float:
        """Make the model ready (load it, or reach its server); return the seconds it took (0.0 when ready before)."""

    def stream(
        self, messages: Sequence[ChatMessage], max_tokens: int | None = None, schema: JsonSchema | None = None
    ) -> TokenStream:
        """Return the answer to ``messages`` as a stream of text pieces; generation starts on first read. With
        ``schema``, the reply is constrained to a JSON object of that schema (llama.cpp turns it into a grammar)."""
        finished: list[Completion] = []
        pieces = self._generate(list(messages), max_tokens or self.settings.max_tokens, finished, schema)
        return TokenStream(pieces, finished)

    @abstractmethod
    def _generate(
        self, messages: list[ChatMessage], max_tokens: int, finished: list[Completion], schema: JsonSchema | None
    ) -> Iterator[str]:
        """Yield the answer's text pieces as the backend produces them (a JSON object of ``schema`` when given);
        append its Completion to ``finished``."""

    def complete(
        self, messages: Sequence[ChatMessage], max_tokens: int | None = None, schema: JsonSchema | None = None
    ) -> Completion:
        """Return the whole answer to ``messages`` with its token counts and timings (constrained to ``schema``)."""
        stream = self.stream(messages, max_tokens, schema)
        for _piece in stream:
            pass
        assert stream.completion is not None  # an exhausted stream always holds its completion
        return stream.completion

    def prime(self, messages: Sequence[ChatMessage]) -> float:
        """Evaluate ``messages`` once (loading the model if needed); return the seconds the evaluation took.

        llama.cpp (in process or as a server) keeps the evaluated tokens and re-uses the longest prefix a
        later prompt shares with them, so priming with a prompt template rendered on an empty question spares
        the first real question the evaluation of the fixed system prompt (about 2-4 s on 2 cores). Later
        questions re-use it from the question before, as long as no other prompt ran in between.
        """
        return self.complete(messages, max_tokens=1).timings.total_s


class LocalLLM(ChatLLM):
    """One GGUF model in this process, loaded on first use and shared by every caller of this object."""

    def __init__(self, settings: LLMSettings) -> None:
        self.settings = settings
        self._llama: MeteredLlama | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """Return True once the model is in memory."""
        return self._llama is not None

    def load(self) -> float:
        """Load the model now unless it already is; return the seconds it took (0.0 when already loaded)."""
        with self._lock:
            return self._ensure_loaded()[1]

    def count_tokens(self, text: str) -> int:
        """Return how many tokens ``text`` is for this model (loading it if needed), chat control tokens included."""
        with self._lock:
            llama, _ = self._ensure_loaded()
            return len(llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def _generate(
        self, messages: list[ChatMessage], max_tokens: int, finished: list[Completion], schema: JsonSchema | None
    ) -> Iterator[str]:
        """Yield the text pieces of one chat completion; append its Completion to ``finished`` at the end."""
        queued = time.perf_counter()
        with self._lock:
            waited = time.perf_counter() - queued
            llama, load_s = self._ensure_loaded()
            threads = self.settings.n_threads or free_threads()
            llama_cpp.llama_set_n_threads(llama.ctx, threads, threads)
            generation = Generation()
            chunks = llama.create_chat_completion(
                messages=messages,
                stream=True,
                max_tokens=max_tokens,
                temperature=self.settings.temperature,
                seed=self.settings.seed,
                response_format=json_format(schema),
            )
            for chunk in chunks:
                if text := generation.add(chunk):
                    yield text
            tokens = (llama.last_prompt_tokens, llama.last_completion_tokens)
            finished.append(generation.completion(tokens, self.name, wait_s=waited, load_s=load_s))

    def _ensure_loaded(self) -> tuple[MeteredLlama, float]:
        """Return the model and the seconds spent loading it now (0.0 when loaded before); the caller holds the lock."""
        if self._llama is not None:
            return self._llama, 0.0
        started = time.perf_counter()
        options: dict[str, Any] = {
            "n_ctx": self.settings.n_ctx,
            # Each generation sets its own count (``_generate``: the configured one, else the free cores).
            "n_threads": self.settings.n_threads or 1,
            "n_threads_batch": self.settings.n_threads or 1,
            "seed": self.settings.seed,
            "verbose": False,
        }
        self._llama = _from_file(gguf_path(self.settings.model), options)
        return self._llama, time.perf_counter() - started


def gguf_path(model: str) -> Path:
    """Return the GGUF file for a model cache name, a HF model repo's file or a path; raise LLMUnavailable if none."""
    try:
        hub_ref = parse_hub_ref(model)
        if hub_ref is not None:
            if not hub_ref.file:
                raise ModelSourceError(f"{model}: an LLM is one GGUF file of the repo: hf://owner/repo@revision/file")
            return resolve_model(model).path
    except ModelSourceError as error:
        raise LLMUnavailable(str(error)) from error
    if model in CACHED_LLMS:
        try:
            return ModelCache.from_settings().path(model)
        except FileNotFoundError as error:
            raise LLMUnavailable(str(error)) from error
    path = Path(model).expanduser()
    if not path.is_file():
        raise LLMUnavailable(
            f"no GGUF file at {path}: set FOOTBALL_RAG_LLM__MODEL to a model cache name "
            f"({', '.join(CACHED_LLMS)}) or to the path of a .gguf file"
        )
    with path.open("rb") as handle:
        if handle.read(len(GGUF_MAGIC)) != GGUF_MAGIC:
            raise LLMUnavailable(f"{path} is not a GGUF file (it does not start with {GGUF_MAGIC!r})")
    return path


def _from_file(path: Path, options: dict[str, Any]) -> MeteredLlama:
    """Load the GGUF at ``path``; raise LLMUnavailable when llama.cpp cannot."""
    try:
        return MeteredLlama(model_path=str(path), **options)
    except ValueError as error:  # llama-cpp's "Failed to load model from file"
        raise LLMUnavailable(f"llama.cpp could not load {path}: {error}") from error


_MODELS: dict[LLMSettings, ChatLLM] = {}
_MODELS_LOCK = threading.Lock()


def get_llm(settings: LLMSettings | None = None) -> ChatLLM:
    """Return this process's model for ``settings`` (default: the configured one), the same object every call:
    a ``LocalLLM``, or a ``ServerLLM`` when the backend is ``openai``."""
    settings = settings or get_settings().llm
    with _MODELS_LOCK:
        if settings not in _MODELS:
            _MODELS[settings] = _server_llm(settings) if settings.backend == "openai" else LocalLLM(settings)
        return _MODELS[settings]


def _server_llm(settings: LLMSettings) -> ChatLLM:
    """Return a ``ServerLLM``; imported here because ``llm_server`` builds on this module's types."""
    from football_rag.rag.llm_server import ServerLLM

    return ServerLLM(settings)
