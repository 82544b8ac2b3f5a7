"""The clinic-sync room: Tools › Clinic sync…, sync on demand and every few minutes, conflicts.

:func:`planner.gui.sync.room.install` adds the menu entries and the status-bar
note; the sync itself (httpx, the engine) and the dialogs are imported when
first used, so start-up pays for two menu entries and a label.

Public: ``install`` (from :mod:`planner.gui.sync.room`).
"""
