"""Hostile uploads to POST /files/import: each gets a clear 4xx error and nothing is written."""

from __future__ import annotations

import io
import threading
import zipfile
import zlib

import httpx
import pytest
from api.conftest import running
from openpyxl import Workbook

from carenet.config import Mode
from carenet.interchange import read_file
from carenet.interchange.limits import Limits, xlsx_problem

TEAMS = "uid,name,sector\ns9-team-1,Team one,health\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running(
        tmp_path_factory.mktemp("uploads"),
        demo_data=False,
        mode=Mode.DEMO,
        upload_max_file_bytes=300_000,
        upload_max_bytes=600_000,
        upload_max_rows=1_000,
        upload_max_cells=5_000,
    ) as server:
        yield server


def _post(server, files, **params) -> httpx.Response:
    with httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {server.app.state.admin_key}"}, timeout=60
    ) as c:
        return c.post("/files/import", files=[("files", f) for f in files], params=params)


def _teams(server) -> int:
    return server.gql("{ teams { totalCount } }")["data"]["teams"]["totalCount"]


def _refused(server, files, status: int, *needles: str) -> dict:
    before = _teams(server)
    server.recording.reset()
    r = _post(server, files)
    assert r.status_code == status, r.text
    body = r.json()
    text = body["message"] + " " + " ".join(p["location"] + " " + p["message"] for p in body.get("problems", []))
    for needle in needles:
        assert needle in text, text
    assert not [c for c in server.recording.calls if c.kind.startswith("write")]
    assert _teams(server) == before
    return body


@pytest.mark.parametrize(
    "name", ["..", ".", "/", "../teams.csv", "a/teams.csv", "a\\teams.csv", ".teams.csv", "", "x" * 300]
)
def test_names_that_are_not_plain_file_names_are_refused(server, name):
    needle = "no files" if name == "" else "plain file name"  # a part without a file name is a form field
    body = _refused(server, [(name, TEAMS.encode(), "text/csv")], 400, needle)
    assert body["problems"][0]["location"] in ("files.0", "files")


def test_two_uploads_of_one_name_are_refused_not_overwritten(server):
    other = "uid,name,sector\ns9-team-2,Team two,health\n"
    _refused(
        server,
        [("teams.csv", TEAMS.encode(), "text/csv"), ("teams.csv", other.encode(), "text/csv")],
        400,
        "two uploads named teams.csv (files.0 and files.1)",
    )


def test_a_file_over_the_size_limit_gets_413(server):
    big = TEAMS + "".join(f"s9-team-x{i},Team,health\n" for i in range(400)) + "#" * 300_000 + "\n"
    _refused(server, [("teams.csv", big.encode(), "text/csv")], 413, "teams.csv:1:1", "300,000 per file")


def test_a_request_over_the_size_limit_gets_413(server):
    part = ("#" * 250_000 + "\n").encode()
    _refused(server, [(f"t{i}.csv", part, "text/csv") for i in range(3)], 413, "request", "600,000")


def test_too_many_rows_or_cells_get_413(server):
    rows = TEAMS + "".join(f"s9-team-r{i},Team,health\n" for i in range(1_200))
    _refused(server, [("teams.csv", rows.encode(), "text/csv")], 413, "1,000 per request")
    cells = "uid,name,sector\n" + "s9-team-c,Team" + "," * 6_000 + "\n"
    _refused(server, [("teams.csv", cells.encode(), "text/csv")], 413, "cells")


def test_a_huge_csv_field_is_placed_at_its_line_and_column(server):
    huge = "uid,name,sector\ns9-team-1," + "x" * 150_000 + ",health\n"
    _refused(server, [("teams.csv", huge.encode(), "text/csv")], 400, "teams.csv:2:2", "a cell of 150,000 characters")


def test_a_csv_field_over_the_old_csv_module_limit_is_a_problem_not_a_crash(tmp_path):
    """The CLI read a 50 MB field with a traceback (_csv.Error: field larger than field limit)."""
    path = tmp_path / "teams.csv"
    path.write_text('uid,name,sector\nt1,"' + "x" * 11_000_000 + '",health\n', encoding="utf-8")
    parsed = read_file(path, columnar=False)
    assert [p.location for p in parsed.problems] == ["teams.csv:2:2"]
    assert "11,000,000 characters" in parsed.problems[0].message


def _bomb(pad: int) -> bytes:
    wb = Workbook()
    wb.active.title = "teams"
    wb.active.append(["uid", "name", "sector"])
    buf = io.BytesIO()
    wb.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":  # a sheet padded with inflating blanks
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * pad)
            dst.writestr(info.filename, data)
    return out.getvalue()


def test_an_xlsx_zip_bomb_is_refused_from_its_directory(server, tmp_path):
    bomb = _bomb(20_000_000)
    assert len(bomb) < 100_000
    _refused(server, [("book.xlsx", bomb, "application/octet-stream")], 400, "book.xlsx:1:1", "inflates")
    path = tmp_path / "book.xlsx"
    path.write_bytes(_bomb(10_000))
    assert xlsx_problem(path) is None
    assert "the limit is 5,000" in xlsx_problem(path, Limits(xlsx_bytes=5_000)).message


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("teams.csv", b"", "empty"),
        ("teams.csv", b"\x00\xff\xfe\x81binary" * 50, "UTF-8"),
        ("teams.csv", "uid,name,sector\nt1,Équipe,health\n".encode("latin-1"), "UTF-8"),
        ("teams.csv", b"uid,uid,name,sector\nt1,t1,Team,health\n", "uid"),
        ("book.xlsx", b"PK\x03\x04 not a zip", "xlsx"),
        ("book.xlsx", b"\x00" * 500, "xlsx"),
        ("graph.json", b'{"nodes": [', "JSON"),
        ("teams.exe", b"MZ", "not a file carenet imports"),
    ],
)
def test_hostile_files_get_a_clear_400(server, name, data, needle):
    body = _refused(server, [(name, data, "application/octet-stream")], 400, needle)
    assert all(":" in p["location"] for p in body["problems"]), body


