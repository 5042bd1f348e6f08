"""培训成果更正申请: the unit's 培训班申报 holder files a correction of a reported class's results; the class's
reviewer decides it on the review page (reviews:detail), the class page lists the corrections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from continuing_education.forms.correction import CorrectionForm
from continuing_education.models import ResultsStatus
from continuing_education.selectors.classes import get_class_for_user, participants_of
from continuing_education.services import correction as services


@require_http_methods(["GET", "POST"])
@login_required
def correction_new(request, pk):
    training_class = get_class_for_user(request.user, pk)
    if not services.may_file(request.user, training_class):
        raise PermissionDenied
    if training_class.results_status != ResultsStatus.REPORTED:
        messages.error(request, _("培训成果尚未上报，请直接修改报名人员的培训成果"))
        return redirect("continuing_education:class_detail", pk=training_class.pk)
    form = CorrectionForm(request.POST or None, training_class=training_class,
                          participants=participants_of(training_class))
    if request.method == "POST" and form.is_valid():
        try:
            services.file_correction(actor=request.user, training_class=training_class,
                                     reason=form.cleaned_data["reason"], results=form.results())
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("培训成果更正申请已提交培训班审核部门"))
            return redirect("continuing_education:class_detail", pk=training_class.pk)
    return render(request, "continuing_education/correction/form.html", {"form": form,
                                                                           "training_class": training_class})
