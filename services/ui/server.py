"""The read-only web app of ``newswire ui``: static pages and a JSON API over a :class:`TableStore`.

Only GET routes exist. On loopback the app answers only to loopback Host names (a page on another
site cannot reach it through DNS rebinding); on any other address it needs the token, sent as a
Bearer header or once as ``?token=``, after which a cookie carries it.
"""

from __future__ import annotations

import asyncio
import csv
import hmac
import io
import ipaddress
import json
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from services.ui import queries
from services.ui.feeds import FeedTail
from services.ui.filters import FilterError, Filters, bounded_int, choice
from services.ui.store import TableStore

log = logging.getLogger(__name__)
STATIC = Path(str(resources.files("services.ui") / "static"))
PAGES = ("/", "/events", "/pipeline")  # and /event/{id}, /article/{id}: the one page app
TOKEN_COOKIE = "newswire_ui_token"  # noqa: S105 - the name of the cookie, not a secret
MAX_ID = 200  # characters of an event or article id in a path

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _dumps(data: Any) -> str:
    return json.dumps(data, default=_plain, separators=(",", ":"))


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _json(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=_dumps)


class UIApp:
    def __init__(
        self,
        store: TableStore,
        *,
        token: str | None = None,
        loopback_only: bool = True,
        tile_url: str | None = None,
        feeds: FeedTail | None = None,
    ) -> None:
        self.store = store
        self.token = token
        self.loopback_only = loopback_only
        self.tile_url = tile_url
        self.feeds = feeds

    def build(self) -> web.Application:
        app = web.Application(middlewares=[self._guard, self._errors], client_max_size=1024)
        for path in PAGES:
            app.router.add_get(path, self._index)
        app.router.add_get("/event/{id}", self._index)
        app.router.add_get("/article/{id}", self._index)
        app.router.add_static("/static/", STATIC, follow_symlinks=False)
        api = {
            "status": self._status,
            "facets": self._facets,
            "map": self._map,
            "timeline": self._timeline,
            "events": self._events,
            "pipeline": self._pipeline,
            "feeds": self._feeds,
            "export.csv": self._export_csv,
            "export.geojson": self._export_geojson,
        }
        for name, handler in api.items():
            app.router.add_get(f"/api/{name}", handler)
        app.router.add_get("/api/event/{id}", self._event)
        app.router.add_get("/api/article/{id}", self._article)
        return app

    # -- middlewares --

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self.loopback_only:
            host = urlsplit(f"//{request.host}").hostname or ""
            if not is_loopback(host):
                return _json({"error": "this server answers to loopback names only"}, 421)
        set_cookie = False
        if self.token is not None:
            given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
            given = given or request.cookies.get(TOKEN_COOKIE, "") or request.query.get("token", "")
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                return _json({"error": "missing or wrong token"}, 401)
            set_cookie = "token" in request.query
        response = await handler(request)
        response.headers.update(_SECURITY_HEADERS)
        response.headers["Content-Security-Policy"] = self._csp()
        if set_cookie and self.token is not None:
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="Strict")
        return response

    @web.middleware
    async def _errors(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        except FilterError as exc:
            return _json({"error": str(exc)}, 400)

    def _csp(self) -> str:
        images = "'self' data:"
        if self.tile_url:
            parts = urlsplit(self.tile_url.replace("{", "").replace("}", ""))
            images += f" {parts.scheme}://{parts.netloc}"
        return (
            f"default-src 'self'; img-src {images}; style-src 'self'; script-src 'self'; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        )

    # -- pages --

    async def _index(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    # -- API --

    async def _run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``fn(snapshot, ...)`` in a thread: DuckDB releases the GIL, the event loop stays free."""

        def call() -> Any:
            return fn(self.store.current(), *args, **kwargs)

        return await asyncio.to_thread(call)

    async def _status(self, request: web.Request) -> web.Response:
        def status(snapshot: Any) -> dict[str, Any]:
            return {
                "loaded_at": snapshot.loaded_at,
                "now": time.time(),
                "files": len(snapshot.listing),
                "skipped": [{"location": where, "why": why} for where, why in snapshot.skipped],
                "location": self.store.location,
                "reload_error": self.store.last_error,
                "tile_url": self.tile_url,
            }

        return _json(await self._run(status))

    async def _facets(self, request: web.Request) -> web.Response:
        return _json(await self._run(queries.facets))

    async def _map(self, request: web.Request) -> web.Response:
        filters = Filters.from_query(request.query)
        limit = bounded_int(request.query, "limit", queries.MAP_LIMIT, 1, queries.MAP_LIMIT)
        return _json(await self._run(queries.map_sites, filters, limit))

    async def _timeline(self, request: web.Request) -> web.Response:
        filters = Filters.from_query(request.query)
        bucket = choice(request.query, "bucket", ("day", "week"))
        return _json(await self._run(queries.timeline, filters, bucket))

    async def _events(self, request: web.Request) -> web.Response:
        filters = Filters.from_query(request.query)
        limit = bounded_int(request.query, "limit", 100, 1, queries.TABLE_LIMIT)
        offset = bounded_int(request.query, "offset", 0, 0, 10_000_000)
        sort = choice(request.query, "sort", tuple(queries.SORTS))
        return _json(await self._run(queries.event_table, filters, limit=limit, offset=offset, sort=sort))

    async def _event(self, request: web.Request) -> web.Response:
        event_id = _path_id(request)
        found = await self._run(queries.event_detail, event_id)
        return _json(found) if found is not None else _json({"error": f"no event {event_id!r}"}, 404)

    async def _article(self, request: web.Request) -> web.Response:
        article_id = _path_id(request)
        found = await self._run(queries.article_detail, article_id)
        return _json(found) if found is not None else _json({"error": f"no article {article_id!r}"}, 404)

    async def _pipeline(self, request: web.Request) -> web.Response:
        return _json(await self._run(queries.pipeline))

    async def _feeds(self, request: web.Request) -> web.Response:
        if self.feeds is None:
            return _json({"connected": False, "error": "started without a broker (--bootstrap)", "feeds": []})
        return _json(self.feeds.summary())

    async def _export_csv(self, request: web.Request) -> web.Response:
        rows = await self._run(queries.export_rows, Filters.from_query(request.query))
        return web.Response(
            text=events_csv(rows),
            content_type="text/csv",
            headers={"Content-Disposition": 'attachment; filename="newswire-events.csv"'},
        )

    async def _export_geojson(self, request: web.Request) -> web.Response:
        rows = await self._run(queries.export_rows, Filters.from_query(request.query))
        return web.Response(
            text=_dumps(events_geojson(rows)),
            content_type="application/geo+json",
            headers={"Content-Disposition": 'attachment; filename="newswire-events.geojson"'},
        )


_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _path_id(request: web.Request) -> str:
    value = request.match_info["id"]
    if not value or len(value) > MAX_ID or not value.isprintable():
        raise FilterError(f"id: at most {MAX_ID} printable characters")
    return value


CSV_COLUMNS = [
    "id", "record_kind", "subtype", "event_type", "day_start", "day_end", "n_sources",
    "countries", "actors", "groups", "sites", "summary",
]  # fmt: skip


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # a spreadsheet runs a cell that starts with one of these as a formula (CSV injection)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def events_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        sites = "; ".join(
            s["name"] + (f" [{s['count']}]" if s.get("count") is not None else "") for s in row["sites"]
        )
        values = {
            **row,
            "countries": "; ".join(row["countries"] or []),
            "actors": "; ".join(row["actors"] or []),
            "groups": "; ".join(row["groups"] or []),
            "sites": sites,
        }
        writer.writerow([_cell(values[c]) for c in CSV_COLUMNS])
    return out.getvalue()


def events_geojson(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """One Point feature per site with coordinates (RFC 7946: longitude first)."""
    features = []
    for row in rows:
        for site in row["sites"]:
            if site.get("lat") is None or site.get("lon") is None:
                continue
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [site["lon"], site["lat"]]},
                    "properties": {
                        "event_id": row["id"],
                        "record_kind": row["record_kind"],
                        "subtype": row["subtype"],
                        "day_start": row["day_start"],
                        "day_end": row["day_end"],
                        "n_sources": row["n_sources"],
                        "site": site["name"],
                        "country": site["country"],
                        "count": site["count"],
                        "summary": row["summary"],
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}
