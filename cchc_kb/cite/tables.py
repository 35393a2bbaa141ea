"""The data the citation engine works from: document types, abbreviations, issuers, look-alikes.

Everything a reader of Nghị định 30/2020/NĐ-CP (Phụ lục III) or of real plans would want to
extend lives here as plain tables; the modules beside it only compile and apply them.
"""

from __future__ import annotations

# Type names as they are written, in the case-insensitive order the finder tries them (longer
# first where one is a prefix of another: "Thông tư liên tịch" before "Thông tư").
DOC_TYPES: tuple[str, ...] = (
    "Nghị quyết liên tịch",
    "Thông tư liên tịch",
    "Văn bản hợp nhất",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Thông tư",
    "Hiến pháp",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Lệnh",
    "Quy chế",
    "Quy định",
    "Thông cáo",
    "Thông báo",
    "Hướng dẫn",
    "Chương trình",
    "Kế hoạch",
    "Phương án",
    "Đề án",
    "Dự án",
    "Báo cáo",
    "Biên bản",
    "Tờ trình",
    "Hợp đồng",
    "Công văn",
    "Công điện",
    "Bản ghi nhớ",
    "Bản thỏa thuận",
    "Giấy ủy quyền",
    "Giấy mời",
    "Giấy giới thiệu",
    "Giấy nghỉ phép",
    "Phiếu gửi",
    "Phiếu chuyển",
    "Phiếu báo",
    "Kết luận",
    "Văn bản",
)

# Words that name no particular type: the type then comes from the symbol.
GENERIC_TYPE_WORDS: set[str] = {"Văn bản"}

# Spelling variants of type words (old tone placement, "uỷ" for "ủy") -> the canonical word.
TYPE_WORD_VARIANTS: dict[str, str] = {
    "Bản thoả thuận": "Bản thỏa thuận",
    "Giấy uỷ quyền": "Giấy ủy quyền",
    "Nghị Quyết": "Nghị quyết",
}

# Type abbreviation in a symbol -> type name (Phụ lục III of Nghị định 30/2020/NĐ-CP, plus the
# normative types and the party's own abbreviations).
TYPE_ABBREVIATIONS: dict[str, str] = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "NĐ": "Nghị định",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "VBHN": "Văn bản hợp nhất",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "QĐi": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "GN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "TTh": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    "KL": "Kết luận",
    "CV": "Công văn",
    "L": "Lệnh",
}

# Type abbreviations of documents that are always normative, so their number always carries
# a year ("30/2020/NĐ-CP"): a number of these types without one lacks it.
NORMATIVE_TYPE_ABBREVIATIONS: set[str] = {"NĐ", "TT", "TTLT"}

# Type words that agree with an abbreviation although the names differ.
TYPE_AGREEMENTS: set[tuple[str, str]] = {
    ("Luật", "QH"),
    ("Bộ luật", "QH"),
    ("Nghị quyết", "QH"),
    ("Nghị quyết", "UBTVQH"),
    ("Pháp lệnh", "UBTVQH"),
    ("Hiến pháp", "QH"),
}

# Type name of a number with no type abbreviation, by issuer part ("80/2015/QH13" can be a
# Luật or a Nghị quyết, so it stays unknown: None).
TYPE_BY_ISSUER_ONLY: dict[str, str | None] = {"QH": None, "UBTVQH": None}

# Misspelt symbol parts seen in real texts -> the correct abbreviation.
KNOWN_MISSPELLINGS: dict[str, str] = {
    "CTTr": "CTr",
}

