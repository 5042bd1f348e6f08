"""Benchmark: the main list pages with 100,000 rows of their main table (the audit log with 1,000,000).

Prints figures; it is not a test. See bench/README.md.

    .venv/bin/python bench/lists.py                       # SQLite file bench/out/lists.sqlite3
    .venv/bin/python bench/lists.py --database-url postgres://postgres@127.0.0.1:5432/praxis_bench_lists
    .venv/bin/python bench/lists.py --rows 20000 --audit-rows 200000 --requests 30

1. Migrates the database, runs seed_demo and fills it once (a later run reuses the rows; --fresh starts over):
   `--rows` review steps waiting for 金水区 (hr_jinshui), batch jobs of ent_a, staff members of ent_a,
   traineeship placements of ent_a (each with its own trainee and application), and `--audit-rows` audit entries
   (a tenth of them by ent_a's organisation). Rows are written with bulk_create: the bench measures reading.
2. Times `--requests` GETs per page through django.test.Client as the list's real persona (the whole stack:
   middleware, view, queries, template) after 5 warm-up requests: the first page, a filtered or searched page and
   a deep page. Every answer must be 200. Prints the median and p95 in ms and the queries of one request;
   writes the same to bench/out/lists-<vendor>.json.
"""

import argparse
import datetime
import decimal
import json
import os
import random
import statistics
import sys
import time
import warnings
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
NAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ("伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "军", "杰", "娟", "涛", "明", "超", "霞")
ACTIONS = ("staff.create", "staff.update", "staff.delete", "auth.login", "review.decide", "batch.import",
           "organisation.update", "attachment.upload")
BATCH = 5000


def configure_django(database_url: str | None) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    var_dir = OUT / "lists-var"
    (var_dir / "static").mkdir(parents=True, exist_ok=True)
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "praxis.settings",
        "DATABASE_URL": database_url or f"sqlite:///{OUT / 'lists.sqlite3'}",
        "PRAXIS_VAR_DIR": str(var_dir),
        "DEBUG": "false",
        "PRAXIS_TESTING": "true",  # plain static storage: no collectstatic needed, rendering costs the same
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
    })
    warnings.filterwarnings("ignore", message="No directory at")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def chunked_create(model, rows) -> int:
    """bulk_create `rows` (an iterable) BATCH at a time; returns how many."""
    batch, total = [], 0
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            model.objects.bulk_create(batch)
            total += len(batch)
            batch = []
    model.objects.bulk_create(batch)
    return total + len(batch)


def name(rng, index) -> str:
    return f"{rng.choice(NAMES)}{rng.choice(GIVEN)}{index}"


def fill_reviews(rows, rng, now):
    from django.contrib.contenttypes.models import ContentType

    from accounts.models import User
    from core.search import tokens_for
    from reviews.models import Review, ReviewerLevel, ReviewStatus, ReviewStep, StepStatus
    from reviews.rules import decidable_kinds

    reviewer, unit = User.objects.get(username="hr_jinshui"), User.objects.get(username="ent_a")
    office = reviewer.organisation
    kinds = decidable_kinds(reviewer)
    subject_type = ContentType.objects.get_for_model(User)  # the inbox lists reviews; it never loads subjects
    chunked_create(Review, (
        Review(kind=kinds[index % len(kinds)], subject_type=subject_type, subject_id=10_000_000 + index,
               title=f"基准审核事项{index}", submitter_org=unit.organisation, submitted_by=unit, region=office.region,
               status=ReviewStatus.PENDING, submitted_at=now - datetime.timedelta(seconds=index * 37),
               search_text=tokens_for(f"基准审核事项{index}", unit.organisation.name, unit.real_name))  # no save()
        for index in range(rows)))
    review_ids = Review.objects.filter(title__startswith="基准审核事项").values_list("pk", flat=True).iterator()
    chunked_create(ReviewStep, (
        ReviewStep(review_id=review_id, position=1, level=ReviewerLevel.COUNTY, authority=office.authority,
                   region_id=office.region_id, status=StepStatus.PENDING)
        for review_id in review_ids))


