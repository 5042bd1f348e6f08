"""Everything the programme registers with the platform, once, from InternshipsConfig.ready().

The programme skeleton (docs/architecture.md): each concern in its own module, registered in this order.
"""

from internships.constraints import register_constraints
from internships.events import register_events
from internships.exports import register_exports
from internships.imports import register_imports
from internships.kinds import register_kinds
from internships.registration import (
    api,
    audit_labels,
    daily,
    involvement,
    navigation,
    permissions,
    purposes,
    sign_in,
)


def register() -> None:
    permissions.register_permissions()  # organisations.permissions: the codes of internships.rules, labelled
    permissions.register_access()  # organisations.jurisdiction: education departments see the region's records
    purposes.register_purposes()  # attachments.purposes: licences, exemptions, agreements, policies, evidence
    register_kinds()  # reviews.registry + reviews.materials (internships.kinds)
    register_imports()  # batch.registry ImportSpecs: students, positions, registry records, insured students
    register_exports()  # batch.registry ExportSpecs
    register_constraints()  # core.constraints: database rules a form can run into
    register_events()  # webhooks.events: what an enterprise can subscribe to (收到实习申请)
    sign_in.register_people_programme()  # accounts.eligibility: students sign in with name + ID number
    navigation.register_navigation()  # core.navigation: the programme's menu section
    audit_labels.register_audit_labels()  # audit.labels: the Chinese label of every action code
    daily.register_daily_jobs()  # core.daily: reminders before a policy ends, internships reaching their end
    involvement.register_involvement_lookup()  # accounts.involvement: the person's internships, for self-checks
    api.register_api()  # api.registry: the routes under /api/v1/internships/ and their key scopes
