"""vnextract: structured facts from Vietnamese administrative-reform news.

>>> from extractor import extract
>>> record = extract("Sáng ngày 10/8, ông Lý Văn Đẹp - Phó Giám đốc Sở Nội vụ ...", doc_id="x")
"""
from .errors import InputError
from .pipeline import extract, extract_file
from .schema import DocumentRecord

__all__ = ["extract", "extract_file", "DocumentRecord", "InputError"]
__version__ = "0.1.0"
