from django.apps import AppConfig


class PrintingConfig(AppConfig):
    name = "printing"
    verbose_name = "打印"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from audit.labels import register_action

        register_action("printing.organisation_registration", _("打印单位注册登记表"))
