"""Masking of personal identifiers in lists (GB/T 35273 展示限制): done on the server so the whole value
never reaches a browser that may not see it."""


def mask_mobile(value: str | None) -> str:
    if not value:
        return ""
    if len(value) != 11:
        if len(value) <= 4:
            # Too short to keep both ends without showing all of it.
            return "*" * len(value)
        return value[:2] + "*" * (len(value) - 4) + value[-2:]
    return f"{value[:3]}****{value[-4:]}"


def mask_id_number(value: str | None) -> str:
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return f"{value[:4]}{'*' * (len(value) - 8)}{value[-4:]}"


def can_see_personal_data(user) -> bool:
    return user.is_authenticated and user.has_perm("organisations.view_personal_data")
