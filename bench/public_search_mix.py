"""Benchmark: the CPU of public_search_load.py's 1,500 mixed searches, in-process, split by kind, hit or miss.

Prints figures; it is not a test. See bench/README.md. Run bench/public_posts.py first (it fills the database).

    .venv/bin/python bench/public_search_mix.py                                   # each process's own memory
    .venv/bin/python bench/public_search_mix.py --cache-url redis://127.0.0.1:6379/12
    .venv/bin/python bench/public_search_mix.py --profile 'city+q miss'          # where that kind's time goes

The same searches as public_search_load.py (same seed), each through Django's WSGI handler in this process (the
whole middleware stack, no HTTP server and no client), with the settings as deployed. Before them, 7,500 /healthz
requests give the floor. Prints the CPU time (of the whole process: a shared cache's client is counted, its
server is not) per /healthz and per search, their ratio, and for each kind of search (its filters, and whether
its query string was asked before: a hit, or the first ask: a miss) the count, mean and median, and its share of
all the searches' CPU. The gunicorn figure of public_search_load.py adds the server's and the client's per-request
work to both sides; this one shows what the search itself costs and which kinds to make cheaper.
"""

import argparse
import cProfile
import io
import os
import pstats
import random
import statistics
import time
from urllib.parse import parse_qsl, urlencode

import public_posts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--cache-url", default="", help="CACHE_URL of the run (a Redis database it may empty)")
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--profile", default="", metavar="KIND", help="profile this kind, e.g. 'city+q miss'")
    args = parser.parse_args()
    if args.cache_url:
        os.environ["CACHE_URL"] = args.cache_url
    public_posts.configure_django(args.database_url, deployed=True)
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler

    cache.clear()
    app = WSGIHandler()

    def get(path: str, query: str = "") -> str:
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1",
                   "SERVER_PORT": "8000", "wsgi.input": io.BytesIO(b""), "wsgi.url_scheme": "http",
                   "HTTP_HOST": "127.0.0.1", "REMOTE_ADDR": "127.0.0.1"}
        status = []
        b"".join(app(environ, lambda line, _headers, _exc=None: status.append(line)))
        return status[0]

    rng = random.Random(11)
    kinds = [make for name, make in public_posts.scenarios(rng).items()
             if name.startswith("list") and not name.endswith("(before)")]
    searches = []
    for _ in range(args.requests):
        url, params = rng.choice(kinds)()
        searches.append((url, urlencode(params)))
    warm = searches[:50]  # as public_search_load.py warms each server
    for url, query in warm:
        get(url, query)
    for _ in range(50):
        get("/healthz")
    started = time.process_time()
    for _ in range(7500):
        get("/healthz")
    healthz = (time.process_time() - started) / 7500
    profile = cProfile.Profile() if args.profile else None
    seen, spent = set(warm), {}
    for url, query in searches:
        kind = ("+".join(name for name, _value in parse_qsl(query)) or "no filter") + (
            " hit" if (url, query) in seen else " miss")
        seen.add((url, query))
        if profile and kind == args.profile:
            profile.enable()
        started = time.process_time()
        status = get(url, query)
        spent.setdefault(kind, []).append(time.process_time() - started)
        if profile and kind == args.profile:
            profile.disable()
        assert status.startswith("200"), (url, query, status)
    total = sum(sum(values) for values in spent.values())
    search = total / len(searches)
    print(f"load average {os.getloadavg()[0]:.1f}; cache {args.cache_url or 'local memory'}")
    print(f"/healthz {healthz * 1000:.3f} ms CPU per request; search {search * 1000:.3f} ms; "
          f"search / healthz {healthz / search * 100:.1f} %")
    for kind, values in sorted(spent.items()):
        print(f"  {kind:<22} n={len(values):5d}  mean {statistics.fmean(values) * 1000:6.2f} ms  median "
              f"{statistics.median(values) * 1000:6.2f} ms  share {sum(values) / total * 100:5.1f} %")
    if profile:
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).sort_stats(os.environ.get("BENCH_SORT", "cumtime"))
        stats.print_stats(50)
        if os.environ.get("BENCH_CALLEES"):  # a regular expression of functions whose callees to list
            stats.print_callees(os.environ["BENCH_CALLEES"])
        print(out.getvalue())


if __name__ == "__main__":
    main()
