"""Everything the programme registers with the platform, once, from ContinuingEducationConfig.ready().

The programme skeleton (docs/architecture.md): each concern in its own module, registered in this order.
"""

from continuing_education.constraints import register_constraints
from continuing_education.events import register_events
from continuing_education.exports import register_exports
from continuing_education.imports import register_imports
from continuing_education.kinds import register_kinds
from continuing_education.registration import api, audit_labels, daily, navigation, permissions, purposes


def register() -> None:
    permissions.register_permissions()  # organisations.permissions: the codes of continuing_education.rules
    permissions.register_access()  # organisations.jurisdiction: HR by region, industry departments by 主管部门
    purposes.register_purposes()  # attachments.purposes: class materials, declaration proofs
    register_kinds()  # reviews.registry + reviews.materials: class declarations, hours declarations
    register_imports()  # batch.registry ImportSpecs: the manual's seven imports
    register_exports()  # batch.registry ExportSpecs: 班级人员导出 and every list
    register_constraints()  # core.constraints: database rules a form can run into
    navigation.register_navigation()  # core.navigation: the programme's menu section
    navigation.register_staff_link_pages()  # organisations.staff_links: the pages a join notification opens
    register_events()  # webhooks.events: 收到专技人员加入单位申请, told by organisations.staff_links
    audit_labels.register_audit_labels()  # audit.labels: the Chinese label of every action code
    daily.register_daily_jobs()  # core.daily: reminders to people short of hours (1 October, 1 December)
    api.register_api()  # api.registry: the routes under /api/v1/continuing-education/ and their key scopes
