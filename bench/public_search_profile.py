"""Benchmark: what one public search costs in-process, against /healthz, on the settings as deployed.

Prints figures; it is not a test. See bench/README.md. Run bench/public_posts.py first (it fills the database).

    .venv/bin/python bench/public_search_profile.py                 # SQLite file of bench/public_posts.py
    .venv/bin/python bench/public_search_profile.py --profile       # and the functions that cost most
    .venv/bin/python bench/public_search_profile.py --database-url postgres://postgres@127.0.0.1:5432/praxis_bench_posts

Through django.test.Client (the whole Django stack, middleware included) with the static storage of a
deployment (whitenoise's manifest: collectstatic once into bench/out/public-posts-deployed-var), three kinds of
request, each R times, interleaved in rounds so that the machine's load falls on all three alike:
/healthz; the public list with the filters of bench/public_posts.py, every answer rendered (the results cache
off); the same searches answered from the results cache (each one asked once before it is timed). Prints the
median and mean in ms per request, wall clock and CPU time of the thread (the steadier figure on a shared
machine), and with --profile the top functions of each kind by own time.
"""

import argparse
import cProfile
import io
import os
import pstats
import random
import statistics
import time
from urllib.parse import urlencode

import public_posts


def search_paths(count: int, seed: int = 11) -> list[str]:
    """The mixed searches of public_search_load.py: the list page types of public_posts.py, drawn at random."""
    rng = random.Random(seed)
    kinds = [make for name, make in public_posts.scenarios(rng).items()
             if name.startswith("list") and not name.endswith("(before)")]
    paths = []
    for _ in range(count):
        url, params = rng.choice(kinds)()
        paths.append(f"{url}?{urlencode(params)}" if params else url)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--requests", type=int, default=300, help="requests per kind")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print the top functions of each kind")
    args = parser.parse_args()
    public_posts.configure_django(args.database_url, deployed=True)
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import override_settings

    paths = search_paths(args.requests)
    client = Client()
    for path in ["/healthz"] * 20 + paths[:20]:
        assert client.get(path).status_code == 200

    def uncached(path):
        with override_settings(PUBLIC_POSTS_CACHE_SECONDS=0):
            return client.get(path)

    # (paths, how to ask, whether each path is asked once untimed first: the timed request is then a hit)
    kinds = {"/healthz": (["/healthz"] * args.requests, client.get, False),
             "search, rendered": (paths, uncached, False),
             "search, from the results cache": (paths, client.get, True)}
    timings = {name: [] for name in kinds}
    # CPU time of this thread besides the wall clock: on a machine shared with other work, waiting for a core
    # inflates the wall clock and not the CPU time (SQLite runs in this thread, so its work is counted).
    cpu_timings = {name: [] for name in kinds}
    profiles = {name: cProfile.Profile() for name in kinds}
    size = -(-args.requests // args.rounds)
    for round_start in range(0, args.requests, size):
        for name, (own_paths, get, primed) in kinds.items():
            cache.clear()
            for path in own_paths[round_start:round_start + size]:
                if primed:
                    client.get(path)
                if args.profile:
                    profiles[name].enable()
                started, cpu_started = time.perf_counter(), time.thread_time()
                response = get(path)
                elapsed, cpu = time.perf_counter() - started, time.thread_time() - cpu_started
                if args.profile:
                    profiles[name].disable()
                assert response.status_code == 200, (path, response.status_code)
                timings[name].append(elapsed * 1000)
                cpu_timings[name].append(cpu * 1000)
    from django.db import connection

    print(f"{connection.vendor}; settings as deployed; {args.requests} requests per kind in {args.rounds} rounds;"
          f" load average {os.getloadavg()[0]:.1f}" + (" (under cProfile: slower)" if args.profile else ""))
    for name, values in timings.items():
        cpu = cpu_timings[name]
        print(f"{name:<32} wall median {statistics.median(values):6.2f} ms  mean {statistics.fmean(values):6.2f} ms"
              f"   CPU median {statistics.median(cpu):6.2f} ms  mean {statistics.fmean(cpu):6.2f} ms")
    if args.profile:
        for name, profile in profiles.items():
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(30)
            print(f"\n===== {name}: by own time\n" + out.getvalue())


if __name__ == "__main__":
    main()