# Issuer abbreviations of central bodies -> agency id. Local ones are resolved against the
# citing agency's province (LOCAL_ISSUER_ABBREVIATIONS).
CENTRAL_ISSUER_ABBREVIATIONS: dict[str, str] = {
    "CP": "chinh-phu",
    "TTg": "thu-tuong-chinh-phu",
    "QH": "quoc-hoi",
    "UBTVQH": "uy-ban-thuong-vu-quoc-hoi",
    "VPCP": "van-phong-chinh-phu",
    "VPQH": "van-phong-quoc-hoi",
    "BNV": "bo-noi-vu",
    "BTTTT": "bo-thong-tin-va-truyen-thong",
    "BTP": "bo-tu-phap",
    "BYT": "bo-y-te",
    "BCA": "bo-cong-an",
    "BTC": "bo-tai-chinh",
    "BXD": "bo-xay-dung",
    "BGDĐT": "bo-giao-duc-va-dao-tao",
    "BKHĐT": "bo-ke-hoach-va-dau-tu",
    "BLĐTBXH": "bo-lao-dong-thuong-binh-va-xa-hoi",
    "BTNMT": "bo-tai-nguyen-va-moi-truong",
    "BNNPTNT": "bo-nong-nghiep-va-phat-trien-nong-thon",
    "BCT": "bo-cong-thuong",
    "BGTVT": "bo-giao-thong-van-tai",
    "BVHTTDL": "bo-van-hoa-the-thao-va-du-lich",
    "BKHCN": "bo-khoa-hoc-va-cong-nghe",
    "BQP": "bo-quoc-phong",
    "BNG": "bo-ngoai-giao",
}

# Issuer parts that name a local body. The value is the generic name the resolver looks up
# in the citing agency's province, or None when the part alone is ambiguous (an UBND can be
# the province's, a district's or a commune's).
LOCAL_ISSUER_ABBREVIATIONS: dict[str, str | None] = {
    "UBND": None,
    "HĐND": None,
    "TU": "tỉnh ủy",
    "SXD": "Sở Xây dựng",
    "SNV": "Sở Nội vụ",
    "STP": "Sở Tư pháp",
    "STC": "Sở Tài chính",
    "STTTT": "Sở Thông tin và Truyền thông",
    "SYT": "Sở Y tế",
    "SGDĐT": "Sở Giáo dục và Đào tạo",
    "SKHĐT": "Sở Kế hoạch và Đầu tư",
    "SLĐTBXH": "Sở Lao động - Thương binh và Xã hội",
    "STNMT": "Sở Tài nguyên và Môi trường",
    "SNNPTNT": "Sở Nông nghiệp và Phát triển nông thôn",
    "SCT": "Sở Công Thương",
    "SGTVT": "Sở Giao thông vận tải",
    "SVHTTDL": "Sở Văn hóa, Thể thao và Du lịch",
    "SKHCN": "Sở Khoa học và Công nghệ",
    "VP": None,
    "HU": None,
    "TP": None,
}

# Issuer parts of party documents (kind "party"): "52-NQ/TW", "1263-KL/TU".
PARTY_ISSUERS: set[str] = {"TW", "TU", "HU", "ĐU", "QU", "ĐUK", "BCSĐ", "BTGTW", "BTCTW", "UBKTTW"}

# Other abbreviations seen in symbols (drafting units, joint issuers), accepted as symbol parts.
OTHER_SYMBOL_PARTS: set[str] = {"CCHC", "PC", "VX", "KT", "NC", "TH", "TCCB", "KSTT", "VHXH"}

# Type abbreviations of joint documents, whose symbol lists every issuer
# ("14/2015/TTLT-BNNPTNT-BNV"): the issuer is then the list of them.
JOINT_TYPE_ABBREVIATIONS: set[str] = {"TTLT", "NQLT"}

# Separator of the issuers of a joint document in the citation's ``issuer`` string.
JOINT_ISSUER_SEPARATOR: str = ", "

# Lower-case words that real texts glue to the end of a symbol or an issuer phrase when a
# space is lost ("15/QĐ-UBNDngày", "UBND tỉnhngày", "Chính phủngày").
GLUED_WORDS: tuple[str, ...] = ("ngày", "của", "về")

# Parts that carry a legislature number: QH13, UBTVQH15.
NUMBERED_ISSUERS: tuple[str, ...] = ("UBTVQH", "QH")

