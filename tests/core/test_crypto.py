"""core.crypto.decrypt refuses what is not a stored value of ours, and reads back what encrypt wrote."""

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
