"""注册 (a person): anonymous visitors create their own individual account and are signed in."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from accounts.forms_register import PersonRegistrationForm
from accounts.services_register import register_person

BACKEND = "accounts.backends.IdentifierBackend"


@sensitive_post_parameters("password1", "password2", "sms_code", "id_number")
@never_cache
@require_http_methods(["GET", "POST"])
def register(request):
    if request.user.is_authenticated:
        return redirect("portal:home")
    form = PersonRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = register_person(username=data["username"], real_name=data["real_name"],
                                   id_number=data["id_number"], mobile=data["mobile"], password=data["password1"])
        except ValidationError as error:
            for field, errors in error.error_dict.items():
                form.add_error(field, errors)
        else:
            login(request, user, backend=BACKEND)
            messages.success(request, _("注册成功，已为您登录。"))
            return redirect("portal:home")
    return render(request, "accounts/register.html", {"form": form})
