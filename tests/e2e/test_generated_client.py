"""A gap in the spec breaks the generated client build that the resident simulator needs.

`make demo` regenerates `zhangban_client` from openapi/openapi.yaml and the simulator imports
every operation it calls from it. Here: the full spec builds a client the simulator imports;
a copy without one operation the simulator uses (paying a bill) builds a client the simulator
cannot import; a copy with a dangling schema reference does not build at all.

To reproduce by hand:

    python - <<'PY'
    import yaml; spec = yaml.safe_load(open("openapi/openapi.yaml"))
    del spec["paths"]["/api/v1/bills/{bill_id}/pay"]
    yaml.safe_dump(spec, open("/tmp/spec.yaml", "w"), allow_unicode=True)
    PY
    .venv/bin/python scripts/demo_client.py --spec /tmp/spec.yaml --build-dir /tmp/zbc
    PYTHONPATH=/tmp/zbc .venv/bin/python -c "import mobile_mock.simulator.steps"   # ImportError
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts.demo_client import SPEC, ClientBuildError, generate

ROOT = Path(__file__).resolve().parents[2]
PAY = "/api/v1/bills/{bill_id}/pay"


def _simulator_imports(build_dir: Path) -> subprocess.CompletedProcess[str]:
    """Import the simulator's steps against the client in `build_dir`, in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(build_dir), str(ROOT)])}
    return subprocess.run(
        [sys.executable, "-c", "import mobile_mock.simulator.steps"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _spec_copy(tmp_path: Path, edit) -> Path:
    spec = yaml.safe_load(SPEC.read_text())
    edit(spec)
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False))
    return path


def test_the_full_spec_builds_a_client_the_simulator_imports(tmp_path):
    client = generate(SPEC, tmp_path / "build")

    assert (client / "api" / "payments" / "bills_pay.py").exists()
    result = _simulator_imports(tmp_path / "build")
    assert result.returncode == 0, result.stderr


def test_removing_an_operation_the_simulator_uses_breaks_the_build(tmp_path):
    def drop_pay(spec: dict) -> None:
        assert spec["paths"][PAY]["post"]["operationId"] == "bills_pay"
        del spec["paths"][PAY]

    client = generate(_spec_copy(tmp_path, drop_pay), tmp_path / "build")

    assert not (client / "api" / "payments" / "bills_pay.py").exists()
    result = _simulator_imports(tmp_path / "build")
    assert result.returncode != 0
    assert "bills_pay" in result.stderr and "ImportError" in result.stderr, result.stderr


def test_a_schema_missing_from_the_spec_fails_the_generator(tmp_path):
    def drop_schema(spec: dict) -> None:
        del spec["components"]["schemas"]["BillPayOutput"]  # still referenced by the pay operation

    with pytest.raises(ClientBuildError, match="BillPayOutput"):
        generate(_spec_copy(tmp_path, drop_schema), tmp_path / "build")
