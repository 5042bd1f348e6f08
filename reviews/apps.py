from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "审核"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from core.navigation import NavEntry, add_entry
        from reviews.rules import may_review, may_see_mine

        add_entry(
            "reviews",
            NavEntry(label=_("待我审核"), url_name="reviews:inbox", icon="inbox", visible=may_review),
        )
        add_entry("reviews", NavEntry(label=_("我的申报"), url_name="reviews:mine", icon="send", visible=may_see_mine))

        from django.contrib.auth import get_user_model

        from core.renames import renamed
        from organisations.models import Organisation
        from reviews.services import names_changed

        for model in (get_user_model(), Organisation):
            renamed.connect(names_changed, sender=model, dispatch_uid=f"reviews.names_changed.{model.__name__}")

        from reviews.exports import register_review_exports

        register_review_exports()

        from audit.labels import register_action

        for code, label in {
            "review.submitted": _("提交审核"),
            "review.approve": _("审核通过"),
            "review.reject": _("审核不通过"),
            "review.return": _("审核退回修改"),
            "review.withdrawn": _("撤回审核申请"),
            "review.revoked": _("撤销审核结论"),
            "review.status": _("审核事项状态变更"),
        }.items():
            register_action(code, label)
