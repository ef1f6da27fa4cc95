"""The HuggingFace Space entry: serve the Gradio app on the pinned release (the same as ``football-rag serve``)."""

from football_rag.config.offline import apply_quiet_defaults

# Before any library that phones home is imported (ENVIRONMENT.md's quiet offline settings).
apply_quiet_defaults()

from football_rag.config.logging import configure_logging  # noqa: E402
from football_rag.config.settings import get_settings  # noqa: E402

if __name__ == "__main__":
    from football_rag.app.serve import serve

    settings = get_settings()
    configure_logging(settings.log_level, json_lines=settings.log_json)
    serve(settings)
