"""Everything the programme registers with the platform, once, from TraineeshipsConfig.ready().

The programme skeleton (docs/architecture.md): each concern in its own module, registered in this order.
"""

from traineeships.constraints import register_constraints
from traineeships.events import register_events
from traineeships.exports import register_exports
from traineeships.imports import register_imports
from traineeships.kinds import register_kinds
from traineeships.registration import (
    api,
    audit_labels,
    claims,
    daily,
    involvement,
    navigation,
    permissions,
    purposes,
    sign_in,
)


def register() -> None:
    permissions.register_permissions()  # organisations.permissions: the codes of traineeships.rules, labelled
    permissions.register_access()  # organisations.jurisdiction: who sees the programme's records
    purposes.register_purposes()  # attachments.purposes: the files the programme keeps
    register_kinds()  # reviews.registry + reviews.materials (traineeships.kinds)
    claims.register_claims()  # claims.registry: the 补贴申领 calculator, numbers, review kind, who files and pays
    register_imports()  # batch.registry ImportSpecs (traineeships.imports)
    register_exports()  # batch.registry ExportSpecs (traineeships.exports)
    register_constraints()  # core.constraints: database rules a form can run into (traineeships.constraints)
    sign_in.register_people_programme()  # accounts.eligibility: name + ID number sign-in of trainees
    navigation.register_navigation()  # core.navigation: the programme's menu section
    audit_labels.register_audit_labels()  # audit.labels: the Chinese label of every action code
    daily.register_daily_jobs()  # core.daily: 见习期满, the end of the 留用 registration period, lapsed approvals
    involvement.register_involvement_lookup()  # accounts.involvement: the person's traineeships, for self-checks
    register_events()  # webhooks.events: what a unit can subscribe to (收到见习报名)
    api.register_api()  # api.registry: the routes under /api/v1/traineeships/ and their key scopes
