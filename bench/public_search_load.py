"""Benchmark: the public post search under gunicorn against /healthz, in one run (requests per second, ratio).

Prints figures; it is not a test. See bench/README.md. Run bench/public_posts.py first (it fills the database).

    .venv/bin/python bench/public_search_load.py                   # SQLite file of bench/public_posts.py
    .venv/bin/python bench/public_search_load.py --database-url postgres://postgres@127.0.0.1:5432/praxis_bench_posts

gunicorn (2 workers × 4 threads by default) on a free loopback port; T client threads send R requests each,
first to /healthz (the floor: Django's stack and nothing else; --healthz-factor times as many requests as the
searches, 5 by default — with as many, a turn of /healthz lasted 0.1–0.2 s and one pause of the machine could
halve its figure), then to the public list with the filters of
bench/public_posts.py drawn at random (no filter, city, city+county, keyword, city+keyword, page 50 of a city).
Every answer must be 200. The settings as deployed (whitenoise's manifest storage; collectstatic once, see
public_posts.configure_django). Several servers side by side in one run, each warmed with 50 requests of each kind:
this tree; with --compare-rev REV also that git revision (its files extracted under bench/out, served with this
virtualenv, same database; --compare-env gives it environment variables); with --cache-off also this tree with
the results cache off (PUBLIC_POSTS_CACHE_SECONDS=0); with --variant, this tree with other environment variables.
A server with CACHE_URL (a Redis database of the bench's own: it is emptied first) also gets its hit rate
printed, from the server's keyspace hits (so nothing else should use that Redis server during the run). The
requests are split into --rounds turns and the servers take turns, so that a change in the machine's load falls
on all of them alike; the ratios of one run are the figures to compare.

    .venv/bin/python bench/public_search_load.py --compare-rev main --cache-off
    .venv/bin/python bench/public_search_load.py --compare-rev main --variant 'redis:CACHE_URL=redis://127.0.0.1:6379/14'
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
import redis
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
    return {"requests": len(paths), "wall_s": wall, "rps": round(len(paths) / wall, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--requests", type=int, default=1500, help="requests per kind (healthz, search) and server")
    parser.add_argument("--rounds", type=int, default=5, help="the requests of each kind split into this many turns")
    parser.add_argument("--healthz-factor", type=int, default=5,
                        help="/healthz requests per search request (its turns last long enough to be steady)")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--web-threads", type=int, default=4)
    parser.add_argument("--compare-rev", default=None, help="also serve this git revision (e.g. main), side by side")
    parser.add_argument("--compare-env", default="", metavar="NAME=VALUE[,NAME=VALUE]",
                        help="environment variables of the --compare-rev server (e.g. its own Redis database)")
    parser.add_argument("--cache-off", action="store_true", help="also serve this tree with the results cache off")
    parser.add_argument("--variant", action="append", default=[], metavar="LABEL:NAME=VALUE[,NAME=VALUE]",
                        help="also serve this tree with these environment variables ('file:CACHE_BACKEND=file')")
    args = parser.parse_args()
    public_posts.configure_django(args.database_url, deployed=True)
    rng = random.Random(11)
    kinds = {name: make for name, make in public_posts.scenarios(rng).items()
             if name.startswith("list") and not name.endswith("(before)")}
    search_paths = []
    for _ in range(args.requests):
        url, params = rng.choice(list(kinds.values()))()
        search_paths.append(f"{url}?{urlencode(params)}" if params else url)
    servers = {}
    if args.compare_rev:
        servers[args.compare_rev] = (checkout(args.compare_rev),
                                     dict(pair.split("=", 1) for pair in args.compare_env.split(",") if pair))
    servers["this tree"] = (ROOT, {})
    if args.cache_off:
        servers["this tree, cache off"] = (ROOT, {"PUBLIC_POSTS_CACHE_SECONDS": "0"})
    for variant in args.variant:
        label, _, assignments = variant.partition(":")
        servers[f"this tree, {label}"] = (ROOT, dict(pair.split("=", 1) for pair in assignments.split(",")))
    for _directory, env in servers.values():
        if env.get("CACHE_URL"):
            # Results kept 300 s would otherwise be there from an earlier run: that database is the bench's own.
            redis.Redis.from_url(env["CACHE_URL"]).flushdb()
    load_before = os.getloadavg()[0]
    totals, hits = run_side_by_side(servers, search_paths, args)
    from django.db import connection

    print(f"{connection.vendor}; settings as deployed; gunicorn {args.web_workers} workers × {args.web_threads} "
          f"threads; {args.threads} client threads; {len(set(search_paths))} distinct searches in "
          f"{len(search_paths)}; {args.rounds} rounds, servers taking turns; "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    for name, (health, search) in totals.items():
        health_rps, search_rps = health[0] / health[1], search[0] / search[1]
        print(f"{name:<22} /healthz {health_rps:8.1f} requests/s ({health[0]} in {health[1]:.2f} s)"
              f"   public search {search_rps:8.1f} requests/s ({search[0]} in {search[1]:.2f} s)"
              f"   search / healthz {search_rps / health_rps:.1%}")
    for name, (found, searches) in hits.items():
        print(f"{name}: {found / searches:.0%} of its searches answered from the cache ({found} of {searches}; "
              f"Redis's keyspace hits less one version read per search)")


def checkout(revision: str) -> Path:
    """The files of a git revision under bench/out (git archive, no worktree), to serve it with this virtualenv."""
    commit = subprocess.run(["git", "rev-parse", "--short", revision], cwd=ROOT, check=True, capture_output=True,
                            text=True).stdout.strip()
    target = public_posts.OUT / f"rev-{commit}"
    if not target.exists():
        target.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def run_side_by_side(servers, search_paths, args) -> dict:
    """Every server up at once (each on its own port); in each round each server in turn gets its share of
    /healthz, then of the searches, so that the machine's load, which moves from second to second, falls on all of
    them alike. Returns (requests, seconds) of each kind per server."""
    running, totals, hits = {}, {}, {}
    log_path = public_posts.OUT / "public-search-gunicorn.log"
    try:
        with open(log_path, "a", encoding="utf-8") as log:
            for name, (directory, env) in servers.items():
                port = free_port()
                command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "praxis.wsgi", "-b", f"127.0.0.1:{port}",
                           "--workers", str(args.web_workers), "--threads", str(args.web_threads),
                           "--no-control-socket", "--log-level", "warning"]
                running[name] = (port, subprocess.Popen(command, cwd=directory, env={**os.environ, **env},
                                                        stdout=log, stderr=log))
            for port, server in running.values():
                wait_until_up(port, server, timeout=120)  # several servers start at once on a loaded machine
                # Warm-up: every worker imports and renders (and, with the cache on, keeps these 50 searches).
                drive(port, ["/healthz"] * 50 + search_paths[:50], 2)
            size = -(-len(search_paths) // args.rounds)
            for start in range(0, len(search_paths), size):
                for name, (port, _server) in running.items():
                    health = drive(port, ["/healthz"] * (args.healthz_factor * len(search_paths[start:start + size])),
                                   args.threads)
                    url = servers[name][1].get("CACHE_URL")
                    before = redis.Redis.from_url(url).info("stats")["keyspace_hits"] if url else 0
                    search = drive(port, search_paths[start:start + size], args.threads)
                    if url:
                        # Each search reads the version (a hit) and then its results (a hit, or a miss then a set).
                        found = redis.Redis.from_url(url).info("stats")["keyspace_hits"] - before - search["requests"]
                        done, searches = hits.get(name, (0, 0))
                        hits[name] = (done + found, searches + search["requests"])
                    previous = totals.get(name, ((0, 0.0), (0, 0.0)))
                    totals[name] = tuple((done + result["requests"], seconds + result["wall_s"])
                                         for (done, seconds), result in zip(previous, (health, search)))
    finally:
        for _port, server in running.values():
            server.send_signal(signal.SIGTERM)
        for _port, server in running.values():
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return totals, hits


if __name__ == "__main__":
    main()
