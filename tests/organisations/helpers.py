"""Shared helpers for the organisations tests."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts import sms
from accounts.models import SmsOutboxMessage
from tests import factories

NEW_PASSWORD = "Unit#Pass2026"


def sms_code(mobile: str, purpose: str) -> str:
    """Send a code the way the page's button does, and read it from the outbox like the user would."""
    sms.send_code(mobile=mobile, purpose=purpose)
    message = SmsOutboxMessage.objects.filter(mobile=mobile).order_by("-created_at", "-id").first()
    return re.search(r"\d{6}", message.message).group(0)


def bad_check_char(code: str) -> str:
    """The same code with a wrong 18th character."""
    wrong = "0" if code[-1] != "0" else "1"
    return code[:17] + wrong


def png_upload(name="licence.png", size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def new_credit_code(region_code="410105") -> str:
    return factories.make_credit_code(region_code)


def field_errors(response, field: str) -> list[str]:
    return list(response.context["form"].errors.get(field, []))
