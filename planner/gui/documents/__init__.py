"""The documents room: the live preview of the protocol and home-care sheet, and printing.

Public: :class:`planner.gui.documents.preview.PreviewPane`,
:class:`planner.gui.documents.printing.PrintActions` and
:func:`planner.gui.documents.printing.build_pdf`; for the course room's documents
``build_with_lock``, ``LoadedPdf``, ``print_pdf``, ``job_for``, ``queue_job`` and
``spooled_by_cups``.
"""
