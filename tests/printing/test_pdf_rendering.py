"""The PDF engine uses only files shipped with Praxis: the font renders on a machine without any font
installed, and no resource is ever fetched from anywhere else."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError

from printing.pdf import BASE_URL, FONT_FILE, LocalOnlyFetcher, render_pdf
from tests.printing.pdftools import pdf_fonts, pdf_text
from tests.printing.render_sample import sample_context

REPO = Path(__file__).resolve().parents[2]
EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def test_the_font_and_its_licence_are_shipped():
    assert FONT_FILE.is_file()
    assert FONT_FILE.stat().st_size > 8_000_000  # the whole Noto Sans SC, not a subset missing rare names
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONT_FILE.parent / "OFL.txt").read_text(encoding="utf-8")


def test_renders_chinese_with_no_system_fonts_at_all(tmp_path):
    config = tmp_path / "fonts.conf"
    config.write_text(EMPTY_FONTCONFIG.format(cache=tmp_path / "cache"), encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    # The configuration really leaves fontconfig without a single font.
    assert subprocess.run(["fc-list"], env=env, capture_output=True, text=True, check=True).stdout == ""

    result = subprocess.run(
        [sys.executable, "-m", "tests.printing.render_sample"], cwd=REPO, env=env, capture_output=True, check=True
    )

    pdf = result.stdout
    assert pdf.startswith(b"%PDF")
    fonts = pdf_fonts(pdf, tmp_path)
    assert [(font["name"].split("+")[-1], font["emb"]) for font in fonts] == [("Praxis-Sans-SC", True)]
    text = pdf_text(pdf, tmp_path)
    # Names with characters outside GB 2312 (犇 喆 堃 淼 龘) come out as themselves, not as boxes.
    assert sample_context()["f"]["name"] == "郑州犇鑫喆堃科技有限公司"
    assert "郑州犇鑫喆堃科技有限公司" in text
    assert "欧阳淼" in text
    assert "郑州市金水区文化路1号龘楼" in text
    assert "单位盖章" in text


def test_rendering_opens_no_network_connection(monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise AssertionError("the PDF renderer tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    pdf = render_pdf("printing/organisation_registration.html", sample_context())
    assert "郑州犇鑫喆堃科技有限公司" in pdf_text(pdf, tmp_path)


@pytest.mark.parametrize(
    "url",
    [
        "http://example.invalid/logo.png",
        "https://example.invalid/font.otf",
        "file:///etc/passwd",
        f"{BASE_URL}../praxis/settings.py",
        "ftp://example.invalid/x.png",
    ],
)
def test_the_fetcher_refuses_anything_but_shipped_files(url):
    html = HTML(string=f'<img src="{url}">', base_url=BASE_URL, url_fetcher=LocalOnlyFetcher())
    with pytest.raises(FatalURLFetchingError):
        html.write_pdf()


def test_the_fetcher_serves_the_shipped_font():
    response = LocalOnlyFetcher().fetch(f"{BASE_URL}fonts/NotoSansSC-Regular.otf")
    assert response.content_type == "font/otf"
    assert response.read(4) == b"OTTO"
