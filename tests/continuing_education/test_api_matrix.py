"""The API access matrix of /api/v1/continuing-education/ (tests/api/matrix.py explains rows and the scope
dimension), over the programme's own world and personas (tests/continuing_education/test_access_matrix.py, same
order), plus "participant" (the one of its reported class). Routes without an object name the world's "as_unit"
(owner: enterprise A's administrator) or "as_person" (owner: 王专技, who calls with his session); "correction" is
filed on the reported class (its result cleared), "material" uploaded to the draft."""

import pytest

from continuing_education.models import Participant, TrainingClass
from continuing_education.services.classes import add_material
from continuing_education.services.correction import file_correction
from tests.api.matrix import check_api
from tests.continuing_education.factories_hours import pdf_upload
from tests.continuing_education.test_access_matrix import PERSONAS, people, world  # noqa: F401  (fixtures)
from tests.continuing_education.world import Thing

CE = "api:continuing_education:"
API_MATRIX = {
    # --- desk, units
    CE + "desk": ("as_unit", "GET", None, "200 200 200 403 200 200 200 200 200 200 403 200 401"),
    CE + "statistics": ("as_unit", "GET", None, "403 403 403 403 403 403 200 200 200 200 403 403 401"),
    CE + "join": ("as_person", "GET", None, "200 403 403 403 200 200 403 403 403 403 403 200 401"),
    CE + "join_cancel": ("as_person", "POST", None, "400 403 403 403 400 400 403 403 403 403 403 400 401"),
    CE + "joinable_units": ("as_person", "GET", None, "200 403 403 403 200 200 403 403 403 403 403 200 401"),
    CE + "staff_requests": ("as_unit", "GET", None, "200 200 403 403 403 403 403 403 403 403 403 403 401"),
    CE + "staff_approve_batch": ("as_unit", "POST", None, "400 400 403 403 403 403 403 403 403 403 403 403 401"),
    CE + "staff_request_detail": ("staff_request", "GET", None, "200 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "staff_approve": ("staff_request", "POST", None, "200 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "staff_reject":
        ("staff_request", "POST", {"reason": "矩阵"}, "200 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "staff_end":
        ("staff_linked", "POST", {"reason": "矩阵"}, "200 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "units": ("as_unit", "GET", None, "403 403 403 403 403 403 200 200 200 200 403 403 401"),
    CE + "unit_detail": ("unit", "GET", None, "403 404 403 404 404 404 200 404 200 404 404 404 401"),

    # --- catalogue (培训管理: the unit's administrator and its 培训管理 sub-administrator)
    CE + "courses": ("as_unit", "GET", None, "200 200 200 403 403 403 403 403 403 403 403 403 401"),
    CE + "course_detail": ("course", "GET", None, "200 404 200 403 403 403 403 403 403 403 403 403 401"),
    CE + "teachers": ("as_unit", "GET", None, "200 200 200 403 403 403 403 403 403 403 403 403 401"),
    CE + "teacher_detail": ("teacher", "GET", None, "200 404 200 403 403 403 403 403 403 403 403 403 401"),
    CE + "sites": ("as_unit", "GET", None, "200 200 200 403 403 403 403 403 403 403 403 403 401"),
    CE + "site_detail": ("site", "GET", None, "200 404 200 403 403 403 403 403 403 403 403 403 401"),
    CE + "platforms": ("as_unit", "GET", None, "200 200 200 403 403 403 403 403 403 403 403 403 401"),
    CE + "platform_detail": ("platform", "GET", None, "200 404 200 403 403 403 403 403 403 403 403 403 401"),

    # --- classes
    CE + "classes": ("as_unit", "GET", None, "200 200 403 403 403 403 403 403 403 403 403 403 401"),
    CE + "classes_managed": ("as_unit", "GET", None, "200 200 200 403 403 403 403 403 403 403 403 403 401"),
    CE + "classes_reviewed": ("as_unit", "GET", None, "403 403 403 403 403 403 200 200 200 200 403 403 401"),
    CE + "class_detail": ("class_draft", "GET", None, "200 404 200 404 404 404 200 404 200 404 404 404 401"),
    CE + "class_submit": ("class_draft", "POST", None, "200 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "class_withdraw": ("class_draft", "POST", None, "409 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "class_participants": ("class_approved", "GET", None, "200 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "class_participants_pick":
        ("class_approved", "POST", None, "400 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "class_report_results":
        ("class_approved", "POST", None, "400 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "class_materials": ("class_draft", "GET", None, "200 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "class_material_detail":
        ("material", "DELETE", None, "204 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "class_corrections":
        ("class_reported", "GET", None, "200 404 200 404 404 404 200 404 200 404 404 404 401"),
    CE + "correction_detail":
        ("correction", "GET", None, "200 404 200 404 404 404 200 404 200 404 404 404 401"),
    CE + "correction_withdraw":
        ("correction", "POST", None, "200 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "participant_detail": ("participant", "GET", None, "200 404 403 404 404 404 403 404 403 404 404 404 401"),
    CE + "class_print": ("class_approved", "GET", None, "200 404 200 404 404 404 200 404 200 404 404 404 401"),

    # --- hours
    CE + "declarations": ("as_person", "GET", None, "200 403 403 403 200 200 403 403 403 403 403 200 401"),
    CE + "declarations_approved": ("as_unit", "GET", None, "200 200 403 403 403 403 403 403 403 403 403 403 401"),
    CE + "declarations_on_behalf": ("as_unit", "GET", None, "200 200 403 403 403 403 403 403 403 403 403 403 401"),
    CE + "declaration_detail": ("declaration", "GET", None, "200 404 200 404 200 404 200 404 200 404 404 404 401"),
    CE + "declaration_submit": ("declaration", "POST", None, "200 404 403 404 200 404 403 404 403 404 404 404 401"),
    CE + "declaration_withdraw": ("declaration", "POST", None, "409 404 403 404 409 404 403 404 403 404 404 404 401"),

    CE + "online_results": ("as_unit", "GET", None, "200 200 200 403 403 403 403 403 403 403 403 403 401"),

    # --- archive
    CE + "archive": ("as_unit", "GET", None, "200 200 403 403 403 403 200 200 200 200 403 403 401"),
    CE + "archive_detail": ("archive_year", "GET", None, "200 404 403 403 200 404 200 404 200 404 404 404 401"),
    CE + "certificate": ("archive_year", "POST", None, "200 404 403 403 200 404 200 404 200 404 404 404 401"),
    CE + "my_archive": ("as_person", "GET", None, "200 403 403 403 200 200 403 403 403 403 403 200 401"),
    CE + "hours_rules": ("hours_rule", "GET", None, "200 403 403 403 403 403 200 200 200 200 403 403 401"),
    CE + "hours_rule_detail": ("hours_rule", "GET", None, "200 403 403 403 403 403 200 200 200 200 403 403 401"),
}


@pytest.mark.django_db
def test_api_matrix(client, world, people, admin_a, pro_a):  # noqa: F811  (the imported fixtures)
    reported = world["class_reported"].pk  # its one participant (王专技)
    person = Participant.objects.get(training_class_id=reported)
    correction = file_correction(actor=admin_a, training_class=TrainingClass.objects.get(pk=reported),
                                 reason="矩阵更正", results={person.pk: (None, "")})
    material = add_material(actor=admin_a, training_class=TrainingClass.objects.get(pk=world["class_draft"].pk),
                            uploaded_file=pdf_upload())
    world = {**world, "correction": Thing(correction.pk, admin_a), "material": Thing(material.pk, admin_a),
             "as_unit": Thing(None, admin_a), "as_person": Thing(None, pro_a),
             "participant": Thing(Participant.objects.get(training_class_id=reported).pk, admin_a)}
    wrong = check_api(client, rows=API_MATRIX, personas=PERSONAS, world=world,
                      user_for=lambda persona, key: world[key].owner if persona == "owner" else people[persona])
    assert not wrong, "\n".join(wrong)
