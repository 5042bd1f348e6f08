"""The admission check of self-registered and student-recommended enterprises (manual 000 §1): is the
enterprise on the market regulator's register, under the same name and legal representative, and still in
business? Pluggable: settings.PRAXIS_INTERNSHIP_REGISTRY_CHECK names a callable `check(organisation) ->
RegistryAnswer`; the default compares against the registry table the education departments import."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from internships.models import RegistryRecord, RegistryStanding


class Verdict:
    ADMITTED = "admitted"  # the register confirms the enterprise: it enters the pool
    MANUAL = "manual"  # no record or a difference: the county education department decides
    REFUSED = "refused"  # the register says it is no longer in business


@dataclass(frozen=True)
class RegistryAnswer:
    matched_record: RegistryRecord | None
    verdict: str
    note: str = ""


def _same(left: str, right: str) -> bool:
    """Names compared as a person reads them: without spaces, full-width brackets as half-width."""
    def plain(text):
        return "".join((text or "").split()).replace("（", "(").replace("）", ")")
    return plain(left) == plain(right)


def registry_table_check(organisation) -> RegistryAnswer:
    record = RegistryRecord.objects.filter(credit_code=organisation.credit_code).first()
    if record is None:
        return RegistryAnswer(None, Verdict.MANUAL, _("企业登记信息库中没有该统一社会信用代码，转教育部门人工审核"))
    if record.standing != RegistryStanding.ACTIVE:
        return RegistryAnswer(record, Verdict.REFUSED, _("企业登记状态为“%(standing)s”，不能进入实习企业库")
                              % {"standing": record.get_standing_display()})
    differences = []
    if not _same(record.name, organisation.name):
        differences.append(_("企业名称（登记为“%(value)s”）") % {"value": record.name})
    if not _same(record.legal_representative, organisation.legal_representative):
        differences.append(_("法定代表人（登记为“%(value)s”）") % {"value": record.legal_representative})
    if differences:
        return RegistryAnswer(record, Verdict.MANUAL, _("与企业登记信息不一致：%(items)s，转教育部门人工审核")
                              % {"items": "、".join(differences)})
    return RegistryAnswer(record, Verdict.ADMITTED,
                          _("统一社会信用代码、企业名称、法定代表人与登记信息一致，登记状态为存续"))


def check(organisation) -> RegistryAnswer:
    """The configured check (settings.PRAXIS_INTERNSHIP_REGISTRY_CHECK)."""
    return import_string(settings.PRAXIS_INTERNSHIP_REGISTRY_CHECK)(organisation)
