"""Everything the programme registers with the platform, once, from ApprenticeshipsConfig.ready().

The programme skeleton (docs/architecture.md): each concern in its own module, registered in this order.
"""

from apprenticeships.constraints import register_constraints
from apprenticeships.exports import register_exports
from apprenticeships.imports import register_imports
from apprenticeships.kinds import register_kinds
from apprenticeships.registration import api, audit_labels, claims, daily, navigation, permissions, purposes


def register() -> None:
    permissions.register_permissions()  # organisations.permissions: the codes of apprenticeships.rules, labelled
    permissions.register_access()  # organisations.jurisdiction: HR departments see the region's filings
    purposes.register_purposes()  # attachments.purposes: filing materials, certificates, claim attachments
    register_kinds()  # reviews.registry + reviews.materials (apprenticeships.kinds)
    claims.register_claims()  # claims.registry: the subsidy claim's calculator
    register_imports()  # batch.registry ImportSpecs: training info, teachers, trainees, courses, attendance...
    register_exports()  # batch.registry ExportSpecs
    register_constraints()  # core.constraints: database rules a form can run into
    navigation.register_navigation()  # core.navigation: the programme's menu section
    audit_labels.register_audit_labels()  # audit.labels: the Chinese label of every action code
    daily.register_daily_jobs()  # core.daily: unconfigured-course reminders, classes reaching their end
    api.register_api()  # api.registry: the routes under /api/v1/apprenticeships/ and their key scopes
