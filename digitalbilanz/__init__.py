"""Digitalbilanz: transparency for a municipality's digitalisation portfolio."""

__version__ = "0.1.0"
