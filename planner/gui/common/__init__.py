"""What every room of the window shares.

The undo document (:mod:`.document`) and its undo commands (:mod:`.commands`), the item
roles and the headed tables (:mod:`.roles`, :mod:`.list_table`), the words every room
shows alike (:mod:`.names`), the modal questions (:mod:`.asks`, with the form dialogs
of :mod:`.forms`) and the PySide6 workarounds (:mod:`.qtfix`). It imports no room,
except that each question in :mod:`.asks` opens its room's dialog when asked.
"""
