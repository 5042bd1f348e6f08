"""The tripartite agreement (三方协议) and the early end through the API, as the internship's page offers them:
the school fills the terms (If-Match), uploads the informed-consent form and the signed copy, signs, ends early;
the student confirms the terms they read. Each binds the screen's form and calls the screen's service."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiRequest, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.parsers import MultiPartParser
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.errors import FormInvalid, form_errors
from api.forms import bind, form_serializer
from api.responses import object_response
from internships.api.serializers import InternshipSerializer
from internships.forms.school import AgreementTermsForm, ConfirmForm, EndEarlyForm, UploadForm
from internships.models import Internship
from internships.selectors.school import get_internship_for_user, get_school_internship, get_student_internship
from internships.services import school as services

TAGS = ["职业院校学生实习"]
TermsInput = form_serializer(AgreementTermsForm, "InternshipAgreementTermsInput")
ConfirmInput = form_serializer(ConfirmForm, "InternshipAgreementConfirmInput")
EndInput = form_serializer(EndEarlyForm, "InternshipEndEarlyInput")
FileInput = OpenApiRequest(inline_serializer("InternshipAgreementFile", {"file": serializers.FileField()}))


def _shown(request, internship):
    return object_response(request, InternshipSerializer, get_internship_for_user(request.user, internship.pk))


class AgreementTerms(APIView):
    """填写三方协议 (PUT, If-Match): while the internship waits for its agreement."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_agreement_terms_update", summary=_("填写实习协议条款（学校）"),
                   tags=TAGS, request=TermsInput, responses=InternshipSerializer)
    def put(self, request, pk):
        internship = get_school_internship(request.user, pk)
        with transaction.atomic():
            check_if_match(request, Internship.objects.select_for_update(of=("self",)).get(pk=internship.pk))
            form = bind(AgreementTermsForm, request.data, position=internship.position)
            services.save_agreement_terms(internship=internship, actor=request.user, terms=form.cleaned_data)
        return _shown(request, internship)


class ConfirmAgreement(APIView):
    """确认协议: the student (session) confirms the terms whose `terms_digest` they read."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_agreement_confirm", summary=_("确认实习协议（学生）"), tags=TAGS,
                   request=ConfirmInput, responses=InternshipSerializer)
    def post(self, request, pk):
        internship = get_student_internship(request.user, pk)
        form = bind(ConfirmForm, request.data)
        services.confirm_agreement(internship=internship, actor=request.user, digest=form.cleaned_data["digest"])
        return _shown(request, internship)


class _Upload(APIView):
    """One upload (multipart field `file`), checked by the screen's upload form for the file's purpose."""

    api_programme = "internships"
    parser_classes = (MultiPartParser,)
    purpose = service = None

    def post(self, request, pk):
        internship = get_school_internship(request.user, pk)
        form = UploadForm(request.data, request.FILES, purpose=self.purpose)
        if not form.is_valid():
            raise FormInvalid(form_errors(form))
        type(self).service(internship=internship, actor=request.user, uploaded_file=form.cleaned_data["file"])
        return _shown(request, internship)


class UploadConsent(_Upload):
    purpose, service = services.CONSENT_PURPOSE, services.attach_consent

    @extend_schema(operation_id="internships_agreement_consent_upload", summary=_("上传知情同意书（学校）"),
                   tags=TAGS, request=FileInput, responses=InternshipSerializer)
    def post(self, request, pk):
        return super().post(request, pk)


class UploadAgreementCopy(_Upload):
    purpose, service = services.AGREEMENT_PURPOSE, services.attach_agreement_copy

    @extend_schema(operation_id="internships_agreement_copy_upload", summary=_("上传已签署的实习协议（学校）"),
                   tags=TAGS, request=FileInput, responses=InternshipSerializer)
    def post(self, request, pk):
        return super().post(request, pk)


class SignAgreement(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_agreement_sign", summary=_("签署三方协议（学校）"), tags=TAGS,
                   request=None, responses=InternshipSerializer)
    def post(self, request, pk):
        internship = get_school_internship(request.user, pk)
        services.sign_agreement(internship=internship, actor=request.user)
        return _shown(request, internship)


class EndEarly(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_end_early", summary=_("提前终止实习（学校）"), tags=TAGS,
                   request=EndInput, responses=InternshipSerializer)
    def post(self, request, pk):
        internship = get_school_internship(request.user, pk)
        form = bind(EndEarlyForm, request.data)
        services.end_early(internship=internship, actor=request.user, ended_on=form.cleaned_data["ended_on"],
                           reason=form.cleaned_data["reason"])
        return _shown(request, internship)
