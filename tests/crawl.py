"""Run a real `scrapy crawl` as a subprocess, the way users and cron run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_scrapy(*args: str, timeout: float = 300, cwd: Path = ROOT, **settings: str):
    """`python -m scrapy ARGS -s NAME=VALUE ...` with the test settings; returns the completed
    process (stdout and stderr captured as text)."""
    command, env = scrapy_command(*args, **settings)
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def start_scrapy(*args: str, cwd: Path = ROOT, **settings: str) -> subprocess.Popen:
    """run_scrapy, but returning at once: the running process (stdout and stderr as text
    pipes; read them with communicate())."""
    command, env = scrapy_command(*args, **settings)
    return subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def scrapy_command(*args: str, **settings: str) -> tuple[list[str], dict[str, str]]:
    command = [sys.executable, "-m", "scrapy", *args]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "settings.test", "PYTHONPATH": str(ROOT)}
    env.pop("MONGO_URI", None)  # settings decide, via -s, never the caller's environment
    return command, env
