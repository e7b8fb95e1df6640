"""The deployment files (``deploy/``) hold together: fast, static checks, plus ``nginx -t`` on the
rendered proxy configuration where nginx is installed (CI installs it: ``scripts/test``).

What runs is checked end to end by ``tests/e2e/test_deploy_local.py`` (deploy/run-local.sh behind
nginx, in Chromium). Docker has no engine on these machines, so the compose file is checked here
as data: its services, and that they agree with the Dockerfile, the template and the app's config.
"""

from __future__ import annotations

import os
import re
import shutil
import string
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
TEMPLATE = (DEPLOY / "nginx.conf.template").read_text(encoding="utf-8")
DOCKERFILE = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
SCRIPT = DEPLOY / "run-local.sh"
PLACEHOLDERS = {"SALES_LISTEN", "SALES_UPSTREAM_SERVERS", "SALES_ACCESS_LOG"}


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def _render(listen: str, servers: str, access_log: str) -> str:
    """What envsubst makes of the template (only the SALES_* names; nginx's own $variables stay)."""
    return string.Template(TEMPLATE).safe_substitute(
        SALES_LISTEN=listen, SALES_UPSTREAM_SERVERS=servers, SALES_ACCESS_LOG=access_log)


def _directive(text: str, name: str) -> list[str]:
    return re.findall(rf"^\s*{name}\s+([^;]+);", text, flags=re.MULTILINE)


def _megabytes(size: str) -> float:
    number, unit = re.fullmatch(r"(\d+)([kKmMgG]?)", size.strip()).groups()
    return int(number) * {"": 1 / 2**20, "k": 1 / 1024, "m": 1, "g": 1024}[unit.lower()]


