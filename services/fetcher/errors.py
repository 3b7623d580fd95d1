"""Fetch failures, each a transient or permanent :mod:`services.common.errors` kind."""

from __future__ import annotations

from services.common.errors import PermanentError, TransientError


class FetchTimeout(TransientError):
    """Connecting, reading or the whole fetch took longer than allowed."""


class ConnectionFailed(TransientError):
    """The server could not be reached or dropped the connection."""


class ServerError(TransientError):
    """5xx or 429: the server may answer later."""

    def __init__(self, status: int, url: str) -> None:
        self.status = status
        self.reason = f"http_{status}"
        super().__init__(f"HTTP {status} from {url}")


class ClientStatusError(PermanentError):
    """A 4xx status other than 429."""

    def __init__(self, status: int, url: str) -> None:
        self.status = status
        self.reason = f"http_{status}"
        super().__init__(f"HTTP {status} from {url}")


class TooManyRedirects(PermanentError):
    """More redirects than ``max_redirects``."""


class UnsupportedScheme(PermanentError):
    """A URL or redirect target that is not http(s)."""


class InvalidUrl(PermanentError):
    """A URL (or redirect target) that is not a valid absolute URL."""


class BodyTooLarge(PermanentError):
    """The (decoded) body exceeds its limit; reading stopped at the limit."""


class UnsupportedContent(PermanentError):
    """A content type or content encoding the fetcher does not handle."""


class FeedParseError(PermanentError):
    """A feed document feedparser could not read at all."""
