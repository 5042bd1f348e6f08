"""The programme's pages, one list (namespace "apprenticeships"). Each section's views live in views/<section>.py."""

from django.urls import path  # noqa: F401

from apprenticeships.views import claims

app_name = "apprenticeships"
urlpatterns = [
    # --- filing: 申请备案 tabs (企业信息/备案信息, 培训机构情况, 培训信息, 上传材料), 办理结果, print, review ---

    # --- people: 培训师资, 培训人员, 培训课程 tabs, 标记为流失, 考核结果, 单位培训人员查询 ---

    # --- changes: 备案变更申请 (课程信息配置, 开班信息变更, 师资信息变更, 查看变更内容) ---

    # --- tracking: 培训情况跟踪, 查看考勤, 注销培训班, 培训场地维护, institution's filings and attendance ---

    # --- claims: 立即办理, 办理结果, downloads ---
    path("claims/", claims.claim_list, name="claims"),
    path("claims/new/", claims.claim_new, name="claim_new"),
    path("claims/<int:pk>/", claims.claim_edit, name="claim_edit"),
    path("claims/<int:pk>/basics/", claims.claim_basics, name="claim_basics"),
    path("claims/<int:pk>/people/", claims.claim_people_add, name="claim_people_add"),
    path("claims/people/<int:pk>/remove/", claims.claim_person_remove, name="claim_person_remove"),
    path("claims/<int:pk>/attachments/", claims.claim_attachment_add, name="claim_attachment_add"),
    path("claims/attachments/<int:pk>/remove/", claims.claim_attachment_remove, name="claim_attachment_remove"),
    path("claims/<int:pk>/submit/", claims.claim_submit, name="claim_submit"),
    path("claims/<int:pk>/withdraw/", claims.claim_withdraw, name="claim_withdraw"),
    path("claims/<int:pk>/delete/", claims.claim_delete, name="claim_delete"),
    path("claims/<int:pk>/pay/", claims.claim_pay, name="claim_pay"),
    path("claims/<int:pk>/form.pdf", claims.claim_pdf, name="claim_pdf"),
    path("claims/<int:pk>/roster.pdf", claims.claim_roster_pdf, name="claim_roster_pdf"),

    # --- hr: filings of the region, 生态链企业认定, parameters, statistics ---
]
