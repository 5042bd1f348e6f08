from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "审核"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from core.navigation import NavEntry, add_entry
        from reviews.rules import may_see_mine

        add_entry(
            "reviews",
            NavEntry(label=_("待我审核"), url_name="reviews:inbox", icon="inbox", permission="reviews.decide"),
        )
        add_entry("reviews", NavEntry(label=_("我的申报"), url_name="reviews:mine", icon="send", visible=may_see_mine))

        from reviews.exports import register_review_exports

        register_review_exports()
