"""见习匹配结果, after the import (manual 002 §八–§十): the registrations an import creates each need the signed
agreement scan and a review. Here the unit uploads the scans of many people at once (a .zip whose files are
named by ID number) and submits many registrations at once.

Both go one registration at a time through the single-registration services (attach_agreement,
submit_agreement), each in its own transaction: the rules, the row lock and the audit are exactly those of the
registration's own page, and one refused file or registration never undoes the others.

The zip is read synchronously, in the request, within the strict bounds of attachments.archives (at most 100
files, 50 MB, 120 MB unpacked, 10 MB a file): the unit needs the per-file answer at once to fix and re-send the
refused files, and that much work is a few seconds. The batch engine's jobs read spreadsheets row by row and
would add nothing but a wait.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from attachments.archives import ArchiveLimits, ScanArchive
from attachments.purposes import get_purpose
from attachments.services import EXTENSION_SYNONYMS
from attachments.validation import check_upload, describe_allowed
from audit.services import record
from traineeships.models import Placement
from traineeships.rules import MANAGE_BASE as UNIT_PERMISSION
from traineeships.services.placements import (
    AGREEMENT_PURPOSE,
    EDITABLE_PLACEMENT_STATUSES,
    SUBMITTABLE_PLACEMENT_STATUSES,
    attach_agreement,
    submit_agreement,
)

MAX_BULK_SUBMIT = 200
# 410105199901011234.pdf, also with the name after it: 410105199901011234_张三.jpg
_SCAN_NAME = re.compile(r"(\d{17}[\dXx])(?:[ _\-－—（(].*)?\.([A-Za-z]{3,4})")


@dataclass
class ScanResult:
    name: str
    placement: Placement | None = None
    reason: str = ""


@dataclass
class ScanOutcome:
    results: list[ScanResult] = field(default_factory=list)

    @property
    def attached(self) -> list[ScanResult]:
        return [result for result in self.results if result.placement is not None]

    @property
    def refused(self) -> list[ScanResult]:
        return [result for result in self.results if result.placement is None]


@dataclass
class SubmitOutcome:
    submitted: list[Placement] = field(default_factory=list)
    skipped: list[tuple[Placement, str]] = field(default_factory=list)


def _check_unit(actor) -> None:
    if actor.organisation_id is None or not actor.has_perm(UNIT_PERMISSION):
        raise PermissionDenied(_("只能办理本单位的见习人员"))


def scan_extensions() -> dict[str, str]:
    """{extension in a file name: the kind it announces} for the agreement purpose: pdf, jpg, jpeg, png..."""
    purpose = get_purpose(AGREEMENT_PURPOSE)
    return {name: kind.key for kind in purpose.allowed_kinds
            for name in EXTENSION_SYNONYMS.get(kind.extension, {kind.extension})}


def editable_placements_by_id_number(organisation_id: int, id_numbers) -> dict[str, list[Placement]]:
    """The unit's registrations still waiting for their agreement, by the person's ID number. `__in` on the
    encrypted ID number is rewritten to the keyed hash by core.fields, so this is one indexed query."""
    found: dict[str, list[Placement]] = {}
    if not id_numbers:
        return found
    placements = (
        Placement.objects.filter(base__organisation_id=organisation_id, status__in=EDITABLE_PLACEMENT_STATUSES,
                                 person__id_number__in=list(id_numbers))
        .select_related("person", "post").order_by("id")
    )
    for placement in placements:
        found.setdefault(placement.person.id_number.upper(), []).append(placement)
    return found


def attach_scans_from_archive(*, actor, archive) -> ScanOutcome:
    """批量上传协议扫描件: each file of the zip named by ID number goes to the unit's registration of that
    person waiting for its agreement. Raises ValidationError when the archive itself is refused."""
    _check_unit(actor)
    purpose = get_purpose(AGREEMENT_PURPOSE)
    extensions = scan_extensions()
    allowed = describe_allowed(purpose)
    outcome = ScanOutcome()
    with ScanArchive(archive, ArchiveLimits(max_member_bytes=purpose.max_bytes)) as scans:
        wanted: dict[int, str] = {}
        for index, entry in enumerate(scans.entries):
            if entry.problem:
                continue
            match = _SCAN_NAME.fullmatch(entry.file_name)
            if match:
                wanted[index] = match.group(1).upper()
        by_id = editable_placements_by_id_number(actor.organisation_id, set(wanted.values()))
        seen: dict[str, str] = {}
        for index, entry in enumerate(scans.entries):
            result = ScanResult(name=entry.name)
            outcome.results.append(result)
            if entry.problem:
                result.reason = entry.problem
                continue
            match = _SCAN_NAME.fullmatch(entry.file_name)
            if match is None:
                result.reason = _("文件名应为身份证号加扩展名（如 410105199901011234.pdf）")
                continue
            extension = match.group(2).lower()
            if extension not in extensions:
                result.reason = _("文件类型不符：只接受 %(allowed)s（该文件扩展名为 %(ext)s）") % {
                    "allowed": allowed, "ext": extension.upper()}
                continue
            id_number = wanted[index]
            if id_number in seen:
                result.reason = _("与“%(other)s”是同一身份证号，每人只能上传一个文件") % {"other": seen[id_number]}
                continue
            seen[id_number] = entry.name
            candidates = by_id.get(id_number, [])
            if not candidates:
                result.reason = _("本单位没有该身份证号待提交协议的上岗登记")
                continue
            if len(candidates) > 1:
                result.reason = _("该身份证号有多条待提交协议的上岗登记，请在列表中逐条上传")
                continue
            try:
                uploaded = scans.read(entry)
                try:
                    kind = check_upload(purpose, uploaded).kind
                    if kind.key != extensions[extension]:
                        raise ValidationError(_("文件内容与扩展名不符：扩展名为 %(ext)s，内容实际是 %(kind)s")
                                              % {"ext": extension.upper(), "kind": kind.label})
                    result.placement = attach_agreement(placement=candidates[0], actor=actor, uploaded_file=uploaded)
                finally:
                    uploaded.close()
            except ValidationError as error:
                result.reason = "；".join(error.messages)
    record(actor=actor, action="traineeships.agreement_archive", target=actor.organisation,
           after={"file": archive.name[:120], "attached": len(outcome.attached), "refused": len(outcome.refused)})
    return outcome


def ready_placements(organisation_id: int):
    """Registrations that can go to review as they are: waiting for it, with a scan."""
    return Placement.objects.filter(base__organisation_id=organisation_id, status__in=SUBMITTABLE_PLACEMENT_STATUSES,
                                    agreement_scan__isnull=False).select_related("person", "post")


def submit_agreements(*, actor, placements) -> SubmitOutcome:
    """批量提交审核: each registration through submit_agreement (in ascending id order, the one order in which a
    table's rows are locked); a refused one is skipped with its reason."""
    _check_unit(actor)
    outcome = SubmitOutcome()
    for placement in sorted(placements, key=lambda item: item.pk):
        try:
            submitted = submit_agreement(placement=placement, actor=actor)
        except (ValidationError, PermissionDenied) as error:
            reason = "；".join(error.messages) if isinstance(error, ValidationError) else _("不是本单位的上岗登记")
            outcome.skipped.append((placement, reason))
        else:
            outcome.submitted.append(submitted)
    record(actor=actor, action="traineeships.agreements_submitted", target=actor.organisation,
           after={"submitted": [placement.pk for placement in outcome.submitted],
                  "skipped": [placement.pk for placement, _reason in outcome.skipped]})
    return outcome
