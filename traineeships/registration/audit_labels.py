"""The Chinese label of every audit action code the programme writes (audit.labels)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register_action

LABELS = {
    # Bases, posts, parameters
    "traineeships.base_created": _("创建见习基地申请"),
    "traineeships.base_saved": _("保存见习基地申请"),
    "traineeships.base_file": _("上传见习基地档案资料"),
    "traineeships.base_status": _("见习基地状态变更"),
    "traineeships.base_filed": _("见习基地报省厅备案"),
    "traineeships.base_printed": _("打印见习基地申请表"),
    "traineeships.post_created": _("新增见习岗位"),
    "traineeships.post_updated": _("修改见习岗位"),
    "traineeships.post_deleted": _("删除见习岗位"),
    "traineeships.post_status": _("见习岗位状态变更"),
    "traineeships.parameter_created": _("新增就业见习地区参数"),
    "traineeships.parameter_updated": _("修改就业见习地区参数"),
    # Placements, departures, reports, roster
    "traineeships.placement_created": _("录用上岗登记"),
    "traineeships.placement_updated": _("修改上岗登记"),
    "traineeships.placement_status": _("上岗登记状态变更"),
    "traineeships.agreement_uploaded": _("上传见习协议扫描件"),
    "traineeships.agreement_printed": _("下载就业见习协议"),
    "traineeships.agreement_archive": _("批量上传见习协议扫描件"),
    "traineeships.agreements_submitted": _("批量提交见习协议审核"),
    "traineeships.retention_registered": _("留用登记"),
    "traineeships.not_retained_registered": _("登记未留用"),
    "traineeships.retention_lapsed": _("逾期未登记留用情况，按未留用计"),
    "traineeships.departure_registered": _("离岗登记"),
    "traineeships.departure_requested": _("本人申请离岗"),
    "traineeships.departure_updated": _("修改离岗登记"),
    "traineeships.departure_status": _("离岗状态变更"),
    "traineeships.certificate_uploaded": _("上传解除见习协议证明"),
    "traineeships.certificate_printed": _("下载解除见习协议证明"),
    "traineeships.monthly_report": _("见习月度情况上报"),
    "traineeships.roster_exported": _("导出补贴经费花名册"),
    "traineeships.backdating_confirmed": _("确认倒签上岗登记（开始日期早于规定天数）"),
    # Individuals, applications, the graduate register
    "traineeships.graduate_created": _("新增高校毕业生信息"),
    "traineeships.graduate_updated": _("修改高校毕业生信息"),
    # Written before the sign-in moved to accounts (accounts.individual_registered / mobile_bound now).
    "traineeships.individual_registered": _("就业见习个人首次登录开户"),
    "traineeships.profile_created": _("建立见习人员档案"),
    "traineeships.mobile_bound": _("绑定手机号"),
    "traineeships.intention_submitted": _("提交见习意向表"),
    "traineeships.application_created": _("报名见习岗位"),
    "traineeships.application_status": _("见习报名状态变更"),
    "traineeships.interest_added": _("标记感兴趣的见习岗位"),
    "traineeships.interest_removed": _("取消感兴趣的见习岗位"),
}


def register_audit_labels() -> None:
    for code, label in LABELS.items():
        register_action(code, label)
