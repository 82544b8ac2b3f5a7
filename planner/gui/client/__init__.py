"""The client room: the client's details, conditions, avoided areas and symptoms.

Public: :class:`planner.gui.client.panel.ClientPanel`.
"""
