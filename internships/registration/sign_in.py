"""The programme's sign-in for students (accounts.eligibility): the name + ID number entry of accounts.identity,
with this programme's rule (on a school's roll)."""

from django.utils.translation import gettext_lazy as _

from accounts.eligibility import PeopleProgramme, register_programme
from internships.rules import PROGRAMME
from internships.services import students


def register_people_programme() -> None:
    # --- students ------------------------------------------------------------------------------------------
    register_programme(PeopleProgramme(
        key=PROGRAMME, label=_("职业院校学生实习"), check=students.check_eligibility, enter=students.link_student,
        landing=students.landing,
        intro=_("职业院校在校学生由学校导入学生名册，输入姓名和身份证号即可登录，选择实习岗位。"),
        entry_url_name="internships:student_sign_in",
        # Students are at school: the student services (推荐实习单位…) stay in their menu.
        participant=students.is_participant, for_students=True,
    ))
