"""Chinese names for action codes ("organisations.verify" → "单位实名认证审核"), registered by each app in
AppConfig.ready() with register_action(). Codes without a label are shown as they are."""

_labels: dict[str, str] = {}


def register_action(code: str, label) -> None:
    _labels[code] = label


def label_for(code: str) -> str:
    label = _labels.get(code)
    return str(label) if label is not None else code


def registered_actions() -> dict[str, str]:
    return {code: str(label) for code, label in sorted(_labels.items())}
