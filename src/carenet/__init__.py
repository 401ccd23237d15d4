"""carenet: a graph service for England's integrated care systems.

The public entry points are the CLI (``carenet``), the FastAPI app from
:func:`carenet.web.create_app`, and :func:`carenet.bootstrap.build` for Python use.
"""

__version__ = "0.1.0"
