"""Production settings pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_check_deploy_is_clean(tmp_path):
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
        "DEPTCOORD_PRODUCTION": "1",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "coord.example.vn",
        "SECRET_KEY": "x" * 20 + "production-secret-key-with-enough-entropy-9f8e7d6c5b4a",
        "DEPTCOORD_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_secret_key_is_generated_once(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DEPTCOORD_VAR_DIR"] = str(tmp_path)
    command = [
        sys.executable,
        "-c",
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='deptcoord.settings'; "
        "from django.conf import settings; print(settings.SECRET_KEY)",
    ]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert first.stdout == second.stdout and len(first.stdout.strip()) > 50
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"
