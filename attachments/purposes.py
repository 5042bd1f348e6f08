"""What each kind of upload is for, which file types and sizes it accepts, and who may see it.

Apps register their purposes in AppConfig.ready():

    register_purpose("internship_agreement", label=_("见习协议"), allowed={"jpeg", "png", "pdf"},
                     max_bytes=4 * 1024 * 1024, can_view=my_check)

`can_view(user, attachment) -> bool` decides downloads and previews; without one, the access rule of
`programme` applies to the owner organisation (organisations.jurisdiction: platform staff, the members
holding one of the programme's permissions, the departments with authority over the programme in its region);
the default programme is the organisation records.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from accounts.rules import is_platform_staff
from organisations.jurisdiction import can_see
from organisations.rules import ORGANISATION_RECORDS


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str  # as users know it: JPG, PDF
    mime: str
    extension: str  # what a downloaded copy is named with
    is_image: bool
    sniffed_as: tuple[str, ...]  # extensions reported by the `filetype` package for this kind
    pillow_format: str = ""


KINDS: dict[str, FileKind] = {
    kind.key: kind
    for kind in [
        FileKind("jpeg", "JPG", "image/jpeg", "jpg", True, ("jpg",), "JPEG"),
        FileKind("png", "PNG", "image/png", "png", True, ("png", "apng"), "PNG"),
        FileKind("gif", "GIF", "image/gif", "gif", True, ("gif",), "GIF"),
        FileKind("bmp", "BMP", "image/bmp", "bmp", True, ("bmp",), "BMP"),
        FileKind("webp", "WEBP", "image/webp", "webp", True, ("webp",), "WEBP"),
        FileKind("pdf", "PDF", "application/pdf", "pdf", False, ("pdf",)),
    ]
}
_BY_SNIFFED = {ext: kind for kind in KINDS.values() for ext in kind.sniffed_as}


def kind_for_sniffed_extension(extension: str) -> FileKind | None:
    return _BY_SNIFFED.get(extension)


@dataclass(frozen=True)
class Purpose:
    key: str
    label: str
    allowed: frozenset
    max_bytes: int
    can_view: Callable

    @property
    def allowed_kinds(self) -> list[FileKind]:
        return [KINDS[key] for key in KINDS if key in self.allowed]

    @property
    def accept(self) -> str:
        """For the file input's accept attribute (a convenience only: the server checks content)."""
        return ",".join(kind.mime for kind in self.allowed_kinds)


_purposes: dict[str, Purpose] = {}


def programme_can_view(programme_key: str) -> Callable:
    """The access rule of a programme applied to the attachment's owner organisation."""

    def can_view(user, attachment) -> bool:
        if attachment.owner_org_id is None:
            # A personal upload: the uploader and platform staff.
            return is_platform_staff(user) or (
                user.is_authenticated and attachment.uploaded_by_id is not None
                and attachment.uploaded_by_id == user.pk
            )
        return can_see(user, attachment.owner_org, programme_key)

    return can_view


default_can_view = programme_can_view(ORGANISATION_RECORDS)


def register_purpose(key: str, label, allowed, max_bytes: int, can_view: Callable | None = None,
                     programme: str = ORGANISATION_RECORDS) -> Purpose:
    unknown = set(allowed) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown file kinds for purpose {key!r}: {sorted(unknown)}")
    if max_bytes <= 0:
        raise ValueError("max_bytes must be positive")
    purpose = Purpose(
        key=key, label=label, allowed=frozenset(allowed), max_bytes=max_bytes,
        can_view=can_view or programme_can_view(programme),
    )
    _purposes[key] = purpose
    return purpose


def get_purpose(key: str) -> Purpose:
    try:
        return _purposes[key]
    except KeyError:
        raise LookupError(f"attachment purpose {key!r} is not registered") from None


def registered_purposes() -> list[Purpose]:
    return list(_purposes.values())


# 营业执照: manual 000 §2.4 "上传营业执照：大小不超过200K", an image.
BUSINESS_LICENCE = register_purpose(
    "business_licence",
    label=_("营业执照"),
    allowed={"jpeg", "png", "gif", "bmp"},
    max_bytes=200 * 1024,
)
