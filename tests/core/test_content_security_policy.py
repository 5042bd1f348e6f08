"""Every HTML page carries a Content-Security-Policy that refuses inline script and style, and no template
relies on either."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.urls import reverse

ROOT = Path(settings.BASE_DIR)
# Rendered to PDF by WeasyPrint on the server, never served to a browser.
PDF_BASE = "printing/base_print.html"


def _project_templates() -> list[Path]:
    directories = [Path(d) for d in engines["django"].engine.dirs]
    directories += [path for path in ROOT.glob("*/templates") if path.is_dir()]
    return sorted({file for directory in directories for file in directory.rglob("*.html")})


def _served_to_browsers(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return not (path.as_posix().endswith(PDF_BASE) or f'{{% extends "{PDF_BASE}" %}}' in text)


INLINE = {
    "an inline <script> without src": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "an inline event handler (on…=)": re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE),
    "a style attribute": re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE),
    "a <style> element": re.compile(r"<style[\s>]", re.IGNORECASE),
    "a javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
}


def test_templates_have_no_inline_script_or_style():
    templates = [path for path in _project_templates() if _served_to_browsers(path)]
    assert len(templates) > 80  # the scan found the project's templates
    problems = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in templates
        for what, pattern in INLINE.items()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert problems == [], "\n".join(problems)


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: " ".join(part.split()[1:]) for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/login/", "/regions/dataset/", "/traineeships/public/posts/"])
def test_anonymous_pages_carry_the_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = _policy(response)
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_signed_in_pages_carry_the_policy_and_use_only_static_scripts(client, admin_a):
    client.force_login(admin_a)
    for name in ("portal:home", "reviews:mine", "batch:list", "organisations:profile"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert _policy(response)["script-src"] == "'self'", name
        html = response.content.decode()
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [], name
        assert re.search(r"\sstyle=", html) is None, name
        assert '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false' in html


def test_pages_marked_same_origin_may_be_framed_by_our_own_pages_alone(rf):
    from django.http import HttpResponse
    from django.middleware.clickjacking import XFrameOptionsMiddleware
    from django.views.decorators.clickjacking import xframe_options_sameorigin

    from core.middleware import ContentSecurityPolicyMiddleware

    def page(request):
        return HttpResponse("<p>协议</p>")

    framed = ContentSecurityPolicyMiddleware(XFrameOptionsMiddleware(xframe_options_sameorigin(page)))
    assert _policy(framed(rf.get("/")))["frame-ancestors"] == "'self'"
    plain = ContentSecurityPolicyMiddleware(XFrameOptionsMiddleware(page))
    assert _policy(plain(rf.get("/")))["frame-ancestors"] == "'none'"


def test_non_html_answers_are_left_alone(client, db):
    response = client.get("/static/praxis/praxis.js")
    assert "Content-Security-Policy" not in response


def test_no_template_comment_spans_lines():
    """{# … #} ends at the line's end: a multi-line one is printed on the page ({% comment %} is for those)."""
    problems = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _project_templates()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\{#(?!.*#\})", line)
    ]
    assert problems == []
