"""Fetch failures, each a transient or permanent :mod:`services.common.errors` kind.

``reason`` is what the dead letter records: a short, stable code per failure
(``timeout``, ``too_large``, ``robots_disallowed``, ``http_status``, ...).
"""

from __future__ import annotations

from services.common.errors import PermanentError, TransientError


class FetchTimeout(TransientError):
    """Connecting, reading or the whole fetch took longer than allowed."""

    reason = "timeout"


class ConnectionFailed(TransientError):
    """The server could not be reached or dropped the connection."""

    reason = "connection_failed"


class DnsFailure(TransientError):
    """The host name did not resolve."""

    reason = "dns_failure"


class ServerError(TransientError):
    """5xx, 408 or 429: the server may answer later (after ``retry_after_s`` if it said so)."""

    reason = "http_status"

    def __init__(self, status: int, url: str, retry_after_s: float | None = None) -> None:
        self.status = status
        self.url = url
        self.retry_after_s = retry_after_s
        super().__init__(f"HTTP {status} from {url}")


class MalformedResponse(PermanentError):
    """The server answered with something that is not HTTP (a header line without a colon, headers
    larger than the client's buffer): asking again gets the same answer."""

    reason = "malformed_response"


class ClientStatusError(PermanentError):
    """A 4xx status other than 408 and 429."""

    reason = "http_status"

    def __init__(self, status: int, url: str) -> None:
        self.status = status
        super().__init__(f"HTTP {status} from {url}")


class TooManyRedirects(PermanentError):
    """More redirects than ``max_redirects``."""

    reason = "too_many_redirects"


class RedirectLoop(TooManyRedirects):
    """A redirect back to a URL already visited in the same chain."""

    reason = "redirect_loop"


class UnsupportedScheme(PermanentError):
    """A URL or redirect target that is not http(s)."""

    reason = "unsupported_scheme"


class InvalidUrl(PermanentError):
    """A URL (or redirect target) that is not a valid absolute URL."""

    reason = "invalid_url"


class BlockedDestination(PermanentError):
    """The host resolves to a private, loopback, link-local, CGNAT or metadata address."""

    reason = "blocked_destination"


class RobotsDisallowed(PermanentError):
    """robots.txt forbids this URL for our user agent (or could not be fetched: RFC 9309 5xx rule)."""

    reason = "robots_disallowed"


class RobotsUnreachable(TransientError):
    """robots.txt answered 5xx/429: RFC 9309 says assume everything is disallowed, for now.
    ``retry_at``: the clock time the robots.txt will be fetched again."""

    reason = "robots_unreachable"

    def __init__(self, message: str, *, retry_at: float | None = None) -> None:
        super().__init__(message)
        self.retry_at = retry_at


class BodyTooLarge(PermanentError):
    """The (decoded) body exceeds its limit; reading stopped at the limit."""

    reason = "too_large"


class UnsupportedContent(PermanentError):
    """A content type, content encoding or undeclared compressed body the fetcher does not handle."""

    reason = "unsupported_content_type"


class FeedParseError(PermanentError):
    """A feed or sitemap document that could not be read at all."""

    reason = "feed_parse_error"
