from django.apps import AppConfig


class TraineeshipsConfig(AppConfig):
    name = "traineeships"
    verbose_name = "就业见习"

    def ready(self):
        from traineeships import public_cache
        from traineeships.registration import register

        register()
        public_cache.connect()

        from django.db.models.signals import post_delete, post_save

        from regions.models import Region
        from traineeships.forms.public import forget_region_sets

        post_save.connect(forget_region_sets, sender=Region, dispatch_uid="traineeships.public_regions.saved")
        post_delete.connect(forget_region_sets, sender=Region, dispatch_uid="traineeships.public_regions.deleted")

        from django.contrib.auth import get_user_model

        from core.renames import renamed
        from traineeships.services.placements import names_changed

        renamed.connect(names_changed, sender=get_user_model(), dispatch_uid="traineeships.names_changed")
