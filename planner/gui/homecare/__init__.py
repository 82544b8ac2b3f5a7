"""The home-care room: the routine the client takes home, its model and its dialogs.

Public: :class:`planner.gui.homecare.panel.HomeCarePanel`.
"""