def _seconds(value: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(ms|s|m|h|d)?", value.strip()).groups()
    return int(number) * {None: 1, "ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}[unit]


def _location(text: str, header: str) -> str:
    start = text.index(header)
    return text[start:text.index("}", start)]


# --- compose ---------------------------------------------------------------------------------------

def test_compose_has_the_database_two_replicas_and_the_proxy():
    compose = _compose()
    services = compose["services"]
    assert set(services) == {"db", "app1", "app2", "proxy"}
    assert services["db"]["image"].startswith("postgres:15")
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert any(v.endswith(":/var/lib/postgresql/data") for v in services["db"]["volumes"])
    for name in ("app1", "app2"):
        app = services[name]
        assert app["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
        env = app["environment"]
        assert env["SALES_DATABASE_URL"].startswith("postgresql://") and "@db:5432/" in env["SALES_DATABASE_URL"]
        assert env["SALES_WORKSPACE"]
        assert env["STREAMLIT_SERVER_COOKIE_SECRET"]  # the same on both: Streamlit's advice for replicas
        assert app["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["app1"]["environment"] == services["app2"]["environment"]


def test_compose_proxy_renders_the_shared_template_onto_both_replicas():
    proxy = _compose()["services"]["proxy"]
    assert proxy["image"].startswith("nginx:")
    assert "./nginx.conf.template:/etc/nginx/templates/default.conf.template:ro" in proxy["volumes"]
    env = proxy["environment"]
    assert set(env) >= PLACEHOLDERS
    assert re.findall(r"server (app\d):8501", env["SALES_UPSTREAM_SERVERS"]) == ["app1", "app2"]
    assert {d["condition"] for d in proxy["depends_on"].values()} == {"service_healthy"}
    assert any(str(p).endswith(":80") for p in proxy["ports"]) and env["SALES_LISTEN"] == "80"


def test_compose_secrets_are_required_not_defaulted():
    text = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    for name in ("POSTGRES_PASSWORD", "SALES_COOKIE_SECRET"):
        uses = re.findall(r"\$\{" + name + r"([^}]*)\}", text)
        assert uses and all(u.startswith(":?") for u in uses), name
    assert "/deploy/.env" in (ROOT / ".gitignore").read_text(encoding="utf-8")


# --- Dockerfile ------------------------------------------------------------------------------------

def test_dockerfile_installs_the_pinned_requirements_and_runs_as_a_user():
    assert re.search(r"^FROM python:3\.11-slim\s*$", DOCKERFILE, flags=re.MULTILINE)
    assert "COPY requirements.txt" in DOCKERFILE
    assert re.search(r"pip install [^\n]*-r requirements\.txt", DOCKERFILE)
    users = re.findall(r"^USER\s+(\S+)", DOCKERFILE, flags=re.MULTILINE)
    assert users and users[-1] not in {"root", "0"} and "useradd" in DOCKERFILE
    health = DOCKERFILE[DOCKERFILE.index("HEALTHCHECK"):]
    assert "/_stcore/health" in health.split("\n\n")[0]
    assert 'CMD ["streamlit", "run", "app.py"]' in DOCKERFILE
    # What pip installs is pinned: the index here also serves older releases (TESTING.md).
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", line), line


def test_dockerfile_copies_what_the_app_reads_and_ignores_local_state():
    for path in ("app.py", "analytics", "ui", "pages", "data", ".streamlit"):
        assert re.search(rf"^COPY {re.escape(path)} ", DOCKERFILE, flags=re.MULTILINE), path
        assert (ROOT / path).exists()
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
    assert ignore[ignore.index("**") + 1:].count("data/workspace") == 1  # never the team's data
    assert ".streamlit/secrets.toml" in ignore


# --- the nginx template ----------------------------------------------------------------------------

def test_template_upgrades_the_websocket_and_keeps_it_open():
    assert "proxy_http_version 1.1;" in TEMPLATE
    assert re.search(r"proxy_set_header\s+Upgrade\s+\$http_upgrade;", TEMPLATE)
    assert re.search(r"proxy_set_header\s+Connection\s+\$sales_connection_upgrade;", TEMPLATE)
    assert re.search(r"map \$http_upgrade \$sales_connection_upgrade \{\s*default upgrade;", TEMPLATE)
    assert re.search(r"proxy_set_header\s+Host\s+\$http_host;", TEMPLATE)  # Origin must match Host
    stream = _location(TEMPLATE, "location = /_stcore/stream")
    # A location that sets a header of its own would drop the server's Upgrade/Connection headers.
    assert "proxy_set_header" not in stream
    assert _seconds(_directive(stream, "proxy_read_timeout")[0]) >= 3600
    assert _seconds(_directive(stream, "proxy_send_timeout")[0]) >= 3600


def test_template_sticks_each_browser_to_one_replica():
    upstream = _location(TEMPLATE, "upstream sales_app")
    assert re.search(r"^\s*hash \$sales_sticky_key consistent;", upstream, flags=re.MULTILINE)
    assert re.search(r"map \$cookie_sales_replica \$sales_sticky_key", TEMPLATE)
    assert "add_header Set-Cookie $sales_sticky_cookie;" in _location(TEMPLATE, "location = /_stcore/stream")
    assert "add_header Set-Cookie $sales_sticky_cookie;" in _location(TEMPLATE, "location / {")


def test_template_takes_uploads_as_large_as_the_app_does():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    limit_mb = config["server"]["maxUploadSize"]
    body = _megabytes(_directive(TEMPLATE, "client_max_body_size")[0])
    assert limit_mb <= body <= limit_mb * 1.1  # the file plus its multipart envelope
    assert "proxy_request_buffering off;" in TEMPLATE


def test_template_placeholders_are_the_ones_both_users_fill():
    assert set(re.findall(r"\$\{(\w+)\}", TEMPLATE)) == PLACEHOLDERS
    script = SCRIPT.read_text(encoding="utf-8")
    assert "envsubst '${SALES_LISTEN} ${SALES_UPSTREAM_SERVERS} ${SALES_ACCESS_LOG}'" in script
    assert "nginx.conf.template" in script


@pytest.fixture
def nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is missing in CI: scripts/test installs nginx-light as root")
        pytest.skip("nginx is not installed: apt-get install nginx-light")
    return found


def test_nginx_accepts_the_rendered_template(nginx, tmp_path):
    sales = tmp_path / "sales.conf"
    sales.write_text(_render("127.0.0.1:18080", "server 127.0.0.1:18501; server 127.0.0.1:18502;",
                             str(tmp_path / "access.log")), encoding="utf-8")
    main = tmp_path / "nginx.conf"
    main.write_text(f"""pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{}}
http {{
    client_body_temp_path {tmp_path}/client_body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    include {sales};
}}
""", encoding="utf-8")
    done = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(main)],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr


# --- the local script ------------------------------------------------------------------------------

def test_run_local_is_an_executable_bash_script_that_parses():
    assert os.access(SCRIPT, os.X_OK)
    assert SCRIPT.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
    done = subprocess.run(["bash", "-n", str(SCRIPT)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([str(SCRIPT), "--help"], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and "run-local.sh stop" in done.stdout, done.stderr


def test_run_local_refuses_an_unknown_argument(tmp_path):
    done = subprocess.run([str(SCRIPT), "start", "--bogus", "--dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "unknown argument" in done.stderr
