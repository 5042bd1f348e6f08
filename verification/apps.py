from django.apps import AppConfig


class VerificationConfig(AppConfig):
    """单位信息与实名认证: the profile page and its review. Above reviews and attachments, which the
    organisations app (below them) must not import."""

    name = "verification"
    verbose_name = "单位实名认证"

    def ready(self):
        from reviews.registry import register
        from verification.review_kind import VERIFICATION_REVIEW

        register(VERIFICATION_REVIEW)
        from reviews.materials import register_materials

        register_materials(VERIFICATION_REVIEW.key, lambda organisation, user: (
            "organisations/review_materials/verification.html", {"organisation": organisation}))

        # 注册用人单位 (issue 10): the credit code image's upload rules and the individuals' menu entry.
        from django.utils.translation import gettext_lazy as _

        from core.navigation import NavEntry, add_entry
        from verification.unit_registration import may_register_unit, register_unit_purpose

        register_unit_purpose()
        add_entry("individual", NavEntry(_("注册用人单位"), "organisations:register_unit", "building-add",
                                         visible=may_register_unit))
