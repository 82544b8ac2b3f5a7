"""The body map room: the figure, its marks and paint, and the panel around it.

Public: :class:`planner.gui.bodymap.panel.BodyMapPanel`.
"""
