"""Sending a PDF to a CUPS print queue as it is, through ``lp``.

Where CUPS is the print system (Linux, macOS), the document goes to the queue as
the PDF itself, a few tens of kilobytes, and CUPS renders it for the printer:
a 4-page protocol is queued in a fraction of a second, where rasterised pages
made a 30 MB job and took 20 seconds. The job is titled with the document and
the client ("Home-care sheet — Margaret Olsen"), so the queue says what is what.
Without ``lp`` (Windows) the window rasterises the pages with Qt instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

# How long lp may take to take a job (it only copies it to the spool).
LP_TIMEOUT = 30
SIDES = {
    "one-sided": "one-sided",
    "long-edge": "two-sided-long-edge",
    "short-edge": "two-sided-short-edge",
}


class CupsError(Exception):
    """The job could not be queued; the message is one clear line."""


@dataclass(frozen=True)
class PrintJob:
    """What to print and how: the dialog's (or the command line's) choices."""

    title: str
    printer: str = ""  # "" for the default destination
    copies: int = 1
    pages: tuple[int, int] | None = None  # first and last page, 1-based; None: all
    sides: str = ""  # a key of SIDES; "" leaves the queue's default
    collate: bool = True

    def lp_arguments(self) -> list[str]:
        """The ``lp`` command line for this job (the document comes on stdin)."""
        args = ["lp", "-t", self.title, "-n", str(max(1, self.copies))]
        if self.printer:
            args += ["-d", self.printer]
        if self.pages is not None:
            first, last = self.pages
            args += ["-P", f"{first}-{last}" if last != first else str(first)]
        if self.sides:
            args += ["-o", f"sides={SIDES[self.sides]}"]
        if self.copies > 1:
            args += ["-o", f"collate={'true' if self.collate else 'false'}"]
        return [*args, "--", "-"]


def available() -> bool:
    """Whether CUPS's ``lp`` is here to take jobs."""
    return shutil.which("lp") is not None


def job_title(kind: str, client: str, title: str) -> str:
    """The queue's name for the job: the document and who it is for."""
    what = "Protocol" if kind == "protocol" else "Home-care sheet"
    who = " ".join(client.split()) or " ".join(title.split())
    return f"{what} — {who}" if who else what


def submit(data: bytes, job: PrintJob) -> str:
    """Queue the PDF ``data``; returns the job id CUPS gave it ("PlannerPDF-12").

    Raises:
        CupsError: lp is missing, refused the job or did not answer.
    """
    lp = shutil.which("lp")
    if lp is None:
        raise CupsError("CUPS's lp command is not installed")
    args = job.lp_arguments()
    try:
        done = subprocess.run(
            [lp, *args[1:]], input=data, capture_output=True, timeout=LP_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        raise CupsError("the print system did not take the job (lp did not answer)") from None
    except OSError as error:
        raise CupsError(f"lp could not be run: {error.strerror}") from None
    return job_id(done.returncode, done.stdout, done.stderr)


def job_id(status: int, out: bytes, err: bytes) -> str:
    """The job id from lp's answer, or :class:`CupsError` with lp's own reason."""
    text = out.decode("utf-8", "replace")
    found = re.search(r"request id is (\S+)", text)
    if status != 0 or found is None:
        reason = err.decode("utf-8", "replace").strip().splitlines()
        line = reason[-1] if reason else f"lp ended with status {status}"
        raise CupsError(line.removeprefix("lp: ").rstrip("."))
    return found.group(1)


def _lpstat(*args: str) -> str:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return ""
    try:
        done = subprocess.run(
            [lpstat, *args], capture_output=True, timeout=LP_TIMEOUT, check=False, text=True
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout if done.returncode == 0 else ""


def destinations() -> list[str]:
    """The print queues CUPS knows (``lpstat -e``)."""
    return [line.strip() for line in _lpstat("-e").splitlines() if line.strip()]


def choose_printer(name: str | None) -> str:
    """The queue called ``name``, else the default one, else the only one.

    Raises:
        CupsError: there is no such queue, or none at all.
    """
    known = destinations()
    if name:
        if name not in known:
            also = f" (printers here: {', '.join(known)})" if known else " (no printer is set up)"
            raise CupsError(f"there is no printer called {name!r}{also}")
        return name
    found = re.search(r"system default destination: (\S+)", _lpstat("-d"))
    if found and found.group(1) in known:
        return found.group(1)
    if not known:
        raise CupsError("no printer is set up on this computer")
    return known[0]


def page_count(data: bytes) -> int:
    """The pages of a PDF the planner made (reportlab writes each page's dictionary plainly)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
