"""The events an organisation can subscribe to. The foundation registers its own in WebhooksConfig.ready();
a programme registers its events ("application received"…) from its registration and emits them from its
services with `webhooks.services.emit`."""

_EVENTS: dict[str, object] = {}


def register_event(key: str, label) -> None:
    """`key` is what receivers see in X-Praxis-Event ("review.decided"); `label` is the Chinese name on screen."""
    _EVENTS[key] = label


def event_choices() -> list[tuple[str, object]]:
    """(key, label) in registration order, for the subscription form's checkboxes."""
    return list(_EVENTS.items())


def is_registered(key: str) -> bool:
    return key in _EVENTS


def label_of(key: str) -> str:
    return str(_EVENTS.get(key, key))
