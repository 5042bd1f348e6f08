"""The programme's pages, one list (namespace "apprenticeships"). Each section's views live in views/<section>.py."""

from django.urls import path  # noqa: F401

from apprenticeships.views import filing

app_name = "apprenticeships"
urlpatterns = [
    # --- filing: 申请备案 tabs (企业信息/备案信息, 培训机构情况, 培训信息, 上传材料), 办理结果, print, review ---
    path("filings/new/", filing.filing_new, name="filing_new"),
    path("filings/", filing.filing_list, name="filings"),
    path("filings/<int:pk>/", filing.filing_detail, name="filing_detail"),
    path("filings/<int:pk>/info/", filing.filing_edit, name="filing_edit"),
    path("filings/<int:pk>/institution/", filing.filing_institution, name="filing_institution"),
    path("filings/<int:pk>/class/", filing.filing_class, name="filing_class"),
    path("filings/<int:pk>/materials/", filing.filing_materials, name="filing_materials"),
    path("filings/<int:pk>/submit/", filing.filing_submit, name="filing_submit"),
    path("filings/<int:pk>/withdraw/", filing.filing_withdraw, name="filing_withdraw"),
    path("filings/<int:pk>/delete/", filing.filing_delete, name="filing_delete"),
    path("filings/<int:pk>/print/", filing.filing_print, name="filing_print"),

    # --- people: 培训师资, 培训人员, 培训课程 tabs, 标记为流失, 考核结果, 单位培训人员查询 ---

    # --- changes: 备案变更申请 (课程信息配置, 开班信息变更, 师资信息变更, 查看变更内容) ---

    # --- tracking: 培训情况跟踪, 查看考勤, 注销培训班, 培训场地维护, institution's filings and attendance ---

    # --- claims: 立即办理, 办理结果, downloads ---

    # --- hr: filings of the region, 生态链企业认定, parameters, statistics ---
]
