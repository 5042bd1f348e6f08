"""The regional settings of the programme: the region's own row or its nearest ancestor's."""

from internships.models import RegionSetting


def setting_for_region(region) -> RegionSetting:
    """The region's RegionSetting, else its nearest ancestor's, else an unsaved RegionSetting() with defaults."""
    current = region
    while current is not None:
        found = RegionSetting.objects.filter(region=current).first()
        if found is not None:
            return found
        current = current.parent
    return RegionSetting()
