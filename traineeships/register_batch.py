"""毕业生信息导入: the graduate register's spreadsheet import, registered with the batch engine. Each row is
validated by the form of the register's 新增 screen; rows are upserted by ID number."""

from django.utils.translation import gettext_lazy as _

from batch.registry import Column, ImportSpec, register_import
from traineeships.forms.individuals import REGISTER_EDUCATION, GraduateRecordForm
from traineeships.services.register import PERMISSION, import_graduate_rows

SPEC_KEY = "graduate_register"

IMPORT_COLUMNS = (
    Column("姓名", "name", required=True, example="张三", width=12),
    Column("身份证号", "id_number", required=True, example="41010520030307123X", text=True, numbers_refused=True,
           personal="id_number", width=22, help_text="18位，请以文本格式填写。"),
    Column("毕业院校", "school", required=True, example="郑州大学", width=24),
    Column("专业", "major", required=True, example="计算机科学与技术", width=20),
    Column("学历", "education", required=True, example="bachelor", width=14,
           choices=tuple((value, str(label)) for value, label in REGISTER_EDUCATION)),
    Column("毕业年份", "graduation_year", required=True, example=2025, width=10, help_text="四位年份，如 2025。"),
)


def _form_kwargs(actor, organisation):
    return {"check_existing": False}


def register_graduate_import() -> None:
    register_import(ImportSpec(
        key=SPEC_KEY, label=str(_("毕业生信息导入")), permission=PERMISSION, columns=IMPORT_COLUMNS,
        form_class=GraduateRecordForm, form_kwargs=_form_kwargs, natural_key=("id_number",),
        apply=import_graduate_rows, back_url_name="traineeships:graduates", independent_rows=True,
    ))
