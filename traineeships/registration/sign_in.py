"""The programme's sign-in for people (accounts.eligibility): the name + ID number entry of accounts.identity,
with this programme's rule; the pages are accounts' own, mounted at traineeships:individual_sign_in too."""

from django.utils.translation import gettext_lazy as _

from accounts.eligibility import PeopleProgramme, register_programme
from traineeships.rules import PROGRAMME
from traineeships.selectors.programme import is_participant
from traineeships.services import individuals


def register_people_programme() -> None:
    register_programme(PeopleProgramme(
        key=PROGRAMME, label=_("就业见习"), check=individuals.check_eligibility,
        enter=individuals.create_profile, landing=individuals.landing,
        mobile_bound=individuals.mark_mobile_verified,
        intro=_("往届高校毕业生和16–24周岁失业青年无需注册，输入姓名和身份证号即可登录。"),
        public_link=("traineeships:public_posts", _("先看看见习岗位")),
        entry_url_name="traineeships:individual_sign_in",
        # Trainees have left school (graduates, young job seekers): no student services in their menu.
        participant=is_participant, for_students=False,
    ))