def fill_jobs(rows, rng, now):
    from accounts.models import User
    from batch.models import BatchJob, JobKind, JobStatus

    owner = User.objects.get(username="ent_a")
    chunked_create(BatchJob, (
        BatchJob(kind=rng.choice(JobKind.values), spec="staff", status=JobStatus.SUCCEEDED, owner=owner,
                 organisation=owner.organisation, params={}, source_name=f"人员{index}.xlsx", total_rows=100,
                 processed_rows=100, created_rows=100, created_at=now - datetime.timedelta(seconds=index * 61),
                 finished_at=now - datetime.timedelta(seconds=index * 61 - 5))
        for index in range(rows)))


def fill_staff(rows, rng, now):
    from accounts.models import User
    from core.identifiers import id_check_char
    from organisations.models import Education, Gender, StaffMember

    organisation = User.objects.get(username="ent_a").organisation

    def member(index):
        birth = datetime.date(1970, 1, 1) + datetime.timedelta(days=index // 1000)
        first17 = f"410105{birth:%Y%m%d}{index % 1000:03d}"
        return StaffMember(
            organisation=organisation, name=f"基准{name(rng, index)}", id_number=first17 + id_check_char(first17),
            gender=rng.choice(Gender.values), birth_date=birth, mobile=f"139{index:08d}",
            department_name=rng.choice(["技术部", "财务部", "人事部"]), job_title=rng.choice(["工程师", "会计", ""]),
            hired_on=birth + datetime.timedelta(days=8000), monthly_wage=decimal.Decimal(rng.randint(2000, 20000)),
            education=rng.choice(Education.values), title_series="工程技术")

    chunked_create(StaffMember, (member(index) for index in range(rows)))


def fill_placements(rows, rng, now):
    from accounts.models import User, UserKind
    from core.search import tokens_for
    from traineeships.models import (
        Application,
        ApplicationStatus,
        BaseLevel,
        BaseStatus,
        Education,
        Placement,
        PlacementStatus,
        Post,
        PostStatus,
        TraineeshipBase,
    )

    unit = User.objects.get(username="ent_a")
    organisation = unit.organisation
    # seed_demo gives ent_a an approved base (one per organisation): the bench's posts go on it.
    base = TraineeshipBase.objects.filter(organisation=organisation).first() or TraineeshipBase.objects.create(
        organisation=organisation, level=BaseLevel.COUNTY, status=BaseStatus.APPROVED, approved_at=now)
    region = organisation.region
    posts = Post.objects.bulk_create([
        Post(base=base, unit_name=organisation.name, title=f"基准见习岗位{number}", places=rows // 20 + 1,
             majors="不限",
             education=Education.values[0], work_region=region, city_code=region.city_code,
             province_code=region.province_code, address="人民路1号", monthly_allowance=2200, period_months=6,
             description="基准", contact_person="李红", contact_phone="13800001111", status=PostStatus.PUBLISHED,
             created_by=unit, published_at=now)
        for number in range(20)])
    chunked_create(User, (User(username=f"bench_trainee{index}", real_name=name(rng, index),
                               kind=UserKind.INDIVIDUAL, password="!") for index in range(rows)))
    people = User.objects.filter(username__startswith="bench_trainee").order_by("pk").values_list("pk", flat=True)
    chunked_create(Application, (
        Application(person_id=person, post=posts[index % len(posts)], status=ApplicationStatus.APPROVED,
                    applied_at=now, decided_at=now, decided_by=unit, onboarded=True)  # bulk_create skips save()
        for index, person in enumerate(people.iterator())))
    applications = (Application.objects.filter(post__in=posts).order_by("pk")
                    .values_list("pk", "person_id", "post_id", "person__real_name").iterator())
    statuses = [PlacementStatus.ON_POST] * 6 + [PlacementStatus.ENDED] * 3 + [PlacementStatus.DRAFT]
    start = now.date() - datetime.timedelta(days=90)
    chunked_create(Placement, (
        Placement(application_id=application, person_id=person, post_id=post, base=base, start_on=start,
                  end_on=start + datetime.timedelta(days=180), monthly_allowance=decimal.Decimal("2200"),
                  insurance_company="某保险公司", insurance_policy_number=f"P{index}",
                  insurance_premium=decimal.Decimal("100"), insurance_sum_insured=decimal.Decimal("100000"),
                  status=rng.choice(statuses), created_by=unit, search_text=tokens_for(person_name))
        for index, (application, person, post, person_name) in enumerate(applications)))


def fill_audit(rows, rng, now):
    from accounts.models import User
    from audit.models import AuditEntry
    from organisations.models import Organisation

    unit = User.objects.get(username="ent_a")
    others = list(Organisation.objects.exclude(pk=unit.organisation_id).values_list("pk", flat=True))
    types = ("organisations.staffmember", "accounts.user", "reviews.review", "batch.batchjob")

    def entry(index):
        own = index % 10 == 0
        return AuditEntry(
            actor=unit if own else None, actor_name=unit.real_name if own else name(rng, index),
            actor_org_id=unit.organisation_id if own else rng.choice(others), action=rng.choice(ACTIONS),
            target_type=rng.choice(types), target_id=str(index), target_repr=f"对象{index}",
            before={"name": "旧名称", "mobile": "13900001111"}, after={"name": "新名称", "mobile": "13900002222"},
            ip_address=f"10.0.{index % 250}.{index % 200 + 1}")

    chunked_create(AuditEntry, (entry(index) for index in range(rows)))
    # auto_now_add stamps every row "now": spread them over a year, newest last, as a real log grows.
    started = AuditEntry.objects.order_by("pk").values_list("pk", flat=True).first()
    from django.db import connection
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"UPDATE {table} SET created_at = %s + (id - %s) * interval '30 seconds'",
                           [now - datetime.timedelta(seconds=30 * rows), started])
        else:
            epoch = (now - datetime.timedelta(seconds=30 * rows)).timestamp()
            cursor.execute(f"UPDATE {table} SET created_at = strftime('%%Y-%%m-%%d %%H:%%M:%%f', %s + (id - %s) * 30,"
                           " 'unixepoch')", [epoch, started])


