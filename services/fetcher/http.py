"""HTTP GET with explicit limits: per-phase timeouts, a total deadline, capped redirects, a bounded body."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from services.common.settings import FetcherSettings
from services.fetcher.body import ACCEPT_ENCODING, read_bounded
from services.fetcher.errors import (
    BodyTooLarge,
    ClientStatusError,
    ConnectionFailed,
    FetchTimeout,
    InvalidUrl,
    MalformedResponse,
    RedirectLoop,
    ServerError,
    TooManyRedirects,
    UnsupportedScheme,
)
from services.fetcher.ssrf import AddressPolicy, guarded_transport

_REDIRECTS = {301, 302, 303, 307, 308}
# h11's words for a connection closed before any response: the one protocol error worth a retry
_DISCONNECTED = "Server disconnected without sending a response"
_RETRYABLE = {408, 429}
# Headers kept on the `pages` record: what later stages and re-crawls use.
KEPT_HEADERS = (
    "content-type",
    "content-language",
    "etag",
    "last-modified",
    "date",
    "cache-control",
    "link",
    "retry-after",
)

HopCheck = Callable[[str], Awaitable[None]]
# Held around one hop's request and body: the politeness slot of the hop's host
HopSlot = Callable[[str], AbstractAsyncContextManager[None]]


@dataclass(frozen=True)
class RawResponse:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed_ms: int
    redirects: int = 0


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def check_status(response: RawResponse) -> None:
    """Raise the typed error for a non-success status (304 counts as success for conditional GETs)."""
    status = response.status
    if status in _RETRYABLE or status >= 500:
        retry_after = retry_after_seconds(response.headers.get("retry-after"))
        raise ServerError(status, response.final_url, retry_after)
    if 400 <= status < 500:
        raise ClientStatusError(status, response.final_url)


def check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsupportedScheme(f"scheme {scheme!r} not allowed: {url}")


class HttpFetcher:
    """One shared httpx client with newswire's crawler settings.

    - redirects are followed here, not by httpx: each hop's scheme is checked,
      loops are detected, the count is capped, and ``before_hop`` (robots.txt) runs per hop;
    - connections go through the SSRF guard (:mod:`services.fetcher.ssrf`);
    - ``trust_env=False``: a crawler must not pick up proxies from its environment;
    - the body is decoded by us with a hard limit on the decoded size.
    """

    def __init__(
        self, settings: FetcherSettings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self._settings = settings
        if transport is None:
            policy = AddressPolicy(
                allow_private_networks=settings.allow_private_networks,
                allowed_networks=settings.allowed_networks,
            )
            transport = guarded_transport(policy)
        self._client = httpx.AsyncClient(
            follow_redirects=False,
            trust_env=False,
            transport=transport,
            timeout=httpx.Timeout(
                connect=settings.connect_timeout_s,
                read=settings.read_timeout_s,
                write=settings.read_timeout_s,
                pool=settings.connect_timeout_s,
            ),
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(
        self,
        url: str,
        *,
        max_bytes: int,
        headers: dict[str, str] | None = None,
        truncate: bool = False,
        max_redirects: int | None = None,
        before_hop: HopCheck | None = None,
        around_hop: HopSlot | None = None,
    ) -> RawResponse:
        """GET ``url`` following at most ``max_redirects`` redirects within ``total_timeout_s``.

        ``before_hop`` runs before each hop (robots.txt), outside ``around_hop``, which is held
        around that hop's request alone: a redirect target's robots.txt check never waits for a
        slot its own request holds, and every hop is spaced by its own host's limits."""
        started = time.monotonic()
        limit = self._settings.max_redirects if max_redirects is None else max_redirects
        try:
            async with asyncio.timeout(self._settings.total_timeout_s):
                return await self._get(
                    url, max_bytes, headers or {}, truncate, limit, before_hop, around_hop, started
                )
        except TimeoutError as exc:
            raise FetchTimeout(
                f"no complete response within {self._settings.total_timeout_s}s: {url}"
            ) from exc

    async def _get(
        self,
        url: str,
        max_bytes: int,
        headers: dict[str, str],
        truncate: bool,
        max_redirects: int,
        before_hop: HopCheck | None,
        around_hop: HopSlot | None,
        started: float,
    ) -> RawResponse:
        current = url
        visited: set[str] = set()
        for hop in range(max_redirects + 1):
            check_scheme(current)
            if current in visited:
                raise RedirectLoop(f"redirect loop back to {current} (from {url})")
            visited.add(current)
            if before_hop is not None:
                await before_hop(current)
            async with around_hop(current) if around_hop is not None else contextlib.nullcontext():
                response, body, location = await self._hop(current, max_bytes, headers, truncate)
            if location is not None:
                current = redirect_target(current, location)
                continue
            kept = {h: response.headers[h] for h in KEPT_HEADERS if h in response.headers}
            return RawResponse(
                url=url,
                final_url=current,
                status=response.status_code,
                headers=kept,
                body=body,
                elapsed_ms=int((time.monotonic() - started) * 1000),
                redirects=hop,
            )
        raise TooManyRedirects(f"more than {max_redirects} redirects from {url}")

    async def _hop(
        self, current: str, max_bytes: int, headers: dict[str, str], truncate: bool
    ) -> tuple[httpx.Response, bytes, str | None]:
        """One request: the response, its bounded body, and the redirect's Location (then no body)."""
        try:
            request = self._client.build_request("GET", current, headers=headers)
            response = await self._client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise FetchTimeout(f"{type(exc).__name__} fetching {current}") from exc
        except httpx.RemoteProtocolError as exc:
            if _DISCONNECTED in str(exc):  # the connection dropped before an answer: worth a retry
                raise ConnectionFailed(f"{type(exc).__name__} fetching {current}: {exc}") from exc
            raise MalformedResponse(f"not HTTP from {current}: {str(exc)[:200]}") from exc
        except httpx.TransportError as exc:
            raise ConnectionFailed(f"{type(exc).__name__} fetching {current}: {exc}") from exc
        except httpx.InvalidURL as exc:  # also raised for a malformed Location header
            raise InvalidUrl(f"{exc} (fetching {current})") from exc
        try:
            location = response.headers.get("location")
            if response.status_code in _REDIRECTS and location:
                return response, b"", location
            declared = response.headers.get("content-length", "")
            if not truncate and declared.isdigit() and int(declared) > max_bytes:
                raise BodyTooLarge(f"Content-Length {declared} exceeds {max_bytes} bytes: {current}")
            try:
                body = await read_bounded(
                    response.aiter_raw(),
                    response.headers.get("content-encoding", ""),
                    max_bytes,
                    truncate=truncate,
                )
            except httpx.TimeoutException as exc:
                raise FetchTimeout(f"{type(exc).__name__} reading {current}") from exc
            except httpx.TransportError as exc:
                raise ConnectionFailed(f"{type(exc).__name__} reading {current}: {exc}") from exc
        finally:
            await response.aclose()
        return response, body, None


def redirect_target(current: str, location: str) -> str:
    """The absolute URL a ``Location`` header points to, or :class:`InvalidUrl`.

    urllib raises ValueError for an authority it cannot parse (an unclosed IPv6 bracket as in
    ``http://a]b/``, a port out of range); that is the server's fault, so it is a typed
    failure of this URL, not an exception that escapes the fetch."""
    try:
        target = urljoin(current, location.strip())
        urlsplit(target).port  # noqa: B018 - parses the port, the part urljoin leaves unchecked
    except ValueError as exc:
        raise InvalidUrl(f"redirect from {current} to an invalid URL {location[:200]!r}: {exc}") from exc
    return target
