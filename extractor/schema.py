"""The record of ../shared/SPEC.md §1–3 as pydantic models.

One set of models serves predictions and gold files, so the scorer always compares two objects of
one type. Closed vocabularies are ``Literal`` types and unknown keys are rejected, so a typo in a
gold file fails loudly instead of being scored as a miss.
"""
from __future__ import annotations

import hashlib
import math
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1"

Unit = Literal["tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn"]
Level = Literal["province", "district", "commune"]
Granularity = Literal["day", "month", "quarter", "half", "year", "interval"]
FigureType = Literal["dossier_count", "percentage", "service_level", "quantity"]
Qualifier = Literal["gt", "lt", "approx"]
Metric = Literal[
    "received", "resolved", "on_time", "early", "late", "pending", "online",
    "on_time_rate", "early_rate", "late_rate", "resolved_rate", "online_rate", "satisfaction_rate",
    "other",
]
Level_ = Union[int, Literal["full", "partial"]]
WarningKind = Literal[
    "resolved_exceeds_received", "rate_mismatch", "fraction_exceeds_total", "percentage_over_100",
    "input",
]

COUNT_METRICS = {"received", "resolved", "on_time", "early", "late", "pending", "online", "other"}
RATE_METRICS = {"on_time_rate", "early_rate", "late_rate", "resolved_rate", "online_rate",
                "satisfaction_rate", "other"}


def sha256_text(text: str) -> str:
    """Hash of the decoded text, the key that ties a record to the exact text its offsets index."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Span(_Model):
    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> "_Span":
        if self.end < self.start:
            raise ValueError(f"{self.id}: end {self.end} before start {self.start}")
        return self


class Official(_Span):
    type: Literal["OFFICIAL"]
    name: str
    honorific: Literal["ông", "bà"] | None = None
    gender: Literal["male", "female"] | None = None
    titles: list[str] = Field(default_factory=list)


class Locality(_Span):
    type: Literal["LOCALITY"]
    unit: Unit | None = None
    level: Level
    name: str
    canonical: str
    code: str | None = None
    parent: str | None = None


class Date(_Span):
    type: Literal["DATE"]
    value: str
    granularity: Granularity


Entity = Annotated[Union[Official, Locality, Date], Field(discriminator="type")]


class Figure(_Span):
    type: FigureType
    value: float | int | list[Level_]
    total: float | int | None = None
    qualifier: Qualifier | None = None
    unit: str | None = None
    metric: Metric = "other"
    service_level: Level_ | list[Level_] | None = None
    period: str | None = None
    locality: str | None = None
    tier: Level | None = None
    is_target: bool = False

    @field_validator("value", "total")
    @classmethod
    def _finite(cls, v):
        if isinstance(v, float) and not math.isfinite(v):
            raise ValueError("figure values must be finite numbers")
        return v

    @model_validator(mode="after")
    def _value_fits_type(self) -> "Figure":
        is_list = isinstance(self.value, list)
        if (self.type == "service_level") != is_list:
            raise ValueError(f"{self.id}: a service_level figure, and only one, has a list value")
        if self.type == "dossier_count" and self.metric not in COUNT_METRICS:
            raise ValueError(f"{self.id}: metric {self.metric!r} is not a count metric")
        if self.type == "percentage" and self.metric not in RATE_METRICS:
            raise ValueError(f"{self.id}: metric {self.metric!r} is not a rate metric")
        if self.type in ("service_level", "quantity") and self.metric != "other":
            raise ValueError(f"{self.id}: {self.type} figures have metric 'other'")
        return self


class Warning(_Model):
    id: str
    kind: WarningKind
    message: str
    figures: list[str] = Field(default_factory=list)


class DocumentRecord(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    doc_id: str
    source: str | None = None
    text_sha256: str
    title: str | None = None
    published: str | None = None
    byline: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    text: str | None = None

    def check_text(self, text: str) -> list[str]:
        """Problems of this record against the text it claims to index: hash and every span.

        Returned rather than raised so that ``check-gold`` can list every problem of a file at once.
        """
        problems = []
        if sha256_text(text) != self.text_sha256:
            problems.append("text_sha256 does not match the text")
        for item in [*self.entities, *self.figures]:
            if item.end > len(text):
                problems.append(f"{item.id}: end {item.end} is past the end of the text ({len(text)})")
            elif text[item.start:item.end] != item.text:
                problems.append(f"{item.id}: text[{item.start}:{item.end}] is "
                                f"{text[item.start:item.end]!r}, not {item.text!r}")
        ids = [x.id for x in [*self.entities, *self.figures, *self.warnings]]
        if len(ids) != len(set(ids)):
            problems.append("ids are not unique")
        return problems


def dump_record(record: DocumentRecord) -> dict:
    """The record as JSON-ready data; ``text`` appears only when the input was not plain text."""
    return record.model_dump(mode="json", exclude={"text"} if record.text is None else None)


def json_schema() -> dict:
    """JSON Schema of the record, for ``vnextract schema`` and for users validating elsewhere."""
    return DocumentRecord.model_json_schema()