# Phrases naming an issuer after "của", lower-cased and without the place: phrase -> either a
# central agency id or, prefixed with "~", a generic name resolved in the citing province.
ISSUER_PHRASES: dict[str, str] = {
    "chính phủ": "chinh-phu",
    "thủ tướng chính phủ": "thu-tuong-chinh-phu",
    "thủ tướng": "thu-tuong-chinh-phu",
    "bộ chính trị": "bo-chinh-tri",
    "ban bí thư": "ban-bi-thu",
    "ban chấp hành trung ương": "ban-chap-hanh-trung-uong",
    "ban chấp hành trung ương đảng": "ban-chap-hanh-trung-uong",
    "quốc hội": "quoc-hoi",
    "ủy ban thường vụ quốc hội": "uy-ban-thuong-vu-quoc-hoi",
    "văn phòng chính phủ": "van-phong-chinh-phu",
    "chủ tịch nước": "chu-tich-nuoc",
    "ban chấp hành đảng bộ tỉnh": "~tỉnh ủy",
    "ban thường vụ tỉnh ủy": "~tỉnh ủy",
    "ban chấp hành đảng bộ thành phố": "~thành ủy",
    "ban thường vụ thành ủy": "~thành ủy",
}

# Organ words that may open an issuer phrase (case-insensitive). "Bộ"/"Sở" take a name from
# MINISTRY_NAMES; the others may be followed by a level word and a place name.
ISSUER_ORGANS: tuple[str, ...] = (
    "Chủ tịch Ủy ban nhân dân",
    "Chủ tịch Uỷ ban nhân dân",
    "Chủ tịch UBND",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "UBND",
    "Thường trực Hội đồng nhân dân",
    "Thường trực HĐND",
    "Hội đồng nhân dân",
    "HĐND",
    "Ban Thường vụ Tỉnh ủy",
    "Ban Thường vụ Tỉnh uỷ",
    "Ban Thường vụ Thành ủy",
    "Ban Chấp hành Đảng bộ",
    "Ban Chấp hành Trung ương Đảng",
    "Ban Chấp hành Trung ương",
    "Tỉnh ủy",
    "Tỉnh uỷ",
    "Thành ủy",
    "Thành uỷ",
    "Huyện ủy",
    "Huyện uỷ",
    "Đảng ủy",
    "Đảng uỷ",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Thủ tướng Chính phủ",
    "Thủ tướng",
    "Văn phòng Chính phủ",
    "Chính phủ",
    "Ủy ban Thường vụ Quốc hội",
    "Uỷ ban Thường vụ Quốc hội",
    "Quốc hội",
    "Chủ tịch nước",
)

# Names of ministries and provincial departments (after "Bộ " / "Sở ").
MINISTRY_NAMES: tuple[str, ...] = (
    "Lao động - Thương binh và Xã hội",
    "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường",
    "Tài nguyên và Môi trường",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hoá, Thể thao và Du lịch",
    "Thông tin và Truyền thông",
    "Giáo dục và Đào tạo",
    "Kế hoạch và Đầu tư",
    "Khoa học và Công nghệ",
    "Giao thông vận tải",
    "Xây dựng",
    "Nội vụ",
    "Tư pháp",
    "Tài chính",
    "Y tế",
    "Công an",
    "Quốc phòng",
    "Ngoại giao",
    "Công Thương",
    "Dân tộc và Tôn giáo",
)

# Words that name the level of a local body, before its place name.
LEVEL_WORDS: tuple[str, ...] = (
    "tỉnh",
    "thành phố",
    "TP.",
    "TP",
    "huyện",
    "thị xã",
    "quận",
    "xã",
    "phường",
    "thị trấn",
)

# Capitalised words that start a trích yếu rather than continue a place name
# ("của UBND tỉnh Ban hành Quy định …").
PLACE_STOPWORDS: set[str] = {
    "Ban",
    "Về",
    "V",
    "Phê",
    "Quy",
    "Sửa",
    "Hướng",
    "Triển",
    "Thực",
    "Ngày",
    "Năm",
    "Kế",
    "Bộ",
    "Khóa",
    "Khoá",
    "Giai",
    "Tuyên",
    "Tổ",
    "Chương",
    "Đề",
    "Nghị",
    "Quyết",
    "Chỉ",
    "Thông",
    "Công",
}

