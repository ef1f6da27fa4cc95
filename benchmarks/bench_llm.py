"""The local LLMs on the answer prompt: load time, time to first token (cold and with the prompt cached), tokens/s.

The prompt is the default answer template (the highest version on disk; ``FOOTBALL_RAG_BENCH_PROMPT=1``
picks another) rendered with the facts of one real match.
The first generation evaluates the whole prompt (cold); the second repeats it, so llama.cpp finds it
all in its cache; the third asks about another match, so only what follows the shared system prompt
is evaluated: that is the first-token time a user sees once the app is warm. ``system_prompt_tokens``
is the part of every prompt that can be re-used that way. The load average is
reported beside the numbers because on 2 shared cores it moves them by several times; compare
thread counts with ``FOOTBALL_RAG_LLM__N_THREADS=1 python -m benchmarks.bench_llm``.
"""

from __future__ import annotations

import gc
import os

from football_rag.config.settings import get_settings
from football_rag.rag.llm import CACHED_LLMS, LLMUnavailable, LocalLLM, gguf_path
from football_rag.rag.prompts import PromptTemplate, load_prompt

QUESTION = "How did Arsenal get on against Spurs in November?"
FACTS = (
    "Arsenal 4-1 Tottenham (half time 2-0), 23 November 2025, Emirates Stadium (Arsenal at home)",
    "Goals in order: Leandro Trossard 36' (home); Eberechi Eze 41' (home); Eberechi Eze 46' (home); "
    "Richarlison 55' (away); Eberechi Eze 76' (home)",
    "Referee: Michael Oliver; attendance 60,345",
)
NEXT_QUESTION = "Who scored for Liverpool against Bournemouth?"
NEXT_FACTS = (
    "Liverpool 4-2 Bournemouth (half time 1-0), 15 August 2025, Anfield (Liverpool at home)",
    "Goals in order: Hugo Ekitiké 37' (home); Cody Gakpo 49' (home); Antoine Semenyo 64' (away); "
    "Antoine Semenyo 76' (away); Federico Chiesa 88' (home); Mohamed Salah 90+4' (home)",
)
MAX_TOKENS = 96


def measure(model: str, template: PromptTemplate) -> dict[str, float | int | str]:
    """Return one model's load time, first-token times (cold, cached, next question), prompt and generation speed."""
    llm = LocalLLM(get_settings().llm.model_copy(update={"model": model, "max_tokens": MAX_TOKENS}))
    load_s = llm.load()
    cold = llm.complete(template.render(QUESTION, FACTS))
    warm = llm.complete(template.render(QUESTION, FACTS))
    following = llm.complete(template.render(NEXT_QUESTION, NEXT_FACTS))
    return {
        f"{model} load_s": round(load_s, 2),
        f"{model} prompt_tokens": cold.prompt_tokens,
        f"{model} system_prompt_tokens": llm.count_tokens(template.system),
        f"{model} first_token_cold_s": round(cold.timings.first_token_s or 0.0, 2),
        f"{model} prompt_tokens_per_s": round(cold.prompt_tokens / cold.timings.first_token_s, 1)
        if cold.timings.first_token_s
        else 0.0,
        f"{model} first_token_cached_s": round(warm.timings.first_token_s or 0.0, 3),
        f"{model} first_token_next_question_s": round(following.timings.first_token_s or 0.0, 2),
        f"{model} completion_tokens": warm.completion_tokens,
        f"{model} tokens_per_s": round(warm.tokens_per_s, 1),
    }


def run() -> dict[str, float | int | str]:
    """Measure every LLM in the model cache, one at a time (the default one first)."""
    version = os.environ.get("FOOTBALL_RAG_BENCH_PROMPT")
    template = load_prompt("answer", int(version) if version else None)
    results: dict[str, float | int | str] = {
        "prompt": template.ref,
        "load_average_1m": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count() or 0,
        "n_threads": get_settings().llm.n_threads or "the free cores, chosen before each generation",
    }
    for model in CACHED_LLMS:
        try:
            gguf_path(model)
        except LLMUnavailable as error:
            results[f"{model} skipped"] = str(error)
            continue
        results.update(measure(model, template))
        gc.collect()  # free one model's memory before the next loads
    results["load_average_1m_after"] = round(os.getloadavg()[0], 2)
    return results


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
