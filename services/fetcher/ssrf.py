"""Refusing requests to private networks, with the checked address pinned for the connection.

A check followed by a second DNS lookup is the DNS-rebinding bug, so the check
lives inside the connection itself: :class:`GuardedBackend` resolves the host
once, refuses the connection if any address is not public, and connects to the
address it checked. Every redirect hop opens its connection through it again.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
from collections.abc import Iterable
from typing import Any

import certifi
import httpcore
import httpx

from services.fetcher.errors import BlockedDestination, DnsFailure

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Not reachable from the public internet, or special: never fetched unless allowed explicitly.
_BLOCKED = [
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "255.255.255.255/32",
        "::/128",
        "::1/128",
        # IPv6 forms that carry an IPv4 address, any of them possibly a private one: IPv4-compatible
        # (::a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64 (well-known and local-use), 6to4,
        # Teredo; and the deprecated site-local range
        "::/96",
        "::ffff:0:0:0/96",
        "64:ff9b::/96",
        "64:ff9b:1::/48",
        "2002::/16",
        "2001::/32",
        "fec0::/10",
        "100::/64",
        "2001:db8::/32",
        "fc00::/7",
        "fe80::/10",
        "ff00::/8",
    )
]


class AddressPolicy:
    """Which resolved addresses the fetcher may connect to."""

    def __init__(self, *, allow_private_networks: bool = False, allowed_networks: Iterable[str] = ()) -> None:
        self.allow_private_networks = allow_private_networks
        self._exceptions = [ipaddress.ip_network(n, strict=False) for n in allowed_networks]

    def allows(self, address: IPAddress) -> bool:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
        if self.allow_private_networks or any(address in n for n in self._exceptions):
            return True
        return address.is_global and not any(address in n for n in _BLOCKED)


async def resolve(host: str, port: int) -> list[IPAddress]:
    """All addresses of ``host`` (literal addresses resolve to themselves)."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise DnsFailure(f"cannot resolve {host}: {exc}") from exc
    seen: dict[IPAddress, None] = {}
    for _family, _type, _proto, _canon, sockaddr in infos:
        seen[ipaddress.ip_address(str(sockaddr[0]).split("%")[0])] = None
    return list(seen)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore network backend that connects only to addresses the policy allows."""

    def __init__(self, policy: AddressPolicy, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._policy = policy
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await resolve(host, port)
        blocked = [a for a in addresses if not self._policy.allows(a)]
        if blocked:
            raise BlockedDestination(
                f"{host} resolves to a non-public address ({', '.join(map(str, blocked))})"
            )
        last_error: Exception | None = None
        for address in addresses:  # connect to exactly the addresses that were checked
            try:
                return await self._inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        assert last_error is not None
        raise last_error

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedDestination("unix sockets are never fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_transport(policy: AddressPolicy, *, max_connections: int = 100) -> httpx.AsyncHTTPTransport:
    """An httpx transport whose connections go through :class:`GuardedBackend`."""
    transport = httpx.AsyncHTTPTransport()
    # httpx does not take a network backend, so its pool is replaced by an equivalent one
    # that has ours (constraints.txt pins httpx; tests/integration/test_fetcher_safety.py sends
    # forbidden redirects through it).
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=ssl.create_default_context(cafile=certifi.where()),
        max_connections=max_connections,
        max_keepalive_connections=20,
        keepalive_expiry=5.0,
        network_backend=GuardedBackend(policy),
    )
    return transport
