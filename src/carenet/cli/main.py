"""``carenet``: serve, demo, generate, db, template, import, export, analyse."""

from __future__ import annotations

import sys

import typer

from carenet.cli import analyse, db, export, generate, import_, serve, template
from carenet.cli.runtime import fail
from carenet.errors import CarenetError

app = typer.Typer(no_args_is_help=True, add_completion=False, help="carenet: the leaders, teams and partners of an integrated care system, as a graph.")
app.command("serve")(serve.serve)
app.command("demo")(serve.demo)
app.command("generate")(generate.generate)
app.add_typer(db.app, name="db")
app.command("template")(template.template)
app.command("import")(import_.import_)
app.add_typer(export.app, name="export")
app.command("analyse")(analyse.analyse)
from carenet.cli import apikey  # noqa: E402
app.add_typer(apikey.app, name="apikey")


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
    except Exception as exc:  # click usage errors
        from click.exceptions import ClickException

        if isinstance(exc, ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise


if __name__ == "__main__":
    main()