# Abbreviations expanded before issuer names are compared with the agency registry.
NAME_ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "TP.": "thành phố",
    "TP": "thành phố",
    "Tp.": "thành phố",
    "Tp": "thành phố",
}

# Characters that stand for "-" in real texts (all dash look-alikes).
DASHES: str = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"

# Other look-alike characters, mapped one to one: the Icelandic eth and African D for Đ.
CHAR_LOOKALIKES: dict[str, str] = {"\u00d0": "Đ", "\u0189": "Đ", "\u00f0": "đ"}

# Whitespace other than the plain space (what str.isspace accepts): each becomes a space.
WHITESPACE: str = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)

# Invisible characters dropped by cleaning (zero-width spaces, BOM, soft hyphen, and the
# bidirectional controls that copy-paste from some editors leaves inside numbers).
INVISIBLES: str = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

# Letters of other scripts that look like Latin capitals, as they turn up inside symbols
# ("61/2018/НĐ-CP" with a Cyrillic En): each -> its readings, the look-alike first and then
# the transliteration when it differs. Cleaning writes the first reading; the finder tries the
# others and keeps the one that names a known document or agrees with the type word.
SCRIPT_LOOKALIKES: dict[str, tuple[str, ...]] = {
    "\u0410": ("A",), "\u0412": ("B", "V"), "\u0415": ("E",), "\u041a": ("K",),
    "\u041c": ("M",), "\u041d": ("H", "N"), "\u041e": ("O",), "\u0420": ("P", "R"),
    "\u0421": ("C", "S"), "\u0422": ("T",), "\u0425": ("X", "KH"), "\u0406": ("I",),
    "\u0391": ("A",), "\u0392": ("B",), "\u0395": ("E",), "\u0397": ("H",),
    "\u0399": ("I",), "\u039a": ("K",), "\u039c": ("M",), "\u039d": ("N",),
    "\u039f": ("O",), "\u03a1": ("P",), "\u03a4": ("T",), "\u03a7": ("X",),
}  # fmt: skip

# Words before "năm 2024" that make the year the time of an action, not the law's year
# ("triển khai Luật Đất đai trong năm 2024"): a law is then not cited by name and year.
LAW_YEAR_BLOCKERS: tuple[str, ...] = (
    "trong", "từ", "đến", "vào", "cuối", "đầu", "giữa", "hết", "sau", "trước", "cả", "mỗi",
    "hằng", "hàng", "các",
)  # fmt: skip

# Phrases after a law's name that end it: what follows speaks of the amending law.
LAW_NAME_STOPS: tuple[str, ...] = (
    "đã được sửa đổi",
    "được sửa đổi",
    "đã sửa đổi",
    "đã được bổ sung",
)

# Year window (in years, the plan year included) for citations without a date.
YEAR_WINDOW: int = 10

# Phrases that introduce an alias for the citation just before them.
ALIAS_INTRODUCERS: tuple[str, ...] = (
    "sau đây viết tắt là",
    "sau đây gọi tắt là",
    "sau đây gọi là",
    "gọi tắt là",
    "viết tắt là",
)

# Words that make a law cited by name an amending law ("Luật Cán bộ, công chức và Luật Viên
# chức sửa đổi ngày 25 tháng 11 năm 2019"): one law, not the laws it names.
AMENDING_WORDS: tuple[str, ...] = ("sửa đổi", "bổ sung")

# Opening words of the preamble paragraph(s) whose citations are legal bases.
PREAMBLE_OPENERS: tuple[str, ...] = ("Căn cứ", "Thực hiện", "Triển khai", "Thực hiện ý kiến")

# Month names are written as numbers in Vietnamese dates; only these words appear.
DATE_WORDS: dict[str, str] = {"day": "ngày", "month": "tháng", "year": "năm"}
