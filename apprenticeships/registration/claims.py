"""The subsidy claim (claims.registry): calculator, numbers, review kind, who files and who pays."""


def register_claims() -> None:
    # --- claims ----------------------------------------------------------------------------------------------
    pass
