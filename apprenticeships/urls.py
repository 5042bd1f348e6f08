"""The programme's pages, one list (namespace "apprenticeships"). Each section's views live in views/<section>.py."""

from django.urls import path  # noqa: F401

from apprenticeships.views import hr, parameters

app_name = "apprenticeships"
urlpatterns = [
    # --- filing: 申请备案 tabs (企业信息/备案信息, 培训机构情况, 培训信息, 上传材料), 办理结果, print, review ---

    # --- people: 培训师资, 培训人员, 培训课程 tabs, 标记为流失, 考核结果, 单位培训人员查询 ---

    # --- changes: 备案变更申请 (课程信息配置, 开班信息变更, 师资信息变更, 查看变更内容) ---

    # --- tracking: 培训情况跟踪, 查看考勤, 注销培训班, 培训场地维护, institution's filings and attendance ---

    # --- claims: 立即办理, 办理结果, downloads ---

    # --- hr: filings of the region, 生态链企业认定, parameters, statistics ---
    path("hr/filings/", hr.hr_filings, name="hr_filings"),
    path("hr/statistics/", hr.statistics, name="statistics"),
    path("hr/recognitions/", hr.recognitions, name="recognitions"),
    path("hr/recognitions/new/", hr.recognition_new, name="recognition_new"),
    path("hr/recognitions/<int:pk>/", hr.recognition_edit, name="recognition_edit"),
    path("hr/recognitions/<int:pk>/revoke/", hr.recognition_revoke, name="recognition_revoke"),
    path("hr/parameters/", parameters.parameters, name="parameters"),
    path("hr/parameters/standards/new/", parameters.parameter_new, {"kind": "standards"}, name="standard_new"),
    path("hr/parameters/standards/<int:pk>/", parameters.parameter_edit, {"kind": "standards"},
         name="standard_edit"),
    path("hr/parameters/shortage/new/", parameters.parameter_new, {"kind": "shortage"}, name="shortage_new"),
    path("hr/parameters/shortage/<int:pk>/", parameters.parameter_edit, {"kind": "shortage"},
         name="shortage_edit"),
    path("hr/parameters/rules/new/", parameters.parameter_new, {"kind": "rules"}, name="ruleset_new"),
    path("hr/parameters/rules/<int:pk>/", parameters.parameter_edit, {"kind": "rules"}, name="ruleset_edit"),
]
