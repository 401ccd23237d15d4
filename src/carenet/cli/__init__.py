"""The ``carenet`` command line (typer), one module per command."""
