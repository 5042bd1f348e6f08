from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The site itself: the work desk, the page layout's per-user context and the demo data. It sits above
    every other app (it may import any of them) so that the foundation apps below never import upward."""

    name = "portal"
    verbose_name = "门户"
