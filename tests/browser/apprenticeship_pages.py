"""Page steps of the apprenticeship (企业新型学徒制) journey used more than once, and the data it starts from.

Every wait is on something the page shows (Playwright's `expect`) or on its load event, never on time."""

import datetime
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.journey_pages import open_sidebar_link, scripts_ready
from tests.browser.traineeship_pages import fill_template, id_number_aged, small_pdf

__all__ = ["decide", "id_number_aged", "import_rows", "message", "small_pdf", "working_days_after"]


def working_days_after(day: datetime.date, count: int) -> datetime.date:
    """The `count`-th working day after `day` on the official calendar (calendars.workdays)."""
    from calendars import workdays

    return workdays.add_working_days(day, count)


def message(page: Page, text: str) -> None:
    """The flash message after a POST and its redirect, then the page's load event."""
    try:
        expect(page.get_by_role("alert").filter(has_text=text).first).to_be_visible()
    except AssertionError as error:
        shown = page.get_by_role("alert").all_inner_texts()
        raise AssertionError(f"{text!r} not among the messages {shown!r}") from error
    page.wait_for_load_state("load")


def decide(page: Page, title: str, decision: str = "通过", reason: str = "") -> None:
    """Open the pending item whose title contains `title` in 待我审核 and give `decision`."""
    open_sidebar_link(page, "待我审核", "待我审核")
    row = page.get_by_test_id("inbox-table").locator("tbody tr", has_text=title)
    expect(row).to_have_count(1)
    row.get_by_role("link", name="审核").click()
    form = page.get_by_test_id("decision-form")
    expect(form).to_be_visible()
    scripts_ready(page)  # the decision form posts through htmx
    form.get_by_label(decision, exact=True).check()
    if reason:
        form.get_by_label("审核意见").fill(reason)
    form.get_by_role("button", name="提交审核结论").click()
    expect(page.get_by_test_id("review-notice")).to_have_text(f"已提交审核结论：{decision}")
    expect(page.get_by_test_id("decision-form")).to_have_count(0)


def import_rows(page: Page, rows: list[list], directory: Path, name: str, *, created: int, failed: int = 0,
                updated: int | None = None) -> None:
    """From a tab's 【导入】: download the template on the import page, fill `rows` in, upload it and wait for
    the job page to count `created` new and `failed` failed rows."""
    page.get_by_test_id("import").click()
    expect(page.get_by_test_id("import-form")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_test_id("download-template").click()
    template = directory / f"{name}-template.xlsx"
    download_info.value.save_as(template)
    filled = fill_template(template, rows, directory / f"{name}.xlsx")
    page.set_input_files("#id_file", str(filled))
    page.get_by_role("button", name="开始导入").click()
    expect(page.get_by_test_id("job-progress")).to_contain_text(f"已处理 {len(rows)} / {len(rows)} 行")
    counts = page.get_by_test_id("job-counts")
    expect(counts.locator("[data-count=created]")).to_have_text(str(created))
    expect(counts.locator("[data-count=failed]")).to_have_text(str(failed))
    if updated is not None:
        expect(counts.locator("[data-count=updated]")).to_have_text(str(updated))
