"""The password hasher: Argon2id at the recommended minimum (OWASP Password Storage Cheat Sheet: 19 MiB of
memory, 2 passes, 1 lane). Django's defaults (100 MiB, 8 lanes) cost about 130 ms a check on a 2-core server and
hold a core for each parallel sign-in, for no protection a single lane of 19 MiB does not give.

The algorithm name stays "argon2", so hashes made with other parameters still verify, and Django re-hashes them
with these at the next successful sign-in (Argon2PasswordHasher.must_update compares the parameters)."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class RecommendedArgon2Hasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
