"""Small checks for JSON-shaped input that name the place of every problem.

Plan files, resource files and template files all read untrusted JSON. Each check
here either returns the value in the type the program wants or raises
:class:`FormatError` whose text starts with the place, like
``steps[2].minutes: must be greater than 0``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Mapping
from typing import Any

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
MAX_TEXT = 20_000
QUOTE_CHARS = 60
# Python refuses to turn more than 4,300 digits into a number; no plan needs 20.
MAX_DIGITS = 100


class FormatError(ValueError):
    """Input that does not have the expected shape; ``place`` says where."""

    def __init__(self, place: str, message: str) -> None:
        self.place = place
        self.problem = message
        super().__init__(f"{place}: {message}" if place else message)


def quote(value: object) -> str:
    """A value as an error message quotes it: on one line, at most about 60 characters.

    A 1 MB value would otherwise make a 1 MB error line; the start says enough.
    """
    if isinstance(value, str) and len(value) > QUOTE_CHARS:
        return repr(value[: QUOTE_CHARS - 1] + "…")
    shown = repr(value)
    return shown if len(shown) <= QUOTE_CHARS + 2 else shown[: QUOTE_CHARS - 1] + "…"


def join(place: str, key: str | int) -> str:
    """The place of a member: ``join("steps", 2) == "steps[2]"``."""
    if isinstance(key, int):
        return f"{place}[{key}]"
    if not key.isprintable() or len(key) > QUOTE_CHARS:
        # A key with a line break or control character must not break the one-line message.
        return f"{place}[{quote(key)}]"
    return f"{place}.{key}" if place else key


def describe(value: object) -> str:
    """A short, readable name for the JSON type of a value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def obj(
    value: Any,
    place: str,
    required: Collection[str] = (),
    optional: Collection[str] = (),
) -> Mapping[str, Any]:
    """An object with exactly the allowed keys; unknown keys are an error."""
    if not isinstance(value, dict):
        raise FormatError(place, f"must be an object, not {describe(value)}")
    for key in value:
        if key not in required and key not in optional:
            raise FormatError(join(place, key), "unknown key (check the spelling)")
    for key in required:
        if key not in value:
            raise FormatError(join(place, key), "is missing")
    return value


def text(value: Any, place: str, *, allow_empty: bool = True, max_length: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise FormatError(place, f"must be text, not {describe(value)}")
    try:
        # JSON can spell lone surrogates ("\\ud800"), which no file can hold when saved.
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise FormatError(place, f"holds an invalid character at position {error.start}") from None
    if not allow_empty and not value.strip():
        raise FormatError(place, "must not be empty")
    if len(value) > max_length:
        raise FormatError(place, f"is too long ({len(value)} characters, at most {max_length})")
    return value


def identifier(value: Any, place: str) -> str:
    if not isinstance(value, str):
        raise FormatError(place, f"must be text, not {describe(value)}")
    if not ID_PATTERN.fullmatch(value):
        raise FormatError(
            place, f"{quote(value)} is not a valid id (lower-case letters, digits and '-')"
        )
    return value


def choice(value: Any, place: str, choices: Collection[str], what: str) -> str:
    if not isinstance(value, str):
        raise FormatError(place, f"must be text, not {describe(value)}")
    if value not in choices:
        raise FormatError(place, f"{quote(value)} is not a known {what}")
    return value


def number(
    value: Any,
    place: str,
    *,
    positive: bool = True,
    maximum: float | None = None,
    integer: bool = False,
) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FormatError(place, f"must be a number, not {describe(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise FormatError(place, "must be a finite number")
    if integer and not isinstance(value, int):
        raise FormatError(place, "must be a whole number")
    if positive and value <= 0:
        raise FormatError(place, "must be greater than 0")
    if not positive and value < 0:
        raise FormatError(place, "must not be negative")
    if maximum is not None and value > maximum:
        raise FormatError(place, f"must be at most {maximum:g}")
    return value


def boolean(value: Any, place: str) -> bool:
    if not isinstance(value, bool):
        raise FormatError(place, f"must be true or false, not {describe(value)}")
    return value


def array(value: Any, place: str, *, max_items: int = 10_000) -> list[Any]:
    if not isinstance(value, list):
        raise FormatError(place, f"must be a list, not {describe(value)}")
    if len(value) > max_items:
        raise FormatError(place, f"has too many entries ({len(value)}, at most {max_items})")
    return value


def text_list(
    value: Any, place: str, *, min_items: int = 0, max_items: int = 100
) -> tuple[str, ...]:
    items = array(value, place, max_items=max_items)
    if len(items) < min_items:
        raise FormatError(place, f"needs at least {min_items} entries")
    return tuple(text(item, join(place, i), allow_empty=False) for i, item in enumerate(items))


def id_list(
    value: Any, place: str, choices: Collection[str], what: str, *, min_items: int = 0
) -> tuple[str, ...]:
    items = array(value, place, max_items=1000)
    if len(items) < min_items:
        raise FormatError(place, f"needs at least {min_items} entries")
    seen: set[str] = set()
    for i, item in enumerate(items):
        choice(item, join(place, i), choices, what)
        if item in seen:
            raise FormatError(join(place, i), f"{quote(item)} is listed twice")
        seen.add(item)
    return tuple(items)


class _Problem:
    """Left in the decoded data where the text had something we refuse, to find its place."""

    def __init__(self, problem: str) -> None:
        self.problem = problem


class _Object(dict[str, Any]):
    """A decoded object that remembers the first key it saw twice."""

    twice: str | None = None


def _constant(name: str) -> _Problem:
    return _Problem(f"{name} is not allowed (JSON has no {name}; write a number)")


def _integer(digits: str) -> int | _Problem:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        return _Problem(f"a number of {len(digits.lstrip('-')):,} digits is far too large")
    return int(digits)


def _pairs(pairs: list[tuple[str, Any]]) -> _Object:
    # A key written twice would silently lose one of its values: noted, refused below.
    result = _Object()
    for key, value in pairs:
        if key in result and result.twice is None:
            result.twice = key
        result[key] = value
    return result


def _first_problem(data: Any) -> None:
    """Raise FormatError at the first refused thing in document order, naming its place."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        place, value = stack.pop()
        if isinstance(value, _Problem):
            raise FormatError(place, value.problem)
        if isinstance(value, _Object):
            if value.twice is not None:
                raise FormatError(
                    place or "top level",
                    f"the key {quote(value.twice)} appears twice in this object",
                )
            stack.extend((join(place, key), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(
                (join(place, index), item) for index, item in reversed(list(enumerate(value)))
            )


def strict_json(text: str) -> Any:
    """Decode untrusted JSON text: no NaN or Infinity, no key twice in one object.

    A leading byte-order mark is allowed; empty text, broken JSON and nesting too
    deep for the decoder raise :class:`FormatError` with the line and column
    where known; NaN, Infinity, a key twice and a number of more than 100 digits
    are named by their place (``steps[3].minutes``).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise FormatError("", "the file is empty")
    try:
        data = json.loads(
            text, parse_constant=_constant, parse_int=_integer, object_pairs_hook=_pairs
        )
    except json.JSONDecodeError as error:
        raise FormatError(
            f"line {error.lineno}, column {error.colno}", f"not valid JSON: {error.msg}"
        ) from None
    except RecursionError:
        raise FormatError("", "the JSON is nested too deeply") from None
    _first_problem(data)
    return data
