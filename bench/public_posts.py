"""Benchmark: the public traineeship post search (/traineeships/public/posts/) with 100,000+ published posts.

Prints figures; it is not a test. See bench/README.md.

    .venv/bin/python bench/public_posts.py                       # SQLite file bench/out/public_posts.sqlite3
    .venv/bin/python bench/public_posts.py --database-url postgres://postgres@127.0.0.1:5432/praxis_bench_posts
    .venv/bin/python bench/public_posts.py --posts 200000 --requests 300

1. Migrates the database and fills it (once; a later run reuses the rows) with `--posts` published posts of
   600 approved bases spread over every county of 河南, 山西 and 山东, published over the last 365 days, plus
   5 % posts in other states (pending, approved, unpublished) that must never show. Rows are written with
   bulk_create: the bench measures reading, not the services.
2. Times `--requests` GET requests per page type through django.test.Client (the whole Django stack:
   middleware, view, queries, template), after 20 warm-up requests: the list with no filter, with a city, with
   a city and a county, with a keyword, with a city and a keyword, page 50 of a city, and a post's detail page.
   Filters are drawn at random (seed 7) from the regions and words that occur. Every response is checked for
   status 200. Prints the median and the 95th percentile in milliseconds per page type, and the number of SQL
   queries one request of each type runs; writes the same to bench/out/public_posts-<vendor>.json.
"""

import argparse
import contextlib
import datetime
import json
import os
import random
import statistics
import sys
import time
import warnings
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PROVINCES = ("410000", "140000", "370000")
BASES = 600
WORDS = ("软件", "会计", "行政", "销售", "设计", "数据", "机械", "护理", "法务", "物流", "电商", "测试")
TITLES = ("开发见习生", "助理", "专员见习岗", "见习技术员", "运营见习生", "文员")


def configure_django(database_url: str | None, *, deployed: bool = False) -> None:
    """deployed: the settings of a deployment (no PRAXIS_TESTING): whitenoise's manifest storage, whose static
    URLs cost more to compute than the plain storage's; its files are collected once into their own var dir."""
    OUT.mkdir(parents=True, exist_ok=True)
    var_dir = OUT / ("public-posts-deployed-var" if deployed else "public-posts-var")
    (var_dir / "static").mkdir(parents=True, exist_ok=True)
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "praxis.settings",
        "DATABASE_URL": database_url or f"sqlite:///{OUT / 'public_posts.sqlite3'}",
        "PRAXIS_VAR_DIR": str(var_dir),
        "DEBUG": "false",
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
    })
    if deployed:
        os.environ.pop("PRAXIS_TESTING", None)
    else:
        os.environ["PRAXIS_TESTING"] = "true"  # plain static storage: no collectstatic needed
    warnings.filterwarnings("ignore", message="No directory at")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    if deployed and not (var_dir / "static" / "staticfiles.json").exists():
        from django.core.management import call_command

        print("collectstatic (once, about 2 minutes)")
        call_command("collectstatic", interactive=False, verbosity=0)


