"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by apprenticeships.registration.
Each row runs through the form of the screen that adds one record."""

import datetime

from django.utils.translation import gettext_lazy as _

from apprenticeships.forms import people as people_forms
from apprenticeships.forms.claims import PersonRowForm
from apprenticeships.forms.filing import TrainingClassForm
from apprenticeships.forms.parameters import ShortageForm
from apprenticeships.forms.tracking import YES_NO, AttendanceRowForm
from apprenticeships.models import Mark, TargetLevel, TrainingMode
from apprenticeships.rules import ATTENDANCE, CLAIM, FILE, MANAGE_PARAMETERS, may_claim, may_file, may_record_attendance
from apprenticeships.selectors import filing as filing_selectors
from apprenticeships.selectors import people as people_selectors
from apprenticeships.selectors.attendance import course_for_import
from apprenticeships.selectors.claims import claim_for_import
from apprenticeships.selectors.hr import may_manage_parameters
from apprenticeships.services import people as people_services
from apprenticeships.services.attendance import import_attendance_rows
from apprenticeships.services.claims import import_people_rows
from apprenticeships.services.filing import import_class_rows
from apprenticeships.services.parameters import import_shortage
from batch.registry import Column, ImportParent, ImportSpec, register_import


def _choices(pairs):
    return tuple((value, str(label)) for value, label in pairs)


def register_imports() -> None:
    # --- filing: 培训信息 ----------------------------------------------------------------------------------------
    # One row per filing: a second row, or a row when the filing has one already, fails.
    register_import(ImportSpec(
        key="apprenticeship_class", label=str(_("学徒制培训信息导入")), permission=FILE,
        columns=(
            Column("培训职业（工种）", "occupation", required=True, example="电工", width=16),
            Column("职业编码", "occupation_code", example="6-31-01-03", text=True, width=14),
            Column("培训目标等级", "target_level", required=True, choices=_choices(TargetLevel.choices),
                   example=TargetLevel.SENIOR, width=16),
            Column("培训开始日期", "starts_on", required=True, example=datetime.date(2027, 3, 1), width=12,
                   help_text="如 2027-03-01，应晚于提交日期"),
            Column("培训结束日期", "ends_on", required=True, example=datetime.date(2028, 2, 29), width=12),
            Column("培训总课时", "hours", required=True, example=400, width=10),
            Column("培训方式", "mode", required=True, choices=_choices(TrainingMode.choices),
                   example=TrainingMode.ON_THE_JOB, width=16),
            Column("培训期超过2年的原因", "extension_reason", example="", width=24),
        ),
        form_class=TrainingClassForm, natural_key=("occupation",), apply=import_class_rows,
        form_kwargs=lambda actor, organisation, **context: {"filing": context.get("parent")},
        back_url_name="apprenticeships:filings", allowed=may_file, with_job=True,
        parent=ImportParent(get=filing_selectors.filing_for_import, describe=lambda filing: f"{filing.number}"),
    ))

    # --- people: 培训师资, 培训人员, 培训课程 -----------------------------------------------------------------------
    # Into one filing (?parent=<filing id>), each row through the screen's form (columns in forms/people.py), in
    # file order (the forms look up accounts and the filing's teachers), upserted within the filing by its natural
    # key, so a fixed file can be imported again.
    def in_filing(get):
        return ImportParent(get=get, describe=lambda filing: f"{filing.get_apprenticeship_type_display()}备案 "
                                                             f"{filing.number}")

    for key, label, columns, form_class, natural_key, apply in (
        (people_forms.TEACHERS_IMPORT, _("培训师资导入"), people_forms.TEACHER_COLUMNS, people_forms.TeacherForm,
         ("id_number",), people_services.import_teacher_rows),
        (people_forms.TRAINEES_IMPORT, _("培训人员导入"), people_forms.TRAINEE_COLUMNS, people_forms.TraineeForm,
         ("id_number",), people_services.import_trainee_rows),
        (people_forms.COURSES_IMPORT, _("培训课程导入"), people_forms.COURSE_COLUMNS, people_forms.CourseForm,
         ("name",), people_services.import_course_rows),
    ):
        register_import(ImportSpec(
            key=key, label=str(label), permission=FILE, allowed=may_file, columns=columns, form_class=form_class,
            form_kwargs=people_forms.in_filing_kwargs, natural_key=natural_key, apply=apply, with_job=True,
            parent=in_filing(people_selectors.filing_for_import)))
    # 考核结果: by ID number into an approved filing.
    register_import(ImportSpec(
        key=people_forms.CERTIFICATES_IMPORT, label=str(_("考核结果导入")), permission=FILE, allowed=may_file,
        columns=people_forms.CERTIFICATE_COLUMNS, form_class=people_forms.CertificateRowForm,
        form_kwargs=people_forms.in_filing_kwargs, natural_key=("id_number",),
        apply=people_services.import_certificate_rows, parent=in_filing(people_selectors.filing_for_certificates)))

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
    register_import(ImportSpec(
        key="apprenticeship_claim_people", label=str(_("学徒制补贴申领人员导入")), permission=CLAIM,
        allowed=may_claim,
        columns=(
            Column("身份证号", "id_number", required=True, example="410105200103071234", text=True,
                   numbers_refused=True, personal="id_number", width=22, help_text=str(_("18位，请以文本格式填写"))),
            Column("姓名", "name", example="张三", width=12, help_text=str(_("可留空；填写时须与备案一致"))),
        ),
        form_class=PersonRowForm, natural_key=("id_number",), apply=import_people_rows, with_job=True,
        form_kwargs=lambda actor, organisation, **context: {"parent": context.get("parent")},
        back_url_name="apprenticeships:claims",
        parent=ImportParent(get=claim_for_import, describe=lambda claim: f"补贴申领 {claim.number}"),
    ))

    # --- hr: 紧缺急需职业目录 -----------------------------------------------------------------------------------------
    register_import(ImportSpec(
        key="apprenticeship_shortage", label=str(_("紧缺急需职业目录导入")), permission=MANAGE_PARAMETERS,
        columns=(
            Column("目录年度", "year", required=True, example=2026, width=10),
            Column("职业（工种）", "occupation", required=True, example="电工", width=20),
            Column("上浮比例", "uplift_rate", required=True, example="0.3", width=10,
                   help_text="0 到 0.3 之间的小数，0.3 表示上浮30%。"),
            Column("依据文件", "source", required=True, example="郑州市2026年紧缺急需职业（工种）目录", width=30),
        ),
        form_class=ShortageForm, natural_key=("year", "occupation"), apply=import_shortage,
        back_url_name="apprenticeships:parameters", allowed=may_manage_parameters,
    ))