def test_a_formula_cell_is_refused(server):
    wb = Workbook()
    wb.active.title = "teams"
    wb.active.append(["uid", "name", "sector"])
    wb.active.append(["s9-team-1", '=HYPERLINK("http://x","y")', "health"])
    buf = io.BytesIO()
    wb.save(buf)
    _refused(
        server, [("book.xlsx", buf.getvalue(), "application/octet-stream")], 400, "book.xlsx[teams]:2:2", "a formula"
    )


def test_files_are_read_on_a_worker_thread(tmp_path):
    """The server's event loop is never the thread reading an upload (progress is called on the reader's)."""
    import asyncio

    from carenet.bootstrap import build
    from carenet.config import Settings
    from carenet.services import imports

    path = tmp_path / "teams.csv"
    path.write_text(TEAMS, encoding="utf-8")
    seen: list[threading.Thread] = []

    async def go() -> threading.Thread:
        built = await build(Settings(data_dir=tmp_path / "data"), migrate_schema=True)
        try:
            await imports.import_files(
                built.repo, [path], dry_run=True, progress=lambda phase, n: seen.append(threading.current_thread())
            )
        finally:
            await built.close()
        return threading.current_thread()

    loop_thread = asyncio.run(go())
    assert seen and all(t is not loop_thread for t in seen)


def _damaged_workbook() -> bytes:
    """A workbook whose sheet's deflate stream is damaged (the zip directory is sound): found by
    benchmarks/fuzz_importers.py, it once raised zlib.error out of the reader (HTTP 500)."""
    import struct

    wb = Workbook()
    ws = wb.active
    ws.title = "teams"
    ws.append(["uid", "name", "sector"])
    for i in range(200):
        ws.append([f"s9-team-{i}", f"Team {i} " + "x" * 50, "health"])
    buf = io.BytesIO()
    wb.save(buf)
    data = bytearray(buf.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml")
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26 : info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    for offset in range(info.compress_size // 2, info.compress_size - 8):  # the first damage zlib itself reports
        damaged = bytearray(data)
        damaged[start + offset : start + offset + 8] = b"\xff" * 8
        try:
            zipfile.ZipFile(io.BytesIO(bytes(damaged))).read(info.filename)
        except zlib.error:
            return bytes(damaged)
        except zipfile.BadZipFile:
            continue
    raise AssertionError("no damage found that zlib reports")


def test_a_workbook_with_a_damaged_stream_is_a_problem_not_a_crash(server, tmp_path):
    damaged = _damaged_workbook()
    path = tmp_path / "book.xlsx"
    path.write_bytes(damaged)
    problems = read_file(path).problems
    assert [p.location for p in problems] == ["book.xlsx:1:1"] and "not a readable .xlsx" in problems[0].message
    _refused(server, [("book.xlsx", damaged, "application/octet-stream")], 400, "book.xlsx:1:1", "not a readable .xlsx")


def _directory_edited(entry_of, offset: int, value: int) -> bytes:
    """A one-sheet workbook with two bytes of a central directory entry set to ``value``."""
    wb = Workbook()
    wb.active.title = "teams"
    wb.active.append(["uid", "name", "sector"])
    buf = io.BytesIO()
    wb.save(buf)
    data = bytearray(buf.getvalue())
    entry = entry_of(data)
    data[entry + offset : entry + offset + 2] = value.to_bytes(2, "little")
    return bytes(data)


def _first_entry(data: bytes) -> int:
    return data.index(b"PK\x01\x02")


def _second_entry(data: bytes) -> int:
    return data.index(b"PK\x01\x02", _first_entry(data) + 4)


def _unreadable(server, tmp_path, data: bytes, says: str) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(data)
    problems = read_file(path).problems
    assert [p.location for p in problems] == ["book.xlsx:1:1"] and says in problems[0].message, problems
    _refused(server, [("book.xlsx", data, "application/octet-stream")], 400, "book.xlsx:1:1", "not a readable .xlsx")


def test_a_workbook_part_in_an_unknown_compression_is_a_problem_not_a_crash(server, tmp_path):
    """Found by benchmarks/fuzz_importers.py: zipfile raises NotImplementedError for a compression
    method (or zip version) it does not know."""
    data = _directory_edited(_second_entry, 10, 99)  # compression method 99: unknown here
    _unreadable(server, tmp_path, data, "not a readable .xlsx")


def test_a_workbook_of_a_zip_version_too_new_is_a_problem_not_a_crash(server, tmp_path):
    """Found by benchmarks/fuzz_importers.py: a zip directory entry asking for a zip version the zip
    module cannot read (22.8) made it raise NotImplementedError as the directory was opened, before the
    workbook was read: the size checks let it out."""
    data = _directory_edited(_first_entry, 6, 228)  # version needed to extract: 22.8
    _unreadable(server, tmp_path, data, "zip file version 22.8")
