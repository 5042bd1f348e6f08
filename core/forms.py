"""Small pieces every app's forms share."""


class BindErrorsMixin:
    """Put a service's ValidationError on the form: each field's messages beside that field, the rest (or a
    message without fields) at the top."""

    def bind_errors(self, error) -> None:
        if hasattr(error, "error_dict"):
            for field, messages in error.error_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)
