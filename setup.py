"""Builds the extension module alliance._alliance with CMake (offline).

The pure-Python package is python/alliance; the embedded data folder is
installed beside it as alliance/data. Environment:
  ALLIANCE_CMAKE_ARGS  extra CMake arguments, split on spaces
  ALLIANCE_BUILD_DIR   an existing CMake build folder with ALLIANCE_BUILD_PYTHON
                       on (e.g. build/release): build the module there instead
                       of configuring build/pip
  CMAKE_BUILD_PARALLEL_LEVEL  build jobs (default: the CPU count)
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name: str):
        super().__init__(name, sources=[])


def require_debian_packages() -> None:
    """Stops early, with the remedy, when the interpreter cannot see the
    Debian packages the package runs on (e.g. a pyenv Python first on PATH):
    nothing may be fetched from PyPI, so pip would only fail later, on
    ``numpy`` not found."""
    missing = []
    for name in ("numpy", "pandas"):
        try:
            __import__(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise RuntimeError(
            f"{sys.executable} cannot import {', '.join(missing)}: make the virtual environment with Debian's "
            "interpreter, /usr/bin/python3 -m venv --system-site-packages .venv (scripts/install-deps.sh installs "
            "python3-numpy and python3-pandas); see docs/python.md")


class CMakeBuild(build_ext):
    """Configures the project with only the module enabled and builds it."""

    def build_extension(self, ext: Extension) -> None:
        require_debian_packages()
        existing = os.environ.get("ALLIANCE_BUILD_DIR")
        build_dir = Path(existing) if existing else ROOT / "build" / "pip"
        if not existing:
            configure = ["cmake", "-S", str(ROOT), "-B", str(build_dir), "-G", "Ninja",
                         "-DCMAKE_BUILD_TYPE=Release", "-DALLIANCE_BUILD_TESTS=OFF",
                         "-DALLIANCE_BUILD_PYTHON=ON", f"-DPython_EXECUTABLE={sys.executable}"]
            configure += os.environ.get("ALLIANCE_CMAKE_ARGS", "").split()
            subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_alliance", "-j", jobs], check=True)
        built = sorted((build_dir / "python" / "alliance").glob("_alliance*.so"))
        if not built:
            raise RuntimeError(f"CMake built no _alliance module under {build_dir}")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built[-1], target)


class BuildPyWithData(build_py):
    """Installs the embedded data folder as alliance/data."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "alliance" / "data"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "data", target)


setup(
    packages=["alliance"],
    package_dir={"": "python"},
    ext_modules=[CMakeExtension("alliance._alliance")],
    cmdclass={"build_ext": CMakeBuild, "build_py": BuildPyWithData},
    zip_safe=False,
)
