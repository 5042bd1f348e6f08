"""实习保险 through the API, as its screens offer it: the policies the reader sees, filing a policy (multipart,
the electronic policy PDF as `document`), the policy's page with its insured students, adding insured students,
and the printed policy list (PDF). Each binds the screen's form and calls the screen's service."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.views import APIView

from api.downloads import PDF_RESPONSES, DownloadNegotiation, pdf_download
from api.errors import FormInvalid, form_errors
from api.forms import bind, form_serializer
from api.responses import object_response
from internships.api.serializers import PolicyRowSerializer, PolicySerializer
from internships.forms.insurance import AddStudentsForm, PolicyForm
from internships.selectors.insurance import (
    get_policy_for_adding,
    get_policy_for_user,
    may_file_policies,
    policies_for_user,
)
from internships.services import insurance as services
from internships.views.insurance import may_see_insurance, print_policies

TAGS = ["职业院校学生实习"]
PolicyInput = form_serializer(PolicyForm, "InternshipPolicyInput", extra={
    "document": serializers.FileField(help_text=str(_("电子保单PDF，不超过5MB")))})
AddStudentsInput = form_serializer(AddStudentsForm, "InternshipPolicyStudentsInput")


def _shown(request, policy, *, status=200):
    return object_response(request, PolicySerializer, get_policy_for_user(request.user, policy.pk), status=status)


class PolicyList(ListAPIView):
    """实习保险: the policies the reader sees (GET); 保单备案 (POST, multipart) for the reader's organisation."""

    api_programme = "internships"
    serializer_class = PolicyRowSerializer
    parser_classes = (MultiPartParser,)

    @extend_schema(operation_id="internships_policies_list", summary=_("实习保险保单"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not may_see_insurance(self.request.user):
            raise PermissionDenied
        return policies_for_user(self.request.user)

    @extend_schema(operation_id="internships_policies_create", summary=_("保单备案（学校或企业）"), tags=TAGS,
                   request={"multipart/form-data": PolicyInput}, responses={201: PolicySerializer})
    def post(self, request):
        if not may_file_policies(request.user):
            raise PermissionDenied
        organisation = request.user.organisation
        form = PolicyForm(request.data, request.FILES, organisation=organisation)
        if not form.is_valid():
            raise FormInvalid(form_errors(form))
        data = form.cleaned_data
        policy = services.file_policy(
            actor=request.user, organisation=organisation, enterprise=data.get("enterprise"),
            policy_number=data["policy_number"].strip(), insurer=data["insurer"].strip(),
            starts_on=data["starts_on"], ends_on=data["ends_on"], document=data["document"],
            is_internship_liability=data["is_internship_liability"],
            internship_ids=[item.pk for item in data["internships"]])
        return _shown(request, policy, status=201)


class PolicyDetail(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_policies_retrieve", summary=_("保单详情（含被保险学生）"), tags=TAGS,
                   responses=PolicySerializer)
    def get(self, request, pk):
        return object_response(request, PolicySerializer, get_policy_for_user(request.user, pk))


class AddPolicyStudents(APIView):
    """添加被保险学生: the filer's members choose among their insurable internships not yet on the policy."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_policy_students_add", summary=_("添加被保险学生"), tags=TAGS,
                   request=AddStudentsInput, responses=PolicySerializer)
    def post(self, request, pk):
        policy = get_policy_for_adding(request.user, pk)
        form = bind(AddStudentsForm, request.data, policy=policy)
        services.add_to_policy(actor=request.user, policy=policy,
                               internship_ids=[item.pk for item in form.cleaned_data["internships"]])
        return _shown(request, policy)


class PolicyPrint(APIView):
    """The reader's policies with their insured students, printed as on screen (audited there)."""

    api_programme = "internships"
    content_negotiation_class = DownloadNegotiation

    @extend_schema(operation_id="internships_policies_pdf", summary=_("打印实习责任保险保单清单（PDF）"), tags=TAGS,
                   responses=PDF_RESPONSES)
    def get(self, request):
        if not may_see_insurance(request.user):
            raise PermissionDenied
        return pdf_download(print_policies(request.user), str(_("实习责任保险保单清单.pdf")))
