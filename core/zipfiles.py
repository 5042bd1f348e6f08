"""What a .zip says about itself before `zipfile` trusts it (shared by the workbook reader and the scan archive)."""

import os


def announced_entries(fileobj) -> int | None:
    """The entry count of the end-of-central-directory record, read before zipfile parses the directory and
    builds an object per entry (None when there is no such record). 0xFFFF means a ZIP64 count."""
    fileobj.seek(0, os.SEEK_END)
    size = fileobj.tell()
    fileobj.seek(max(size - (1 << 16) - 22, 0))
    tail = fileobj.read()
    fileobj.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 12:
        return None
    return int.from_bytes(tail[at + 10:at + 12], "little")
