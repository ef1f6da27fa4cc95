"""The LLM as an OpenAI-compatible server's model (``FOOTBALL_RAG_LLM__BACKEND=openai``), streamed over HTTP.

llama.cpp's server (``python -m llama_cpp.server``), vLLM, TGI and Ollama all serve ``/v1/chat/completions``;
the ``openai`` client speaks to them with the settings' ``base_url``, ``api_key``, ``timeout_s`` (to connect,
and between two streamed tokens) and ``max_retries`` (its own retries, with exponential backoff, after a
refused connection, a timeout, a 429 or a 5xx). The server queues and batches generations itself, so no lock
is held here. Any failure is an ``LLMUnavailable`` whose one line names the server and what to check.

Token counts are the server's usage when it sends it with the stream (``stream_options.include_usage``: vLLM
and llama.cpp's C++ server do); llama-cpp-python's server does not, so the completion tokens are then the
streamed text chunks (it sends one a token) and the prompt tokens 0 (unknown).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import openai

from football_rag.config.settings import LLMSettings
from football_rag.rag.llm import ChatLLM, Completion, Generation, JsonSchema, LLMUnavailable, json_format
from football_rag.rag.prompts import ChatMessage

# The client insists on a key; a server started without one ignores whatever is sent.
NO_KEY = "none"


class ServerLLM(ChatLLM):
    """The model an OpenAI-compatible server runs under ``settings.model``, at ``settings.base_url``."""

    def __init__(self, settings: LLMSettings) -> None:
        if not settings.base_url:
            raise LLMUnavailable(
                "FOOTBALL_RAG_LLM__BASE_URL is not set: the openai backend needs the server's API root "
                "(e.g. http://127.0.0.1:8000/v1)"
            )
        self.settings = settings
        self._client = openai.OpenAI(
            base_url=settings.base_url,
            api_key=settings.api_key.get_secret_value() if settings.api_key else NO_KEY,
            timeout=settings.timeout_s,
            max_retries=settings.max_retries,
        )
        self._ready = False

    @property
    def loaded(self) -> bool:
        """Return True once the server has answered."""
        return self._ready

    def load(self) -> float:
        """Ask the server for its models; return the seconds the answer took (0.0 when it answered before)."""
        if self._ready:
            return 0.0
        started = time.perf_counter()
        try:
            self._client.models.list()
        except (openai.APIError, httpx.TransportError) as error:
            raise self._unavailable(error) from error
        self._ready = True
        return time.perf_counter() - started

    def _generate(
        self, messages: list[ChatMessage], max_tokens: int, finished: list[Completion], schema: JsonSchema | None
    ) -> Iterator[str]:
        """Yield the text pieces of one streamed chat completion; append its Completion to ``finished`` at the end."""
        generation = Generation()
        chunks = 0
        usage: tuple[int, int] | None = None
        try:
            with self._client.chat.completions.create(
                model=self.settings.model,
                messages=messages,  # type: ignore[arg-type]  # our ChatMessage is the client's message shape
                stream=True,
                stream_options={"include_usage": True},
                max_tokens=max_tokens,
                temperature=self.settings.temperature,
                seed=self.settings.seed,
                response_format=json_format(schema) or openai.NOT_GIVEN,  # type: ignore[arg-type]  # llama.cpp's form
            ) as response:
                for chunk in response:
                    if chunk.usage is not None:
                        usage = (chunk.usage.prompt_tokens, chunk.usage.completion_tokens)
                    if text := generation.add(chunk.model_dump()):
                        chunks += 1
                        yield text
        # A timeout or a dropped connection in the middle of the stream reaches us as httpx's own error.
        except (openai.APIError, httpx.TransportError) as error:
            raise self._unavailable(error) from error
        self._ready = True
        finished.append(generation.completion(usage or (0, chunks), self.name, wait_s=0.0, load_s=0.0))

    def _unavailable(self, error: Exception) -> LLMUnavailable:
        """Return the one-line error for a failed request: which server, what happened, what to check."""
        where = f"the LLM server at {self.settings.base_url}"
        attempts = f"{self.settings.max_retries + 1} attempt(s)"
        if isinstance(error, openai.APITimeoutError | httpx.TimeoutException):
            return LLMUnavailable(
                f"{where} did not answer within {self.settings.timeout_s:g} s ({attempts}): "
                "check it is not overloaded, or raise FOOTBALL_RAG_LLM__TIMEOUT_S"
            )
        if isinstance(error, openai.APIStatusError):
            return LLMUnavailable(f"{where} answered {error.status_code} for model {self.name!r}: {error.message}")
        return LLMUnavailable(
            f"{where} could not be reached ({attempts}: {error}): is it running? (FOOTBALL_RAG_LLM__BASE_URL)"
        )
