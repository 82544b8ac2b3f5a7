"""The window room: the main window that holds the other rooms, the application's start,
the file and store actions, the findings panel, and the store's choosers and managers.

Public: :func:`planner.gui.window.app.run_app` (and ``build_window``, ``open_store``;
``LazyPanel`` for a room whose dock is made on first show).
"""
