from django.apps import AppConfig


class TraineeshipsConfig(AppConfig):
    name = "traineeships"
    verbose_name = "就业见习"

    def ready(self):
        from traineeships import public_cache
        from traineeships.registration import register

        register()
        public_cache.connect()

        from django.contrib.auth import get_user_model

        from core.renames import renamed
        from traineeships.services.placements import names_changed

        renamed.connect(names_changed, sender=get_user_model(), dispatch_uid="traineeships.names_changed")
