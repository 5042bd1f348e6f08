from django.apps import AppConfig


class ContinuingEducationConfig(AppConfig):
    name = "continuing_education"
    verbose_name = "专业技术人员继续教育"

    def ready(self):
        from continuing_education.registration import register

        register()
