"""Bad input on the command line: exit 2, one line naming the file and field, nothing written."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import orjson
import pytest

from itsms_tui.cli import main
from tests.hardening.conftest import fingerprint


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def replace_first(text: str, pattern: str, new: str) -> str:
    changed, count = re.subn(pattern, new, text, count=1, flags=re.M)
    assert count == 1
    return changed


# --- item 2: --read-only ---------------------------------------------------------------


@pytest.mark.parametrize("where", ["before", "after"])
def test_read_only_import_is_refused_and_writes_nothing(
    data: Path, snapshot: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprint(data)
    args = ["import", str(snapshot), "--data", str(data), "--replace"]
    argv = ["--read-only", *args] if where == "before" else [*args, "--read-only"]
    assert main(argv) == 2
    assert "--read-only" in one_line(capsys.readouterr().err)
    assert fingerprint(data) == before


def test_read_only_restore_is_refused(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["restore", "x.json", "--data", str(data), "--read-only"]) == 2
    assert "restore writes the data file" in one_line(capsys.readouterr().err)


# --- item 3: timestamps that overflow in UTC, and the top-level guard --------------------


@pytest.mark.parametrize(
    ("pattern", "new", "field"),
    [
        (r"^updated_at = .*$", "updated_at = 9999-12-31T23:00:00-05:00", ".updated_at"),
        (r"^exported_at = .*$", "exported_at = 0001-01-01T00:00:00+05:00", "exported_at"),
    ],
)
@pytest.mark.parametrize("command", ["check", "import", "dry-run"])
def test_a_timestamp_overflowing_utc_is_refused_with_exit_2(
    tmp_path: Path,
    demo_text: str,
    pattern: str,
    new: str,
    field: str,
    command: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(replace_first(demo_text, pattern, new), encoding="utf-8")
    target = tmp_path / "new.json"
    argv = {
        "check": ["check", "--snapshot", str(bad)],
        "import": ["import", str(bad), "--data", str(target)],
        "dry-run": ["import", str(bad), "--data", str(target), "--dry-run"],
    }[command]
    assert main(argv) == 2
    line = one_line(capsys.readouterr().err)
    assert str(bad) in line and field in line and "out of range" in line
    assert not target.exists()


def test_an_unexpected_error_exits_2_with_a_log_file(
    data: Path,
    crash_logs: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from itsms_tui.services import commands

    def broken(*_args: object, **_kwargs: object) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(commands, "check", broken)
    assert main(["check", "--data", str(data)]) == 2
    line = one_line(capsys.readouterr().err)
    assert "unexpected error (ZeroDivisionError: a bug)" in line
    log = crash_logs / "crash.log"
    assert str(log) in line
    assert "Traceback" in log.read_text(encoding="utf-8")


# --- item 4: a data file that does not exist --------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--data", "{missing}"],
        ["export", "--data", "{missing}"],
        ["export", "--data", "{missing}", "-o", "{out}"],
        ["backups", "--data", "{missing}"],
        ["--read-only", "--data", "{missing}"],
    ],
)
def test_reading_a_missing_data_file_exits_2_and_creates_nothing(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    missing, out = tmp_path / "typo.json", tmp_path / "out.toml"
    filled = [a.format(missing=missing, out=out) for a in argv]
    assert main(filled) == 2
    captured = capsys.readouterr()
    assert f"{missing}: no such data file" in one_line(captured.err)
    assert captured.out == ""
    assert [p.name for p in tmp_path.iterdir() if p.name != "logs"] == []


# --- items 5 and 6: settings and the one validation path ---------------------------------


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ("kpi_grace_days = 2026-01-01T00:00:00Z", "settings.kpi_grace_days"),
        ("kpi_grace_days = -1", "settings.kpi_grace_days"),
        ("no_such_setting = 1", "settings.no_such_setting"),
        ("supplier_review_months = { gold = 3 }", "settings.supplier_review_months"),
    ],
)
@pytest.mark.parametrize("command", ["check", "import", "dry-run"])
def test_bad_settings_are_refused_by_import_dry_run_and_check(
    tmp_path: Path,
    demo_text: str,
    settings: str,
    field: str,
    command: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(demo_text + f"\n[settings]\n{settings}\n", encoding="utf-8")
    target = tmp_path / "new.json"
    argv = {
        "check": ["check", "--snapshot", str(bad)],
        "import": ["import", str(bad), "--data", str(target)],
        "dry-run": ["import", str(bad), "--data", str(target), "--dry-run"],
    }[command]
    assert main(argv) == 2
    line = one_line(capsys.readouterr().err)
    assert str(bad) in line and field in line
    assert not target.exists()


@pytest.mark.parametrize("command", ["check", "import", "dry-run"])
def test_a_revision_past_64_bits_is_refused_everywhere(
    tmp_path: Path, demo_text: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(replace_first(demo_text, r"^revision = 1$", f"revision = {2**64}"), "utf-8")
    target = tmp_path / "new.json"
    argv = {
        "check": ["check", "--snapshot", str(bad)],
        "import": ["import", str(bad), "--data", str(target)],
        "dry-run": ["import", str(bad), "--data", str(target), "--dry-run"],
    }[command]
    assert main(argv) == 2
    line = one_line(capsys.readouterr().err)
    assert str(bad) in line and ".revision" in line
    assert not target.exists()


def test_bad_settings_in_the_data_file_are_refused_on_open(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = orjson.loads(data.read_bytes())
    tables["settings"] = {"1": {"kpi_grace_days": "soon"}}
    data.write_bytes(orjson.dumps(tables))
    assert main(["export", "--data", str(data)]) == 2
    line = one_line(capsys.readouterr().err)
    assert str(data) in line and "settings.kpi_grace_days" in line


def test_dry_run_reports_a_target_it_could_not_write(
    data: Path, snapshot: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.chmod(data, 0o444)  # read-only even for root (the store honours the mode bits)
    before = fingerprint(data)
    real = main(["import", str(snapshot), "--data", str(data), "--replace"])
    real_err = capsys.readouterr().err
    dry = main(["import", str(snapshot), "--data", str(data), "--replace", "--dry-run"])
    dry_err = capsys.readouterr().err
    assert (real, dry) == (2, 2), (real_err, dry_err)
    assert "read-only" in one_line(real_err)
    assert f"{data}: read-only" in one_line(dry_err) and "the import would fail" in dry_err
    assert fingerprint(data) == before


# --- item 10: the mode of exports -----------------------------------------------------


def test_an_export_is_no_more_readable_than_the_data_file(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.chmod(data, 0o600)
    old = os.umask(0o022)
    try:
        out = tmp_path / "out.toml"
        assert main(["export", "--data", str(data), "-o", str(out)]) == 0
        demo_out = tmp_path / "demo-out.toml"
        assert main(["export", "--demo", "-o", str(demo_out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(demo_out.stat().st_mode) == 0o600
    assert "mode 0600" in capsys.readouterr().err


# --- item 11: hand-edited internal tables -----------------------------------------------


@pytest.mark.parametrize(
    ("table", "doc", "expected"),
    [
        ("sequences", {"suppliers": "many"}, "sequences document 1: suppliers is 'many'"),
        ("sequences", {"suppliers": 0}, "sequences document 1: suppliers is 0"),
        ("audit", {"seq": "x"}, "audit entry 1.seq"),
    ],
)
def test_a_hand_edited_internal_table_is_refused_on_open(
    data: Path,
    table: str,
    doc: dict[str, object],
    expected: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tables = orjson.loads(data.read_bytes())
    tables[table]["1"] = doc
    data.write_bytes(orjson.dumps(tables))
    assert main(["check", "--data", str(data)]) == 2
    line = one_line(capsys.readouterr().err)
    assert str(data) in line and expected in line


# --- item 12 and 15: a FIFO, duplicate keys ----------------------------------------------


def test_a_fifo_at_the_data_path_is_refused_not_waited_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import threading

    fifo = tmp_path / "itsms.json"
    os.mkfifo(fifo)
    outcome: list[int] = []
    worker = threading.Thread(target=lambda: outcome.append(main(["check", "--data", str(fifo)])))
    worker.start()
    worker.join(30)
    if worker.is_alive():  # unblock the hanging open so the test run can end
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(30)
        pytest.fail("opening a FIFO hung")
    assert outcome == [2]
    assert "not a regular file (a named pipe)" in one_line(capsys.readouterr().err)


def test_duplicate_keys_in_the_data_file_are_refused_by_name(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = data.read_bytes().decode()
    # a second "name" in the first supplier document: JSON parsers keep the last one
    edited = raw.replace('"name":', '"name":"Shadow","name":', 1)
    data.write_text(edited, encoding="utf-8")
    assert main(["check", "--data", str(data)]) == 2
    line = one_line(capsys.readouterr().err)
    assert str(data) in line and "the key 'name' appears twice" in line


# --- item 14: export errors name the target --------------------------------------------


def test_an_export_over_the_file_size_limit_names_the_target(tmp_path: Path, data: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "out.toml"
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "from itsms_tui.cli import main\n"
        f"sys.exit(main(['export', '--data', {str(data)!r}, '-o', {str(out)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert line.startswith(f"itsms-tui: {out}: ") and "too large" in line.lower()
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.toml")] == []


def test_an_export_to_a_full_disk_names_the_target(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess

    mount = tmp_path / "small"
    mount.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        timeout=30,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        out = mount / "out.toml"
        assert main(["export", "--data", str(data), "-o", str(out)]) == 2
        line = one_line(capsys.readouterr().err)
        assert line == f"itsms-tui: {out}: No space left on device"
        assert list(mount.iterdir()) == []  # no temp file left behind
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True, timeout=30)
