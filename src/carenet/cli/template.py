"""``carenet template``: write the import templates."""

from __future__ import annotations

from pathlib import Path

import typer

from carenet.cli.runtime import out
from carenet.services.files import write_csv_templates, write_xlsx_template


def template(
    format: str = typer.Option(
        "xlsx", "--format", help="xlsx (one workbook, a sheet per kind) or csv (a file per kind)."
    ),
    out_dir: Path = typer.Option(Path("templates"), "--out", help="Folder to write into."),
) -> None:
    """Write the import templates: a header row, what each column means, and its allowed values."""
    if format == "xlsx":
        path = write_xlsx_template(out_dir / "carenet-templates.xlsx")
        out.print(f"wrote {path}")
    elif format == "csv":
        paths = write_csv_templates(out_dir)
        out.print(f"wrote {len(paths)} templates and README.txt to {out_dir}")
    else:
        raise typer.BadParameter("xlsx or csv", param_hint="--format")
