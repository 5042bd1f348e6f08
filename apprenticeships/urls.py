"""The programme's pages, one list (namespace "apprenticeships"). Each section's views live in views/<section>.py."""

from django.urls import path  # noqa: F401

from apprenticeships.views import changes

app_name = "apprenticeships"
urlpatterns = [
    # --- filing: 申请备案 tabs (企业信息/备案信息, 培训机构情况, 培训信息, 上传材料), 办理结果, print, review ---

    # --- people: 培训师资, 培训人员, 培训课程 tabs, 标记为流失, 考核结果, 单位培训人员查询 ---

    # --- changes: 备案变更申请 (课程信息配置, 开班信息变更, 师资信息变更, 查看变更内容) ---
    path("changes/", changes.change_list, name="changes"),
    path("changes/<int:pk>/dates/", changes.class_dates, name="class_dates"),
    path("changes/<int:pk>/dates/preview/", changes.class_dates_preview, name="class_dates_preview"),
    path("changes/courses/<int:pk>/", changes.course_configure, name="course_configure"),
    path("changes/<int:pk>/teachers/", changes.teacher_change, name="teacher_change"),
    path("changes/<int:pk>/teachers/add/", changes.teacher_change_teacher, name="teacher_change_teacher"),
    path("changes/<int:pk>/teachers/delete/", changes.teacher_change_teacher_delete,
         name="teacher_change_teacher_delete"),
    path("changes/<int:pk>/teachers/swap/", changes.teacher_change_swap, name="teacher_change_swap"),
    path("changes/<int:pk>/teachers/swap/delete/", changes.teacher_change_swap_delete,
         name="teacher_change_swap_delete"),
    path("changes/<int:pk>/teachers/submit/", changes.teacher_change_submit, name="teacher_change_submit"),
    path("changes/<int:pk>/teachers/withdraw/", changes.teacher_change_withdraw, name="teacher_change_withdraw"),
    path("filings/<int:pk>/changes/", changes.change_records, name="change_records"),

    # --- tracking: 培训情况跟踪, 查看考勤, 注销培训班, 培训场地维护, institution's filings and attendance ---

    # --- claims: 立即办理, 办理结果, downloads ---

    # --- hr: filings of the region, 生态链企业认定, parameters, statistics ---
]
