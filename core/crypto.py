"""Encryption at rest of personal identifiers (PIPL 敏感个人信息: ID numbers, financial accounts) and the
keyed hash that finds them again.

A stored value is `<key id>$<base64url(nonce | AES-256-GCM ciphertext and tag)>`: the key id says which of
settings.FIELD_ENCRYPTION_KEYS decrypts it, so old rows stay readable while a new key encrypts new ones. The
hash is HMAC-SHA256 under settings.FIELD_HASH_KEY of the normalised value, prefixed with its kind, so equal
ID numbers hash equally in every table while an ID number and a mobile never collide.
"""

import base64
import binascii
import hashlib
import hmac
import os
import re

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

NONCE_BYTES = 12
CIPHERTEXT_RE = re.compile(r"^([A-Za-z0-9_-]{1,16})\$([A-Za-z0-9_=-]+)$")

ID_NUMBER = "id_number"
MOBILE = "mobile"
BANK_ACCOUNT = "bank_account"
# Not a personal identifier but a credential held for the platform (a webhook's signing secret): never
# looked up, so its kind only names it.
WEBHOOK_SECRET = "webhook_secret"


def normalise(kind: str, value: str) -> str:
    """The form two spellings of one identifier share: what the hash is taken of."""
    value = re.sub(r"\s+", "", value)
    if kind == ID_NUMBER:
        return value.upper()
    if kind == BANK_ACCOUNT:
        return value.replace("-", "")
    return value


def _keys() -> list[tuple[str, bytes]]:
    return settings.FIELD_ENCRYPTION_KEYS


def encrypt(plaintext: str) -> str:
    key_id, key = _keys()[0]
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, plaintext.encode(), key_id.encode())
    return f"{key_id}${base64.urlsafe_b64encode(nonce + sealed).decode()}"


def is_ciphertext(value: str) -> bool:
    return bool(CIPHERTEXT_RE.match(value or ""))


def key_id_of(stored: str) -> str | None:
    match = CIPHERTEXT_RE.match(stored or "")
    return match.group(1) if match else None


def decrypt(stored: str) -> str:
    match = CIPHERTEXT_RE.match(stored)
    if not match:
        raise ValueError("not an encrypted value")
    key_id = match.group(1)
    key = dict(_keys()).get(key_id)
    if key is None:
        raise ImproperlyConfigured(
            f"A value is encrypted with key {key_id!r}, which FIELD_ENCRYPTION_KEY does not hold"
        )
    try:
        raw = base64.urlsafe_b64decode(match.group(2).encode())
        return AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], key_id.encode()).decode()
    except (InvalidTag, binascii.Error, ValueError) as exc:
        raise ImproperlyConfigured(f"A value encrypted with key {key_id!r} does not decrypt with it") from exc


def keyed_hash(kind: str, value: str | None) -> str | None:
    """None for an empty value, so that unique constraints let any number of rows leave it blank."""
    if value is None:
        return None
    normalised = normalise(kind, value)
    if not normalised:
        return None
    message = f"{kind}:{normalised}".encode()
    return hmac.new(settings.FIELD_HASH_KEY, message, hashlib.sha256).hexdigest()


def current_key_id() -> str:
    return _keys()[0][0]
