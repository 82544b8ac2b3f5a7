"""The library room: the technique library dock, its model, the technique dialog, and
deleting the therapist's own techniques and exercises.

Public: :class:`planner.gui.library.dock.LibraryDock`, and
:func:`planner.gui.library.own_delete.delete_technique` and ``delete_exercise``.
"""
