"""The repository's reads and writes by topic, one mixin per module, joined in
:class:`carenet.storage.repository.Repository`: the one port services use to reach a store.

Each method has a domain-shaped signature (labels, uids, filters, rows) and chooses the named
queries itself, so no module above the storage layer names a query or holds a store.
"""
