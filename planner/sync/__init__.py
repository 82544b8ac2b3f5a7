"""Sync with a practice's CouchDB server: offline first, conflicts kept, nothing lost.

``engine`` runs a sync over the replication protocol's endpoints (``couch``),
``local`` finds the store's changes and writes records into it through the
ledger's journal, ``revisions`` keeps CouchDB's revision model per document,
``conflicts`` lists and resolves them, ``signed`` merges a signed session's
addenda, ``secret`` finds the password. Only this package imports httpx.
"""
