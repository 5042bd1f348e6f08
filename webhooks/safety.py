"""Where a webhook may post (SSRF). A subscription's URL is chosen by an organisation's user and fetched by our
server, so it must not reach the server itself (loopback), the cloud's metadata service (169.254.169.254, link-local)
or "any address" (0.0.0.0, ::). The check runs when the URL is saved and again on every send, on the address the
socket actually connected to (a name may resolve differently later: DNS rebinding).

Private ranges (10/8, 172.16/12, 192.168/16) stay allowed on purpose: intranet deployments post to their own HR
and finance systems there. settings.WEBHOOK_ALLOW_LOOPBACK (tests, the local demo) lifts the loopback refusal only.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class UnsafeAddress(Exception):
    """The URL's host is an address webhooks may not reach; str() is the Chinese reason."""


def refusal(address: str) -> str | None:
    """The Chinese reason `address` (an IP literal) is refused, or None when it may be reached."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback and not getattr(settings, "WEBHOOK_ALLOW_LOOPBACK", False):
        return _("接收地址不能指向本机（%(ip)s）") % {"ip": ip}
    if ip.is_link_local:
        return _("接收地址不能指向链路本地地址（%(ip)s，含云服务器元数据地址）") % {"ip": ip}
    if ip.is_unspecified or ip.is_multicast:
        return _("接收地址不能指向该地址（%(ip)s）") % {"ip": ip}
    return None


def check_url(url: str) -> None:
    """Raise UnsafeAddress unless every address the URL's host resolves to may be reached."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeAddress(_("接收地址须以 http:// 或 https:// 开头"))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        raise UnsafeAddress(_("无法解析接收地址的主机名“%(host)s”") % {"host": parts.hostname}) from None
    for info in infos:
        reason = refusal(info[4][0])
        if reason:
            raise UnsafeAddress(reason)


def guarded_create_connection(address, *args, **kwargs):
    """socket.create_connection, refusing (after connecting, before a byte is sent) an address check_url would."""
    sock = socket.create_connection(address, *args, **kwargs)
    reason = refusal(sock.getpeername()[0])
    if reason:
        sock.close()
        raise UnsafeAddress(reason)
    return sock
