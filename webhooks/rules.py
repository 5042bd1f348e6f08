"""Permission codes of webhooks; registers nothing."""

MANAGE = "webhooks.manage"
