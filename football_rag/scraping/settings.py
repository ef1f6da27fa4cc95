"""Scrapy settings of the football-rag crawl: polite by default.

One request at a time to a site, a randomised delay between requests that AutoThrottle raises when
the site slows down, retries that wait (``Retry-After`` or an exponential backoff), a timeout, an
honest user agent and robots.txt obeyed. ``football_rag.scraping.crawl`` turns the waiting off for
the loopback mirror only. ``-s JOBDIR=DIR`` makes a crawl resumable.
"""

from football_rag import __version__
from football_rag.config.settings import get_settings

BOT_NAME = "football_rag"
SPIDER_MODULES = ["football_rag.scraping.spiders"]
NEWSPIDER_MODULE = "football_rag.scraping.spiders"

# Say who we are rather than pose as a browser; add a contact with -s USER_AGENT=... for a real crawl.
USER_AGENT = f"football-rag/{__version__} (post-match football analysis; low-rate research crawler)"
ROBOTSTXT_OBEY = True

# A crawl talks to one site, so the global limit is the per-site limit too: when a retry or a block
# page makes a request wait, the whole crawl waits with it.
CONCURRENT_REQUESTS = 1
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 5.0
DOWNLOAD_DELAY_JITTER = 0.5  # each delay drawn from 0.5x to 1.5x
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 5.0
AUTOTHROTTLE_MAX_DELAY = 120.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
FOOTBALL_RAG_RETRY_BACKOFF_BASE = 10.0
FOOTBALL_RAG_RETRY_BACKOFF_MAX = 600.0
# After a bot-check page: wait this long times the number of block pages in a row, and stop the
# crawl after this many in a row.
FOOTBALL_RAG_BLOCK_BACKOFF = 120.0
FOOTBALL_RAG_BLOCK_CLOSE_AFTER = 3

# FotMob's terms do not permit scraping: its spider refuses to run unless this is set on purpose
# (FOOTBALL_RAG_FOTMOB_OPT_IN=true in the environment, or -s FOOTBALL_RAG_FOTMOB_OPT_IN=true).
FOOTBALL_RAG_FOTMOB_OPT_IN = get_settings().fotmob_opt_in
FOOTBALL_RAG_RAW_DIR = str(get_settings().raw_store_dir)
# Where the pipeline writes the crawl report (JSON); unset, it is only logged.
FOOTBALL_RAG_CRAWL_REPORT = None

SPIDER_MIDDLEWARES = {"football_rag.scraping.middlewares.StoredMatchFilter": 950}
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "football_rag.scraping.middlewares.BackoffRetryMiddleware": 550,
    # process_response runs from high to low: above retry (550), so a bot-check page sent as 429 or
    # 503 is not retried; below decompression (590), so it reads the page's text.
    "football_rag.scraping.middlewares.BlockPageMiddleware": 560,
}
ITEM_PIPELINES = {"football_rag.scraping.pipelines.RawStorePipeline": 300}

# No listening ports of our own: neither the telnet console nor the remote-control server.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
LOG_LEVEL = "INFO"
