"""``carenet``: serve, demo, generate, db, template, import, export, analyse, report."""

from __future__ import annotations

import sys

import typer

from carenet.cli import analyse, db, export, generate, import_, serve, template
from carenet.cli.runtime import fail
from carenet.errors import CarenetError

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="carenet: the leaders, teams and partners of an integrated care system, as a graph.",
)
app.command("serve")(serve.serve)
app.command("demo")(serve.demo)
app.command("generate")(generate.generate)
app.add_typer(db.app, name="db")
app.command("template")(template.template)
app.command("import")(import_.import_)
app.add_typer(export.app, name="export")
app.command("analyse")(analyse.analyse)
from carenet.cli import apikey, report  # noqa: E402

app.add_typer(apikey.app, name="apikey")
app.add_typer(report.app, name="report")


def main() -> None:
    try:
        app(standalone_mode=False)
    except CarenetError as exc:
        fail(exc)
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(1)
    except typer.TyperException as exc:  # usage errors (typer bundles its own click: not click's classes)
        show = getattr(exc, "show", None)
        if show is None:
            raise
        show()
        sys.exit(getattr(exc, "exit_code", 2))
    except OSError as exc:  # a file or folder the user named: missing, unreadable, not writable
        where = f": {exc.filename}" if exc.filename else ""
        fail(CarenetError(f"{exc.strerror or exc}{where}", suggestion="check the path"))
        sys.exit(1)


if __name__ == "__main__":
    main()
