"""Benchmark: PDF rendering — one 就业见习协议 and 补贴经费花名册 of 100 and 1,000 lines (the shipped font).

Prints figures; it is not a test. See bench/README.md.

    .venv/bin/python bench/pdf.py                  # 9 agreements, 3 rosters of each size
    .venv/bin/python bench/pdf.py --runs 5 --lines 100,1000,2000
    .venv/bin/python bench/pdf.py --before         # also the roster as WeasyPrint printed it, in the same run

The agreement is its screen's template through printing.pdf.render_pdf; the roster is drawn by roster_pdf, as the
views call them. The objects are plain stand-ins with the attributes they read, so no database is needed. Times
are per document, median. --before prints the roster the way it was printed up to commit BEFORE (its WeasyPrint
template, read with git show), with the same masked identifiers.
"""

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import time
import warnings
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace as Obj

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BEFORE = "f15fffc"  # the last commit printing the roster through WeasyPrint


def configure_django() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.update({"DJANGO_SETTINGS_MODULE": "praxis.settings", "DATABASE_URL": f"sqlite:///{OUT / 'pdf.sqlite3'}",
                       "PRAXIS_VAR_DIR": str(OUT / "pdf-var"), "DEBUG": "false", "PRAXIS_TESTING": "true"})
    (OUT / "pdf-var" / "static").mkdir(parents=True, exist_ok=True)
    warnings.filterwarnings("ignore", message="CAPTCHA_TEST_MODE")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


ORGANISATION = Obj(name="郑州市示范见习单位有限公司", address="郑州市金水区花园路 100 号",
                   credit_code="91410105MA3X7D2K66")


def agreement_context() -> dict:
    start = datetime.date(2026, 3, 1)
    placement = Obj(
        pk=1234, base=Obj(get_level_display="市级见习基地", organisation=ORGANISATION),
        person=Obj(real_name="张三"), post=Obj(title="会计助理", work_region=Obj(full_name="河南省郑州市金水区")),
        start_on=start, end_on=start + datetime.timedelta(days=182), monthly_allowance=Decimal("2200.00"),
        insurance_company="中国人民财产保险股份有限公司郑州分公司", insurance_policy_number="PZA2026000123",
        insurance_premium=Decimal("120.00"), insurance_sum_insured=Decimal("500000.00"),
        insurance_valid_from=start, insurance_valid_to=start + datetime.timedelta(days=182),
    )
    return {"p": placement, "organisation": ORGANISATION, "printed_at": "2026-12-05 10:00"}


def roster_context(lines: int) -> dict:
    start = datetime.date(2026, 1, 1)
    rows = [Obj(
        trainee=Obj(name=f"见习人员{number}", id_number=f"41010519990307{number % 1000:03d}X", post_title="会计助理",
                    start_on=start, end_on=start + datetime.timedelta(days=182),
                    retained_on=start if number % 3 == 0 else None),
        total=Decimal("13200.00"),
        explanations=["2026年1月至6月，6个月 × 2,200.00 元 = 13,200.00 元", "含意外伤害保险补贴 120.00 元"],
    ) for number in range(1, lines + 1)]
    roster = Obj(first_month=start, last_month=datetime.date(2026, 6, 1), retention_text="留用率 33.3%",
                 insurance_total=Decimal("120.00") * lines, top_up_total=Decimal("0.00"),
                 total=Decimal("13200.00") * lines, lines=rows)
    return {"roster": roster, "base": Obj(organisation=ORGANISATION), "printed_at": "2026-12-05 10:00"}


def timed(render, runs: int) -> tuple[float, int]:
    timings, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        pdf = render()
        timings.append(time.perf_counter() - started)
        size = len(pdf)
    return statistics.median(timings), size


def agreement():
    from printing.pdf import render_pdf

    context = agreement_context()
    return lambda: render_pdf("traineeships/placements/print/agreement.html", context, personal_data_visible=True)


def roster(lines: int):
    from traineeships.views.roster_pdf import roster_pdf

    context = roster_context(lines)
    return lambda: roster_pdf(context["roster"], context["base"], reader=None, printed_at=context["printed_at"])


def roster_before(lines: int):
    from django.template import engines
    from weasyprint import HTML

    from printing.pdf import BASE_URL, LocalOnlyFetcher

    path = "traineeships/templates/traineeships/roster/print.html"
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{BEFORE}:{path}"], check=True, capture_output=True,
                            text=True).stdout
    template = engines["django"].from_string(source)
    context = {**roster_context(lines), "personal_data_visible": False}
    return lambda: HTML(string=template.render(context), base_url=BASE_URL,
                        url_fetcher=LocalOnlyFetcher()).write_pdf()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lines", default="100,1000")
    parser.add_argument("--before", action="store_true", help=f"also the WeasyPrint roster of commit {BEFORE}")
    args = parser.parse_args()
    configure_django()
    timed(agreement(), 1)  # warm-up: font, templates
    timed(roster(10), 1)
    print(f"load average {os.getloadavg()[0]:.1f}")
    seconds, size = timed(agreement(), args.runs * 3)
    print(f"{'agreement (就业见习协议)':<34} {seconds * 1000:8.0f} ms   {size / 1024:7.0f} KB")
    for lines in (int(value) for value in args.lines.split(",")):
        kinds = [("", roster)] + ([(" (before)", roster_before)] if args.before else [])
        for label, make in kinds:
            seconds, size = timed(make(lines), args.runs)
            print(f"{f'roster, {lines:,} lines{label}':<34} {seconds * 1000:8.0f} ms   {size / 1024:7.0f} KB"
                  f"   load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
