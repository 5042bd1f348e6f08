"""Benchmark: importing a staff roster .xlsx through the batch engine, django-import-export and a bare insert.

Prints figures; it is not a test. See bench/README.md.

    .venv/bin/python bench/import_roster.py                  # 100,000 rows, SQLite under bench/out/
    .venv/bin/python bench/import_roster.py --rows 20000 --memory-sizes 5000,10000,20000
    .venv/bin/python bench/import_roster.py --database-url postgres://postgres@127.0.0.1:5432/praxis_bench
"""

import argparse
import datetime
import gc
import json
import os
import random
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强文博子涵浩然欣怡梓萱宇轩思远佳琪俊杰雨欣"
DEPARTMENTS = ["技术部", "财务部", "人事部", "市场部", "生产部", "质检部", "行政部", "研发中心"]
TITLES = ["工程师", "助理工程师", "高级工程师", "会计", "经济师", "技术员", "讲师", ""]
REGIONS = ["410105", "410103", "410102", "410104", "410122", "410181", "410182", "410183"]
HEADERS = ["姓名", "身份证号", "性别", "手机号", "部门", "岗位/职称", "参加工作时间", "月工资（元）", "学历",
           "职称等级", "职称系列"]
# 学历 and 职称等级 as the template's drop-downs write them (labels); a quarter left blank.
EDUCATIONS = ["大学本科", "大学专科", "硕士研究生", ""]
TITLE_LEVELS = ["中级", "助理级", "副高级", ""]
TITLE_SERIES = ["工程技术", "经济", "会计", ""]


def configure_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings")
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"  # the bench runs jobs itself
    os.environ["MEDIA_ROOT"] = str(OUT / "media")
    os.environ["DEBUG"] = "false"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def default_database_url() -> str:
    return f"sqlite:///{OUT / 'bench.sqlite3'}"


def reset_database(database_url: str) -> None:
    from django.core.management import call_command

    if database_url.startswith("sqlite:///"):
        path = Path(database_url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        call_command("migrate", verbosity=0)
    else:
        # Migrate first: flush on a database never migrated fails in the apps' post_migrate handlers.
        call_command("migrate", verbosity=0)
        call_command("flush", interactive=False, verbosity=0)


# --- data ----------------------------------------------------------------------------------------


def roster_rows(count: int, seed: int = 42):
    from core.identifiers import id_check_char

    rng = random.Random(seed)
    used = set()
    for index in range(count):
        while True:
            birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 44))
            first17 = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
            if first17 not in used:
                used.add(first17)
                break
        number = first17 + id_check_char(first17)
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        gender = "男" if int(number[16]) % 2 else "女"
        hired = birth.replace(year=birth.year + 22) if birth.month != 2 or birth.day != 29 else birth.replace(
            year=birth.year + 22, day=28)
        hired = min(hired, datetime.date(2025, 12, 31))
        yield [
            name, number, gender if index % 3 else "", f"13{rng.randrange(0, 10**9):09d}", rng.choice(DEPARTMENTS),
            rng.choice(TITLES), hired, round(rng.uniform(2500, 30000), 2), rng.choice(EDUCATIONS),
            rng.choice(TITLE_LEVELS), rng.choice(TITLE_SERIES),
        ]


def roster_file(count: int) -> Path:
    """Generated once per size and reused (100,000 rows take about 20 s to write).

    Written the way Excel and WPS save a workbook: text in the shared-strings table (xl/sharedStrings.xml),
    which for a roster grows with the file because names, ID numbers and mobiles are nearly all distinct.
    (xlsxwriter's constant_memory mode would write inline strings instead, which no office suite does.)
    """
    import xlsxwriter

    path = OUT / f"roster-{count}-shared-strings.xlsx"
    if path.exists():
        return path
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": False})
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for col, title in enumerate(HEADERS):
        sheet.write_string(0, col, title)
    for row_index, row in enumerate(roster_rows(count), start=1):
        for col, value in enumerate(row):
            if isinstance(value, str):
                if value:
                    sheet.write_string(row_index, col, value)
            elif isinstance(value, datetime.date):
                sheet.write_datetime(row_index, col, datetime.datetime.combine(value, datetime.time()), date_format)
            else:
                sheet.write_number(row_index, col, value)
    workbook.close()
    return path


