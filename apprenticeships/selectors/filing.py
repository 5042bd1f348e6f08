"""Reads of the filing area: the enterprise's own filings (办理结果), one of them for a tab or an action, the
institutions a filing may name, and the summary shown on the detail page, the review page and the printed form."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from apprenticeships.models import Filing, TrainingClass
from apprenticeships.rules import INSTITUTION_KINDS, MATERIALS, may_file
from apprenticeships.selectors.access import filings_for_user, get_filing_for_user
from organisations.models import Organisation


def own_filings(user):
    """办理结果: the filings of the user's own enterprise (members who may file)."""
    if not may_file(user):
        return Filing.objects.none()
    return filings_for_user(user).filter(organisation_id=user.organisation_id)


def get_own_filing(user, pk: int) -> Filing:
    """A filing the user works on: 404 when not visible, 403 when visible but not theirs to file."""
    filing = get_filing_for_user(user, pk)
    if not may_file(user) or user.organisation_id != filing.organisation_id:
        raise PermissionDenied
    return filing


def filing_for_import(user, key) -> Filing:
    """ImportParent.get of the 培训信息 import."""
    if not str(key).isdigit():
        raise Http404
    return get_own_filing(user, int(key))


def material_labels(filing: Filing) -> list[tuple[str, str]]:
    """上传材料: (code, label) of each material the filing's type asks for."""
    return [(code, str(label)) for code, label in MATERIALS[filing.apprenticeship_type]]


def institutions():
    """合作培训机构: Praxis's training institutions and schools."""
    return Organisation.objects.filter(kind__in=INSTITUTION_KINDS).order_by("name", "id")


def training_class_of(filing: Filing) -> TrainingClass | None:
    return TrainingClass.objects.filter(filing=filing).first()


def filing_summary(filing: Filing) -> dict:
    """Everything of a filing, read-only: class, institution, teachers, trainees, courses, materials."""
    uploaded = {row.material: row for row in filing.materials.select_related("attachment")}
    return {
        "filing": filing,
        "organisation": filing.organisation,
        "training_class": training_class_of(filing),
        "teachers": list(filing.teachers.order_by("pk")),
        "trainees": list(filing.trainees.select_related("school").order_by("pk")),
        "courses": list(filing.courses.select_related("teacher", "venue").order_by("pk")),
        "materials": [{"code": code, "label": label, "row": uploaded.get(code)}
                      for code, label in material_labels(filing)],
        "recognition": filing.recognition,
    }
