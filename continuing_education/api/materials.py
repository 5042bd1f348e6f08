"""培训相关附件 of a class through the API: list, upload (multipart, field `file`) and delete, for the class's own
unit's 培训班申报 (the screen's own_class) while the declaration is editable (the service refuses otherwise: 409)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import Conflict, FormInvalid, form_errors
from continuing_education.api.classes import PROGRAMME, TAGS, own_class
from continuing_education.forms.classes import MaterialForm, MaterialPickForm
from continuing_education.models import ClassMaterial
from continuing_education.selectors.access import not_found
from continuing_education.selectors.classes import classes_for_user
from continuing_education.services import classes as services


class MaterialSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    attachment_id = serializers.UUIDField()
    name = serializers.CharField(source="attachment.original_name")
    content_type = serializers.CharField(source="attachment.content_type")
    size = serializers.IntegerField(source="attachment.size")
    uploaded_at = serializers.DateTimeField()

    class Meta:
        ref_name = "ContinuingEducationClassMaterial"


class MaterialInput(serializers.Serializer):
    file = serializers.FileField(help_text=gettext_lazy("培训相关附件"))

    class Meta:
        ref_name = "ContinuingEducationClassMaterialInput"


class ClassMaterials(ListAPIView):
    api_programme = PROGRAMME
    serializer_class = MaterialSerializer
    parser_classes = [MultiPartParser]

    @extend_schema(operation_id="continuing_education_materials_list", summary=gettext_lazy("培训相关附件"),
                   tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return own_class(self.request, self.kwargs["pk"]).materials.select_related("attachment").order_by("id")

    @extend_schema(operation_id="continuing_education_materials_create", summary=gettext_lazy("上传培训相关附件"),
                   tags=TAGS, request={"multipart/form-data": MaterialInput}, responses={201: MaterialSerializer})
    def post(self, request, pk):
        training_class = own_class(request, pk)
        if not training_class.is_editable:
            raise Conflict(_("培训班%(status)s，不能修改附件") % {
                "status": training_class.get_status_display()})
        form = MaterialForm(request.data, request.FILES)
        if not form.is_valid():
            raise FormInvalid(form_errors(form))
        try:
            material = services.add_material(actor=request.user, training_class=training_class,
                                             uploaded_file=form.cleaned_data["file"])
        except ValidationError as error:  # the file refused (type, size): the field's message, as on screen
            raise FormInvalid([{"field": "file", "code": "invalid", "message": message}
                               for message in error.messages]) from None
        return Response(MaterialSerializer(material).data, status=201)


class MaterialDetail(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_materials_destroy", summary=gettext_lazy("删除培训相关附件"),
                   tags=TAGS, request=None, responses={204: None})
    def delete(self, request, pk):
        # The material of a class the user sees (404 otherwise), then the screen's own_class (403 unless its
        # unit's 培训班申报) and its pick form.
        material = ClassMaterial.objects.filter(training_class__in=classes_for_user(request.user), pk=pk).first()
        if material is None:
            not_found("附件")
        training_class = own_class(request, material.training_class_id)
        form = MaterialPickForm({"material": material.pk}, materials=training_class.materials.all())
        if not form.is_valid():
            not_found("附件")
        try:
            services.remove_material(actor=request.user, training_class=training_class,
                                     material=form.cleaned_data["material"])
        except ValidationError as error:
            raise Conflict("；".join(error.messages)) from None  # the class is no longer editable
        return Response(status=204)