FILLS = {"reviews": fill_reviews, "jobs": fill_jobs, "staff": fill_staff, "placements": fill_placements,
         "audit": fill_audit}


def fill(rows: int, audit_rows: int) -> None:
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User
    from audit.models import AuditEntry
    from batch.models import BatchJob
    from organisations.models import StaffMember
    from reviews.models import Review
    from traineeships.models import Placement

    if not User.objects.filter(username="ent_a").exists():
        call_command("seed_demo", stdout=StringIO())
    have = {
        "reviews": Review.objects.filter(title__startswith="基准审核事项").exists(),
        "jobs": BatchJob.objects.filter(source_name__startswith="人员").count() >= rows,
        "staff": StaffMember.objects.filter(name__startswith="基准").exists(),
        # The bench's own (seed_demo registers two trainees on a post of its own).
        "placements": Placement.objects.filter(post__title__startswith="基准见习岗位").exists(),
        "audit": AuditEntry.objects.count() >= audit_rows,
    }
    rng, now = random.Random(42), timezone.now()
    for key, filler in FILLS.items():
        if have[key]:
            continue
        started = time.perf_counter()
        with transaction.atomic():
            filler(audit_rows if key == "audit" else rows, rng, now)
        print(f"filled {key} in {time.perf_counter() - started:.1f} s", flush=True)


def scenarios():
    from accounts.models import User

    users = {username: User.objects.get(username=username) for username in ("hr_jinshui", "ent_a", "platform")}
    return {
        # name: (persona, url, params)
        "review inbox": ("hr_jinshui", "/reviews/inbox/", {}),
        "review inbox: keyword": ("hr_jinshui", "/reviews/inbox/", {"q": "事项1234"}),
        "review inbox: page 500": ("hr_jinshui", "/reviews/inbox/", {"page": 500}),
        "task centre": ("ent_a", "/tasks/", {}),
        "task centre: kind": ("ent_a", "/tasks/", {"kind": "export"}),
        "task centre: page 500": ("ent_a", "/tasks/", {"page": 500}),
        "audit log (platform)": ("platform", "/logs/audit/", {}),
        "audit log (platform): action": ("platform", "/logs/audit/", {"action": "staff.update"}),
        "audit log (platform): page 500": ("platform", "/logs/audit/", {"page": 500}),
        "audit log (ent_a)": ("ent_a", "/logs/audit/", {}),
        "audit log (ent_a): actor": ("ent_a", "/logs/audit/", {"actor": "ent_a"}),
        "placements": ("ent_a", "/traineeships/placements/", {}),
        "placements: name": ("ent_a", "/traineeships/placements/", {"q": "王伟"}),
        "placements: page 500": ("ent_a", "/traineeships/placements/", {"page": 500}),
        "staff": ("ent_a", "/org/staff/", {}),
        "staff: name": ("ent_a", "/org/staff/", {"name": "王伟"}),
        "staff: page 500": ("ent_a", "/org/staff/", {"page": 500}),
    }, users


