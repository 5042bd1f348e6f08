"""Benchmark: the public post search under gunicorn against /healthz, in one run (requests per second, ratio).

Prints figures; it is not a test. See bench/README.md. Run bench/public_posts.py first (it fills the database).

    .venv/bin/python bench/public_search_load.py                   # SQLite file of bench/public_posts.py
    .venv/bin/python bench/public_search_load.py --database-url postgres://postgres@127.0.0.1:5432/praxis_bench_posts

gunicorn (2 workers × 4 threads by default) on a free loopback port; T client threads send R requests each,
first to /healthz (the floor: Django's stack and nothing else), then to the public list with the filters of
bench/public_posts.py drawn at random (no filter, city, city+county, keyword, city+keyword, page 50 of a city).
Every answer must be 200. Two servers one after the other in the same run: with the public results cache off
(PUBLIC_POSTS_CACHE_SECONDS=0) and as configured (traineeships/public_cache.py); the server is fresh each time,
warmed with 50 requests of each kind.
"""

import argparse
import http.client
import os
import random
import signal
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import public_posts
from signin import free_port, wait_until_up

ROOT = Path(__file__).resolve().parent.parent


def drive(port: int, paths: list[str], threads: int) -> dict:
    """Each thread sends its share of `paths` over one keep-alive connection."""
    failures, lock = [], threading.Lock()
    gate = threading.Barrier(threads + 1)

    def worker(own_paths):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        gate.wait()
        for path in own_paths:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                with lock:
                    failures.append(f"{path}: HTTP {response.status}")
        connection.close()

    workers = [threading.Thread(target=worker, args=(paths[index::threads],)) for index in range(threads)]
    for thread in workers:
        thread.start()
    gate.wait()
    started = time.perf_counter()
    for thread in workers:
        thread.join()
    wall = time.perf_counter() - started
    if failures:
        raise SystemExit(f"{len(failures)} failures, e.g. {failures[:3]}")
    return {"requests": len(paths), "wall_s": round(wall, 2), "rps": round(len(paths) / wall, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--requests", type=int, default=1500, help="requests per kind (healthz, search)")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--web-threads", type=int, default=4)
    args = parser.parse_args()
    public_posts.configure_django(args.database_url)
    rng = random.Random(11)
    kinds = {name: make for name, make in public_posts.scenarios(rng).items()
             if name.startswith("list") and not name.endswith("(before)")}
    search_paths = []
    for _ in range(args.requests):
        url, params = rng.choice(list(kinds.values()))()
        search_paths.append(f"{url}?{urlencode(params)}" if params else url)
    port = free_port()
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "praxis.wsgi", "-b", f"127.0.0.1:{port}",
               "--workers", str(args.web_workers), "--threads", str(args.web_threads),
               "--no-control-socket", "--log-level", "warning"]
    # Two servers in one run: the results cache off (PUBLIC_POSTS_CACHE_SECONDS=0), then as configured.
    runs = {"cache off": serve_and_drive(command, port, search_paths, args, {"PUBLIC_POSTS_CACHE_SECONDS": "0"}),
            "cache on": serve_and_drive(command, port, search_paths, args, {})}
    from django.db import connection

    print(f"{connection.vendor}; gunicorn {args.web_workers} workers × {args.web_threads} threads; "
          f"{args.threads} client threads; {len(set(search_paths))} distinct searches in {len(search_paths)}; "
          f"load average {os.getloadavg()[0]:.1f}")
    for name, (health, search) in runs.items():
        print(f"{name}: /healthz {health['rps']:8.1f} requests/s ({health['requests']} in {health['wall_s']} s)"
              f"   public search {search['rps']:8.1f} requests/s ({search['requests']} in {search['wall_s']} s)"
              f"   search / healthz {search['rps'] / health['rps']:.0%}")


def serve_and_drive(command, port, search_paths, args, env) -> tuple[dict, dict]:
    log_path = public_posts.OUT / "public-search-gunicorn.log"
    with open(log_path, "a", encoding="utf-8") as log:
        server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=log)
        try:
            wait_until_up(port, server)
            # Warm-up: every worker imports and renders (and, with the cache on, keeps these 50 searches).
            drive(port, ["/healthz"] * 50 + search_paths[:50], 2)
            health = drive(port, ["/healthz"] * args.requests, args.threads)
            search = drive(port, search_paths, args.threads)
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return health, search


if __name__ == "__main__":
    main()
