"""The course-of-care room: measures at a visit, SOAP notes, signing, a client's history.

:func:`planner.gui.course.room.install` adds its menu entries to the main window
and takes over the dock the window made for it, once the window is on screen
(:mod:`planner.gui.window.rooms`); the history window and the charts are imported
when first opened.

Public: ``install`` (from :mod:`planner.gui.course.room`).
"""
