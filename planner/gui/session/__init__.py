"""The session room: the steps table with its model and delegate, and the session's details.

Public: :class:`planner.gui.session.editor.SessionEditor`.
"""
