"""HTTP GET with explicit limits: per-phase timeouts, a total deadline, capped redirects, a bounded body."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
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
    ServerError,
    TooManyRedirects,
    UnsupportedScheme,
)

_REDIRECTS = {301, 302, 303, 307, 308}
# Headers kept on the `pages` record: what later stages and re-crawls use.
KEPT_HEADERS = ("content-type", "content-language", "etag", "last-modified", "date", "cache-control", "link")


@dataclass(frozen=True)
class RawResponse:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed_ms: int


def check_status(response: RawResponse) -> None:
    """Raise the typed error for a non-success status (304 counts as success for conditional GETs)."""
    status = response.status
    if status == 429 or status >= 500:
        raise ServerError(status, response.final_url)
    if 400 <= status < 500:
        raise ClientStatusError(status, response.final_url)


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsupportedScheme(f"scheme {scheme!r} not allowed: {url}")


class HttpFetcher:
    """One shared httpx client with newswire's crawler settings.

    - redirects are followed here, not by httpx, so each hop's scheme is checked
      and the count is capped;
    - ``trust_env=False``: a crawler must not pick up proxies from its environment;
    - only gzip/deflate are advertised, and the body is decoded with a hard limit.
    """

    def __init__(
        self, settings: FetcherSettings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self._settings = settings
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

    async def get(self, url: str, *, max_bytes: int, headers: dict[str, str] | None = None) -> RawResponse:
        """GET ``url`` following at most ``max_redirects`` redirects within ``total_timeout_s``."""
        started = time.monotonic()
        try:
            async with asyncio.timeout(self._settings.total_timeout_s):
                return await self._get(url, max_bytes, headers or {}, started)
        except TimeoutError as exc:
            raise FetchTimeout(
                f"no complete response within {self._settings.total_timeout_s}s: {url}"
            ) from exc

    async def _get(self, url: str, max_bytes: int, headers: dict[str, str], started: float) -> RawResponse:
        current = url
        for _hop in range(self._settings.max_redirects + 1):
            _check_scheme(current)
            try:
                response = await self._client.send(
                    self._client.build_request("GET", current, headers=headers), stream=True
                )
            except httpx.TimeoutException as exc:
                raise FetchTimeout(f"{type(exc).__name__} fetching {current}") from exc
            except httpx.TransportError as exc:
                raise ConnectionFailed(f"{type(exc).__name__} fetching {current}: {exc}") from exc
            except httpx.InvalidURL as exc:  # also raised for a malformed Location header
                raise InvalidUrl(f"{exc} (fetching {current})") from exc
            try:
                location = response.headers.get("location")
                if response.status_code in _REDIRECTS and location:
                    current = urljoin(current, location)
                    continue
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise BodyTooLarge(f"Content-Length {declared} exceeds {max_bytes} bytes: {current}")
                try:
                    body = await read_bounded(
                        response.aiter_raw(), response.headers.get("content-encoding", ""), max_bytes
                    )
                except httpx.TimeoutException as exc:
                    raise FetchTimeout(f"{type(exc).__name__} reading {current}") from exc
                except httpx.TransportError as exc:
                    raise ConnectionFailed(f"{type(exc).__name__} reading {current}: {exc}") from exc
            finally:
                await response.aclose()
            kept = {h: response.headers[h] for h in KEPT_HEADERS if h in response.headers}
            return RawResponse(
                url=url,
                final_url=current,
                status=response.status_code,
                headers=kept,
                body=body,
                elapsed_ms=int((time.monotonic() - started) * 1000),
            )
        raise TooManyRedirects(f"more than {self._settings.max_redirects} redirects from {url}")
