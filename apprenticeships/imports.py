"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by apprenticeships.registration.
Each row runs through the form of the screen that adds one record."""

from django.utils.translation import gettext_lazy as _

from apprenticeships.forms.tracking import YES_NO, AttendanceRowForm
from apprenticeships.models import Mark
from apprenticeships.rules import ATTENDANCE, may_file, may_record_attendance
from apprenticeships.selectors.attendance import course_for_import
from apprenticeships.services.attendance import import_attendance_rows
from batch.registry import Column, ImportParent, ImportSpec, register_import  # noqa: F401


def register_imports() -> None:
    # --- filing: 培训信息 ----------------------------------------------------------------------------------------
    pass

    # --- people: 培训师资, 培训人员, 培训课程 -----------------------------------------------------------------------

    # --- tracking: attendance --------------------------------------------------------------------------------
    # 考勤导入 into one configured course (?parent=<course id>): a row per trainee and day; the course's
    # selector checks who records (the named institution, or the enterprise for an "other" institution).
    register_import(ImportSpec(
        key="apprenticeship_attendance", label=str(_("学徒制培训考勤导入")), permission=ATTENDANCE,
        allowed=lambda user: may_record_attendance(user) or may_file(user),
        columns=(
            Column("日期", "day", required=True, example="2026-03-02", text=True, width=12,
                   help_text="年-月-日，在课程培训日期内且不晚于今天"),
            Column("身份证号", "id_number", required=True, example="410105200103071234", text=True,
                   numbers_refused=True, personal="id_number", width=22, help_text="18位，请以文本格式填写"),
            Column("姓名", "name", example="张三", width=10),
            Column("考勤", "mark", required=True, example=Mark.PRESENT, width=10,
                   choices=tuple((value, str(label)) for value, label in Mark.choices)),
            Column("教师到课", "teacher_present", example="yes", width=10,
                   choices=tuple((value, str(label)) for value, label in YES_NO),
                   help_text="同一日期填写一次即可；留空不改变"),
        ),
        form_class=AttendanceRowForm, natural_key=("day", "id_number"), apply=import_attendance_rows,
        form_kwargs=lambda actor, organisation, **context: {"parent": context.get("parent")},
        back_url_name="apprenticeships:tracking",
        parent=ImportParent(get=course_for_import,
                            describe=lambda course: f"{course.filing.number} {course.name}"),
    ))

    # --- claims: 申领人员 ------------------------------------------------------------------------------------------
