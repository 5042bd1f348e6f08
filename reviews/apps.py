from django.apps import AppConfig


def may_see_mine(user) -> bool:
    """我的申报 in the menu: members of organisations that submit (reviews.submit), and individuals."""
    from accounts.rules import is_individual

    if not user.is_authenticated:
        return False
    if user.organisation_id:
        return user.has_perm("reviews.submit")
    return is_individual(user)


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "审核"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from core.navigation import NavEntry, add_entry
        from reviews.rules import may_review

        add_entry(
            "reviews",
            NavEntry(label=_("待我审核"), url_name="reviews:inbox", icon="inbox", visible=may_review),
        )
        add_entry("reviews", NavEntry(label=_("我的申报"), url_name="reviews:mine", icon="send", visible=may_see_mine))

        from reviews.exports import register_review_exports

        register_review_exports()
