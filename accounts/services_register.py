"""注册 (a person): the individual account, proved by an SMS code to the mobile and signed in at once."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.forms_register import id_number_taken_message, mobile_taken_message
from accounts.models import User, UserKind
from audit.services import record


@transaction.atomic
def register_person(*, username: str, real_name: str, id_number: str, mobile: str, password: str) -> User:
    """Create the individual account. The form has checked the fields and spent the SMS code; the unique
    constraints (login account, ID number, mobile) hold against a parallel registration, whose loss becomes the
    field's message. As with the name + ID number sign-in (accounts.identity), a person who proved the mobile
    with a code at registration counts as verified (identity_verified_at)."""
    user = User(username=username, real_name=real_name, id_number=id_number, mobile=mobile, kind=UserKind.INDIVIDUAL,
                identity_verified_at=timezone.now())
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        if User.objects.filter(id_number=id_number).exists():
            raise ValidationError({"id_number": id_number_taken_message()}) from None
        if User.objects.filter(mobile=mobile).exists():
            raise ValidationError({"mobile": mobile_taken_message()}) from None
        raise ValidationError({"username": _("该登录名已被使用，请换一个")}) from None
    record(actor=user, action="accounts.registered", target=user,
           after={"username": username, "id_number": id_number, "identity_verified_at": user.identity_verified_at})
    return user
