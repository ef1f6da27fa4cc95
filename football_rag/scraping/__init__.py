"""Getting raw match pages: Scrapy spiders for WhoScored and FotMob, and a loopback mirror of both sites.

Run a crawl with ``football_rag.scraping.crawl.crawl`` (or ``scrapy crawl whoscored -a match_ids=...``
from the repository root); serve the mirror with ``python -m football_rag.scraping.mirror``.
"""
