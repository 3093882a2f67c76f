"""The release workflow cannot run here (it needs GitHub's hosted runners): this checks that it is valid YAML and
still builds the one-file executable with the same spec on Linux, Windows and macOS and runs tests/binary on each."""

from __future__ import annotations

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def test_release_workflow_builds_and_tests_on_three_systems():
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` key as true
    assert "tags" in triggers["push"]
    job = data["jobs"]["executable"]
    systems = [row["os"] for row in job["strategy"]["matrix"]["include"]]
    assert {system.split("-")[0] for system in systems} == {"ubuntu", "windows", "macos"}
    scripts = "\n".join(step.get("run", "") for step in job["steps"])
    assert "build/fieldkit.spec" in scripts and "PyInstaller" in scripts
    assert "tests/binary" in scripts
    binary_step = next(step for step in job["steps"] if step.get("run", "").endswith("tests/binary"))
    assert binary_step["env"]["FIELDKIT_BINARY"] == "${{ matrix.binary }}"
    windows = next(row for row in job["strategy"]["matrix"]["include"] if row["os"].startswith("windows"))
    assert windows["binary"].endswith(".exe")
    assert data["jobs"]["release"]["needs"] == "executable"
