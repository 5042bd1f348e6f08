"""Benchmark: a whole-site load test with Locust against gunicorn + PostgreSQL (issue 12).

Prints figures; it is not a test. See bench/README.md ("load/ — the whole site under Locust").

    .venv/bin/python bench/load/run.py                          # 200 users, 20 a second, 5 minutes
    .venv/bin/python bench/load/run.py --users 20 --time 30s    # a smoke run while developing
    .venv/bin/python bench/load/run.py --reuse                  # keep the database of the last run

1. Creates a fresh PostgreSQL database (`--database`, dropped first), migrates it, collects the static files and
   loads the demo data (seed_demo), as scripts/start does.
2. Builds the plan of pages each demo account opens (bench/out/load-plan.json): its menu (core.navigation, the
   entries the account may see) and, crawled from those pages with django.test.Client, the first link to each
   object page (details, edit forms, confirmations) that answers 200 with HTML; printing, file downloads,
   exports, the task centre's jobs and the API are left out. A menu entry that does not open, or a link
   answering 4xx/5xx, is printed (NOT IN THE PLAN). Anonymous visitors get the public pages crawled from the
   home page, the sign-in and the public post search, whose searches (filters) locustfile.py draws.
3. Starts gunicorn on a free loopback port with the deployed settings (DEBUG off, collected static files, the
   database backend for tasks) and the demo's conveniences of scripts/start: the captcha in test mode so the
   simulated users can sign in, the SMS outbox visible.
4. Runs `locust --headless` (bench/load/locustfile.py) for `--time` with `--users` users, then stops the server
   and prints one row per page (requests, failures, median, p95, max, from Locust's CSV in bench/out/), the
   failures, the CPU seconds of gunicorn and of Locust over the run, and the load average before and during
   the run (1-minute average, sampled every 10 s).
"""

import argparse
import csv
import json
import os
import re
import resource
import signal
import subprocess
import sys
import threading
import time
import warnings
from io import StringIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "bench" / "out"
VAR_DIR = OUT / "load-var"
PLAN = OUT / "load-plan.json"
CSV_PREFIX = OUT / "load"
sys.path.insert(0, str(HERE.parent))  # bench/signin.py's helpers

from signin import free_port, wait_until_up  # noqa: E402

# The accounts of seed_demo each simulated user signs in as (README, 演示账号), by persona: locustfile.py's classes.
ACCOUNTS = {
    "EnterpriseHR": ["ent_a", "ent_b", "ent_a_staff"],
    "SchoolOfficer": ["school"],
    "Student": ["liu"],
    "Reviewer": ["hr_jinshui", "hr_erqi", "hr_city", "hr_province"],
    "EducationBureau": ["edu_city"],
    "Professional": ["pro"],
    "OtherUnit": ["inst", "institute", "ind_city"],
}
# Pages a plan never requests: files and exports measure other things (bench/export_xlsx.py); PDFs have their
# own list in the plan (each account's first link to each kind).
SKIPPED_NAMESPACES = ("printing:", "attachments:", "captcha", "api:", "api_docs", "batch:")
SKIPPED_WORDS = ("download", "export", "template", "pdf", "logout", "sms", "file", "attachment")
HREF = re.compile(r'href="(/[^"#?]*)')


def environment(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "praxis.settings",
        "DATABASE_URL": database_url,
        "PRAXIS_VAR_DIR": str(VAR_DIR),
        "DEBUG": "false",
        # scripts/start's demo conveniences: the simulated users answer the captcha of test mode.
        "CAPTCHA_TEST_MODE": "true",
        "SMS_OUTBOX_VISIBLE": "true",
        "WEBHOOK_ALLOW_LOOPBACK": "true",
    }


def prepare_database(name: str, reuse: bool) -> str:
    url = f"postgres://postgres@127.0.0.1:5432/{name}"
    if not reuse:
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    os.environ.update(environment(url))
    (VAR_DIR / "static").mkdir(parents=True, exist_ok=True)
    warnings.filterwarnings("ignore", message="CAPTCHA_TEST_MODE is enabled", category=RuntimeWarning)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    if not reuse:
        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("seed_demo", stdout=StringIO())
    return url


def skipped(name: str) -> bool:
    return name.startswith(SKIPPED_NAMESPACES) or any(word in name for word in SKIPPED_WORDS)


def is_document(name: str) -> bool:
    # The 打印 views named *_print (备案表, 培训班审核表, 保单清单) answer a PDF too: counted, not crawled as pages.
    return name.startswith("printing:") or "pdf" in name or name.endswith("_print")


