"""Benchmark: a 100,000-row .xlsx export through the batch engine against xlsxwriter alone, in one run.

Prints figures; it is not a test. See bench/README.md.

    .venv/bin/python bench/export_xlsx.py                  # 100,000 staff rows, SQLite under bench/out/
    .venv/bin/python bench/export_xlsx.py --rows 20000 --runs 5

(1) engine: `batch.engine.run_export_job` for the 人员信息导出 of the demo enterprise (ent_a, who may see personal
    data) — the list's query, the choice labels, the masking plan and `batch.writing.SheetWriter` (typed, formula-
    safe cells, constant_memory), as a user's export runs.
(2) xlsxwriter alone: the same rows, already fetched, written with xlsxwriter's constant_memory mode, one typed
    write per cell and nothing else — the floor the engine is compared with.
Runs alternate; the best of each is compared (rows per second, wall and CPU).
"""

import argparse
import datetime
import decimal
import os
import random
import sys
import tempfile
import time
import warnings
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DATABASE = OUT / "export.sqlite3"
NAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉"


def configure_django() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "praxis.settings", "DATABASE_URL": f"sqlite:///{DATABASE}",
        "PRAXIS_VAR_DIR": str(OUT / "export-var"), "DEBUG": "false",
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend", "PRAXIS_TESTING": "true",
    })
    (OUT / "export-var" / "static").mkdir(parents=True, exist_ok=True)
    warnings.filterwarnings("ignore", message="CAPTCHA_TEST_MODE")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def fill(rows: int):
    from django.core.management import call_command

    from accounts.models import User
    from core.identifiers import id_check_char
    from organisations.models import Education, Gender, StaffMember

    if not DATABASE.exists():
        call_command("migrate", verbosity=0)
        call_command("seed_demo", stdout=StringIO())
    owner = User.objects.get(username="ent_a")
    organisation = owner.organisation
    have = StaffMember.objects.filter(organisation=organisation, name__startswith="基准").count()
    rng = random.Random(42)
    batch = []
    for index in range(have, rows):
        birth = datetime.date(1970, 1, 1) + datetime.timedelta(days=index // 1000)  # with the sequence: unique
        first17 = f"410105{birth:%Y%m%d}{index % 1000:03d}"
        batch.append(StaffMember(
            organisation=organisation, name=f"基准{rng.choice(NAMES)}{rng.choice(GIVEN)}{index}",
            id_number=first17 + id_check_char(first17), gender=rng.choice([Gender.MALE, Gender.FEMALE]),
            birth_date=birth, mobile=f"139{index:08d}", department_name=rng.choice(["技术部", "财务部", "人事部"]),
            job_title=rng.choice(["工程师", "会计", ""]), hired_on=birth + datetime.timedelta(days=8000),
            monthly_wage=decimal.Decimal(rng.randint(2000, 20000)), education=rng.choice(Education.values),
            title_series="工程技术",
        ))
        if len(batch) == 5000:
            StaffMember.objects.bulk_create(batch)
            batch = []
    StaffMember.objects.bulk_create(batch)
    return owner


def cpu() -> float:
    times = os.times()
    return times.user + times.system


def run_engine(owner) -> tuple[float, float, int]:
    from batch.engine import run_export_job
    from batch.models import BatchJob, JobKind

    job = BatchJob.objects.create(kind=JobKind.EXPORT, spec="staff", owner=owner, organisation=owner.organisation,
                                  params={}, created_at=datetime.datetime.now(datetime.UTC))
    started, started_cpu = time.perf_counter(), cpu()
    job = run_export_job(job.pk)
    elapsed, used = time.perf_counter() - started, cpu() - started_cpu
    assert job.status == "succeeded", job.error
    job.result_file.delete(save=False)
    return elapsed, used, job.processed_rows


def run_xlsxwriter_alone(rows: list) -> tuple[float, float, int]:
    import xlsxwriter

    with tempfile.NamedTemporaryFile(suffix=".xlsx", dir=OUT) as handle:
        started, started_cpu = time.perf_counter(), cpu()
        workbook = xlsxwriter.Workbook(handle.name, {"constant_memory": True})
        sheet = workbook.add_worksheet()
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        for row_number, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    sheet.write_string(row_number, col, value)
                elif isinstance(value, datetime.date):
                    sheet.write_datetime(row_number, col, datetime.datetime.combine(value, datetime.time()),
                                         date_format)
                else:
                    sheet.write_number(row_number, col, float(value))
        workbook.close()
        return time.perf_counter() - started, cpu() - started_cpu, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    configure_django()
    owner = fill(args.rows)
    from organisations.staff_batch import EXPORT_COLUMNS
    from organisations.staff_selectors import staff_list_for_user

    rows = list(staff_list_for_user(owner, {}).values_list(*[c.field_name for c in EXPORT_COLUMNS]))
    print(f"{len(rows):,} rows, {len(EXPORT_COLUMNS)} columns; load average {os.getloadavg()[0]:.1f}")
    engine, alone = [], []
    for _ in range(args.runs):
        engine.append(run_engine(owner))
        alone.append(run_xlsxwriter_alone(rows))
    best_engine = min(engine)
    best_alone = min(alone)
    for label, (wall, used, count) in (("engine (run_export_job)", best_engine),
                                       ("xlsxwriter alone", best_alone)):
        print(f"{label:<26} {wall:6.2f} s wall {used:6.2f} s CPU   {count / wall:9,.0f} rows/s")
    print(f"engine / xlsxwriter alone: {best_alone[0] / best_engine[0]:.0%} by wall clock, "
          f"{best_alone[1] / best_engine[1]:.0%} by CPU")


if __name__ == "__main__":
    main()