def measure(requests: int, only: str | None) -> dict:
    from django.db import connection
    from django.test import Client

    pages, users = scenarios()
    clients = {}
    for username, user in users.items():
        clients[username] = Client()
        clients[username].force_login(user)
    results = {}
    for label, (persona, url, params) in pages.items():
        if only and only not in label:
            continue
        results[label] = measure_one(clients[persona], connection, label, url, params, requests)
    return results


def measure_one(client, connection, label, url, params, requests) -> dict:
    for _ in range(5):
        response = client.get(url, params)
        if response.status_code != 200:
            raise SystemExit(f"{label}: {url} {params} answered {response.status_code}")
    queries = []

    def count(execute, sql, sql_params, many, context, seen=queries):
        seen.append(sql)
        return execute(sql, sql_params, many, context)

    with connection.execute_wrapper(count):
        client.get(url, params)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url, params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    timings.sort()
    result = {"median_ms": round(statistics.median(timings), 1),
              "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1), "queries": len(queries)}
    print(f"{label:<34} median {result['median_ms']:>7.1f} ms   p95 {result['p95_ms']:>7.1f} ms"
          f"   {result['queries']} queries", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows of each list's main table")
    parser.add_argument("--audit-rows", type=int, default=1_000_000, help="audit entries")
    parser.add_argument("--requests", type=int, default=40, help="timed requests per page")
    parser.add_argument("--only", default=None, help="only the pages whose name contains this")
    parser.add_argument("--database-url", default=None, help="default: SQLite file bench/out/lists.sqlite3")
    parser.add_argument("--fresh", action="store_true", help="delete the SQLite file first")
    parser.add_argument("--show-queries", default=None, help="print the SQL of one request of this page")
    args = parser.parse_args()
    if args.fresh and not args.database_url:
        (OUT / "lists.sqlite3").unlink(missing_ok=True)
    configure_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    fill(args.rows, args.audit_rows)
    with connection.cursor() as cursor:
        # PostgreSQL: VACUUM too. The bench's server runs without autovacuum, and a table it never vacuumed has no
        # visibility map: every index-only scan then reads the table as well, which a production server's
        # autovacuum spares it (the audit log is append-only; the fill wrote and then updated every row).
        cursor.execute("VACUUM (ANALYZE)" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"database: {connection.vendor}; {args.requests} requests per page; load average "
          f"{os.getloadavg()[0]:.1f}", flush=True)
    if args.show_queries:
        show_queries(args.show_queries)
        return
    results = measure(args.requests, args.only)
    out = OUT / f"lists-{connection.vendor}.json"
    out.write_text(json.dumps({"rows": args.rows, "audit_rows": args.audit_rows, "requests": args.requests,
                               "results": results}, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"written {out.relative_to(ROOT)}")


def show_queries(label: str) -> None:
    from django.db import connection
    from django.test import Client

    pages, users = scenarios()
    persona, url, params = pages[label]
    client = Client()
    client.force_login(users[persona])
    client.get(url, params)

    slow = []

    def show(execute, sql, sql_params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, sql_params, many, context)
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            print(f"{elapsed:8.1f} ms  {sql[:300]}")
            if elapsed > 20:
                slow.append((sql, sql_params))

    with connection.execute_wrapper(show):
        client.get(url, params)
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
    for sql, sql_params in slow:  # the plans of the slow ones
        print("\n" + sql)
        with connection.cursor() as cursor:
            cursor.execute(explain + sql, sql_params)
            for row in cursor.fetchall():
                print("   ", row[-1])


if __name__ == "__main__":
    main()