def fill(target: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User, UserKind
    from core.identifiers import uscc_check_char
    from core.search import tokens_for as search_tokens_for
    from organisations.models import Organisation, OrganisationKind, Origin, VerificationStatus
    from regions.models import Region, RegionLevel
    from traineeships.models import BaseLevel, BaseStatus, Education, Post, PostStatus, TraineeshipBase
    from traineeships.models.posts import region_search_tags

    published = Post.objects.filter(status=PostStatus.PUBLISHED).count()
    if published >= target:
        print(f"reusing {published:,} published posts")
        return
    rng = random.Random(42)
    counties = list(Region.objects.filter(level=RegionLevel.COUNTY, province_code__in=PROVINCES))
    started = time.perf_counter()
    with transaction.atomic():
        user = User.objects.filter(username="bench_posts").first() or User.objects.create_user(
            "bench_posts", real_name="基准测试", kind=UserKind.PLATFORM)
        bases = list(TraineeshipBase.objects.filter(organisation__name__startswith="基准见习单位"))
        if not bases:
            organisations = []
            for number in range(BASES):
                county = counties[number % len(counties)]
                body = f"91{county.code}{number:09d}"[:17]
                organisations.append(Organisation(
                    name=f"基准见习单位{number:04d}{rng.choice(WORDS)}有限公司",
                    credit_code=body + uscc_check_char(body),
                    kind=OrganisationKind.ENTERPRISE, legal_representative="王建国", region=county,
                    address=f"{county.full_name}人民路{number}号", origin=Origin.SELF_REGISTERED,
                    platform_code=f"B{number:09d}", verification_status=VerificationStatus.VERIFIED,
                    activated_at=timezone.now(),
                ))
            Organisation.objects.bulk_create(organisations)
            organisations = Organisation.objects.filter(name__startswith="基准见习单位").select_related("region")
            TraineeshipBase.objects.bulk_create([
                TraineeshipBase(organisation=organisation, level=BaseLevel.COUNTY, status=BaseStatus.APPROVED,
                                approved_at=timezone.now())
                for organisation in organisations
            ])
            bases = list(TraineeshipBase.objects.filter(organisation__name__startswith="基准见习单位"))
        bases = list(TraineeshipBase.objects.filter(pk__in=[b.pk for b in bases]).select_related(
            "organisation__region"))
        now = timezone.now()
        missing = target - published
        # 5 % extra posts in states the public must never see.
        hidden = (PostStatus.PENDING, PostStatus.APPROVED, PostStatus.UNPUBLISHED)
        statuses = [PostStatus.PUBLISHED] * missing + [rng.choice(hidden) for _ in range(missing // 20)]
        batch = []
        for index, status in enumerate(statuses):
            base = bases[index % len(bases)]
            region = base.organisation.region
            title = f"{rng.choice(WORDS)}{rng.choice(TITLES)}"
            batch.append(Post(
                base=base, unit_name=base.organisation.name, title=title,
                search_text=search_tokens_for(title, base.organisation.name, tags=region_search_tags(
                    province=region.province_code, city=region.city_code, county=region.code)),
                places=rng.randint(1, 20), majors="不限", education=rng.choice(Education.values),
                work_region=region, city_code=region.city_code, province_code=region.province_code,
                address=base.organisation.address, monthly_allowance=rng.randint(1800, 4500), period_months=6,
                description="基准测试岗位。" * 10, contact_person="李红", contact_phone="13800001111",
                status=status, created_by=user,
                published_at=(now - datetime.timedelta(seconds=rng.randint(0, 365 * 86400))
                              if status in (PostStatus.PUBLISHED, PostStatus.UNPUBLISHED) else None),
            ))
            if len(batch) == 5000:
                Post.objects.bulk_create(batch)
                batch = []
        Post.objects.bulk_create(batch)
    print(f"filled {len(statuses):,} posts ({missing:,} published) in {time.perf_counter() - started:.1f} s")


def scenarios(rng: random.Random):
    from regions.models import Region, RegionLevel
    from traineeships.models import Post, PostStatus

    counties = list(Region.objects.filter(level=RegionLevel.COUNTY, province_code__in=PROVINCES)
                    .values_list("city_code", "code"))
    cities = sorted({city for city, _county in counties})
    published_ids = list(Post.objects.filter(status=PostStatus.PUBLISHED).values_list("pk", flat=True)[:5000])
    return {
        "list: no filter": lambda: ("/traineeships/public/posts/", {}),
        "list: city": lambda: ("/traineeships/public/posts/", {"city": rng.choice(cities)}),
        "list: city+county": lambda: ("/traineeships/public/posts/", dict(zip(("city", "county"),
                                                                              rng.choice(counties)))),
        "list: keyword": lambda: ("/traineeships/public/posts/", {"q": rng.choice(WORDS)}),
        "list: city+keyword": lambda: ("/traineeships/public/posts/", {"city": rng.choice(cities),
                                                                       "q": rng.choice(WORDS)}),
        # The same keywords the way they were searched before issue 12 (a substring scan of title and unit name,
        # and an exact count of every match), in the same run: the ratio is the figure to read.
        "list: keyword (before)": lambda: ("/traineeships/public/posts/", {"q": rng.choice(WORDS)}),
        "list: city+keyword (before)": lambda: ("/traineeships/public/posts/", {"city": rng.choice(cities),
                                                                                "q": rng.choice(WORDS)}),
        "list: city, page 50": lambda: ("/traineeships/public/posts/", {"city": rng.choice(cities), "page": 50}),
        "detail": lambda: (f"/traineeships/public/posts/{rng.choice(published_ids)}/", {"city": rng.choice(cities)}),
    }


@contextlib.contextmanager
def searched_as_before(name: str):
    """For the "(before)" page types: LIKE '%q%' on title or unit name, and Django's exact count."""
    if not name.endswith("(before)"):
        yield
        return
    from django.core.paginator import Paginator
    from django.db.models import Q

    def substring_scan(posts, q, **_hints):
        return posts.filter(Q(title__icontains=q) | Q(unit_name__icontains=q))

    def exact_count_paginator(*args, cap=None, **kwargs):
        return Paginator(*args, **kwargs)

    with (mock.patch("core.search.matching", substring_scan),
          mock.patch("traineeships.views.public.CappedPaginator", exact_count_paginator)):
        yield


def measure(requests: int) -> dict:
    from django.db import connection
    from django.test import Client

    rng = random.Random(7)
    client = Client()
    results = {}
    for name, make in scenarios(rng).items():
        with searched_as_before(name):
            results[name] = measure_one(client, connection, name, make, requests)
    return results


def measure_one(client, connection, name, make, requests) -> dict:
    """Median and p95 of `requests` GETs of one page type, after 20 warm-up requests."""
    for _ in range(20):
        url, params = make()
        assert client.get(url, params).status_code == 200
    # Django empties its own query log at every request start, so count with a wrapper instead.
    queries = []

    def count(execute, sql, params, many, context, seen=queries):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        url, params = make()
        client.get(url, params)
    timings = []
    for _ in range(requests):
        url, params = make()
        started = time.perf_counter()
        response = client.get(url, params)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{name}: {url} {params} answered {response.status_code}")
    timings.sort()
    result = {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "queries": len(queries),
    }
    print(f"{name:<30} median {result['median_ms']:>7.1f} ms   p95 {result['p95_ms']:>7.1f} ms"
          f"   {result['queries']} queries")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=100_000, help="published posts to have in the database")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page type")
    parser.add_argument("--database-url", default=None, help="default: SQLite file bench/out/public_posts.sqlite3")
    args = parser.parse_args()
    configure_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    fill(args.posts)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE traineeships_post")
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"database: {connection.vendor}; {args.requests} requests per page type")
    results = measure(args.requests)
    out = OUT / f"public_posts-{connection.vendor}.json"
    out.write_text(json.dumps({"posts": args.posts, "requests": args.requests, "results": results},
                              ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"written {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
