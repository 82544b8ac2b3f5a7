"""Massage Session Planner: plan, check and document massage sessions."""

__version__ = "0.1.0"
