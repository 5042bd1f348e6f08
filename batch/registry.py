"""What can be imported and exported. Apps register an ImportSpec / ExportSpec per kind of data; the engine,
the template download, the task centre and the views all read from here.

An import spec names the *screen's* form, so a spreadsheet row is validated exactly as the add/edit page
validates it, and an `apply` service that upserts a chunk of already-validated rows by the natural key.
An export spec names the list page's own selector + filter, so an export holds exactly what the list shows.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import Http404


@dataclass(frozen=True)
class Column:
    header: str  # the Chinese column title in the template / export, matched on upload
    field_name: str  # the form field (import) or model attribute (export)
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (value, label): a drop-down in the template; labels in the file
    example: Any = ""
    text: bool = False  # formatted as text in the template so Excel keeps leading zeros and long digit strings
    # a number in this column is refused: Excel keeps only 15 significant digits, so an 18-digit ID
    # entered as a number has already lost its last digits
    numbers_refused: bool = False
    personal: str = ""  # "id_number" / "mobile": masked in exports for users without view_personal_data
    width: int = 14
    help_text: str = ""
    # Exports only. value(obj) -> the cell, for what the list page computes (a property, a related name);
    # when any column has one the export walks model instances instead of values_list rows.
    value: Callable | None = None
    # mask(text) -> text, applied for users without view_personal_data (e.g. a login identifier that may be
    # a mobile or an ID number); `personal` covers the plain cases.
    mask: Callable | None = None


@dataclass(frozen=True)
class ImportParent:
    """The record an import belongs to, e.g. the trainees of one training record: the job keeps its key,
    the import page and the job load it through `get`, and the form and apply receive it as `parent`."""

    # get(user, key) -> the record, through the owning app's selector: Http404 for a record the user cannot
    # see, PermissionDenied for one they see but may not import into. Called on upload and again by the job.
    get: Callable
    # describe(record) -> the text shown on the import page and the job, e.g. "2026年第1期电工培训"
    describe: Callable = str


@dataclass(frozen=True)
class ImportSpec:
    key: str
    label: str  # e.g. "人员信息导入"
    permission: str
    columns: tuple[Column, ...]
    form_class: type
    natural_key: tuple[str, ...]
    # apply(*, actor, organisation, rows) -> (created, updated, unchanged); rows are cleaned_data dicts.
    # With a parent, apply and form_kwargs also receive parent=<the record>.
    apply: Callable
    # form_kwargs(actor, organisation) -> extra keyword arguments for form_class
    form_kwargs: Callable = field(default=lambda actor, organisation, **context: {})
    needs_organisation: bool = True
    chunk_size: int = 2000
    back_url_name: str = ""  # the list page the import belongs to
    # True only when each row stands alone: the form makes no database query and keeps nothing between rows.
    # Then a large file's rows may be validated by forked worker processes (batch.parallel). Otherwise (places
    # claimed by earlier rows, lookups of the unit's records) the rows are validated and applied in file order
    # in the job's own process, which is the safe default for a new spec.
    independent_rows: bool = False
    # True: rows go through batch.fast_validation, the form's own rules without the form's per-row machinery,
    # and only rows it cannot accept through the form itself (same results; a test per spec imports a file both
    # ways). For forms whose fields are plain values (text, choices, dates, numbers).
    fast_validation: bool = False
    # prepare(cleaned_data) -> the same dict with values apply would otherwise derive from it (e.g.
    # batch.inserting.sealer's hashes and ciphertexts), run on each valid row by the validation workers only:
    # the job's process reads and writes and is the busier one. Rows validated in the job's process skip it,
    # so apply must accept rows with and without them and store the same either way.
    prepare: Callable | None = None
    parent: ImportParent | None = None
    # allowed(user) -> bool: who may import, when the screen's own rule is more than one permission code (e.g.
    # the working-day calendar: provincial HR or platform staff). Defaults to user.has_perm(permission).
    allowed: Callable | None = None
    # True: apply also receives job=<the BatchJob>, so the records it creates can name the import they came from
    # (e.g. 上报记录 listing what became of each imported row).
    with_job: bool = False

    def may_import(self, user) -> bool:
        """The one question the import page, its template, the task centre's filter and the job ask."""
        if not user.is_authenticated:
            return False
        if self.allowed is not None:
            permitted = bool(self.allowed(user))
        else:
            permitted = user.has_perm(self.permission)
        return permitted and (user.organisation_id is not None or not self.needs_organisation)

    def context(self, parent) -> dict:
        """The keyword arguments form_kwargs and apply receive besides actor and organisation."""
        return {"parent": parent} if self.parent is not None else {}

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


@dataclass(frozen=True)
class ExportSpec:
    key: str
    label: str  # e.g. "人员信息导出"
    permission: str
    columns: tuple[Column, ...]
    # queryset(user, params) -> the list page's queryset for these filter params
    queryset: Callable
    back_url_name: str = ""
    # allowed(user) -> bool: who may export, when the list page's own rule is more than one permission code
    # (e.g. platform staff, or an organisation user holding the code). Defaults to user.has_perm(permission).
    allowed: Callable | None = None
    needs_organisation: bool = False

    def may_export(self, user) -> bool:
        if not user.is_authenticated:
            return False
        if self.allowed is not None:
            return bool(self.allowed(user))
        return user.has_perm(self.permission)


_imports: dict[str, ImportSpec] = {}
_exports: dict[str, ExportSpec] = {}


def register_import(spec: ImportSpec) -> None:
    # Re-registering the same key replaces it, so calling an app's registration twice is harmless.
    _imports[spec.key] = spec


def register_export(spec: ExportSpec) -> None:
    _exports[spec.key] = spec


def import_specs() -> list[ImportSpec]:
    return list(_imports.values())


def export_specs() -> list[ExportSpec]:
    return list(_exports.values())


def get_import(key: str) -> ImportSpec:
    try:
        return _imports[key]
    except KeyError:
        raise Http404("no such import") from None


def get_export(key: str) -> ExportSpec:
    try:
        return _exports[key]
    except KeyError:
        raise Http404("no such export") from None


def spec_label(kind: str, key: str) -> str:
    spec = (_imports if kind == "import" else _exports).get(key)
    return spec.label if spec else key


def spec_choices() -> list[tuple[str, str]]:
    """(key, label) of every registered import and export business, for the task centre filter."""
    seen: dict[str, str] = {}
    for spec in [*_imports.values(), *_exports.values()]:
        seen.setdefault(spec.key, spec.label.removesuffix("导入").removesuffix("导出"))
    return list(seen.items())
