"""The codes the platform issues to organisations: the platform's unique code (平台唯一代码, manual 000
§2.1) and the one-time activation code a recommender hands to the unit."""

import secrets

from organisations.models import Organisation

# No 0/O, 1/I/L: the code is read aloud over the phone and copied from paper.
ACTIVATION_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ACTIVATION_CODE_LENGTH = 8
PLATFORM_CODE_PREFIX = "U"
PLATFORM_CODE_DIGITS = 10


def new_activation_code() -> str:
    return "".join(secrets.choice(ACTIVATION_ALPHABET) for _ in range(ACTIVATION_CODE_LENGTH))


def normalise_activation_code(value: str) -> str:
    return "".join((value or "").split()).upper()


def new_platform_code() -> str:
    """A platform code no organisation has yet. The unique constraint still guards the rare race."""
    while True:
        code = f"{PLATFORM_CODE_PREFIX}{secrets.randbelow(10**PLATFORM_CODE_DIGITS):0{PLATFORM_CODE_DIGITS}d}"
        if not Organisation.objects.filter(platform_code=code).exists():
            return code
