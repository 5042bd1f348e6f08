"""The shipped font drawn straight into a PDF (printing.tables): character widths and CIDs from the font's own
tables, and the subset a document needs embedded with its ToUnicode map, so its text can be searched and copied.

printing/fonts/NotoSansSC-Regular.otf is a CID-keyed OpenType (CFF) font: its glyphs are named cidNNNNN and the
PDF addresses them by that CID (Identity-H), not by their index in the font.
"""

import io
from functools import lru_cache

import pydyf
from fontTools import subset
from fontTools.ttLib import TTFont

from printing.pdf import FONT_FILE, read_shipped


class FontMetrics:
    """The shipped CID-keyed OpenType font: character → CID and advance width (in 1/1000 em)."""

    def __init__(self):
        font = TTFont(io.BytesIO(read_shipped(FONT_FILE)), lazy=True)
        scale = 1000 / font["head"].unitsPerEm
        self.cmap = font.getBestCmap()
        self.metrics = font["hmtx"].metrics
        self.scale = scale
        self.ascent = font["hhea"].ascent * scale
        self.descent = -font["hhea"].descent * scale
        head = font["head"]
        self.bbox = [round(value * scale) for value in (head.xMin, head.yMin, head.xMax, head.yMax)]
        self.cap_height = round(font["OS/2"].sCapHeight * scale)
        self.glyphs: dict[str, tuple[int, float, str]] = {}

    def glyph(self, char: str) -> tuple[int, float, str]:
        """(CID, advance, glyph name); a character the font lacks is its empty glyph 0."""
        found = self.glyphs.get(char)
        if found is None:
            name = self.cmap.get(ord(char), ".notdef")
            cid = int(name[3:]) if name.startswith("cid") else 0
            found = self.glyphs[char] = (cid, self.metrics[name][0] * self.scale, name)
        return found

    def width(self, text: str, size: float) -> float:
        return sum(self.glyph(char)[1] for char in text) * size / 1000


@lru_cache(maxsize=1)
def shipped_font() -> FontMetrics:
    return FontMetrics()


class DocumentText:
    """The characters a document shows: their CIDs for the content streams, the subset font and its maps."""

    def __init__(self, font: FontMetrics):
        self.font = font
        self.used: dict[str, tuple[int, float, str]] = {}
        # A roster repeats its dates, amounts and phrases on every line: each is measured and encoded once per
        # document (not per process: the texts include names and ID numbers).
        self.advances: dict[str, float] = {}
        self.codes: dict[str, str] = {}

    def width(self, text: str, size: float) -> float:
        advance = self.advances.get(text)
        if advance is None:
            advance = self.advances[text] = self.font.width(text, 1000)
        return advance * size / 1000

    def hex(self, text: str) -> str:
        found = self.codes.get(text)
        if found is not None:
            return found
        codes = []
        for char in text:
            glyph = self.used.get(char)
            if glyph is None:
                glyph = self.used[char] = self.font.glyph(char)
            codes.append(f"{glyph[0]:04x}")
        found = self.codes[text] = "".join(codes)
        return found

    def embed(self, pdf: pydyf.PDF) -> pydyf.Dictionary:
        font = TTFont(io.BytesIO(read_shipped(FONT_FILE)), lazy=True)
        # Only the CFF outlines are embedded (the widths and the character map are the PDF's own): the other
        # tables are dropped before subsetting, so they are never even parsed.
        for tag in set(font.keys()) - {"GlyphOrder", "head", "hhea", "maxp", "hmtx", "CFF "}:
            del font[tag]
        options = subset.Options()
        options.layout_features, options.name_IDs, options.hinting, options.notdef_outline = [], [], False, True
        subsetter = subset.Subsetter(options)
        subsetter.populate(glyphs=sorted({name for _, _, name in self.used.values()} | {".notdef"}))
        subsetter.subset(font)
        cff = font["CFF "].compile(font)
        file = pydyf.Stream([cff], {"Subtype": "/CIDFontType0C"}, compress=True)
        pdf.add_object(file)
        widths = pydyf.Array()
        by_cid = sorted({cid: width for cid, width, _ in self.used.values()}.items())
        for cid, width in by_cid:
            widths.extend([cid, pydyf.Array([round(width)])])
        descriptor = pydyf.Dictionary({
            "Type": "/FontDescriptor", "FontName": "/PRAXIS+NotoSansSC-Regular", "Flags": 4,
            "FontBBox": pydyf.Array(self.font.bbox), "ItalicAngle": 0, "Ascent": round(self.font.ascent),
            # StemV is required but only read by a viewer that must imitate a missing font: the font is embedded.
            "Descent": -round(self.font.descent), "CapHeight": self.font.cap_height, "StemV": 80,
            "FontFile3": file.reference,
        })
        pdf.add_object(descriptor)
        cid_font = pydyf.Dictionary({
            "Type": "/Font", "Subtype": "/CIDFontType0", "BaseFont": "/PRAXIS+NotoSansSC-Regular",
            "CIDSystemInfo": pydyf.Dictionary({
                "Registry": pydyf.String("Adobe"), "Ordering": pydyf.String("Identity"), "Supplement": 0}),
            "FontDescriptor": descriptor.reference, "DW": 1000, "W": widths,
        })
        pdf.add_object(cid_font)
        # Glyph 0 stands for every character the font lacks: it maps back to none of them.
        unicode = {cid: char for char, (cid, _, _) in self.used.items() if cid}
        to_unicode = pydyf.Stream([_cmap(unicode)], compress=True)
        pdf.add_object(to_unicode)
        type0 = pydyf.Dictionary({
            "Type": "/Font", "Subtype": "/Type0", "BaseFont": "/PRAXIS+NotoSansSC-Regular",
            "Encoding": "/Identity-H", "DescendantFonts": pydyf.Array([cid_font.reference]),
            "ToUnicode": to_unicode.reference,
        })
        pdf.add_object(type0)
        return type0


def _cmap(chars: dict[int, str]) -> bytes:
    """The ToUnicode map, so the text can be searched and copied (and read back by the tests)."""
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    pairs = sorted(chars.items())
    for start in range(0, len(pairs), 100):
        block = pairs[start:start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{cid:04x}> <{char.encode('utf-16-be').hex()}>" for cid, char in block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CIDFont defineresource pop", "end", "end"]
    return "\n".join(lines).encode()
