"""企业新型学徒制培训补贴 (manual 003 §3.2.3): the programme's writes beside the foundation's claims.services.

立即办理 = 确认承诺书 + the stage, then a draft claim (claims.services.create_claim) with its ClaimDetails; 单位基本信息
(contact and bank account) saved; people added from the enterprise's approved filings or imported by ID number;
attachments; submission through claims.services.submit_claim. Each change of the people recomputes the claim's
lines (claims.services.recompute_lines) from the roster (services.roster). Lock order: the Claim row first
(claims.services locks it), then its people."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.involvement import involvements
from apprenticeships.models import ClaimDetails, ClaimMaterial, ClaimPerson, ClaimStage, FilingStatus, Trainee
from apprenticeships.rules import CLAIM, CLAIM_COMMITMENT_VERSION, PROGRAMME
from apprenticeships.services.roster import roster
from attachments.services import store_upload
from audit.services import record
from claims import services as claim_services
from claims.models import Claim, ClaimStatus
from core.constraints import known_violation

CLAIM_KIND = "apprenticeship_claim"  # the review kind (apprenticeships.kinds)
ATTACHMENT_PURPOSE = "apprenticeship_claim_attachment"
MAX_ATTACHMENTS = 20


def may_file(user, organisation) -> bool:
    return (user.is_authenticated and organisation is not None and user.organisation_id == organisation.pk
            and user.has_perm(CLAIM))


def _lock(claim) -> Claim:
    return Claim.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=claim.pk)


def _check(actor, claim: Claim, doing: str) -> ClaimDetails:
    if claim.programme != PROGRAMME:
        raise ValidationError(_("不是学徒制培训补贴申领"))
    if not may_file(actor, claim.organisation):
        raise PermissionDenied(_("只能办理本单位的补贴申领"))
    if claim.status not in claim_services.EDITABLE_STATUSES:
        raise ValidationError(_("补贴申领当前状态为“%(status)s”，不能%(doing)s")
                              % {"status": claim.get_status_display(), "doing": doing}, code="state")
    return ClaimDetails.objects.get(claim=claim)


def approved_trainees(organisation):
    """The people the enterprise may put on a claim: trainees of its approved filings."""
    return (Trainee.objects.filter(filing__organisation=organisation, filing__status=FilingStatus.APPROVED)
            .select_related("filing", "filing__training_class").order_by("filing__number", "id"))


@transaction.atomic
def start_claim(*, organisation, actor, stage: str, commitment_accepted: bool, today=None) -> Claim:
    """立即办理: the commitment accepted and the stage chosen, a draft claim of this month with its details,
    单位基本信息 prefilled from the organisation."""
    if not may_file(actor, organisation):
        raise PermissionDenied(_("只能办理本单位的补贴申领"))
    if not commitment_accepted:
        raise ValidationError({"commitment": _("请阅读并确认承诺书")})
    if stage not in ClaimStage.values:
        raise ValidationError({"stage": _("请选择申领阶段（预支或清算）")})
    month = (today or timezone.localdate()).replace(day=1)
    claim = claim_services.create_claim(programme=PROGRAMME, organisation=organisation, actor=actor,
                                        first_month=month, last_month=month,
                                        note=_("学徒制培训补贴（%(stage)s）") % {"stage": ClaimStage(stage).label})
    ClaimDetails.objects.create(
        claim=claim, stage=stage, commitment_version=CLAIM_COMMITMENT_VERSION, commitment_accepted_by=actor,
        commitment_accepted_at=timezone.now(), contact_name=organisation.contact_person[:32],
        contact_phone=organisation.contact_phone[:20], account_name=organisation.name[:128])
    record(actor=actor, action="apprenticeships.claim_started", target=claim,
           after={"number": claim.number, "stage": stage, "commitment_version": CLAIM_COMMITMENT_VERSION})
    return claim


BASICS_FIELDS = ("contact_name", "contact_phone", "bank_name", "account_name", "bank_account")


@transaction.atomic
def save_basics(*, claim: Claim, actor, contact_name: str, contact_phone: str, bank_name: str,
                account_name: str, bank_account: str) -> ClaimDetails:
    """单位基本信息: contact and the account the subsidy is paid into (the account number encrypted)."""
    locked = _lock(claim)
    details = _check(actor, locked, _("修改单位基本信息"))
    values = {"contact_name": contact_name.strip(), "contact_phone": contact_phone.strip(),
              "bank_name": bank_name.strip(), "account_name": account_name.strip(),
              "bank_account": "".join(bank_account.split())}
    missing = {name: _("请填写此项") for name, value in values.items() if not value}
    if missing:
        raise ValidationError(missing)
    before = {name: getattr(details, name) for name in BASICS_FIELDS}
    for name, value in values.items():
        setattr(details, name, value)
    details.basics_saved_at = timezone.now()
    details.save()
    locked.save(update_fields=["updated_at"])  # the claim's version moves with its basics (the API's ETag)
    record(actor=actor, action="apprenticeships.claim_basics_saved", target=locked, before=before, after=values)
    return details


def _add(claim: Claim, actor, trainees, job=None) -> tuple[int, int]:
    existing = set(claim.apprenticeship_people.values_list("trainee_id", flat=True))
    added = 0
    for trainee in sorted(trainees, key=lambda item: item.pk):
        if trainee.filing.organisation_id != claim.organisation_id or trainee.filing.status != FilingStatus.APPROVED:
            raise ValidationError(_("%(name)s 不是本单位已备案（审核通过）的培训人员") % {"name": trainee.name})
        if trainee.pk in existing:
            continue
        try:
            with transaction.atomic():
                ClaimPerson.objects.create(claim=claim, trainee=trainee, added_by=actor, import_job=job)
        except IntegrityError as error:
            raise known_violation(error) or error from None
        existing.add(trainee.pk)
        added += 1
    return added, len(trainees) - added


@transaction.atomic
def add_people(*, claim: Claim, actor, trainees, job=None) -> tuple[int, int]:
    """【新增】 (or 导入): trainees of the enterprise's approved filings onto the claim; (added, already there).
    The claim's lines are computed again."""
    locked = _lock(claim)
    _check(actor, locked, _("添加人员"))
    if not trainees:
        raise ValidationError({"trainees": _("请选择培训人员")})
    added, unchanged = _add(locked, actor, list(trainees), job)
    claim_services.recompute_lines(locked)
    if added:
        record(actor=actor, action="apprenticeships.claim_people_added", target=locked,
               after={"trainees": sorted(trainee.pk for trainee in trainees), "added": added})
    return added, unchanged


