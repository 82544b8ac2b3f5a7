"""The clinic-sync room: Tools › Clinic sync…, sync on demand and every few minutes, conflicts.

:func:`planner.gui.sync.room.install` adds the menu entries and the status-bar
note, once the window is on screen (:mod:`planner.gui.window.rooms`); the sync
itself (httpx, the engine) and the dialogs are imported when first used.

Public: ``install`` (from :mod:`planner.gui.sync.room`).
"""
