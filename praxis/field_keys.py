"""Keys for personal data encrypted at rest (core.fields): read from the environment, or generated into
var/ for a development machine, the way the secret key is.

FIELD_ENCRYPTION_KEY holds one or more comma-separated `id:key` entries (a bare key gets the id `k1`); the
first encrypts new values, all of them decrypt, so a key is rotated by putting a new entry first and running
`manage.py reencrypt_personal_data`. FIELD_HASH_KEY keys the HMAC used for exact lookups and uniqueness.
Keys are 32 random bytes in URL-safe base64 (`manage.py generate_field_keys` prints a fresh pair).
"""

import base64
import binascii
import contextlib
import os
import re
import secrets
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from praxis.env import env_secret

KEY_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
DEFAULT_KEY_ID = "k1"


def new_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def decode_key(name: str, text: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text.strip().encode())
    except (binascii.Error, ValueError) as exc:
        raise ImproperlyConfigured(f"{name} must be URL-safe base64 of 32 bytes") from exc
    if len(raw) != 32:
        raise ImproperlyConfigured(f"{name} must be URL-safe base64 of 32 bytes, got {len(raw)} bytes")
    return raw


def parse_encryption_keys(text: str) -> list[tuple[str, bytes]]:
    keys = []
    for entry in (item.strip() for item in text.split(",")):
        if not entry:
            continue
        key_id, _, key = entry.rpartition(":")
        key_id = key_id or DEFAULT_KEY_ID
        if not KEY_ID_RE.match(key_id):
            raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEY: key id {key_id!r} must be 1-16 letters, digits, - or _")
        if any(key_id == known for known, _ in keys):
            raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEY: key id {key_id!r} appears twice")
        keys.append((key_id, decode_key(f"FIELD_ENCRYPTION_KEY ({key_id})", key)))
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY is empty")
    return keys


def _generated(path: Path) -> str:
    """The key stored at `path`, created on first use. Created under another name and linked into place, so
    two processes starting together (test workers, web and job worker) end up with the same key."""
    if not path.exists():
        handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".key-")
        try:
            os.write(handle, new_key().encode())
            os.close(handle)
            os.chmod(temp_name, 0o600)
            with contextlib.suppress(FileExistsError):  # another process was first: use its key
                os.link(temp_name, path)
        finally:
            os.unlink(temp_name)
    return path.read_text(encoding="utf-8").strip()


def load(var_dir: Path, *, required: bool) -> tuple[list[tuple[str, bytes]], bytes]:
    """(encryption keys, newest first; hash key)."""
    encryption, hashing = env_secret("FIELD_ENCRYPTION_KEY"), env_secret("FIELD_HASH_KEY")
    if required and not (encryption and hashing):
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEY and FIELD_HASH_KEY (or their _FILE variants) must be set in this deployment"
        )
    encryption = encryption or _generated(var_dir / "field_encryption.key")
    hashing = hashing or _generated(var_dir / "field_hash.key")
    return parse_encryption_keys(encryption), decode_key("FIELD_HASH_KEY", hashing)