def import_people_rows(*, actor, organisation, rows, parent, job=None) -> tuple[int, int, int]:
    """apply of the 申领人员 import: each row's trainee (found by the row form) onto the claim `parent`."""
    added, unchanged = add_people(claim=parent, actor=actor, trainees=[row["trainee"] for row in rows], job=job)
    return added, 0, unchanged


@transaction.atomic
def remove_person(*, claim: Claim, actor, entry_id: int) -> None:
    locked = _lock(claim)
    _check(actor, locked, _("移除人员"))
    entry = locked.apprenticeship_people.select_related("trainee").filter(pk=entry_id).first()
    if entry is None:
        raise ValidationError(_("该人员不在本申领中"))
    name = entry.trainee.name
    entry.delete()
    claim_services.recompute_lines(locked)
    record(actor=actor, action="apprenticeships.claim_person_removed", target=locked,
           before={"trainee": entry.trainee_id, "name": name})


@transaction.atomic
def add_attachment(*, claim: Claim, actor, uploaded_file) -> ClaimMaterial:
    """上传附件 (purpose apprenticeship_claim_attachment)."""
    locked = _lock(claim)
    _check(actor, locked, _("上传附件"))
    if locked.apprenticeship_materials.count() >= MAX_ATTACHMENTS:
        raise ValidationError({"file": _("附件最多 %(count)s 个") % {"count": MAX_ATTACHMENTS}})
    attachment = store_upload(purpose=ATTACHMENT_PURPOSE, uploaded_file=uploaded_file, actor=actor,
                              owner_org=locked.organisation)
    material = ClaimMaterial.objects.create(claim=locked, attachment=attachment, uploaded_by=actor)
    record(actor=actor, action="apprenticeships.claim_attachment_added", target=locked,
           after={"attachment": str(attachment.pk), "name": attachment.original_name})
    return material


@transaction.atomic
def remove_attachment(*, claim: Claim, actor, material_id: int) -> None:
    locked = _lock(claim)
    _check(actor, locked, _("删除附件"))
    material = locked.apprenticeship_materials.select_related("attachment").filter(pk=material_id).first()
    if material is None:
        raise ValidationError(_("该附件不在本申领中"))
    name = material.attachment.original_name
    material.delete()
    record(actor=actor, action="apprenticeships.claim_attachment_removed", target=locked,
           before={"attachment": str(material.attachment_id), "name": name})


def submission_problems(claim: Claim, *, today=None) -> list[str]:
    """What stands between the claim and its submission (the manual: 所有信息填写完毕后，点击提交审核)."""
    problems = []
    details = ClaimDetails.objects.filter(claim=claim).first()
    if details is None or details.basics_saved_at is None:
        problems.append(_("请先填写并保存单位基本信息"))
    lines = roster(claim, today=today)
    if not lines:
        problems.append(_("请添加申领人员"))
    refused = [line for line in lines if line.refused]
    if refused:
        problems.append(_("以下人员不符合申领条件，请移除后再提交：%(people)s") % {
            "people": "；".join(f"{line.trainee.name}（{line.refused}）" for line in refused)})
    if not claim.apprenticeship_materials.exists():
        problems.append(_("请上传附件"))
    return problems


@transaction.atomic
def submit(*, claim: Claim, actor) -> Claim:
    """提交审核: everything filled in and every person payable, then the foundation submits (lines computed once
    more and counted; the county, then the city, review)."""
    locked = _lock(claim)
    _check(actor, locked, _("提交"))
    problems = submission_problems(locked)
    if problems:
        raise ValidationError(problems, code="incomplete")
    return claim_services.submit_claim(claim=locked, actor=actor)


def is_editable(claim: Claim) -> bool:
    return claim.status in (ClaimStatus.DRAFT, ClaimStatus.RETURNED)


def self_check(claim, lines=None) -> list[dict]:
    """Per person: the ID number looked up across programmes (accounts.involvement), this claim left out."""
    lines = roster(claim) if lines is None else lines
    return [{"line": line, "found": involvements(line.trainee.person, exclude_claim=claim,
                                                 exclude_trainee=line.trainee)} for line in lines]
