from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "补贴申领"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from audit.labels import register_action
        from claims.models import ClaimLine
        from core.constraints import register_constraint

        register_constraint(ClaimLine, "claim_one_person_month",
                            _("该人员该月份的补贴已在其他申领中申领，同一人同一月份只能申领一次"), code="claimed")
        register_constraint(ClaimLine, "claim_once_per_subject",
                            _("该人员的该项补贴（保险补贴、期满补差、预支或清算补贴）已在其他申领中申领，"
                              "同一补贴对象只计一次"), code="claimed")
        for code, label in {
            "claims.created": _("创建补贴申领"),
            "claims.lines_replaced": _("重新计算补贴申领明细"),
            "claims.deleted": _("删除补贴申领草稿"),
            "claims.status": _("补贴申领状态变更"),
            "claims.correction_created": _("创建更正申领"),
            "claims.printed": _("打印补贴申领表"),
            "claims.exported": _("导出补贴申领明细"),
        }.items():
            register_action(code, label)
