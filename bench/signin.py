"""Benchmark: how long a sign-in takes, and how many login pages per second the server delivers.

Prints figures; it is not a test. See bench/README.md.

    .venv/bin/python bench/signin.py                          # 50 sign-ins, then 8 threads x 250 GET requests
    .venv/bin/python bench/signin.py --signins 200 --threads 16 --requests 100 --web-workers 4

(a) Sign-in: POST /accounts/login/ through django.test.Client with the real Argon2 hasher (settings as
    deployed; only the captcha runs in test mode so the bench can answer it), median and p95 over N.
(b) Login page under load: gunicorn on a free loopback port against a fresh SQLite database under
    bench/out/ (migrated + seed_demo), driven by T threads x R requests with http.client (keep-alive
    per thread). Every request is checked for status 200. The server is stopped at the end.
"""

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import warnings
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DATABASE = OUT / "signin.sqlite3"
VAR_DIR = OUT / "signin-var"


def bench_environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "praxis.settings",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "PRAXIS_VAR_DIR": str(VAR_DIR),
        "DEBUG": "false",
        "CAPTCHA_TEST_MODE": "true",
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        # Plain static storage: rendering a page costs the same, and the bench needs no collectstatic.
        "PRAXIS_TESTING": "true",
        "SMS_OUTBOX_VISIBLE": "false",
    }


def configure_django() -> None:
    os.environ.update(bench_environment())
    (VAR_DIR / "static").mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing STATIC_ROOT
    # The captcha is in test mode on purpose (the bench answers it); the warning says so on every start.
    warnings.filterwarnings("ignore", message="CAPTCHA_TEST_MODE is enabled", category=RuntimeWarning)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def reset_database() -> None:
    from django.core.management import call_command

    for suffix in ("", "-wal", "-shm"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=StringIO())


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary(values_ms: list[float]) -> dict[str, float]:
    return {
        "n": len(values_ms),
        "median_ms": round(statistics.median(values_ms), 1),
        "p95_ms": round(percentile(values_ms, 0.95), 1),
        "max_ms": round(max(values_ms), 1),
    }


# --- (a) sign-in ----------------------------------------------------------------------------------


def bench_signin(count: int) -> dict:
    from django.conf import settings
    from django.contrib.auth.hashers import check_password, make_password
    from django.test import Client

    from portal.management.commands.seed_demo import DEMO_PASSWORD

    hasher = settings.PASSWORD_HASHERS[0]
    # Each demo login in turn, by login name, mobile and credit code, so the identifier lookup varies too.
    identifiers = ["ent_a", "13800000012", "hr_jinshui", "zhang", "91410105MA3X7D2K66", "school", "13800000031"]

    # One client for all: a new Client builds a new handler, which loads the middleware again (whitenoise then
    # scans every static file: 0.6 s) — a cost a running server pays once, not per sign-in.
    client = Client()

    def sign_in(identifier: str) -> float:
        client.cookies.clear()
        started = time.perf_counter()
        response = client.post(
            "/accounts/login/",
            {"identifier": identifier, "password": DEMO_PASSWORD, "captcha_0": "bench", "captcha_1": "PASSED"},
        )
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 302:
            raise SystemExit(f"sign-in as {identifier} failed: HTTP {response.status_code}")
        return elapsed

    for identifier in identifiers[:3]:  # warm-up: imports, template loading, first connections
        sign_in(identifier)
    timings = [sign_in(identifiers[index % len(identifiers)]) for index in range(count)]

    encoded = make_password(DEMO_PASSWORD)
    hash_timings = []
    for _ in range(10):
        started = time.perf_counter()
        check_password(DEMO_PASSWORD, encoded)
        hash_timings.append((time.perf_counter() - started) * 1000)
    return {"hasher": hasher, "signin": summary(timings), "password_check_only": summary(hash_timings)}


# --- (b) login page under load --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, process: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited early with code {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                connection.close()
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer within 30 s")


