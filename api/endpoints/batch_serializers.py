"""What the API shows of imports, exports and their jobs (the task centre's columns)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from batch import registry
from batch.models import JobKind, JobStatus


class ColumnSerializer(serializers.Serializer):
    header = serializers.CharField(help_text="模板中的列名；导入行可用列名或字段名作键")
    field_name = serializers.CharField()
    required = serializers.BooleanField()
    choices = serializers.SerializerMethodField(help_text="可选值（值与中文名称均可填写）")
    help_text = serializers.CharField()

    def get_choices(self, column) -> list[dict[str, str]]:
        return [{"value": value, "label": label} for value, label in column.choices]


class ImportSpecSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    columns = ColumnSerializer(many=True)
    needs_parent = serializers.SerializerMethodField(help_text="导入须指定所属记录（parent）")

    def get_needs_parent(self, spec) -> bool:
        return spec.parent is not None


class ExportSpecSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()


class JobSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=JobKind.choices)
    spec = serializers.CharField()
    spec_label = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=JobStatus.choices)
    status_display = serializers.CharField(source="get_status_display")
    parent_key = serializers.CharField()
    params = serializers.DictField(help_text="导出时的列表筛选条件")
    source_name = serializers.CharField()
    total_rows = serializers.IntegerField()
    processed_rows = serializers.IntegerField()
    created_rows = serializers.IntegerField()
    updated_rows = serializers.IntegerField()
    unchanged_rows = serializers.IntegerField()
    failed_rows = serializers.IntegerField()
    progress_percent = serializers.IntegerField()
    error = serializers.CharField()
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)

    def get_spec_label(self, job) -> str:
        return registry.spec_label(job.kind, job.spec)


class RowErrorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    row_number = serializers.IntegerField(help_text="Excel 行号（表头为第1行）")
    message = serializers.CharField()


@extend_schema_field({"oneOf": [{"type": "string"}, {"type": "number"}], "nullable": True})
class CellField(serializers.Field):
    """One cell: text or a number (null or absent: an empty cell)."""


class ImportInput(serializers.Serializer):
    """For the schema: the rows, each an object keyed by column header or field name (ImportSpec.columns)."""

    rows = serializers.ListField(
        child=serializers.DictField(child=CellField(), help_text="键：列名或字段名；值：字符串或数字"),
        min_length=1, max_length=10_000,
    )
    parent = serializers.CharField(required=False, allow_blank=True, help_text="所属记录的编号（needs_parent 时必填）")


class ExportInput(serializers.Serializer):
    params = serializers.DictField(required=False, help_text="列表页的筛选条件（与页面查询参数同名）")
