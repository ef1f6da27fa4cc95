"""A loopback stand-in for the HuggingFace Hub: the few HTTP endpoints ``huggingface_hub`` calls to create a
dataset repo, commit files (preupload + ndjson commit, regular uploads only), tag a commit, list refs (branches
and tags), list a tree and resolve/download files; and, for model repos, the info, tree and resolve endpoints
``snapshot_download`` and ``hf_hub_download`` read. Dataset repos live in memory as git-like commits (path ->
bytes); a model repo's files are real files on disk (the model cache's weights), streamed when downloaded. Used
with ``HF_ENDPOINT=http://127.0.0.1:<port>`` and ``HF_HUB_DISABLE_XET=1``; not a general Hub.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

REPO = r"(?P<repo>[^/]+/[^/]+)"
REV = r"(?P<rev>[^/]+)"


@dataclass
class Repo:
    """A repo's commits (oid -> files), its branches and its tags."""

    commits: dict[str, dict[str, bytes | Path]] = field(default_factory=lambda: {"0" * 40: {}})
    branches: dict[str, str] = field(default_factory=lambda: {"main": "0" * 40})
    tags: dict[str, str] = field(default_factory=dict)

    def resolve(self, rev: str) -> str | None:
        """Return the commit oid a branch, tag or oid names."""
        return self.branches.get(rev) or self.tags.get(rev) or (rev if rev in self.commits else None)


class HubState:
    """Every repo of the loopback hub, by ``owner/name``, plus a log of the requests it served."""

    def __init__(self) -> None:
        self.repos: dict[str, Repo] = {}
        self.models: dict[str, Repo] = {}  # model repos, by owner/name (their own namespace, as on the Hub)
        self.requests: list[str] = []
        self.fail_commits = False  # answer every commit with an error, as a Hub outage mid-publish would
        # Tag the commit before this one with this name while answering the next commit: another publisher
        # tagging the same version while an upload is in flight.
        self.tag_during_commit: str | None = None
        # When set, every request must carry ``Authorization: Bearer <token>``, as a private repo's do on the Hub:
        # a wrong token is answered 401, no token 401 RepoNotFound (the Hub does not say a private repo exists).
        self.token: str | None = None
        self.lock = threading.Lock()

    def add_model_repo(self, repo_id: str, files: Mapping[str, Path], tag: str | None = None) -> str:
        """Create model repo ``repo_id``, one commit holding ``files`` (path in repo -> file on disk); return its oid.

        Files are read when downloaded, never copied into memory. ``tag`` names the commit too.
        """
        repo = Repo()
        snapshot = {name: Path(path) for name, path in files.items()}
        oid = hashlib.sha1(json.dumps(sorted((p, _etag(d)) for p, d in snapshot.items())).encode()).hexdigest()
        repo.commits[oid] = snapshot
        repo.branches["main"] = oid
        if tag:
            repo.tags[tag] = oid
        with self.lock:
            self.models[repo_id] = repo
        return oid


