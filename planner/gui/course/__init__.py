"""The course-of-care room: measures at a visit, SOAP notes, signing, a client's history.

:func:`planner.gui.course.room.install` adds its dock and menu entries to the
main window; the history window and the charts are imported when first opened.

Public: ``install`` (from :mod:`planner.gui.course.room`).
"""
