"""The rapport binary the measuring and comparison scripts in tools/ run: shared so that each finds it alike."""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rapport_binary(skip_build, binary):
    """The rapport binary: the given one, the release build already there, or a fresh release build."""
    if binary:
        return binary
    if not skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "rapport", "--package-path", ROOT],
                       check=True, stdout=sys.stderr)
    return os.path.join(ROOT, ".build", "release", "rapport")
