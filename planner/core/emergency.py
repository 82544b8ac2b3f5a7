"""The emergency number the client's sheet tells them to call: a setting, or the locale's.

The default follows the system's locale: 911 in the United States and Canada,
999 in the United Kingdom, 112 elsewhere in Europe (and where the country is not
known: 112 reaches emergency services from most mobile phones). The therapist
can set another number in the settings.
"""

from __future__ import annotations

import os
import re

_BY_COUNTRY = {
    "US": "911",
    "CA": "911",
    "PR": "911",
    "MX": "911",
    "GB": "999",
    "AU": "000",
    "NZ": "111",
}
_NO_COUNTRY = "911"  # a locale without a country ("C", "POSIX", "en"): the default audience
_ELSEWHERE = "112"
_NUMBER = re.compile(r"\+?[0-9][0-9 -]{0,14}")


def _locale_name() -> str:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return value
    import locale  # here: only a sheet without a set number needs it, not the window's start

    return locale.getlocale()[0] or ""


def country_of(locale_name: str) -> str:
    """The two-letter country of a locale name like "en_GB.UTF-8" ("" when it has none)."""
    found = re.match(r"[A-Za-z]{2,3}[_-]([A-Za-z]{2})\b", locale_name)
    return found.group(1).upper() if found else ""


def default_number(locale_name: str | None = None) -> str:
    """The emergency number for the system's locale (or the one given)."""
    country = country_of(_locale_name() if locale_name is None else locale_name)
    if not country:
        return _NO_COUNTRY
    return _BY_COUNTRY.get(country, _ELSEWHERE)


def check_number(number: str) -> str | None:
    """None for "" (use the default) or a phone number; else what is wrong."""
    if number == "" or _NUMBER.fullmatch(number.strip()):
        return None
    return "the emergency number must be digits (a leading + and spaces allowed), at most 15"


def emergency_number(setting: str | None) -> str:
    """The number to print: the setting when one is given, else the locale's."""
    return setting.strip() if setting and setting.strip() else default_number()
