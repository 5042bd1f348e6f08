"""Page steps of the traineeship journey that are used more than once, and the files the journey uploads.

Every wait is on something the page shows (Playwright's `expect`) or on its load event, never on time."""

import datetime
import io
import re
import subprocess
from decimal import Decimal
from pathlib import Path
from urllib.parse import urljoin

from openpyxl import load_workbook
from PIL import Image, ImageDraw
from playwright.sync_api import Page, expect

from core.identifiers import id_check_char
from tests.browser.journey_pages import SCREENSHOTS, htmx_settled, open_sidebar_link, scripts_ready

# ---------------------------------------------------------------- data made for the journey


def id_number_aged(years: int, today: datetime.date, region_code: str = "410105", seq: int = 517) -> str:
    """A valid ID number of someone who turned `years` about half a year ago (well inside the 16–24 rule)."""
    birth = today.replace(year=today.year - years) - datetime.timedelta(days=180)
    first17 = f"{region_code}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def region_parameter(*, region_code: str, valid_from: datetime.date, wage: str, set_by):
    from calendars.models import MinimumWage
    from tests import factories
    from traineeships.models import RegionParameter

    MinimumWage.objects.create(region=factories.region(region_code), valid_from=valid_from, monthly=Decimal(wage),
                               source="测试最低工资标准", set_by=set_by)
    return RegionParameter.objects.create(
        region=factories.region(region_code), valid_from=valid_from,
        subsidy_rate=Decimal("0.600"), raised_subsidy_rate=Decimal("0.700"), retention_threshold=Decimal("0.500"),
        insurance_subsidy_cap=Decimal("240"), set_by=set_by,
    )


def scan_png(directory: Path, name: str, caption: str) -> Path:
    """A small real PNG standing for a scanned, stamped paper (the caption is drawn as a dark bar)."""
    path = directory / name
    image = Image.new("RGB", (600, 800), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 580, 780), outline="black", width=4)
    draw.ellipse((400, 600, 540, 740), outline="red", width=8)  # the stamp
    draw.text((40, 40), caption.encode("ascii", "ignore").decode() or "scan", fill="black")
    image.save(path, format="PNG")
    return path


def small_pdf(directory: Path, name: str) -> Path:
    """A one-page real PDF (Pillow writes it), well under the attachment limits."""
    path = directory / name
    image = Image.new("RGB", (300, 400), "white")
    ImageDraw.Draw(image).rectangle((30, 30, 270, 120), fill="black")
    image.save(path, format="PDF")
    assert path.read_bytes().startswith(b"%PDF")
    return path


def pdf_text(pdf: bytes, name: str) -> str:
    """Save the PDF under var/screenshots/ (to look at later) and return its text through pdftotext."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def fill_template(template: Path, rows: list[list], target: Path) -> Path:
    """The downloaded import template with `rows` written from row 2 (over the example row) of its first sheet;
    the ID number and month cells are written as text, as the template's 填写说明 asks."""
    book = load_workbook(template)
    sheet = book.worksheets[0]
    for row_index, values in enumerate(rows, start=2):
        for column_index, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_index, column=column_index, value=value)
            if isinstance(value, str):
                cell.number_format = "@"
    buffer = io.BytesIO()
    book.save(buffer)
    target.write_bytes(buffer.getvalue())
    return target


# ---------------------------------------------------------------- page steps


def pick_cascade(page: Page, field_id: str, province: str, city: str, county: str | None = None) -> None:
    """A RegionField's cascading selects (`#<field_id>__province`, `…__city`, then `#<field_id>` itself at the
    deepest level), choosing by labels and waiting for htmx to fill each next list."""
    scripts_ready(page)
    page.select_option(f"#{field_id}__province", label=province)
    htmx_settled(page)
    city_select = f"#{field_id}__city" if county else f"#{field_id}"
    expect(page.locator(f"{city_select} option", has_text=city)).to_have_count(1)
    page.select_option(city_select, label=city)
    if county:
        htmx_settled(page)
        expect(page.locator(f"#{field_id} option", has_text=county)).to_have_count(1)
        page.select_option(f"#{field_id}", label=county)
    expect(page.locator(f"#{field_id} option:checked")).to_have_text(county or city)


def decide_in_inbox(page: Page, title: str, decision: str = "通过") -> None:
    """Open the pending item whose title contains `title` in 待我审核 and give `decision` (通过/不通过/退回修改)."""
    open_sidebar_link(page, "待我审核", "待我审核")
    row = page.get_by_test_id("inbox-table").locator("tbody tr", has_text=title)
    expect(row).to_have_count(1)
    row.get_by_role("link", name="审核").click()
    form = page.get_by_test_id("decision-form")
    expect(form).to_be_visible()
    scripts_ready(page)  # the decision form posts through htmx
    form.get_by_label(decision, exact=True).check()
    form.get_by_role("button", name="提交审核结论").click()
    expect(page.get_by_test_id("review-notice")).to_have_text(f"已提交审核结论：{decision}")
    expect(page.get_by_test_id("decision-form")).to_have_count(0)


def success_message(page: Page, text: str) -> None:
    """The message shown after a POST and its redirect; then the page's load event, which comes after its frames
    (the generated PDFs) have loaded. The live server shares one SQLite database between its threads, and a
    frame still being rendered (it writes an audit record) would otherwise overlap the test's next request."""
    expect(page.get_by_role("alert").filter(has_text=text)).to_be_visible()
    page.wait_for_load_state("load")


def fetch_pdf(page: Page, href: str) -> bytes:
    """A PDF behind a link of the page (`href` as written in it), fetched with the page's own session."""
    response = page.context.request.get(urljoin(page.url, href))
    assert response.status == 200, f"{href}: HTTP {response.status}"
    assert response.headers["content-type"] == "application/pdf"
    body = response.body()
    assert body.startswith(b"%PDF")
    return body


def import_report(page: Page, spec_label: str, spec_key: str, rows: list[list], directory: Path) -> None:
    """On 就业见习·批量上报: open the spec's import page, download its template through the page's link, fill
    it, upload it and wait on the job page until every row is counted as new."""
    open_sidebar_link(page, "批量上报", "就业见习·批量上报")
    page.get_by_test_id(f"import-{spec_key}").click()
    expect(page.get_by_role("heading", name=spec_label)).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_test_id("download-template").click()
    download = download_info.value
    assert download.suggested_filename == f"{spec_label}模板.xlsx"
    template = directory / f"{spec_key}-template.xlsx"
    download.save_as(template)
    filled = fill_template(template, rows, directory / f"{spec_key}-filled.xlsx")
    page.set_input_files("#id_file", str(filled))
    page.get_by_role("button", name="开始导入").click()
    expect(page.get_by_role("heading", name=re.compile(re.escape(spec_label)))).to_be_visible()
    progress = page.get_by_test_id("job-progress")
    expect(progress).to_contain_text("已完成")
    counts = page.get_by_test_id("job-counts")
    expect(counts.locator("[data-count=created]")).to_have_text(str(len(rows)))
    expect(counts.locator("[data-count=failed]")).to_have_text("0")
    expect(page.get_by_test_id("row-errors")).to_have_count(0)
