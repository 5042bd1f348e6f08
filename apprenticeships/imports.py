"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by apprenticeships.registration.
Each row runs through the form of the screen that adds one record."""

from django.utils.translation import gettext_lazy as _

from apprenticeships.forms import people as people_forms
from apprenticeships.rules import FILE, may_file
from apprenticeships.selectors.people import filing_for_certificates, filing_for_import
from apprenticeships.services import people as people_services
from batch.registry import Column, ImportParent, ImportSpec, register_import  # noqa: F401


def register_imports() -> None:
    # --- filing: 培训信息 ----------------------------------------------------------------------------------------
    pass

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
            parent=in_filing(filing_for_import)))
    # 考核结果: by ID number into an approved filing.
    register_import(ImportSpec(
        key=people_forms.CERTIFICATES_IMPORT, label=str(_("考核结果导入")), permission=FILE, allowed=may_file,
        columns=people_forms.CERTIFICATE_COLUMNS, form_class=people_forms.CertificateRowForm,
        form_kwargs=people_forms.in_filing_kwargs, natural_key=("id_number",),
        apply=people_services.import_certificate_rows, parent=in_filing(filing_for_certificates)))

    # --- tracking: attendance --------------------------------------------------------------------------------

    # --- claims: 申领人员 ------------------------------------------------------------------------------------------