def _blob_oid(data: bytes) -> str:
    """Return git's blob sha1 of ``data`` (what the Hub gives as a regular file's ETag)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@cache
def _file_sha256(path: Path) -> str:
    """Return the sha256 of a file on disk (an LFS file's ETag on the Hub), computed once per path."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _etag(data: bytes | Path) -> str:
    """Return a file's ETag: git's blob sha1 for bytes in memory, the sha256 for a (large) file on disk."""
    return _file_sha256(data.resolve()) if isinstance(data, Path) else _blob_oid(data)


def _size(data: bytes | Path) -> int:
    return data.stat().st_size if isinstance(data, Path) else len(data)


def _handler(state: HubState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep pytest output clean
            pass

        def _reply(self, status: int, body: object = None, headers: dict[str, str] | None = None) -> None:
            if isinstance(body, Path):  # streamed by _route once the lock is released
                data, length = b"", body.stat().st_size
                self.streamed = body if self.command != "HEAD" else None
            else:
                data = b"" if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
                length = len(data)
            self.send_response(status)
            kind = "application/octet-stream" if isinstance(body, bytes | Path) else "application/json"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(length))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _route(self) -> None:
            url = urlparse(self.path)
            path = unquote(url.path)
            self.streamed: Path | None = None
            with state.lock:
                state.requests.append(f"{self.command} {path}")
                if state.token is not None and not self._authorized():
                    return
                for method, pattern, action in ROUTES:
                    found = re.fullmatch(pattern, path)
                    if found and method == self.command:
                        action(self, **found.groupdict())
                        break
                else:
                    self._reply(404, {"error": f"loopback hub: no route for {self.command} {path}"})
            if self.streamed is not None:  # a file on disk: sent outside the lock, other requests go on meanwhile
                with self.streamed.open("rb") as handle:
                    shutil.copyfileobj(handle, self.wfile, 1 << 20)

        do_GET = do_POST = do_HEAD = _route

        def _authorized(self) -> bool:
            """Return True when the request carries the hub's token; else answer 401 as the Hub does."""
            given = self.headers.get("Authorization")
            if given == f"Bearer {state.token}":
                return True
            if given:
                self._reply(401, {"error": "Invalid credentials in Authorization header"})
            else:
                self._reply(401, {"error": "Repository not found"}, {"X-Error-Code": "RepoNotFound"})
            return False

        def _missing(self, target: Repo | None, code: str = "RepoNotFound") -> None:
            """Answer 404 for a repo that does not exist, or for a revision (``code``) the repo does not have."""
            code = "RepoNotFound" if target is None else code
            self._reply(404, {"error": code}, {"X-Error-Code": code})

        # --- endpoints ---------------------------------------------------------------------------

        def create_repo(self) -> None:
            request = json.loads(self._body())
            repo_id = f"{request['organization']}/{request['name']}"
            if repo_id in state.repos:
                self._reply(409, {"error": "You already created this dataset repo", "url": self._url(repo_id)})
                return
            state.repos[repo_id] = Repo()
            self._reply(200, {"url": self._url(repo_id), "name": repo_id, "id": repo_id})

        def validate_yaml(self) -> None:
            """Check a card's YAML header as the Hub does: it parses, and every config has a name and data files."""
            content = json.loads(self._body())["content"]
            header = content.split("---")[1] if content.startswith("---") else ""
            try:
                metadata = yaml.safe_load(header) or {}
                bad = [c for c in metadata.get("configs", []) if not {"config_name", "data_files"} <= set(c)]
            except yaml.YAMLError as exc:
                self._reply(400, {"errors": [{"message": str(exc)}]})
                return
            errors = [{"message": f"config without config_name/data_files: {c}"} for c in bad]
            self._reply(400 if errors else 200, {"errors": errors, "warnings": []})

        def preupload(self, repo: str, rev: str) -> None:
            files = json.loads(self._body())["files"]
            self._reply(
                200,
                {
                    "files": [{"path": f["path"], "uploadMode": "regular", "shouldIgnore": False} for f in files],
                    "commitOid": state.repos[repo].resolve(rev),
                },
            )

        def commit(self, repo: str, rev: str) -> None:
            if state.fail_commits:
                self._reply(400, {"error": "commit refused by the loopback hub"})
                return
            target = state.repos[repo]
            if state.tag_during_commit:
                target.tags[state.tag_during_commit] = target.resolve(rev)
                state.tag_during_commit = None
            files = dict(target.commits[target.resolve(rev)])
            for line in self._body().splitlines():
                entry = json.loads(line)
                value = entry["value"]
                if entry["key"] == "file":
                    files[value["path"]] = base64.b64decode(value["content"])
                elif entry["key"] == "deletedFile":
                    files.pop(value["path"], None)
                elif entry["key"] == "deletedFolder":
                    files = {p: d for p, d in files.items() if not p.startswith(value["path"].rstrip("/") + "/")}
                elif entry["key"] != "header":
                    self._reply(400, {"error": f"loopback hub: unsupported commit entry {entry['key']}"})
                    return
            oid = hashlib.sha1(json.dumps(sorted((p, _blob_oid(d)) for p, d in files.items())).encode()).hexdigest()
            target.commits[oid] = files
            target.branches[rev] = oid
            self._reply(200, {"commitUrl": f"{self._url(repo)}/commit/{oid}", "commitOid": oid})

        def tag(self, repo: str, rev: str) -> None:
            request = json.loads(self._body())
            target = state.repos[repo]
            if request["tag"] in target.tags:
                self._reply(409, {"error": "tag already exists"})
                return
            target.tags[request["tag"]] = target.resolve(rev)
            self._reply(200, {})

        def refs(self, repo: str) -> None:
            """List branches and tags as ``HfApi.list_repo_refs`` reads them (no converts, no pull requests)."""
            target = state.repos.get(repo)
            if target is None:
                self._reply(404, {"error": "Repository not found"}, {"X-Error-Code": "RepoNotFound"})
                return

            def listed(refs: dict[str, str], kind: str) -> list[dict[str, str]]:
                return [{"name": n, "ref": f"refs/{kind}/{n}", "targetCommit": oid} for n, oid in sorted(refs.items())]

            self._reply(
                200, {"branches": listed(target.branches, "heads"), "converts": [], "tags": listed(target.tags, "tags")}
            )

        def info(self, repo: str, rev: str = "main", kind: str = "datasets") -> None:
            target = _repos(kind).get(repo)
            oid = target.resolve(rev) if target else None
            if oid is None:
                self._missing(target, "RevisionNotFound")
                return
            siblings = [{"rfilename": p} for p in sorted(target.commits[oid])]
            self._reply(200, {"id": repo, "sha": oid, "private": True, "siblings": siblings, "tags": []})

        def tree(self, repo: str, rev: str, prefix: str = "", kind: str = "datasets") -> None:
            target = _repos(kind)[repo]
            files = target.commits[target.resolve(rev)]
            listed = [
                {"type": "file", "path": p, "size": _size(d), "oid": _etag(d)}
                | ({"lfs": {"oid": _etag(d), "size": _size(d), "pointerSize": 134}} if isinstance(d, Path) else {})
                for p, d in sorted(files.items())
                if p.startswith(prefix)
            ]
            self._reply(200, listed)

        def resolve(self, repo: str, rev: str, file: str, kind: str = "datasets") -> None:
            target = _repos(kind).get(repo)
            oid = target.resolve(rev) if target else None
            if oid is None:
                self._missing(target, "RevisionNotFound")
                return
            if file not in target.commits[oid]:
                self._reply(404, {"error": "EntryNotFound"}, {"X-Error-Code": "EntryNotFound", "X-Repo-Commit": oid})
                return
            data = target.commits[oid][file]
            self._reply(200, data, {"X-Repo-Commit": oid, "ETag": f'"{_etag(data)}"'})

        def _url(self, repo_id: str) -> str:
            host, port = self.server.server_address[:2]
            return f"http://{host}:{port}/datasets/{repo_id}"

    def _repos(kind: str) -> dict[str, Repo]:
        return state.models if kind == "models" else state.repos

    def of_models(action: object) -> object:
        """Return ``action`` answering for model repos (the Hub's paths without the ``datasets`` prefix)."""
        return lambda handler, **found: action(handler, kind="models", **found)

    ROUTES = (
        ("POST", r"/api/repos/create", Handler.create_repo),
        ("POST", r"/api/validate-yaml", Handler.validate_yaml),
        ("POST", rf"/api/datasets/{REPO}/preupload/{REV}", Handler.preupload),
        ("POST", rf"/api/datasets/{REPO}/commit/{REV}", Handler.commit),
        ("POST", rf"/api/datasets/{REPO}/tag/{REV}", Handler.tag),
        ("GET", rf"/api/datasets/{REPO}/refs", Handler.refs),
        ("GET", rf"/api/datasets/{REPO}", Handler.info),
        ("GET", rf"/api/datasets/{REPO}/revision/{REV}", Handler.info),
        ("GET", rf"/api/datasets/{REPO}/tree/{REV}", Handler.tree),
        ("GET", rf"/api/datasets/{REPO}/tree/{REV}/(?P<prefix>.+)", Handler.tree),
        ("GET", rf"/datasets/{REPO}/resolve/{REV}/(?P<file>.+)", Handler.resolve),
        ("HEAD", rf"/datasets/{REPO}/resolve/{REV}/(?P<file>.+)", Handler.resolve),
        ("GET", rf"/api/models/{REPO}", of_models(Handler.info)),
        ("GET", rf"/api/models/{REPO}/revision/{REV}", of_models(Handler.info)),
        ("GET", rf"/api/models/{REPO}/tree/{REV}", of_models(Handler.tree)),
        ("GET", rf"/api/models/{REPO}/tree/{REV}/(?P<prefix>.+)", of_models(Handler.tree)),
        ("GET", rf"/{REPO}/resolve/{REV}/(?P<file>.+)", of_models(Handler.resolve)),
        ("HEAD", rf"/{REPO}/resolve/{REV}/(?P<file>.+)", of_models(Handler.resolve)),
    )
    return Handler


def files_of(path: Path) -> dict[str, Path]:
    """Return a model's files by their path in a repo: a folder's files (links followed), or one file by its name."""
    if path.is_file():
        return {path.name: path.resolve()}
    folder = path.resolve()
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def serve(state: HubState) -> tuple[ThreadingHTTPServer, str]:
    """Start the loopback hub on a free port in a daemon thread; return the server and its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}"
