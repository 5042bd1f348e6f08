"""Permission codes of the open API (organisations.permissions catalogue)."""

MANAGE_KEYS = "api.manage_keys"
