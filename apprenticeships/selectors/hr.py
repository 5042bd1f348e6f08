"""What the HR departments' screens read: 生态链企业认定 (city HR keeps its city's, province HR reads its
province's), the 学徒制参数 of a department's region, the region's filings."""

import datetime

from django.db.models import Q
from django.http import Http404

from apprenticeships.models import EcosystemRecognition, RuleSet, ShortageOccupation, SubsidyStandard
from apprenticeships.rules import ENTERPRISE_KINDS, MANAGE_PARAMETERS, RECOGNITION, hr_department, is_hr_reviewer
from apprenticeships.selectors.access import filings_for_user
from organisations.jurisdiction import region_q
from organisations.models import Organisation
from regions.models import RegionLevel
from regions.periods import region_chain

# --- recognitions ------------------------------------------------------------------------------------------------


def recognition_department(user):
    """The city or province HR department whose user holds RECOGNITION, else None (a county does not keep them)."""
    department = hr_department(user)
    if department is None or department.gov_level not in (RegionLevel.CITY, RegionLevel.PROVINCE):
        return None
    return department if user.has_perm(RECOGNITION) else None


def may_see_recognitions(user) -> bool:
    return recognition_department(user) is not None


def may_keep_recognitions(user) -> bool:
    """Only the city HR department maintains its city's recognitions; the province reads them."""
    department = recognition_department(user)
    return department is not None and department.gov_level == RegionLevel.CITY


def recognitions_for_user(user):
    department = recognition_department(user)
    if department is None:
        return EcosystemRecognition.objects.none()
    return EcosystemRecognition.objects.filter(region_q(department.region, prefix="city__")).select_related(
        "organisation", "city", "created_by", "revoked_by")


def get_recognition_for_user(user, pk: int) -> EcosystemRecognition:
    item = recognitions_for_user(user).filter(pk=pk).first()
    if item is None:
        raise Http404("认定记录不存在")
    return item


def filter_recognitions(queryset, *, q: str = "", role: str = "", valid_on: datetime.date | None = None,
                        revoked: str = ""):
    if q:
        queryset = queryset.filter(Q(organisation__name__icontains=q) | Q(organisation__credit_code__iexact=q)
                                   | Q(chain_name__icontains=q))
    if role:
        queryset = queryset.filter(role=role)
    if valid_on is not None:
        queryset = queryset.filter(valid_from__lte=valid_on, valid_to__gte=valid_on, revoked_at__isnull=True)
    if revoked == "yes":
        queryset = queryset.filter(revoked_at__isnull=False)
    elif revoked == "no":
        queryset = queryset.filter(revoked_at__isnull=True)
    return queryset


def enterprises_of_city(city):
    return Organisation.objects.filter(kind__in=ENTERPRISE_KINDS).filter(region_q(city, prefix="region__"))


# --- parameters --------------------------------------------------------------------------------------------------


def parameter_department(user):
    """The city or province HR department whose user holds MANAGE_PARAMETERS, else None."""
    department = hr_department(user)
    if department is None or department.gov_level not in (RegionLevel.CITY, RegionLevel.PROVINCE):
        return None
    return department if user.has_perm(MANAGE_PARAMETERS) else None


def may_manage_parameters(user) -> bool:
    return parameter_department(user) is not None


PARAMETER_MODELS = {"standards": SubsidyStandard, "shortage": ShortageOccupation, "rules": RuleSet}


def parameters_for_user(user, kind: str, *, include_parents: bool = False):
    """The department's own rows of `kind` (with include_parents, the province's too, read-only for a city)."""
    department = parameter_department(user)
    model = PARAMETER_MODELS[kind]
    if department is None:
        return model.objects.none()
    codes = region_chain(department.region) if include_parents else [department.region_id]
    return model.objects.filter(region_id__in=codes).select_related("region", "set_by")


def get_parameter_for_user(user, kind: str, pk: int):
    item = parameters_for_user(user, kind).filter(pk=pk).first()
    if item is None:
        raise Http404("参数不存在")
    return item


# --- the region's filings ----------------------------------------------------------------------------------------


def may_see_region_filings(user) -> bool:
    return is_hr_reviewer(user)


def region_filings(user):
    """The filings of the department's region (county: its county; city: its city; province: its province)."""
    department = hr_department(user)
    if department is None or not is_hr_reviewer(user):
        return filings_for_user(user).none()
    return filings_for_user(user).filter(region_q(department.region, prefix="organisation__region__")).exclude(
        status="draft").select_related("training_class")


def filter_filings(queryset, *, status: str = "", apprenticeship_type: str = "", q: str = "",
                   month: datetime.date | None = None):
    if status:
        queryset = queryset.filter(status=status)
    if apprenticeship_type:
        queryset = queryset.filter(apprenticeship_type=apprenticeship_type)
    if q:
        queryset = queryset.filter(Q(organisation__name__icontains=q) | Q(organisation__credit_code__iexact=q)
                                   | Q(number__iexact=q))
    if month is not None:
        queryset = queryset.filter(submitted_at__year=month.year, submitted_at__month=month.month)
    return queryset
