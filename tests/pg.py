"""A throw-away PostgreSQL cluster for the tests: Debian's server binaries, a temp folder, a free port.

No mocks: the store's contract suite and the replica tests run against a real server. Where the
binaries are missing the tests skip with a reason, except in CI (``CI=true``), where
``scripts/test`` has installed them and a skip would hide a failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path


def server_bin() -> Path | None:
    """The newest installed PostgreSQL server's ``bin`` folder (``/usr/lib/postgresql/N/bin``)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("postgres")
    return Path(on_path).parent if on_path else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """initdb + pg_ctl start on loopback; trust authentication (a private test cluster)."""

    def __init__(self, bin_dir: Path, folder: Path | None = None, port: int | None = None):
        self.bin = bin_dir
        self.folder = Path(folder or tempfile.mkdtemp(prefix="sales-pg-"))
        self.data = self.folder / "data"
        self.port = port or free_port()
        # The server refuses to run as root: CI runs as root, so the cluster runs as `postgres`.
        self.as_user = "postgres" if os.geteuid() == 0 else None

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [str(a) for a in args]
        if self.as_user:
            cmd = ["runuser", "-u", self.as_user, "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=120)

    def start(self) -> Cluster:
        if self.as_user:
            pw = pwd.getpwnam(self.as_user)
            os.chown(self.folder, pw.pw_uid, pw.pw_gid)
        self._run(self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.folder} "
                   "-c fsync=off -c max_connections=200 -c shared_buffers=64MB")
        self._run(self.bin / "pg_ctl", "-D", self.data, "-o", options, "-l", self.folder / "server.log",
                  "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def new_database(self) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url(), autocommit=True) as con:
            for _ in range(20):
                try:
                    con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                    return
                except psycopg.Error:
                    time.sleep(0.1)
