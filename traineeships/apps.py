from django.apps import AppConfig


class TraineeshipsConfig(AppConfig):
    name = "traineeships"
    verbose_name = "就业见习"

    def ready(self):
        from traineeships import public_cache
        from traineeships.registration import register

        register()
        public_cache.connect()
