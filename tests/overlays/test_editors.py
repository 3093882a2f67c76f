"""The editors' side (issue 18, item 6): an organisation with many editors keeps its overlay in git, runs
`fieldkit check` in CI on every push, and builds and signs the overlay pack on release. This runs the example
workflow of docs/organisations.md (docs/examples/overlay-ci.yml) step by step on a clone of a git repository, with
the signing key in FIELDKIT_PACK_KEY as a CI secret, then installs what it published on a field laptop."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.overlays.conftest import ATTACHED_PHONE, NAMESPACE, overlay_copy, public_file

WORKFLOW = ROOT / "docs" / "examples" / "overlay-ci.yml"
pytestmark = pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None or os.name == "nt",
                                reason="needs git and bash")


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args], cwd=folder,
                          check=True, capture_output=True, text=True).stdout


def steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["content"]["steps"]


def run_step(step: dict, clone: Path, environment: dict[str, str], event: str) -> subprocess.CompletedProcess | None:
    """One `run:` step as the CI runner would (bash, in the checkout), skipping what does not run on this event."""
    condition = step.get("if", "")
    if "run" not in step or step.get("name") == "Get fieldkit":  # the test provides fieldkit itself
        return None
    if condition and condition != f"github.event_name == '{event}'":
        return None
    env = {**environment, **{key: value for key, value in step.get("env", {}).items() if "${{" not in value}}
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=clone, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def repository(tmp_path):
    """The organisation's repository: its overlay in overlay/, committed by an editor; and the CI's clone of it."""
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "--quiet", "--initial-branch=main")
    overlay_copy(origin / "overlay")
    git(origin, "add", "overlay")
    git(origin, "commit", "--quiet", "-m", "XYZ's services")
    clone = tmp_path / "ci"
    git(tmp_path, "clone", "--quiet", str(origin), str(clone))
    return origin, clone


@pytest.fixture
def environment(layers, fixture_db):
    """What the CI runner has: fieldkit on PATH, the secret key as FIELDKIT_PACK_KEY. The published content the
    overlay is checked against is the fixture's (FIELDKIT_DB), as a runner's fieldkit would use what it ships."""
    binaries = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": binaries + os.pathsep + os.environ.get("PATH", ""), "FIELDKIT_DB": str(fixture_db),
            "FIELDKIT_PACK_KEY": layers.org_key.line(), "GITHUB_REF_NAME": "2100.5.1"}


def test_the_workflow_is_what_the_docs_describe():
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = data.get("on", data.get(True))
    assert {"push", "pull_request", "release"} <= set(triggers)
    names = [step.get("name") for step in steps()]
    assert names[1:4] == ["Get fieldkit", "Check the content", "Build and sign the overlay pack"]
    assert "secrets.FIELDKIT_PACK_KEY" in steps()[3]["env"]["FIELDKIT_PACK_KEY"]
    assert "organisations.md" in WORKFLOW.read_text() and (ROOT / "docs" / "organisations.md").is_file()


def test_a_push_is_checked_and_a_bad_edit_fails_the_run(repository, environment):
    origin, clone = repository
    for step in steps():
        result = run_step(step, clone, environment, "push")
        assert result is None or result.returncode == 0, (step["name"], result.stdout, result.stderr)
    # An editor pushes an entry outside the organisation's namespace and a hand-edited phone number.
    service = origin / "overlay" / "service" / "org-xyz-legal-desk-bihac.en.md"
    service.write_text(service.read_text(encoding="utf-8").replace("id: org-xyz-legal-desk-bihac", "id: legal-desk"),
                       encoding="utf-8")
    git(origin, "commit", "--quiet", "-am", "a mistake")
    git(clone, "pull", "--quiet")
    check = next(step for step in steps() if step.get("name") == "Check the content")
    failed = run_step(check, clone, environment, "push")
    assert failed.returncode == 1
    assert "overlay/service/org-xyz-legal-desk-bihac.en.md:2: id 'legal-desk' does not match the file name" in failed.stdout


def test_a_release_publishes_a_signed_pack_a_laptop_installs(repository, environment, layers, cli):
    _, clone = repository
    for step in steps():
        result = run_step(step, clone, environment, "release")
        assert result is None or result.returncode == 0, (step["name"], result.stdout, result.stderr)
    packs = clone / "packs"
    assert sorted(path.name for path in packs.iterdir()) == ["catalog.json", "overlay-2100.5.1.fkpack"]
    assert "BEGIN" not in (packs / "catalog.json").read_text() and layers.org_key.line().split()[1] not in \
        (packs / "catalog.json").read_text()  # the secret never ends up in what is published
    # A field laptop: trusts the organisation's key for its namespace, installs from the published folder.
    assert cli("pack", "trust", public_file(layers.folder, layers.org_key, "xyz"), "--namespace", NAMESPACE).code == 0
    installed = cli("pack", "install", "--from-dir", packs)
    assert installed.code == 0 and "installed the overlay org-xyz 2100.5.1 by XYZ Legal Aid" in installed.out
    assert ATTACHED_PHONE in cli("show", "svc-legal-aid-bihac").out
