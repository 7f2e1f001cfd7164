"""The README's crontab, run as cron runs it: its crawlall line under `env -i`, with only HOME,
PATH=/usr/bin:/bin and the crontab's environment lines, by /bin/sh, with `\\%` unescaped as
cron does. Against the replica and a test SecantusDB (MONGO_URI as the crontab sets it)."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

from replica import ReplicaOptions, ReplicaServer
from tests.crawl import ROOT

# The environment lines the test leaves out: alerts to example.co.id would be tried for real.
ALERT_SETTINGS = ("SPIDERMON_", "MONITOR_")
# What a summary line looks like once the recipe has put the time before it.
SUMMARY = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} radartangsel: ok: new (\d+), updated 0, "
    r"unchanged 0, known 0, dropped 0, errors 0 \[exit 0\]$"
)


def readme_crontab() -> tuple[dict[str, str], list[str]]:
    """The environment lines and the commands of the README's ```cron block under "Running
    from cron"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Running from cron") :]
    block = section[section.index("```cron\n") + len("```cron\n") :]
    block = block[: block.index("```")]
    environment, commands = {}, []
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if re.match(r"^[A-Z_]+=", line):
            name, value = line.split("=", 1)
            environment[name] = value
        else:
            commands.append(line.split(None, 5)[5])  # after the five time fields
    return environment, commands


def as_cron_runs_it(command: str) -> str:
    """Cron turns `\\%` into `%` (an unescaped % would end the command)."""
    assert re.search(r"(?<!\\)%", command) is None, "an unescaped % in the README's cron line"
    return command.replace("\\%", "%")


def deployment(home: Path, replica_url: str) -> Path:
    """A checkout as /srv/crawler would be: the project's virtualenv, a scrapy.cfg naming the
    deployment's settings (the test suite's, crawling the replica only), and logs/."""
    deployed = home / "srv" / "crawler"
    (deployed / "logs").mkdir(parents=True)
    (deployed / ".venv").symlink_to(ROOT / ".venv")
    (deployed / "scrapy.cfg").write_text("[settings]\ndefault = deployed_settings\n")
    (deployed / "deployed_settings.py").write_text(
        "from settings.test import *  # noqa: F403\n"
        "CRAWLALL_SITES = ['radartangsel']\n"
        f"SITE_BASE_URLS = {{'radartangsel': {replica_url!r}}}\n"
    )
    return deployed


def test_the_readme_cron_line_keeps_a_timestamped_summary_and_mails_nothing(
    tmp_path, mongo_uri, mongo_db_name, raw
):
    environment, commands = readme_crontab()
    assert {"MAILTO", "MONGO_URI", "CRAWLER_CONTACT"} <= environment.keys()
    (crawlall,) = [command for command in commands if "scrapy crawlall" in command]
    assert any("-delete" in command and "logs" in command for command in commands)  # rotation
    environment = {
        **{
            name: value
            for name, value in environment.items()
            if not name.startswith(ALERT_SETTINGS)
        },
        "MONGO_URI": mongo_uri,
        "MONGO_DATABASE": mongo_db_name,
    }
    with ReplicaServer(options=ReplicaOptions(broken_pages=False)) as replica:
        deployed = deployment(tmp_path, replica.url)
        command = as_cron_runs_it(crawlall).replace("/srv/crawler", str(deployed))
        cron_env = [f"{name}={value}" for name, value in environment.items()]
        job = subprocess.run(
            ["env", "-i", f"HOME={tmp_path}", "PATH=/usr/bin:/bin", *cron_env,
             "/bin/sh", "-c", command],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
    # What cron would mail: nothing, for a healthy run.
    assert (job.returncode, job.stdout, job.stderr) == (0, "", ""), shlex.join(job.args)
    (line,) = (deployed / "logs" / "summary.log").read_text().splitlines()
    match = SUMMARY.match(line)
    assert match, line
    stored = raw.articles.count_documents({})
    assert int(match.group(1)) == stored > 0
    (log,) = (deployed / "logs").glob("crawl-*.log")
    assert "Spider closed (finished)" in log.read_text()
    (run,) = raw.runs.find()
    assert run["outcome"]["status"] == "ok"
