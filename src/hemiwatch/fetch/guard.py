"""Which URLs may be requested: http(s) only, no credentials, and no loopback, private,
link-local or otherwise internal address unless the policy allows it. Checked on the address
the name resolves to, and again on every redirect."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

from hemiwatch.config import FetchPolicy
from hemiwatch.errors import FetchRefused

Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address a host name resolves to (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused(host, f"the host name does not resolve ({exc})") from exc
    return sorted({str(info[4][0]) for info in infos})


def internal(address: str) -> bool:
    """True for an address a public service must not be made to reach."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def check_url(url: str, policy: FetchPolicy, resolver: Resolver = resolve) -> None:
    """Refuse (FetchRefused) a URL the policy does not let hemiwatch request."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise FetchRefused(url, f"not a valid URL ({exc})") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchRefused(url, "only http and https URLs are fetched")
    if parts.username is not None or parts.password is not None:
        raise FetchRefused(url, "URLs with credentials in them are not fetched")
    host = (parts.hostname or "").lower()
    if not host:
        raise FetchRefused(url, "the URL names no host")
    if policy.allow_private or host in policy.allow_hosts or f"{host}:{port}" in policy.allow_hosts:
        return
    for address in resolver(host, port):
        if internal(address):
            raise FetchRefused(
                url, f"{host} is a loopback, private or link-local address ({address}): refused"
            )
