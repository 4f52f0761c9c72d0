"""SSRF guard: refuse URLs whose host resolves to a private, loopback or otherwise local address.

A fetcher pointed at user-supplied URLs (and at links found in feeds and sitemaps, which third
parties write) must not reach the machine it runs on or its network: cloud metadata services
(169.254.169.254), admin panels on 127.0.0.1, intranet hosts on 10/8. Every resolved address
is checked, not just the first, and the check is repeated for every redirect hop.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

__all__ = ["BlockedAddress", "Resolver", "check_url", "is_public_address", "system_resolver"]

#: host name -> its IP addresses as strings (injectable so tests need no DNS)
Resolver = Callable[[str], Sequence[str]]

_SCHEMES = frozenset({"http", "https"})
# Ranges Python (3.11) does not flag as non-global on every version; listed for certainty.
_EXTRA_BLOCKED = tuple(ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "198.18.0.0/15", "240.0.0.0/4",
    "64:ff9b:1::/48", "fc00::/7", "fe80::/10",
))


class BlockedAddress(ValueError):
    """A URL the fetcher refuses to contact; the message says which address and why."""


def system_resolver(host: str) -> list[str]:
    """Return every address ``host`` resolves to (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]) for info in infos})


def is_public_address(address: str) -> bool:
    """Tell whether an IP address is globally routable unicast (safe to contact)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4-mapped and 6to4 forms smuggle a private IPv4 address inside IPv6
        inner = ip.ipv4_mapped or ip.sixtofour
        if inner is not None:
            return is_public_address(str(inner))
    if any(ip in net for net in _EXTRA_BLOCKED if net.version == ip.version):
        return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def check_url(url: str, resolver: Resolver = system_resolver) -> None:
    """Raise BlockedAddress unless ``url`` is http(s) and every address of its host is public."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES:
        raise BlockedAddress(f"refusing {parts.scheme or 'scheme-less'} URL {url!r}: only http "
                             "and https are fetched")
    host = parts.hostname
    if not host:
        raise BlockedAddress(f"URL {url!r} has no host name")
    try:
        addresses = [str(ipaddress.ip_address(host))]  # a literal IP needs no lookup
    except ValueError:
        try:
            addresses = list(resolver(host))
        except (OSError, UnicodeError) as exc:
            raise BlockedAddress(f"cannot resolve host {host!r}: {exc}") from None
    if not addresses:
        raise BlockedAddress(f"host {host!r} resolves to no address")
    for address in addresses:
        if not is_public_address(address):
            raise BlockedAddress(
                f"refusing {url!r}: host {host!r} resolves to {address}, a private, loopback, "
                "link-local or reserved address (pass allow_private=True / --allow-private to "
                "fetch from your own network)"
            )
