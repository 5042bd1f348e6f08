"""core.crypto.decrypt refuses what is not a stored value of ours, and reads back what encrypt wrote."""

import hashlib
import hmac

import pytest
from django.core.exceptions import ImproperlyConfigured

from core import crypto


def test_round_trip():
    stored = crypto.encrypt("410105199003071234")
    assert crypto.is_ciphertext(stored)
    assert crypto.decrypt(stored) == "410105199003071234"


@pytest.mark.parametrize("stored", ["", "plain text", "$abc", "k" * 17 + "$abc", "ke y$abc", "key$", "键$abc"])
def test_not_an_encrypted_value(stored):
    assert not crypto.is_ciphertext(stored)
    with pytest.raises(ValueError, match="not an encrypted value"):
        crypto.decrypt(stored)


def test_a_damaged_value_or_an_unknown_key_is_a_configuration_error():
    key_id, body = crypto.encrypt("13800001111").split("$")
    with pytest.raises(ImproperlyConfigured, match="does not hold"):
        crypto.decrypt(f"unknownkey${body}")
    with pytest.raises(ImproperlyConfigured, match="does not decrypt"):
        crypto.decrypt(f"{key_id}${body[:-4]}AAAA")
    with pytest.raises(ImproperlyConfigured, match="does not decrypt"):
        crypto.decrypt(f"{key_id}${body[:10]}!{body[10:]}")


@pytest.mark.parametrize("key", [b"k" * 16, bytes(range(32)), bytes(range(64)), bytes(range(100))])
def test_the_keyed_hash_is_hmac_sha256_of_the_kind_and_the_normalised_value(settings, key):
    settings.FIELD_HASH_KEY = key
    for kind, value, normalised in [
        (crypto.ID_NUMBER, "41010519900307123x", "41010519900307123X"),
        (crypto.ID_NUMBER, " 410105 19900307\u3000123X\n", "41010519900307123X"),
        (crypto.MOBILE, "13812345678", "13812345678"),
        (crypto.BANK_ACCOUNT, "6222 0200-1234", "62220200-1234".replace("-", "")),
    ]:
        expected = hmac.new(key, f"{kind}:{normalised}".encode(), hashlib.sha256).hexdigest()
        assert crypto.keyed_hash(kind, value) == expected


@pytest.mark.parametrize("value", [None, "", " \u3000\t"])
def test_no_keyed_hash_for_an_empty_value(value):
    assert crypto.keyed_hash(crypto.ID_NUMBER, value) is None
