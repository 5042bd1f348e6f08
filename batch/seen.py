"""The natural keys an import has already accepted, so a repeated key in the file is refused with the row that
first had it ("身份证号与第2行重复").

A Python set or dict of keys would grow by about 100 bytes per row; this keeps them in a private temporary
SQLite database on disk with a 1 MB page cache, so memory stays flat whatever the file's length. Keys are
looked up and added a chunk at a time.
"""

import sqlite3

LOOKUP_BATCH = 500  # below SQLite's bound-parameter limit on every version


class SeenKeys:
    def __init__(self):
        # An empty filename is a private on-disk database that SQLite deletes when the connection closes.
        self._db = sqlite3.connect("", isolation_level=None)
        for pragma in ("cache_size = -1024", "temp_store = FILE", "journal_mode = OFF", "synchronous = OFF"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY, first_row INTEGER NOT NULL) WITHOUT ROWID")

    @staticmethod
    def key_text(values: tuple) -> str:
        return "\x1f".join("" if value is None else str(value) for value in values)

    def first_rows(self, keys) -> dict[str, int]:
        """key -> the row that first had it, for those of `keys` seen in earlier chunks."""
        keys = list(keys)
        found = {}
        for start in range(0, len(keys), LOOKUP_BATCH):
            batch = keys[start:start + LOOKUP_BATCH]
            placeholders = ",".join("?" * len(batch))
            found.update(self._db.execute(f"SELECT key, first_row FROM seen WHERE key IN ({placeholders})", batch))
        return found

    def add(self, items: dict[str, int]) -> None:
        self._db.execute("BEGIN")
        self._db.executemany("INSERT INTO seen (key, first_row) VALUES (?, ?)", items.items())
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()
