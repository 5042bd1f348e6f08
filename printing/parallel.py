"""A long document laid out in parts by several processes at once, joined into one PDF (issue 12).

WeasyPrint lays out a 1,000-line roster in about 8 s on one core. render_parts gives each part (an HTML
document, each starting on a new page) to its own process. Page numbers ("第 N 页 / 共 M 页") need every part's
page count before any part draws its page margins: each process lays out its part, reports its page count,
waits for its first page number and the total, and only then lets WeasyPrint make the margin boxes — with the
page counters moved to those numbers. The parts' PDFs are joined with pypdf.

The processes come from a "forkserver" (a clean single-threaded server process started once), not fork: a web
worker has other threads, and a fork taken while one of them held a lock (fontconfig, Pango) could hang the
child. Only HTML strings go to the children; they never touch the database.
"""

import io
import multiprocessing
import os
import traceback

from django.conf import settings

from printing.pdf import BASE_URL, LocalOnlyFetcher, render_html, render_pdf

PAGE_COUNT, NUMBERED, DONE, FAILED = "pages", "numbered", "done", "failed"


def render_long_pdf(template_name: str, context: dict, *, lines: list, reader=None,
                    personal_data_visible: bool | None = None) -> bytes:
    """render_pdf for a document listing many `lines` (a roster), laid out in parts by several processes once
    there are settings.PDF_PARALLEL_MIN_LINES of them and more than one CPU (PDF_WORKERS: how many parts; by
    default one per CPU). Off by default (0): on the shared 2-core machines of issue 12, with other work using
    the cores, the parts were slower than one process (bench/README.md, pdf.py); turn it on where cores are free.

    The template prints `part.lines` (numbered from `part.offset` + 1), what comes before the lines when
    `part.first` and what comes after them when `part.last`; each part starts on a new page."""
    lines = list(lines)
    workers = min(getattr(settings, "PDF_WORKERS", None) or os.cpu_count() or 1, len(lines))
    threshold = getattr(settings, "PDF_PARALLEL_MIN_LINES", 0)
    if workers < 2 or not threshold or len(lines) < threshold:
        part = {"lines": lines, "offset": 0, "first": True, "last": True}
        return render_pdf(template_name, {**context, "part": part}, reader=reader,
                          personal_data_visible=personal_data_visible)
    size = -(-len(lines) // workers)
    htmls = [render_html(template_name, {**context, "part": {
        "lines": lines[start:start + size], "offset": start, "first": start == 0,
        "last": start + size >= len(lines)}}, reader, personal_data_visible) for start in range(0, len(lines), size)]
    return render_parts(htmls)


def render_parts(htmls: list[str], *, timeout: float = 300) -> bytes:
    """One PDF of `htmls` in order, each rendered by its own process, pages numbered through the whole."""
    context = multiprocessing.get_context("forkserver")
    # Read by the server when it starts (the first call in this process): the children fork from a warm state.
    context.set_forkserver_preload(["__main__", "printing.parallel", "printing.warm"])
    channels, processes = [], []
    try:
        for html in htmls:
            ours, theirs = context.Pipe()
            process = context.Process(target=_render_part, args=(html, theirs), daemon=True)
            process.start()
            theirs.close()
            channels.append(ours)
            processes.append(process)
        counts = [_receive(channel, PAGE_COUNT, timeout) for channel in channels]
        first_page = 0
        for channel, count in zip(channels, counts):
            channel.send((NUMBERED, first_page, sum(counts)))
            first_page += count
        parts = [_receive(channel, DONE, timeout) for channel in channels]
    finally:
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
    return _join(parts)


def _receive(channel, expected: str, timeout: float):
    if not channel.poll(timeout):
        raise TimeoutError(f"a PDF part did not answer within {timeout} s")
    kind, value = channel.recv()
    if kind == FAILED:
        raise RuntimeError(f"a PDF part failed:\n{value}")
    assert kind == expected, (kind, expected)
    return value


def _join(parts: list[bytes]) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(io.BytesIO(part))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _render_part(html: str, channel) -> None:
    """In the child: lay out, report the page count, wait for the numbering, draw."""
    try:
        from weasyprint import HTML
        from weasyprint import layout as weasyprint_layout
        from weasyprint.text.fonts import FontConfiguration

        make_margin_boxes = weasyprint_layout.make_margin_boxes
        numbering = {}

        def numbered_margin_boxes(layout_context, page, state):
            # Called once per page after the whole part is laid out; its counters hold this part's own numbers.
            counters = state[1]
            if not numbering:
                channel.send((PAGE_COUNT, counters["pages"][0]))
                _kind, numbering["first"], numbering["total"] = channel.recv()
            counters["page"] = [counters["page"][0] + numbering["first"]]
            counters["pages"] = [numbering["total"]]
            return make_margin_boxes(layout_context, page, state)

        weasyprint_layout.make_margin_boxes = numbered_margin_boxes
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalOnlyFetcher())
        pdf = document.write_pdf(font_config=FontConfiguration())
        channel.send((DONE, pdf))
    except BaseException:
        channel.send((FAILED, traceback.format_exc()))
    finally:
        channel.close()
