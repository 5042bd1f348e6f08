"""Regional settings of the programme (RegionSetting): the row of the region itself or of its nearest
ancestor applies; with none, the defaults of the model (an unsaved instance)."""

from internships.models import RegionSetting


def setting_for_region(region) -> RegionSetting:
    """The setting that applies in `region` (county → city → province); an unsaved default instance when no
    department up the chain has saved one (or when `region` is None)."""
    if region is None:
        return RegionSetting()
    codes = [code for code in (region.code, region.city_code, region.province_code) if code]
    rows = {row.region_id: row for row in RegionSetting.objects.filter(region_id__in=codes)}
    for code in codes:
        if code in rows:
            return rows[code]
    return RegionSetting(region=region)
