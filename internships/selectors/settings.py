"""The regional settings an education department keeps (RegionSetting): the nearest one up the region's chain."""

from internships.models import RegionSetting


def setting_for_region(region) -> RegionSetting:
    """The RegionSetting of `region` or of its nearest ancestor, else an unsaved RegionSetting with the defaults."""
    chain = []
    current = region
    while current is not None:
        chain.append(current.pk)
        current = current.parent
    if chain:
        found = {setting.region_id: setting for setting in RegionSetting.objects.filter(region_id__in=chain)}
        for pk in chain:
            if pk in found:
                return found[pk]
    return RegionSetting()
