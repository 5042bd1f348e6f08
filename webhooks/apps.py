from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = "事件推送"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from audit.labels import register_action
        from core.navigation import NavEntry, add_entry
        from organisations.permissions import register_permission
        from webhooks.events import register_event
        from webhooks.rules import MANAGE

        register_permission(MANAGE, _("事件推送（Webhook）管理"), group=_("开放接口"))
        # The foundation's own events; programmes register theirs from their registration.
        register_event("review.submitted", _("收到申报（审核事项已提交）"))
        register_event("review.decided", _("审核结论（通过、不通过、退回、撤回、撤销）"))
        register_event("claim.paid", _("补贴已拨付"))
        add_entry("org", NavEntry(label=_("事件推送"), url_name="webhooks:list", icon="broadcast",
                                  permission=MANAGE, needs_organisation=True))
        register_action("webhooks.subscription_create", _("新增事件推送"))
        register_action("webhooks.subscription_update", _("修改事件推送"))
        register_action("webhooks.subscription_delete", _("删除事件推送"))
        register_action("webhooks.rotate_secret", _("更换事件推送签名密钥"))
        register_action("webhooks.delivery_status", _("事件推送状态变更"))
        register_action("webhooks.resend", _("重新发送事件推送"))
