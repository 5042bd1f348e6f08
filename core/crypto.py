"""Encryption at rest of personal identifiers (PIPL 敏感个人信息: ID numbers, financial accounts) and the
keyed hash that finds them again.

A stored value is `<key id>$<base64url(nonce | AES-256-GCM ciphertext and tag)>`: the key id says which of
settings.FIELD_ENCRYPTION_KEYS decrypts it, so old rows stay readable while a new key encrypts new ones. The
hash is HMAC-SHA256 under settings.FIELD_HASH_KEY of the normalised value, prefixed with its kind, so equal
ID numbers hash equally in every table while an ID number and a mobile never collide.
"""

import base64
import binascii
import functools
import hashlib
import os
import re

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

NONCE_BYTES = 12
HMAC_BLOCK_BYTES = 64  # SHA-256's block size
CIPHERTEXT_RE = re.compile(r"^([A-Za-z0-9_-]{1,16})\$([A-Za-z0-9_=-]+)$")
_KEY_ID_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")

ID_NUMBER = "id_number"
MOBILE = "mobile"
BANK_ACCOUNT = "bank_account"
# Not a personal identifier but a credential held for the platform (a webhook's signing secret): never
# looked up, so its kind only names it.
WEBHOOK_SECRET = "webhook_secret"


def normalise(kind: str, value: str) -> str:
    """The form two spellings of one identifier share: what the hash is taken of."""
    # str.split() and the expression's \s both mean str.isspace(); the split is cheaper, and skipped when
    # there is nothing to remove (nearly always: an import hashes every row's ID number).
    if not value.isalnum():
        value = "".join(value.split())
    if kind == ID_NUMBER:
        return value.upper()
    if kind == BANK_ACCOUNT:
        return value.replace("-", "")
    return value


def _keys() -> list[tuple[str, bytes]]:
    return settings.FIELD_ENCRYPTION_KEYS


@functools.lru_cache(maxsize=16)
def _cipher(key: bytes) -> AESGCM:
    """One cipher object per key: building it for every value cost about a third of a decryption (a 100,000-row
    export decrypts two identifiers a row). Keyed by the key itself, so a changed setting gets its own."""
    return AESGCM(key)


def _key_for(key_id: str) -> bytes | None:
    for candidate_id, key in _keys():
        if candidate_id == key_id:
            return key
    return None


def encrypt(plaintext: str) -> str:
    key_id, key = _keys()[0]
    nonce = os.urandom(NONCE_BYTES)
    sealed = _cipher(key).encrypt(nonce, plaintext.encode(), key_id.encode())
    return f"{key_id}${base64.urlsafe_b64encode(nonce + sealed).decode()}"


def is_ciphertext(value: str) -> bool:
    return bool(CIPHERTEXT_RE.match(value or ""))


def key_id_of(stored: str) -> str | None:
    match = CIPHERTEXT_RE.match(stored or "")
    return match.group(1) if match else None


def decrypt(stored: str) -> str:
    # Split rather than match CIPHERTEXT_RE: an export decrypts two values a row, and the checks below refuse
    # what the expression refuses (a key id of 1–16 safe characters; base64url only, validated).
    key_id, separator, body = stored.partition("$")
    if not separator or not key_id or len(key_id) > 16 or not _KEY_ID_CHARS.issuperset(key_id) or not body:
        raise ValueError("not an encrypted value")
    key = _key_for(key_id)
    if key is None:
        raise ImproperlyConfigured(
            f"A value is encrypted with key {key_id!r}, which FIELD_ENCRYPTION_KEY does not hold"
        )
    try:
        raw = base64.b64decode(body, altchars=b"-_", validate=True)
        return _cipher(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], key_id.encode()).decode()
    except (InvalidTag, binascii.Error, ValueError) as exc:
        raise ImproperlyConfigured(f"A value encrypted with key {key_id!r} does not decrypt with it") from exc


@functools.lru_cache(maxsize=4)
def _hmac_pads(key: bytes) -> tuple:
    """SHA-256 states after the HMAC key's inner and outer pads (RFC 2104), taken once per key: hmac.new()
    and hmac.digest() key OpenSSL's HMAC on every call, about three times the cost of the two hashes, and an
    import hashes every row's ID number."""
    if len(key) > HMAC_BLOCK_BYTES:
        key = hashlib.sha256(key).digest()
    key = key.ljust(HMAC_BLOCK_BYTES, b"\0")
    return (hashlib.sha256(bytes(byte ^ 0x36 for byte in key)), hashlib.sha256(bytes(byte ^ 0x5C for byte in key)))


def keyed_hash(kind: str, value: str | None) -> str | None:
    """None for an empty value, so that unique constraints let any number of rows leave it blank."""
    if value is None:
        return None
    normalised = normalise(kind, value)
    if not normalised:
        return None
    inner, outer = _hmac_pads(settings.FIELD_HASH_KEY)
    inner, outer = inner.copy(), outer.copy()
    inner.update(f"{kind}:{normalised}".encode())
    outer.update(inner.digest())
    return outer.hexdigest()


def current_key_id() -> str:
    return _keys()[0][0]
