"""The local LLM on real GGUF files from the model cache (skipped when the cache is not assembled).

SmolLM2-135M exercises the plumbing (its answers are often wrong, so only their shape is asserted);
the slow test runs the default Qwen2.5 1.5B on facts taken from a real match file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from llama_cpp import Llama

from football_rag.config.settings import LLMSettings, get_settings
from football_rag.data.parsers import parse_file
from football_rag.rag.llm import Completion, LLMUnavailable, LocalLLM, get_llm, gguf_path
from football_rag.rag.prompts import ChatMessage, load_prompt
from tests.conftest import SEASON_DATA, require

SMOLLM = LLMSettings(model="smollm2-135m", n_ctx=1024, max_tokens=40)
QWEN = LLMSettings(model="qwen2.5-1.5b", n_ctx=2048, max_tokens=120)
CHAT: list[ChatMessage] = [
    ChatMessage(role="system", content="You are a helpful assistant."),
    ChatMessage(role="user", content="Name three colours of football shirts."),
]


def _cached(settings: LLMSettings) -> LLMSettings:
    """Return ``settings`` when its model is in the cache; skip the test otherwise."""
    try:
        gguf_path(settings.model)
    except LLMUnavailable as error:
        pytest.skip(f"model cache not assembled (run scripts/setup.sh): {error}")
    return settings


@pytest.fixture(scope="module")
def smollm() -> LocalLLM:
    return LocalLLM(_cached(SMOLLM))


@pytest.fixture(scope="module")
def reference(smollm: LocalLLM) -> Completion:
    """The completion every deterministic run of CHAT must reproduce."""
    return smollm.complete(CHAT)


def test_complete_returns_text_token_counts_and_timings(smollm: LocalLLM, reference: Completion) -> None:
    assert reference.text.strip()
    assert reference.prompt_tokens > 10  # the ChatML template wraps the two messages in control tokens
    assert 0 < reference.completion_tokens <= SMOLLM.max_tokens
    assert reference.finish_reason in {"stop", "length"}
    assert reference.model == "smollm2-135m"
    assert 0 < reference.timings.first_token_s <= reference.timings.total_s
    assert reference.tokens_per_s > 0


def test_token_counts_match_llama_cpps_own_usage(smollm: LocalLLM, reference: Completion) -> None:
    plain = Llama(model_path=str(gguf_path("smollm2-135m")), n_ctx=1024, seed=0, verbose=False)
    response = plain.create_chat_completion(messages=CHAT, max_tokens=SMOLLM.max_tokens, temperature=0.0, seed=0)
    assert response["choices"][0]["message"]["content"] == reference.text
    assert response["usage"]["prompt_tokens"] == reference.prompt_tokens
    assert response["usage"]["completion_tokens"] == reference.completion_tokens


def test_stream_yields_pieces_that_join_to_the_complete_text(smollm: LocalLLM, reference: Completion) -> None:
    stream = smollm.stream(CHAT)
    assert stream.completion is None
    pieces = list(stream)
    assert len(pieces) >= 3
    assert "".join(pieces) == reference.text
    assert stream.completion.text == reference.text
    assert (stream.completion.prompt_tokens, stream.completion.completion_tokens) == (
        reference.prompt_tokens,
        reference.completion_tokens,
    )


def test_max_tokens_stops_at_exactly_that_many(smollm: LocalLLM, reference: Completion) -> None:
    cut = smollm.complete(CHAT, max_tokens=5)
    assert (cut.completion_tokens, cut.finish_reason) == (5, "length")
    assert cut.prompt_tokens == reference.prompt_tokens
    assert reference.text.startswith(cut.text)


def test_the_lock_serialises_two_threads(smollm: LocalLLM, reference: Completion) -> None:
    spans: dict[str, tuple[float, float]] = {}
    texts: dict[str, str] = {}
    waits: dict[str, float] = {}

    def generate(name: str) -> None:
        stream = smollm.stream(CHAT)
        first = last = None
        pieces = []
        for piece in stream:
            # Both stamps are taken while this generation holds the lock, so a serialised pair cannot overlap.
            last = time.perf_counter()
            first = first or last
            pieces.append(piece)
        spans[name] = (first, last)
        texts[name] = "".join(pieces)
        waits[name] = stream.completion.timings.wait_s

    threads = [threading.Thread(target=generate, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    (a_first, a_last), (b_first, b_last) = spans["a"], spans["b"]
    assert a_last <= b_first or b_last <= a_first, f"generations overlapped: {spans}"
    assert texts == {"a": reference.text, "b": reference.text}
    assert max(waits.values()) > 0.05  # the second one waited for the first


def test_closing_a_stream_early_releases_the_model(smollm: LocalLLM, reference: Completion) -> None:
    with smollm.stream(CHAT) as stream:
        next(stream)
    assert stream.completion is None
    assert smollm.complete(CHAT).text == reference.text  # would deadlock if the lock were still held


def test_model_loads_once_per_object_and_get_llm_shares_it() -> None:
    llm = LocalLLM(_cached(SMOLLM))
    assert not llm.loaded
    assert llm.load() > 0
    assert llm.load() == 0.0
    assert get_llm(SMOLLM) is get_llm(SMOLLM)


def test_a_missing_model_path_says_what_to_set(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model.gguf"
    with pytest.raises(LLMUnavailable, match=rf"no GGUF file at {missing}: set FOOTBALL_RAG_LLM__MODEL"):
        LocalLLM(LLMSettings(model=str(missing))).complete(CHAT)


def test_a_file_that_is_not_gguf_is_refused_before_loading(tmp_path: Path) -> None:
    fake = tmp_path / "model.gguf"
    fake.write_text("not a model")
    with pytest.raises(LLMUnavailable, match="is not a GGUF file"):
        LocalLLM(LLMSettings(model=str(fake))).load()


def test_a_cache_name_without_a_cache_is_assembled_from_its_packages(tmp_path: Path, monkeypatch) -> None:
    # A new machine or a new model folder: the entry is laid out from the installed weight package on first use
    # (a missing package fails with the fix: tests/integration/test_model_cache.py).
    monkeypatch.setenv("FOOTBALL_RAG_MODEL_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        path = gguf_path("smollm2-135m")
    finally:
        get_settings.cache_clear()
    assert path == tmp_path / "llm" / "smollm2-135m-instruct-q4_1.gguf"
    assert path.read_bytes()[:4] == b"GGUF"


def test_a_hub_model_fails_fast_and_clearly_when_offline(tmp_path: Path) -> None:
    """In a subprocess, because huggingface_hub reads HF_HUB_OFFLINE once, at import."""
    code = (
        "from football_rag.config.settings import LLMSettings\n"
        "from football_rag.rag.llm import LLMUnavailable, LocalLLM\n"
        "try:\n"
        "    spec = 'hf://bartowski/Llama-3.2-1B-Instruct-GGUF@main/Llama-3.2-1B-Instruct-Q4_K_M.gguf'\n"
        "    LocalLLM(LLMSettings(model=spec)).load()\n"
        "except LLMUnavailable as error:\n"
        "    print(error)\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert "HF model repo bartowski/Llama-3.2-1B-Instruct-GGUF@main: the Hub could not be reached" in result.stdout
    assert "HF_HUB_OFFLINE is set and it is not in the local HF cache" in result.stdout
    assert elapsed < 20


def _match_facts() -> list[str]:
    """Return the facts of Arsenal v Tottenham, 23 Nov 2025, written from the real WhoScored file."""
    parsed = parse_file(require(SEASON_DATA / "whoscored" / "1903228.json.gz"))
    match = parsed.match
    goals = [event for event in parsed.events if event.is_goal]
    scorers = "; ".join(f"{event.player_name} {event.minute + 1}' ({event.side.value})" for event in goals)
    return [
        f"{match.home.name} {match.score.fulltime.home}-{match.score.fulltime.away} {match.away.name}, "
        f"{match.date:%d %B %Y}, {match.venue} ({match.home.name} at home)",
        f"Goals in order: {scorers}",
    ]


@pytest.mark.slow
def test_qwen_phrases_a_grounded_answer_with_the_score_deterministically() -> None:
    facts = _match_facts()
    assert facts[0] == "Arsenal 4-1 Tottenham, 23 November 2025, Emirates Stadium (Arsenal at home)"
    messages = load_prompt("answer", 1).render("How did Arsenal get on against Spurs in November?", facts)
    llm = LocalLLM(_cached(QWEN))
    first = llm.complete(messages)
    assert "4-1" in first.text, first.text
    assert llm.complete(messages).text == first.text


def test_a_primed_system_prompt_is_not_read_again(smollm: LocalLLM) -> None:
    prompt = load_prompt("answer")
    question = prompt.render("How did Arsenal beat Tottenham?", facts=["Arsenal 4-1 Tottenham on 23 November 2025."])
    smollm.prime(prompt.render(""))
    llama = smollm._llama
    read: list[int] = []
    evaluate = llama.eval
    llama.eval = lambda tokens: (read.append(len(tokens)), evaluate(tokens))[1]  # a spy: it still evaluates
    try:
        done = smollm.complete(question, max_tokens=1)
    finally:
        del llama.eval
    system = smollm.count_tokens(prompt.system)
    # The question's evaluation starts where the primed prefix ends: the system message is not in it.
    assert done.prompt_tokens > system > 400 and read[0] < done.prompt_tokens - system