def drive(port: int, threads: int, requests_per_thread: int) -> dict:
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    start_gate = threading.Barrier(threads + 1)

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        own, bad = [], []
        start_gate.wait()
        for _ in range(requests_per_thread):
            started = time.perf_counter()
            try:
                connection.request("GET", "/accounts/login/")
                response = connection.getresponse()
                body = response.read()
                if response.status != 200 or b"captcha" not in body:
                    bad.append(f"HTTP {response.status}")
            except (OSError, http.client.HTTPException) as exc:
                bad.append(repr(exc))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            own.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(own)
            failures.extend(bad)

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    start_gate.wait()
    started = time.perf_counter()
    for thread in workers:
        thread.join()
    wall = time.perf_counter() - started
    total = threads * requests_per_thread
    return {
        "requests": total,
        "threads": threads,
        "failures": len(failures),
        "failure_examples": sorted(set(failures))[:3],
        "wall_s": round(wall, 2),
        "rps": round(total / wall, 1),
        **summary(latencies),
    }


def bench_login_page(threads: int, requests_per_thread: int, web_workers: int, web_threads: int) -> dict:
    port = free_port()
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"), "praxis.wsgi",
        "-b", f"127.0.0.1:{port}",
        "--workers", str(web_workers), "--threads", str(web_threads),
        "--no-control-socket", "--log-level", "warning",
    ]
    log_path = OUT / "signin-gunicorn.log"
    with open(log_path, "w", encoding="utf-8") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=bench_environment(), stdout=log, stderr=log)
        try:
            wait_until_up(port, server)
            drive(port, min(threads, 2), 10)  # warm-up: every worker process imports and renders once
            result = drive(port, threads, requests_per_thread)
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    result.update({"server": f"gunicorn --workers {web_workers} --threads {web_threads}", "database": "SQLite"})
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--signins", type=int, default=50, help="timed sign-ins (default 50)")
    parser.add_argument("--threads", type=int, default=8, help="client threads for the load test (default 8)")
    parser.add_argument("--requests", type=int, default=250, help="requests per client thread (default 250)")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--web-threads", type=int, default=4, help="threads per gunicorn worker (default 4)")
    args = parser.parse_args()
    if min(args.signins, args.threads, args.requests, args.web_workers, args.web_threads) < 1:
        parser.error("all counts must be at least 1")
    if args.threads * args.requests > 100_000:
        parser.error("at most 100,000 requests in one run")

    OUT.mkdir(parents=True, exist_ok=True)
    configure_django()
    print(f"Preparing {DATABASE.relative_to(ROOT)} (migrate + seed_demo)…", flush=True)
    reset_database()

    print(f"\n(a) Sign-in: POST /accounts/login/, {args.signins} times", flush=True)
    signin = bench_signin(args.signins)
    s, h = signin["signin"], signin["password_check_only"]
    print(f"    hasher            {signin['hasher'].rsplit('.', 1)[-1]}")
    print(f"    sign-in           median {s['median_ms']} ms   p95 {s['p95_ms']} ms   max {s['max_ms']} ms")
    print(f"    password check    median {h['median_ms']} ms   p95 {h['p95_ms']} ms   (hash alone, for comparison)")

    total = args.threads * args.requests
    print(f"\n(b) GET /accounts/login/ under load: {args.threads} threads x {args.requests} = {total} requests",
          flush=True)
    load = bench_login_page(args.threads, args.requests, args.web_workers, args.web_threads)
    print(f"    server            {load['server']} on 127.0.0.1, {load['database']}")
    print(f"    throughput        {load['rps']} requests/s   ({load['requests']} in {load['wall_s']} s)")
    print(f"    latency           median {load['median_ms']} ms   p95 {load['p95_ms']} ms   max {load['max_ms']} ms")
    print(f"    failures          {load['failures']} {load['failure_examples'] or ''}")

    result = {"signin": signin, "login_page": load, "python": sys.version.split()[0], "cpus": os.cpu_count()}
    (OUT / "signin.json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nSaved {(OUT / 'signin.json').relative_to(ROOT)}")
    if load["failures"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
