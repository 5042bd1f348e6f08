"""The deployed hasher: Argon2id at 19 MiB, 2 passes, 1 lane; an older Argon2 hash still signs in and is
re-hashed with these parameters (the tests elsewhere use MD5 for speed, so these set the deployed list)."""

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, identify_hasher, make_password

from accounts import services
from tests import factories

pytestmark = pytest.mark.django_db
DEPLOYED = ["accounts.hashers.RecommendedArgon2Hasher", "django.contrib.auth.hashers.PBKDF2PasswordHasher"]


def test_new_passwords_use_the_recommended_minimum(settings):
    settings.PASSWORD_HASHERS = DEPLOYED
    encoded = make_password("Sample#pass1")
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert identify_hasher(encoded).algorithm == "argon2"


def test_an_older_argon2_hash_signs_in_and_is_upgraded(settings):
    settings.PASSWORD_HASHERS = DEPLOYED
    person = factories.individual(username="older")
    person.password = Argon2PasswordHasher().encode("Sample#pass1", Argon2PasswordHasher().salt())
    person.save(update_fields=["password"])
    assert person.password.startswith("argon2$argon2id$v=19$m=102400,t=2,p=8$")
    result = services.sign_in(identifier="older", password="Sample#pass1", client_ip="10.0.0.1")
    assert result.succeeded
    person.refresh_from_db()
    assert person.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert services.sign_in(identifier="older", password="Sample#pass1", client_ip="10.0.0.1").succeeded
