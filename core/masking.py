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


def mask_bank_account(value: str | None) -> str:
    """The last 4 digits, as banks print them (************1234)."""
    if not value:
        return ""
    if len(value) <= 4:
        return "*" * len(value)
    return "*" * (len(value) - 4) + value[-4:]


# Keys of recorded data (audit before/after) holding personal identifiers, by what they hold.
_ID_KEYS = ("id_number",)
_MOBILE_KEYS = ("mobile", "phone")
_BANK_KEYS = ("bank_account_number", "bank_account", "account_number")


def _masker_for_key(key) -> object:
    key = str(key).lower()
    if key.endswith(_ID_KEYS):
        return mask_id_number
    if key.endswith(_MOBILE_KEYS):
        return mask_mobile
    if key.endswith(_BANK_KEYS):
        return mask_bank_account
    return None


def mask_personal_data(value):
    """A copy of recorded JSON data (dicts, lists, scalars) with the values of personal keys masked
    (id_number, *_id_number, mobile, *_mobile, *phone, bank account numbers), at any depth."""
    if isinstance(value, dict):
        masked = {}
        for key, item in value.items():
            mask = _masker_for_key(key)
            if mask is not None and isinstance(item, (str, int)) and not isinstance(item, bool):
                masked[key] = mask(str(item))
            else:
                masked[key] = mask_personal_data(item)
        return masked
    if isinstance(value, list):
        return [mask_personal_data(item) for item in value]
    return value


def can_see_personal_data(user) -> bool:
    return user is not None and user.is_authenticated and user.has_perm("organisations.view_personal_data")
