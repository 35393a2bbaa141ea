"""What a page says about itself outside the site: share metadata and the "Báo lỗi" link.

Used by ``overrides/main.html`` through filters the hook registers. Titles and descriptions
reach the theme already escaped for HTML (the hook escapes front-matter because MkDocs'
templates print it raw) while hand-written pages' titles are not, so ``attribute_text`` brings
both to plain text once before the template escapes them.
"""

from __future__ import annotations

from html import unescape
from urllib.parse import quote, urlsplit

REPORT_SCHEMES = ("mailto", "https", "http")
REPORT_SUBJECT = "Báo lỗi, góp ý: {title}"
REPORT_BODY = "Trang: {url}\n\nThông tin cần sửa (ghi rõ nguồn nếu có):\n"
# A form address may carry these, replaced by the page's percent-encoded title and address.
FORM_FIELDS = ("{title}", "{url}")


def attribute_text(value: object) -> str:
    """Plain one-line text of a title or description, whether it came escaped or not."""
    return " ".join(unescape(str(value or "")).split())


def report_target(value: object) -> str:
    """The configured report address (``extra.cchc.report``), checked; "" when unset."""
    target = " ".join(str(value or "").split())
    if not target:
        return ""
    scheme = urlsplit(target).scheme.lower()
    if scheme not in REPORT_SCHEMES:
        raise ValueError(
            f"extra.cchc.report phải là địa chỉ mailto:, https: hoặc http:, không phải {target!r}"
        )
    if scheme == "mailto" and "?" in target:
        raise ValueError(
            "extra.cchc.report: địa chỉ mailto: không kèm '?…'; tiêu đề và nội dung thư do "
            f"trang tự điền: {target!r}"
        )
    return target


def report_href(target: object, page_url: object, title: object) -> str:
    """The link to report an error about one page: a mailto with subject and page address
    filled in, or the form address with ``{title}``/``{url}`` replaced; "" when unset."""
    target = report_target(target)
    if not target:
        return ""
    title, page_url = attribute_text(title), str(page_url or "")
    if target.lower().startswith("mailto:"):
        subject = quote(REPORT_SUBJECT.format(title=title), safe="")
        body = quote(REPORT_BODY.format(url=page_url).replace("\n", "\r\n"), safe="")
        return f"{target}?subject={subject}&body={body}"
    return target.replace("{title}", quote(title, safe="")).replace(
        "{url}", quote(page_url, safe="")
    )
