"""Checks an upload by what it contains, never by its name: the first bytes decide the type, Pillow must
be able to read an image, and the size limit is the purpose's."""

import math
import warnings
from dataclasses import dataclass

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

from attachments.purposes import FileKind, Purpose, kind_for_sniffed_extension

# Enough for every signature `filetype` knows (it reads at most 8 KB itself).
_HEADER_BYTES = 8192


@dataclass(frozen=True)
class CheckedUpload:
    kind: FileKind
    size: int


def format_size(size: int, *, round_up: bool = False) -> str:
    """200 KB, 1.2 MB. Rounding up keeps a file just over the limit from reading as the limit itself."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            value = size / scale
            value = math.ceil(value * 10) / 10 if round_up else round(value, 1)
            return f"{value:g} {unit}"
    return f"{size} 字节"


def describe_allowed(purpose: Purpose) -> str:
    """'JPG、PNG、GIF 或 BMP 图片' / 'PDF 文件' / 'JPG 或 PDF 文件'."""
    kinds = purpose.allowed_kinds
    labels = [kind.label for kind in kinds]
    names = labels[0] if len(labels) == 1 else "、".join(labels[:-1]) + " 或 " + labels[-1]
    noun = _("图片") if all(kind.is_image for kind in kinds) else _("文件")
    return f"{names} {noun}"


def _read_header(uploaded_file) -> bytes:
    uploaded_file.seek(0)
    header = uploaded_file.read(_HEADER_BYTES)
    uploaded_file.seek(0)
    return header


def _verify_image(uploaded_file, kind: FileKind, purpose: Purpose) -> None:
    broken = ValidationError(
        _("文件已损坏：%(label)s无法作为 %(kind)s 图片打开，请重新扫描或拍照后上传")
        % {"label": purpose.label, "kind": kind.label},
        code="broken_image",
    )
    uploaded_file.seek(0)
    try:
        with warnings.catch_warnings():
            # A huge pixel count in a small file is a decompression bomb: refuse rather than warn.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded_file) as image:
                if image.format != kind.pillow_format:
                    raise broken
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("图片尺寸过大：%(label)s的像素数超出允许范围") % {"label": purpose.label}, code="image_too_large"
        ) from None
    except Exception:
        # Pillow signals a truncated or malformed file with many exception types (OSError, SyntaxError…).
        raise broken from None
    finally:
        uploaded_file.seek(0)


def check_upload(purpose: Purpose, uploaded_file) -> CheckedUpload:
    """Raise ValidationError (in Chinese) unless the file's content and size suit the purpose."""
    size = uploaded_file.size
    if not size:
        raise ValidationError(_("文件为空：请选择要上传的%(label)s") % {"label": purpose.label}, code="empty")
    if size > purpose.max_bytes:
        raise ValidationError(
            _("文件过大：%(label)s不超过 %(limit)s，上传的文件为 %(size)s")
            % {
                "label": purpose.label,
                "limit": format_size(purpose.max_bytes),
                "size": format_size(size, round_up=True),
            },
            code="too_large",
        )
    guess = filetype.guess(_read_header(uploaded_file))
    kind = kind_for_sniffed_extension(guess.extension) if guess else None
    if kind is None or kind.key not in purpose.allowed:
        params = {"label": purpose.label, "allowed": describe_allowed(purpose)}
        if kind is None and guess is None:
            raise ValidationError(
                _("文件类型不符：%(label)s须为 %(allowed)s，上传的文件不是可识别的图片或文档") % params,
                code="wrong_type",
            )
        params["actual"] = kind.label if kind is not None else guess.extension.upper()
        raise ValidationError(
            _("文件类型不符：%(label)s须为 %(allowed)s，上传的文件实际是 %(actual)s") % params, code="wrong_type"
        )
    if kind.is_image:
        _verify_image(uploaded_file, kind, purpose)
    return CheckedUpload(kind=kind, size=size)
