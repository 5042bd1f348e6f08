from core.identifiers import validate_credit_code

__all__ = ["validate_credit_code"]