def actor():
    from accounts.models import User, UserKind
    from core.identifiers import uscc_check_char
    from organisations.models import Organisation, OrganisationKind, Origin

    organisation = Organisation.objects.filter(platform_code="PBENCH00001").first()
    if organisation is None:
        body = "91410105000000001"
        organisation = Organisation.objects.create(
            name="基准测试有限公司", credit_code=body + uscc_check_char(body), kind=OrganisationKind.ENTERPRISE,
            legal_representative="王建国", origin=Origin.SELF_REGISTERED, platform_code="PBENCH00001",
        )
    user = User.objects.filter(username="bench_admin").first() or User.objects.create_user(
        "bench_admin", real_name="基准管理员", kind=UserKind.ORGANISATION, organisation=organisation,
        is_org_admin=True,
    )
    return user


def staff_count() -> int:
    from organisations.models import StaffMember

    return StaffMember.objects.count()


def clear_staff() -> None:
    from organisations.models import StaffMember

    StaffMember.objects.all().delete()


# --- the three contenders ------------------------------------------------------------------------


def cpu_seconds() -> float:
    """CPU time of this process plus its finished child processes (the engine's validation workers are
    joined before the job ends, so their time is counted here)."""
    own, children = cpu_split()
    return own + children


def cpu_split() -> tuple[float, float]:
    """(this process's CPU s, its finished child processes' CPU s): how busy the job's process and the
    validation workers each were, to see which one the wall clock waits for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def run_engine(path: Path, workers: int | None = None) -> dict:
    """The engine as the job worker runs it; `workers` overrides BATCH_IMPORT_WORKERS (0: validate in-process)."""
    from django.test import override_settings

    if workers is not None:
        with override_settings(BATCH_IMPORT_WORKERS=workers):
            return run_engine(path)
    from django.core.files import File

    from batch import services
    from batch.engine import run_import_job

    user = actor()
    with open(path, "rb") as handle:
        job = services.start_import(actor=user, spec_key="staff", uploaded_file=File(handle, name=path.name))
    started, (own, children) = time.perf_counter(), cpu_split()
    job = run_import_job(job.pk)
    seconds, (own_after, children_after) = time.perf_counter() - started, cpu_split()
    own, children = own_after - own, children_after - children
    return {"seconds": seconds, "cpu": own + children, "job CPU s": round(own, 2), "workers CPU s": round(children, 2),
            "created": job.created_rows, "updated": job.updated_rows, "unchanged": job.unchanged_rows,
            "failed": job.failed_rows, "status": job.status}


def import_export_resource(organisation):
    from django.core.exceptions import ValidationError
    from import_export import fields, resources, widgets
    from import_export.instance_loaders import CachedInstanceLoader

    from organisations.models import Education, StaffMember, TitleLevel
    from organisations.staff_forms import StaffMemberForm

    columns = dict(zip(HEADERS, ["name", "id_number", "gender", "mobile", "department_name", "job_title",
                                 "hired_on", "monthly_wage", "education", "title_level", "title_series"]))
    # Labels as the template's drop-downs write them -> the stored values, as the engine's reader maps them.
    choice_values = {
        "gender": {"男": "male", "女": "female"},
        "education": {str(label): value for value, label in Education.choices},
        "title_level": {str(label): value for value, label in TitleLevel.choices},
    }

    class StaffResource(resources.ModelResource):
        name = fields.Field(attribute="name", column_name="姓名")
        id_number = fields.Field(attribute="id_number", column_name="身份证号")
        gender = fields.Field(attribute="gender", column_name="性别")
        mobile = fields.Field(attribute="mobile", column_name="手机号")
        department_name = fields.Field(attribute="department_name", column_name="部门")
        job_title = fields.Field(attribute="job_title", column_name="岗位/职称")
        hired_on = fields.Field(attribute="hired_on", column_name="参加工作时间", widget=widgets.DateWidget())
        monthly_wage = fields.Field(
            attribute="monthly_wage", column_name="月工资（元）", widget=widgets.DecimalWidget()
        )
        education = fields.Field(attribute="education", column_name="学历")
        title_level = fields.Field(attribute="title_level", column_name="职称等级")
        title_series = fields.Field(attribute="title_series", column_name="职称系列")
        birth_date = fields.Field(attribute="birth_date", column_name="出生日期", widget=widgets.DateWidget())

        class Meta:
            model = StaffMember
            fields = ("name", "id_number", "gender", "mobile", "department_name", "job_title", "hired_on",
                      "monthly_wage", "education", "title_level", "title_series", "birth_date")
            import_id_fields = ("id_number",)
            instance_loader_class = CachedInstanceLoader
            use_bulk = True
            batch_size = 1000
            skip_diff = True
            skip_unchanged = True
            use_transactions = True

        def get_queryset(self):
            return StaffMember.objects.filter(organisation=organisation)

        def before_import_row(self, row, **kwargs):
            # The same validation the screen uses: the StaffMemberForm, one per row as a resource would.
            data = {}
            for header, field_name in columns.items():
                value = row.get(header)
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                if isinstance(value, datetime.datetime):
                    value = value.date()
                value = "" if value is None else value
                data[field_name] = choice_values[field_name].get(value, value) if field_name in choice_values \
                    else value
            form = StaffMemberForm(data=data, organisation=organisation, check_existing=False)
            if not form.is_valid():
                raise ValidationError(form.errors)
            cleaned = form.cleaned_data
            for header, field_name in columns.items():
                row[header] = cleaned[field_name]
            row["出生日期"] = cleaned["birth_date"]

        def after_init_instance(self, instance, new, row, **kwargs):
            instance.organisation = organisation

    return StaffResource()


def run_import_export(path: Path) -> dict:
    import tablib

    user = actor()
    started, cpu = time.perf_counter(), cpu_seconds()
    with open(path, "rb") as handle:
        dataset = tablib.Dataset().load(handle.read(), format="xlsx")
    read_seconds = time.perf_counter() - started
    dataset.append_col([None] * len(dataset), header="出生日期")
    resource_ = import_export_resource(user.organisation)
    result = resource_.import_data(dataset, dry_run=False, raise_errors=False, collect_failed_rows=True)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    totals = result.totals
    return {"seconds": seconds, "cpu": cpu, "read_seconds": round(read_seconds, 2), "created": totals.get("new", 0),
            "updated": totals.get("update", 0), "unchanged": totals.get("skip", 0),
            "failed": totals.get("invalid", 0) + totals.get("error", 0)}


def run_floor(path: Path) -> dict:
    """A bare executemany of the same rows (already parsed, encrypted and hashed, no validation) into the same
    table: only the insert is timed."""
    from django.db import connection, transaction
    from python_calamine import CalamineWorkbook

    from core import crypto
    from core.identifiers import birth_date_from_id, gender_from_id
    from organisations.models import Education, TitleLevel

    education = {str(label): value for value, label in Education.choices}
    levels = {str(label): value for value, label in TitleLevel.choices}
    organisation_id = actor().organisation_id
    now = datetime.datetime.now(datetime.UTC)
    rows = []
    for values in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).iter_rows():
        if values[0] == "姓名":
            continue
        number, mobile = values[1], values[3]
        # Encrypted and hashed as the model stores them (core.fields), before the timer starts: the floor is the
        # insert alone, without reading, encrypting or hashing.
        rows.append((organisation_id, values[0], crypto.encrypt(number), crypto.keyed_hash(crypto.ID_NUMBER, number),
                     gender_from_id(number), birth_date_from_id(number), crypto.encrypt(mobile) if mobile else "",
                     values[4], values[5], values[6], values[7], education.get(values[8], ""),
                     levels.get(values[9], ""), values[10], now, now))
    sql = (
        "INSERT INTO organisations_staffmember (organisation_id, name, id_number, id_number_hash, gender, "
        "birth_date, mobile, department_name, job_title, hired_on, monthly_wage, education, title_level, "
        "title_series, link_status, link_reason, created_at, updated_at) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 'none', '', %s, %s)"
    )
    started, cpu = time.perf_counter(), cpu_seconds()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    return {"seconds": time.perf_counter() - started, "cpu": cpu_seconds() - cpu, "created": len(rows)}


# --- memory: one fresh process per size --------------------------------------------------------


def current_rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def children_rss_kb() -> int:
    """Resident set size of this process's child processes (the engine's validation workers), summed."""
    total = 0
    for task in Path("/proc/self/task").iterdir():
        try:
            pids = (task / "children").read_text().split()
        except OSError:
            continue
        for pid in pids:
            try:
                with open(f"/proc/{pid}/status", encoding="ascii") as status:
                    for line in status:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
            except OSError:
                pass  # it ended between the listing and the read
    return total


class RssSampler(threading.Thread):
    """The highest resident set size seen every 20 ms while the import runs (ru_maxrss would also count
    whatever Django's start-up touched): of the job's process alone, and of it plus its worker processes
    (summed RSS, which counts the pages a forked worker still shares with its parent once per process, so it
    overstates the real total)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak = current_rss_kb()
        self.peak_total = self.peak
        self.done = threading.Event()

    def run(self):
        while not self.done.wait(0.02):
            own = current_rss_kb()
            self.peak = max(self.peak, own)
            self.peak_total = max(self.peak_total, own + children_rss_kb())


def read_only(path: Path, reader: str) -> dict:
    """Only read the file, for comparison: python-calamine as before, or batch.xlsx as the engine does."""
    started, cpu = time.perf_counter(), cpu_seconds()
    count = 0
    if reader == "calamine":
        from python_calamine import CalamineWorkbook

        for _row in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).iter_rows():
            count += 1
    else:
        from batch.xlsx import XlsxSheet

        with open(path, "rb") as handle, XlsxSheet(handle) as sheet:
            for _row in sheet.rows():
                count += 1
    return {"seconds": time.perf_counter() - started, "cpu": cpu_seconds() - cpu, "read": count}


