"""The programme's sign-in for students (accounts.eligibility): the name + ID number entry of accounts.identity,
with this programme's rule (on a school's roll)."""


def register_people_programme() -> None:
    # --- students ------------------------------------------------------------------------------------------
    pass
