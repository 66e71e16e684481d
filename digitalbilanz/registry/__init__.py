"""The neutral registry: how a module contributes to the shared surfaces without importing them.

Every app may import ``digitalbilanz.registry``; the registry imports no app. An app contributes
its open-data tables, portal sections, report chapters, dashboard panels, app navigation and
parameters in one file of its own, ``<app>/register.py``, which is imported once at start-up
(autodiscovered like Django's ``admin.py``). Portal, API and reports read only the registry.

See ``docs/architecture.md`` ("Adding a module").
"""
