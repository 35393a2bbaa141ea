"""``cchc import``: a document file (.txt, .md, .docx, .doc, .pdf, a scan) → plan Markdown.

Split by job, each module a step: ``formats`` (file → text, with ``legacy`` for TCVN3/VNI and
OCR for scans) → ``header`` (số, địa danh và ngày, loại, trích yếu, issuer) → ``body``
(Markdown; ``tasks`` for tables, ``signature`` for the signer and "Nơi nhận") → ``agency``
(registry match, id, preamble citations) → ``document`` (one text → fields) → ``writer``
(YAML, merge, atomic write) → ``command`` (the CLI verb).
"""

from .agency import Registries, derive_id, find_issuing_body, match_agency
from .body import convert_body, heading_level, is_hard_wrapped, looks_like_heading
from .command import add_arguments, import_file, run
from .document import Imported, import_text
from .header import Header, parse_header, parse_number, parse_place_date, split_type
from .lines import sentence_case
from .signature import parse_recipients, parse_signature
from .tasks import markdown_table
from .writer import (
    DERIVED_FIELDS,
    format_front_matter,
    merge,
    read_front_matter,
    render,
    write_together,
)

__all__ = [
    "DERIVED_FIELDS",
    "Header",
    "Imported",
    "Registries",
    "add_arguments",
    "convert_body",
    "derive_id",
    "find_issuing_body",
    "format_front_matter",
    "heading_level",
    "import_file",
    "import_text",
    "is_hard_wrapped",
    "looks_like_heading",
    "markdown_table",
    "match_agency",
    "merge",
    "parse_header",
    "parse_number",
    "parse_place_date",
    "parse_recipients",
    "parse_signature",
    "read_front_matter",
    "render",
    "run",
    "sentence_case",
    "split_type",
    "write_together",
]
