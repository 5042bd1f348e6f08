"""Serializer fields for personal identifiers: masked unless the caller holds organisations.view_personal_data,
as on screen (core.masking)."""

from rest_framework import serializers

from core.masking import can_see_personal_data, mask_bank_account, mask_id_number, mask_mobile


class _Masked(serializers.CharField):
    mask = staticmethod(lambda value: value)

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        value = "" if value is None else str(value)
        request = self.context.get("request")
        if request is not None and can_see_personal_data(request.user):
            return value
        return self.mask(value)


class IdNumberField(_Masked):
    mask = staticmethod(mask_id_number)


class MobileField(_Masked):
    mask = staticmethod(mask_mobile)


class BankAccountField(_Masked):
    mask = staticmethod(mask_bank_account)
