"""HTML templates to PDF with WeasyPrint, using only files shipped in the repository.

The Chinese font is printing/fonts/NotoSansSC-Regular.otf (SIL OFL 1.1), loaded by @font-face and
embedded (subset) in every PDF, so output is the same on a server without any Chinese font installed.
Every resource a template refers to is fetched by LocalOnlyFetcher: files under the printing app's
fonts/ and static/ folders, data: URIs, nothing else; no network request is ever attempted.
"""

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from core.masking import can_see_personal_data

PRINTING_DIR = Path(__file__).resolve().parent
FONT_DIR = PRINTING_DIR / "fonts"
ASSET_DIR = PRINTING_DIR / "static" / "printing"
ALLOWED_DIRS = (FONT_DIR, ASSET_DIR)
FONT_FILE = FONT_DIR / "NotoSansSC-Regular.otf"
# Templates refer to the font relative to this base: url("fonts/NotoSansSC-Regular.otf").
BASE_URL = PRINTING_DIR.as_uri() + "/"

_MEDIA_TYPES = {".otf": "font/otf", ".ttf": "font/ttf", ".woff2": "font/woff2", ".css": "text/css",
                ".png": "image/png", ".svg": "image/svg+xml"}


class RemoteResourceRefused(ValueError):
    pass


class LocalOnlyFetcher(URLFetcher):
    def __init__(self):
        # fail_on_errors: a missing font must stop the rendering, not silently print boxes.
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RemoteResourceRefused(f"PDF templates may only use shipped files, not {url}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in ALLOWED_DIRS) or not path.is_file():
            raise RemoteResourceRefused(f"not a shipped printing asset: {url}")
        headers = {"Content-Type": _MEDIA_TYPES.get(path.suffix.lower(), "application/octet-stream")}
        return URLFetcherResponse(path.as_uri(), body=read_shipped(path), headers=headers)


@lru_cache(maxsize=16)
def read_shipped(path: Path) -> bytes:
    # The font is 8 MB: read it once per process, not once per document.
    return path.read_bytes()


def render_pdf(template_name: str, context: dict, *, reader=None, personal_data_visible: bool | None = None) -> bytes:
    """The template as PDF bytes, for `reader`.

    Personal identifiers printed with {% id_number %} / {% mobile %} / {% bank_account %} are masked unless the
    reader holds organisations.view_personal_data; personal_data_visible=True prints them whole regardless
    (a person's own document). Without a reader everything is masked: a PDF is as readable as a list page.
    """
    if personal_data_visible is None:
        personal_data_visible = reader is not None and can_see_personal_data(reader)
    context = {**context, "user": reader, "personal_data_visible": bool(personal_data_visible)}
    html = render_to_string(template_name, context)
    font_config = FontConfiguration()
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalOnlyFetcher())
    return document.write_pdf(font_config=font_config)


def own_document(reader, person_id: int) -> dict:
    """render_pdf arguments for a document about one person: that person reads their own identifiers whole."""
    own = reader.is_authenticated and reader.pk == person_id
    return {"reader": reader, "personal_data_visible": True if own else None}


def own_organisation_document(reader, organisation_id: int) -> dict:
    """render_pdf arguments for an organisation's own filing: its people read its contact and bank details whole
    (they entered them), as the 单位注册登记表 does; anyone else needs the permission."""
    own = reader.is_authenticated and reader.organisation_id is not None and reader.organisation_id == organisation_id
    return {"reader": reader, "personal_data_visible": True if own else None}
