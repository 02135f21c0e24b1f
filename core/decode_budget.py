"""The memory all decodes may hold at once, shared by the decoder children and their parent.

One file may take up to `MAX_DECODE_BYTES` to decode (a 4300 x 4300 JPEG Lossless DICOM takes
about 185 MB), and two files decode at once. Two such files together, on top of the screening
process and its children, would pass the batch's 600 MB bound; forbidding them would refuse real
radiographs. So the bytes are booked against one budget of `DECODE_BUDGET_BYTES` that every
decode draws on: a small file decodes beside another, a large one waits until the budget has
room, and no file ever needs more than the whole budget.

What is booked, and by whom:
- the parent, before it reads a file: twice its size (its own copy, and the child's copy once
  sent); its own half is given back as soon as the child has the bytes;
- the child, from the header, before decoding: the decode's cost, less what is booked already
  (`reserve`, called by `core.decoded.refuse_costly_decode`);
- every booking is made on the decoder's own account, and the parent empties the account when the
  call ends, however it ends: a child that is killed mid-decode leaks nothing.

The budget lives in shared memory (a `multiprocessing` condition and two integers per decoder),
handed to each child when it is spawned.
"""

from __future__ import annotations

from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from typing import Any

#: Bytes all decodes together may hold (file copies and decode buffers). As large as the most
#: one file may take, so any file that may decode can; two files of up to half of it decode at
#: once. With the screening process (about 120 MB) and two decoder children at rest (about 95 MB
#: each), a batch stays under 600 MB (docs/performance.md, `benchmarks/peak_memory.py`).
DECODE_BUDGET_BYTES = 256 * 2**20

#: Messages a child sends its parent while it books (before its answer).
WAITING = "waiting for memory"
BOOKED = "memory booked"


class DecodeBudget:
    """A count of bytes in use, shared between processes, that callers wait on to book."""

    def __init__(self, context: BaseContext, total: int = DECODE_BUDGET_BYTES) -> None:
        self.total = total
        self._condition = context.Condition()
        self._used = context.RawValue("q", 0)

    def account(self, context: BaseContext) -> Any:
        """A new, empty account: what one decoder has booked (shared with its child)."""
        return context.RawValue("q", 0)

    def book(self, amount: int, account: Any, timeout_s: float | None = None) -> bool:
        """Book `amount` bytes (at most the whole budget) on `account`, waiting for room up to
        `timeout_s` (None: as long as it takes); False if there was none in time."""
        amount = max(0, min(amount, self.total - account.value))
        with self._condition:
            room = self._condition.wait_for(
                lambda: self._used.value + amount <= self.total, timeout_s
            )
            if room:
                self._used.value += amount
                account.value += amount
            return room

    def give_back(self, amount: int, account: Any) -> None:
        """Return up to `amount` bytes booked on `account`."""
        with self._condition:
            amount = max(0, min(amount, account.value))
            self._used.value -= amount
            account.value -= amount
            self._condition.notify_all()

    def settle(self, account: Any) -> None:
        """Return everything booked on `account`."""
        self.give_back(account.value, account)

    @property
    def used(self) -> int:
        """Bytes booked now, on all accounts."""
        return self._used.value


# --- In a decoder child ----------------------------------------------------------------------

_child: tuple[DecodeBudget, Any, Connection] | None = None


def install(budget: DecodeBudget, account: Any, connection: Connection) -> None:
    """Make `reserve` book on `account` (called once, in a decoder child)."""
    global _child
    _child = (budget, account, connection)


def reserve(needed: int) -> None:
    """Book what this decode needs in all (counting what is booked for it already), waiting for
    room; a wait is announced to the parent (`WAITING`, then `BOOKED`), so that it does not count
    against the decode's deadline. Does nothing outside a decoder child (an in-process decode, a
    test)."""
    if _child is None:
        return
    budget, account, connection = _child
    if needed <= account.value:
        return
    if budget.book(needed - account.value, account, timeout_s=0):
        return
    connection.send(WAITING)
    # All or nothing: a decode that waits holds no booking, so two that wait can never block
    # each other (the file copy it holds meanwhile goes uncounted for that while).
    budget.settle(account)
    budget.book(needed, account)
    connection.send(BOOKED)
