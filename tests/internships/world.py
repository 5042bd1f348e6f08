"""The objects of the programme's access matrix (tests/internships/test_access_matrix.py): one of each kind a URL
can name, each with the user who owns it. Enterprise A hosts, the school (金水区) sends 张同学."""

from dataclasses import dataclass

from internships.models import BlacklistStatus, ComplaintStatus, InternshipStatus, RegistryRecord
from tests import factories
from tests.internships import factories as f


@dataclass
class Thing:
    pk: object
    owner: object  # the user for whom the object is theirs (the "owner" persona of its rows)


def build_world(*, host_a, admin_a, school, school_admin, student, student_record, education_reviewer):
    position = f.position(host_a, admin_a)
    draft = f.position(host_a, admin_a, status="draft", title="草稿岗位")
    application = f.application(student_record, position)
    other = factories.individual(username="signed_student", real_name="王同学")
    signed_student = f.student(school, person=other)
    internship = f.internship(f.application(signed_student, position), status=InternshipStatus.ARRIVED)
    group = f.group(school, host_a, school_admin)
    internship.group = group
    internship.save(update_fields=["group"])
    policy = f.policy(school, host_a, school_admin, [internship])
    complaint = f.complaint(internship)
    concluded = f.complaint(internship, status=ComplaintStatus.SUBSTANTIATED, by=school_admin)
    appeal = f.appeal(host_a, [concluded], admin_a)
    blacklisting = f.blacklisting(host_a, education_reviewer, status=BlacklistStatus.PROPOSED)
    registry_record = RegistryRecord.objects.create(credit_code=host_a.credit_code, name=host_a.name,
                                                    legal_representative=host_a.legal_representative)
    world = {
        "enterprise": Thing(host_a.pk, admin_a),
        "position": Thing(position.pk, admin_a),
        "draft_position": Thing(draft.pk, admin_a),
        "student": Thing(student_record.pk, school_admin),
        "application": Thing(application.pk, student),
        "internship": Thing(internship.pk, school_admin),
        "group": Thing(group.pk, school_admin),
        "policy": Thing(policy.pk, school_admin),
        "complaint": Thing(complaint.pk, other),
        "concluded_complaint": Thing(concluded.pk, other),
        "appeal": Thing(appeal.pk, admin_a),
        "blacklisting": Thing(blacklisting.pk, education_reviewer),
        "registry_record": Thing(registry_record.pk, education_reviewer),
    }
    # --- sections add the objects their URLs name below ---------------------------------------------------
    # school: an internship waiting for its agreement (terms filled), and the group as the enterprise's.
    signing = f.student(school, person=factories.individual(username="signing_student", real_name="刘同学"))
    signed = f.internship(f.application(signing, position))
    signed.agreement_terms = {"starts_on": signed.starts_on.isoformat(), "ends_on": signed.ends_on.isoformat(),
                              "address": "郑州市金水区文化路1号", "pay": "2400.00"}
    signed.save(update_fields=["agreement_terms"])
    world["signed_internship"] = Thing(signed.pk, school_admin)
    world["host_group"] = Thing(group.pk, admin_a)
    # insurance, arrival, evaluation: an insurer kept by the provincial education department
    from internships.models import Insurer
    from organisations.models import Authority
    from regions.models import RegionLevel

    province = factories.GovernmentFactory(name="河南省教育厅（保险）", gov_level=RegionLevel.PROVINCE,
                                           authority=Authority.EDUCATION, region=factories.region("410000"))
    insurer = Insurer.objects.create(name="中国人民财产保险股份有限公司", product="学生实习责任保险",
                                     contact_phone="95518")
    world["insurer"] = Thing(insurer.pk, factories.org_admin(province, username="edu_province_insurers",
                                                             real_name="省教育厅保险维护"))
    return world
