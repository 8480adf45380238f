"""The address a request came from, trusting X-Forwarded-For only from the proxies we run.

Behind a load balancer every request arrives from the balancer's address, so counting failed
sign-ins by REMOTE_ADDR puts every reader in one bucket (and lets anyone lock an editor out);
believing X-Forwarded-For from anyone lets an attacker name any address. Here the header is
read only when the request comes from a network in settings.TRUSTED_PROXIES, from the right
(the hop nearest us), skipping our own proxies: the first address that is not one of them is
the client. With no trusted proxies (the default, `make run`) it is REMOTE_ADDR.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _trusted(address: str, networks: tuple) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request: HttpRequest) -> str:
    peer = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not networks or not _trusted(peer, networks):
        return peer
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        if not _trusted(hop, networks):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer  # a forged or broken header: count it against the proxy's peer
    return peer
