"""The documented install: a virtual environment with Debian's packages and
`pip install --no-build-isolation --no-index .` (offline). The module is
built in the test's own CMake build folder (ALLIANCE_BUILD_DIR), so the
install reuses it instead of compiling the libraries again."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import SOURCE_DIR


def test_pip_install_into_a_venv(tmp_path):
    build_dir = os.environ.get("ALLIANCE_BUILD_DIR")
    if not build_dir:
        pytest.skip("run by ctest, which names the build folder")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    env = dict(os.environ, ALLIANCE_BUILD_DIR=build_dir)
    env.pop("PYTHONPATH", None)
    env.pop("ALLIANCE_DATA_DIR", None)
    install = subprocess.run([str(venv / "bin" / "pip"), "install", "--no-build-isolation", "--no-index", "."],
                             cwd=SOURCE_DIR, env=env, capture_output=True, text=True, check=False)
    assert install.returncode == 0, install.stdout + install.stderr
    check = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "import alliance; print(alliance.supply.classify(source='published').shape); "
                            "print(alliance.__file__); print(alliance._inputs.data_dir())"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    shape, module, data = check.stdout.splitlines()
    assert shape == "(60, 6)"
    assert module.startswith(str(venv))
    assert data.startswith(str(venv))  # the data folder installed with the package
