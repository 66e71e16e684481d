"""Recomputing derived lines when what they were computed from changes.

A module that derives lines for measures (``portfolio.derived.replace_derived_lines``) reads
more than its own records: parameters (rent, licence fees, the appraisal horizon, …) and other
modules' records (the number of staff holding two devices). So that no figure silently differs
from its source, each such module registers one function that recomputes every derivation it
owns in a municipality::

    # contracts/register.py
    # Derived lines
    register_recompute("contracts", calc.recompute_municipality)

    def recompute_municipality(municipality, *, reason: str, user=None) -> None: ...

Saving or deleting a parameter value and saving a workplace snapshot call
:func:`recompute_derived` inside the same transaction as the save: a source that can no
longer be computed raises ``ValidationError`` (German) and the change is rolled back.
"""

from collections.abc import Callable

from django.db import transaction

_RECOMPUTES: dict[str, Callable] = {}


def register_recompute(key: str, function: Callable) -> None:
    """Register ``function(municipality, *, reason, user=None)`` under a key (the app label)."""
    _RECOMPUTES[key] = function


def unregister_recompute(key: str) -> None:
    _RECOMPUTES.pop(key, None)


def recomputes() -> dict[str, Callable]:
    return dict(_RECOMPUTES)


def recompute_derived(municipality, *, reason: str, user=None) -> None:
    """Recompute every registered derivation of ``municipality`` in one transaction."""
    with transaction.atomic():
        for function in _RECOMPUTES.values():
            function(municipality, reason=reason, user=user)
