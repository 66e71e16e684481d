"""Errors raised by the economics package.

Every error carries a German message that can be shown to the person who
entered the data (form error, import report) without further translation.
"""

from __future__ import annotations


class EconomicsError(ValueError):
    """Invalid input for an economic calculation; nothing has been computed.

    ``field`` names the offending input (e.g. ``"amount"``, ``"discount_rate"``),
    ``ref`` echoes the caller's reference of the line and ``measure`` the key of
    the measure, so a caller can attach the message to the right form field.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        ref: str | None = None,
        measure: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.ref = ref
        self.measure = measure

    def for_measure(self, measure: str) -> EconomicsError:
        """Return a copy whose message names the measure (used in portfolio runs)."""
        return EconomicsError(
            f"Maßnahme „{measure}“: {self.message}",
            field=self.field,
            ref=self.ref,
            measure=measure,
        )
