"""Question answering: entities, intents, facts, retrieval, the local LLM, grounding and tracing.

Import the modules themselves (``football_rag.rag.llm`` loads llama-cpp; ``football_rag.rag.tracing``
stays light so a process that never traces pays nothing for it).
"""
