"""The pages the mirror writes itself: a WhoScored match page around saved JSON, and bot-check pages.

The match page has the shape of a saved WhoScored page (see ``real/whoscored/1650630.html``): a
breadcrumb with the competition and season, and a script setting ``require.config.params["args"]``
to an object literal whose keys are unquoted and whose values are JSON.
"""

from __future__ import annotations

from html import escape

from football_rag.scraping.competitions import Competition, Season

MATCH_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
    <meta http-equiv="content-type" content="text/html; charset=utf-8">
    <title>Match Centre {match_id} - WhoScored.com (loopback mirror)</title>
</head>
<body>
{breadcrumb}
    <div id="live-match"></div>
    <script>
        require.config.params["args"] = {{
            {args}
        }};
    </script>
</body>
</html>
"""

BREADCRUMB = """    <div id="breadcrumb-nav">
        <span class="iconize iconize-icon-left">{country}</span><span class="separator">&raquo;</span><a href="{href}">
            {name} - {season}
        </a>
    </div>"""

# Bot-check pages as the services serve them, cut to the parts that identify them.
INCAPSULA_PAGE = """<html style="height:100%"><head><META NAME="ROBOTS" CONTENT="NOINDEX, NOFOLLOW">
<script src="/_Incapsula_Resource?SWJIYLWA=719d34d31c8e3a6e6fffd425f7e032f3"></script></head>
<body style="margin:0px;height:100%"><iframe id="main-iframe" src="/_Incapsula_Resource?CWUDNSAI=9"
frameborder=0 width="100%" height="100%">Request unsuccessful. Incapsula incident ID: 0-0</iframe></body></html>
"""

ACCESS_DENIED_PAGE = """<HTML><HEAD>
<TITLE>Access Denied</TITLE>
</HEAD><BODY>
<H1>Access Denied</H1>
You don't have permission to access this page on this server.<P>
Reference #18.0.0.0
</BODY>
</HTML>
"""


def whoscored_match_page(
    match_id: str,
    centre: str,
    extras: dict[str, str],
    competition: Competition | None = None,
    season: Season | None = None,
) -> str:
    """Return a match page holding ``centre`` (the matchCentreData JSON text) and the ``extras`` literals.

    With a competition and season the page gets the breadcrumb a real page has, from which the
    parser reads them.
    """
    entries = {"matchId": match_id, "matchCentreData": centre, **extras}
    args = ",\n            ".join(f"{key}: {value}" for key, value in entries.items())
    breadcrumb = ""
    if competition is not None and season is not None and competition.whoscored and season.whoscored:
        ids = competition.whoscored
        href = f"/Regions/{ids.region_id}/Tournaments/{ids.tournament_id}/Seasons/{season.whoscored.season_id}"
        breadcrumb = BREADCRUMB.format(
            country=escape(competition.country), href=href, name=escape(competition.name), season=season.season
        )
    return MATCH_PAGE.format(match_id=match_id, breadcrumb=breadcrumb, args=args)