def memory_child(database_url: str, rows: int, what: str) -> None:
    configure_django(database_url)
    path = roster_file(rows)
    actor()
    gc.collect()
    baseline = current_rss_kb()
    sampler = RssSampler()
    sampler.start()
    outcome = run_engine(path) if what == "engine" else read_only(path, what)
    sampler.done.set()
    sampler.join()
    peak = max(sampler.peak, current_rss_kb())
    peak_total = max(sampler.peak_total, peak)
    print(json.dumps({"rows": rows, "what": what, "baseline_kb": baseline, "peak_kb": peak,
                      "peak_total_kb": peak_total, **outcome}))


def measure_memory(database_url: str, sizes: list[int], what: str) -> list[dict]:
    results = []
    for size in sizes:
        url = database_url
        if database_url == default_database_url():
            url = f"sqlite:///{OUT / f'bench-memory-{size}.sqlite3'}"
        # Migrations run in their own process, so the child's peak RSS belongs to the import alone.
        subprocess.run([sys.executable, __file__, "--reset-only", "--database-url", url], check=True, cwd=ROOT)
        output = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(size), "--memory-what", what, "--database-url", url],
            check=True, capture_output=True, text=True, cwd=ROOT,
        ).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--memory-sizes", default="25000,50000,100000,200000")
    parser.add_argument("--memory-readers", action="store_true",
                        help="also measure reading alone: python-calamine against batch.xlsx")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-import-export", action="store_true")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--memory-what", default="engine", help=argparse.SUPPRESS)
    parser.add_argument("--reset-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    database_url = args.database_url or default_database_url()
    if args.memory_child:
        memory_child(database_url, args.memory_child, args.memory_what)
        return
    if args.reset_only:
        configure_django(database_url)
        reset_database(database_url)
        return

    configure_django(database_url)
    from django.db import connection

    reset_database(database_url)
    started = time.perf_counter()
    path = roster_file(args.rows)
    print(f"roster: {path.relative_to(ROOT)} ({args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB, "
          f"ready in {time.perf_counter() - started:.1f} s); database: {connection.vendor}")

    from batch import parallel

    results = {}
    clear_staff()
    workers = parallel.worker_count(args.rows)
    results[f"engine ({workers} validation worker{'s' if workers != 1 else ''})" if workers else "engine"] = (
        run_engine(path))
    assert staff_count() == args.rows, staff_count()
    results["engine (same file again)"] = run_engine(path)
    if workers:
        clear_staff()
        results["engine, in-process"] = run_engine(path, workers=0)
        assert staff_count() == args.rows, staff_count()
    if not args.skip_import_export:
        clear_staff()
        results["django-import-export"] = run_import_export(path)
        assert staff_count() == args.rows, staff_count()
    clear_staff()
    results["bare executemany (floor)"] = run_floor(path)

    print()
    # CPU seconds are shown beside wall seconds: on a shared machine the wall clock also counts waiting.
    print(f"{'method':<28}{'wall s':>8}{'rows/s':>10}{'CPU s':>8}{'rows/CPU s':>12}  outcome")
    for name, outcome in results.items():
        detail = ", ".join(f"{key} {value}" for key, value in outcome.items() if key not in ("seconds", "cpu"))
        print(f"{name:<28}{outcome['seconds']:>8.2f}{args.rows / outcome['seconds']:>10,.0f}"
              f"{outcome['cpu']:>8.2f}{args.rows / outcome['cpu']:>12,.0f}  {detail}")
    if "django-import-export" in results:
        rival = results["django-import-export"]
        print()
        for name, outcome in results.items():
            if name.startswith("engine") and "again" not in name:
                print(f"{name} rate / django-import-export rate: {rival['seconds'] / outcome['seconds']:.1f}x by "
                      f"wall clock, {rival['cpu'] / outcome['cpu']:.1f}x by CPU time (goal: at least 5x by CPU)")

    if not args.skip_memory:
        sizes = [int(size) for size in args.memory_sizes.split(",") if size]
        url = database_url if args.database_url else default_database_url()
        # Each size in a fresh process: peak RSS during the run minus RSS after Django's start-up.
        for what in ["engine"] + (["calamine", "batch.xlsx"] if args.memory_readers else []):
            label = "engine import" if what == "engine" else f"reading alone with {what}"
            print(f"\nmemory, {label}, one fresh process per size (resident set size):")
            print(f"{'rows':>10}{'after setup MB':>16}{'peak MB':>10}{'growth MB':>11}{'+workers MB':>13}"
                  f"{'rows/s':>10}{'rows/CPU s':>12}")
            for item in measure_memory(url, sizes, what):
                print(f"{item['rows']:>10,}{item['baseline_kb'] / 1024:>16.1f}{item['peak_kb'] / 1024:>10.1f}"
                      f"{(item['peak_kb'] - item['baseline_kb']) / 1024:>11.1f}{item['peak_total_kb'] / 1024:>13.1f}"
                      f"{item['rows'] / item['seconds']:>10,.0f}{item['rows'] / item['cpu']:>12,.0f}")


if __name__ == "__main__":
    main()