def crawl(client, start: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    """`start` and, from each of its pages, the first link to every object page not seen yet; the pages that
    answer 200 with HTML, the first link to each kind of PDF that answers 200 with a PDF, and the ones that
    answered otherwise (a menu entry must open)."""
    from django.urls import Resolver404, resolve

    pages, documents, broken, seen = [], [], [], set()

    def prints(name, path):
        response = client.get(path)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("application/pdf"):
            documents.append((name, path))
        elif response.status_code >= 400:
            broken.append(f"{path} ({name}): HTTP {response.status_code}")

    def opens(name, path, menu=False):
        # A menu entry may lead on to its page (见习基地申请 → the unit's base once it has one): followed, and
        # the plan asks for the page it leads to.
        response = client.get(path, follow=menu)
        if menu and response.redirect_chain:
            path = response.redirect_chain[-1][0]
        if response.status_code != 200:
            # A link that redirects (a message opening its subject) is not a page; a menu entry must open.
            if menu or response.status_code >= 400:
                broken.append(f"{path} ({name}): HTTP {response.status_code}")
            return None
        if "text/html" not in response.get("Content-Type", ""):
            return None
        return path, response.content.decode()

    bodies = []
    for name, path in start:
        seen.add(name)
        opened = opens(name, path, menu=True)
        if opened is not None:
            pages.append((name, opened[0]))
            bodies.append(opened[1])
    # Menu pages lead to object pages; object pages are read for their print buttons only.
    queue = [(body, True) for body in bodies]
    for body, from_menu in queue:  # grows while it is read
        for path in HREF.findall(body):
            try:
                match = resolve(path)
            except Resolver404:
                continue
            name = match.view_name
            if not match.kwargs or name in seen:
                continue
            if is_document(name):
                seen.add(name)
                prints(name, path)
            elif from_menu and not skipped(name):
                seen.add(name)
                detail = opens(name, path)
                if detail is not None:
                    pages.append((name, path))
                    queue.append((detail[1], False))
    return pages, documents, broken


def api_calls(username: str, paths: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """An API key for the account (as its organisation would issue one, every scope, a limit above what the
    simulated users call) and the API's lists (GET paths without parameters) that answer it 200 with JSON."""
    from django.test import Client

    from accounts.models import User
    from api import scopes as scope_registry
    from api import services

    user = User.objects.get(username=username)
    if user.organisation_id is None:
        return "", []
    issuer = user if user.has_perm("api.manage_keys") else user.organisation.members.filter(
        is_org_admin=True, is_active=True).first()
    if issuer is None:
        return "", []
    issued = services.issue_key(actor=issuer, organisation=user.organisation, name=f"压测-{username}",
                                scopes=scope_registry.all_scopes(), rate_per_minute=100_000)
    if issued.key.issued_by_id != user.pk:  # the key acts as the account itself, as a sub-admin's key does
        issued.key.issued_by = user
        issued.key.save(update_fields=["issued_by"])
    client, calls = Client(), []
    for path in paths:
        response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {issued.token}")
        if response.status_code == 200 and response.get("Content-Type", "").startswith("application/json"):
            calls.append((f"API {path}", path))
    return issued.token, calls


def api_list_paths() -> list[str]:
    """The API's GET operations without path parameters, from its OpenAPI schema."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sorted(path for path, operations in schema["paths"].items() if "{" not in path and "get" in operations)


def build_plan() -> dict:
    from django.test import Client
    from django.urls import resolve

    from accounts.models import User
    from core.navigation import navigation_for

    plan, documents, api, broken = {}, {}, {}, []
    list_paths = api_list_paths()
    for username in [username for usernames in ACCOUNTS.values() for username in usernames]:
        user = User.objects.get(username=username)
        client = Client()
        client.force_login(user)
        menu = [("portal:home", "/")]
        # 单位信息 is in the header's account menu, for those who may see it, rather than in the side menu.
        if client.get("/org/profile/").status_code == 200:
            menu.append(("organisations:profile", "/org/profile/"))
        for section in navigation_for(user, "/"):
            for item in section["items"]:
                name = resolve(item["url"]).view_name
                if not skipped(name):
                    menu.append((name, item["url"]))
        pages, documents[username], wrong = crawl(client, menu)
        if ("traineeships:roster", "/traineeships/roster/") in pages:  # the 花名册's 打印 is a form, not a link
            response = client.get("/traineeships/roster/", {"format": "pdf"})
            if response.status_code == 200 and response["Content-Type"].startswith("application/pdf"):
                documents[username].append(("traineeships:roster (PDF)", "/traineeships/roster/?format=pdf"))
        plan[username] = pages
        token, calls = api_calls(username, list_paths)
        api[username] = {"token": token, "calls": calls}
        broken += [f"{username}: {line}" for line in wrong]
    public = [("portal:home", "/"), ("accounts:login", "/accounts/login/"),
              ("traineeships:public_posts", "/traineeships/public/posts/")]
    pages, _documents, wrong = crawl(Client(), public)
    plan[""] = pages
    broken += [f"anonymous: {line}" for line in wrong]
    PLAN.write_text(json.dumps({"accounts": ACCOUNTS, "pages": plan, "documents": documents, "api": api},
                               ensure_ascii=False, indent=1), encoding="utf-8")
    return {"pages": sum(len(pages) for pages in plan.values()),
            "names": len({name for pages in plan.values() for name, _ in pages}),
            "documents": sum(len(found) for found in documents.values()),
            "api": sum(len(entry["calls"]) for entry in api.values()),
            "api_names": len({name for entry in api.values() for name, _ in entry["calls"]}), "broken": broken}


class LoadSampler(threading.Thread):
    """The 1-minute load average every 10 s while Locust runs."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples, self.stopped = [], threading.Event()

    def run(self):
        while not self.stopped.wait(10):
            self.samples.append(os.getloadavg()[0])


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its live children (gunicorn's master and workers)."""
    import psutil  # a dependency of locust

    root = psutil.Process(pid)
    total = 0.0
    for process in [root, *root.children(recursive=True)]:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def run_locust(port: int, args) -> float:
    """Runs Locust to its end; returns the CPU seconds it used (the client shares the machine with the server)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [str(ROOT / ".venv" / "bin" / "locust"), "-f", str(HERE / "locustfile.py"), "--headless",
               "-u", str(args.users), "-r", str(args.spawn_rate), "-t", args.time, "--host",
               f"http://127.0.0.1:{port}", "--csv", str(CSV_PREFIX), "--only-summary", "--stop-timeout", "10"]
    with open(OUT / "load-locust.log", "w", encoding="utf-8") as log:
        subprocess.run(command, cwd=ROOT, env={**os.environ, "LOAD_PLAN": str(PLAN)}, stdout=log, stderr=log)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def report(args, plan_summary, load_before, sampler, cpu) -> None:
    with open(f"{CSV_PREFIX}_stats.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    print(f"\n{args.users} users (spawn {args.spawn_rate}/s), {args.time}; gunicorn {args.web_workers} workers × "
          f"{args.web_threads} threads; PostgreSQL; {os.cpu_count()} cores; plan: {plan_summary['pages']} pages "
          f"({plan_summary['names']} URL names), {plan_summary['documents']} PDFs, {plan_summary['api']} API calls "
          f"({plan_summary['api_names']} lists)")
    print(f"{'page':<52} {'requests':>9} {'failures':>9} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for row in sorted(rows, key=lambda row: (row["Name"] == "Aggregated", row["Name"])):
        print(f"{row['Type'] + ' ' + row['Name'] if row['Type'] else row['Name']:<52} {row['Request Count']:>9} "
              f"{row['Failure Count']:>9} {row['50%']:>10} {row['95%']:>8} {float(row['Max Response Time']):>8.0f}")
    failures_path = Path(f"{CSV_PREFIX}_failures.csv")
    if failures_path.exists():
        with open(failures_path, encoding="utf-8") as handle:
            failures = list(csv.DictReader(handle))
        for failure in failures[:20]:
            print(f"FAILURE {failure['Method']} {failure['Name']}: {failure['Error']} ×{failure['Occurrences']}")
    during = sampler.samples or [os.getloadavg()[0]]
    print(f"CPU seconds over {cpu['wall_s']:.0f} s of wall clock: gunicorn (master and workers) "
          f"{cpu['server_s']:.0f} ({cpu['server_s'] / cpu['wall_s']:.2f} cores), Locust {cpu['locust_s']:.0f} "
          f"({cpu['locust_s'] / cpu['wall_s']:.2f} cores); PostgreSQL's backends are not counted")
    print(f"load average (1 min): before {load_before:.2f}; during mean {sum(during) / len(during):.2f}, "
          f"max {max(during):.2f} ({len(during)} samples); after {os.getloadavg()[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="praxis_bench_load", help="PostgreSQL database (dropped first)")
    parser.add_argument("--reuse", action="store_true", help="keep the last run's database (no seed)")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=int, default=20)
    parser.add_argument("--time", default="5m")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--web-threads", type=int, default=4)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    prepare_database(args.database, args.reuse)
    plan_summary = build_plan()
    for line in plan_summary["broken"]:
        print(f"NOT IN THE PLAN (did not open while crawling): {line}")
    port = free_port()
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "praxis.wsgi", "-b", f"127.0.0.1:{port}",
               "--workers", str(args.web_workers), "--threads", str(args.web_threads), "--no-control-socket",
               "--log-level", "warning"]
    load_before = os.getloadavg()[0]
    sampler = LoadSampler()
    with open(OUT / "load-gunicorn.log", "w", encoding="utf-8") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=dict(os.environ), stdout=log, stderr=log)
        try:
            wait_until_up(port, server)
            sampler.start()
            server_before, started = tree_cpu_seconds(server.pid), time.monotonic()
            locust_s = run_locust(port, args)
            cpu = {"wall_s": time.monotonic() - started, "locust_s": locust_s,
                   "server_s": tree_cpu_seconds(server.pid) - server_before}
        finally:
            sampler.stopped.set()
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    report(args, plan_summary, load_before, sampler, cpu)


if __name__ == "__main__":
    main()
