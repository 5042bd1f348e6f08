from django.apps import AppConfig


class InternshipsConfig(AppConfig):
    name = "internships"
    verbose_name = "职业院校学生实习备案"

    def ready(self):
        from internships.registration import register

        register()
