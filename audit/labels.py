"""Chinese names for action codes ("organisations.verify" → "单位实名认证审核"), registered by each app in
AppConfig.ready() with register_action(). Every code audit.services.record() writes must have one: with
settings.AUDIT_REQUIRE_LABELS (on in the test suite) record() refuses an unregistered code, so a new code
without a label fails its tests instead of showing raw in the log."""

_labels: dict[str, str] = {}


def register_action(code: str, label) -> None:
    _labels[code] = label


def label_for(code: str) -> str:
    label = _labels.get(code)
    return str(label) if label is not None else code


def registered_actions() -> dict[str, str]:
    return {code: str(label) for code, label in sorted(_labels.items())}


def is_registered(code: str) -> bool:
    return code in _labels


class UnlabelledAction(LookupError):
    """An audit action code with no registered label (register it in the app's AppConfig.ready())."""
