"""Real app servers for tests and benchmarks: gunicorn as `make run` starts it, Varnish in front of it
with deploy/varnish.vcl, and a small HTTP client that logs in to the admin the way a browser does
(cookies, CSRF token).
"""

import http.client
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET_KEY = "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"


def free_port():
    """A port nothing listens on: the first free one of MASTHEAD_PORTS ("8130-8149") when set, so that
    several people's servers on one machine keep to their own ranges; else one the system picks."""
    first, _, last = os.environ.get("MASTHEAD_PORTS", "").partition("-")
    for port in range(int(first), int(last or first) + 1) if first.isdigit() else ():
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        if not port_open(port) and time.monotonic() - _handed_out.get(port, -60.0) >= 60:
            _handed_out[port] = time.monotonic()
            return port
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_handed_out = {}  # port of the range: when this process gave it (its server may not be listening yet)


def port_open(port, host="127.0.0.1"):
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def server_env(**overrides):
    """The environment of a production-like server (DEBUG off), with ``overrides``."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", SECRET_KEY),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    env.update({name: str(value) for name, value in overrides.items()})
    return env


def manage(env, *args):
    """Run a manage.py command in a subprocess with ``env``."""
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True)


class AppServer:
    """gunicorn serving cms.wsgi with ``env`` on a free port, 2 workers; a context manager."""

    def __init__(self, env, workers=2, wsgi="cms.wsgi"):
        self.port = free_port()
        self.env, self.workers, self.wsgi = env, workers, wsgi
        self.process = None

    def __enter__(self):
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        self.process = subprocess.Popen(
            [gunicorn, self.wsgi, "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
             "--access-logfile", "-"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if port_open(self.port):
                return self
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.process.stderr.read()[-3000:]}")
            time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("gunicorn did not start within 30 s")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"


class Varnish:
    """varnishd in the foreground with deploy/varnish.vcl pointed at ``backend_port``; a context manager."""

    def __init__(self, backend_port, purgers=("127.0.0.1",), storage="32m"):
        self.port, self.storage = free_port(), storage
        self.folder = Path(tempfile.mkdtemp(prefix="masthead-varnish-"))
        vcl = (ROOT / "deploy" / "varnish.vcl").read_text().replace('.port = "8000"', f'.port = "{backend_port}"')
        acl = "".join(f'    "{address}";\n' for address in purgers)
        vcl = vcl.replace('    "127.0.0.1";\n    "::1";\n', acl)
        (self.folder / "masthead.vcl").write_text(vcl)
        self.folder.chmod(0o755)  # varnishd reads it as its own unprivileged user
        (self.folder / "masthead.vcl").chmod(0o644)

    def __enter__(self):
        self.process = subprocess.Popen(
            ["varnishd", "-F", "-n", str(self.folder / "work"), "-a", f"127.0.0.1:{self.port}",
             "-f", str(self.folder / "masthead.vcl"), "-s", f"malloc,{self.storage}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        deadline = time.monotonic() + 30
        while not port_open(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError(f"varnishd did not start: {self.process.stdout.read()[-2000:]}")
            time.sleep(0.1)
        return self

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/"

    def get(self, path, cookie=None, source="127.0.0.1"):
        """(status, X-Cache, body) of GET ``path`` through Varnish."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30, source_address=(source, 0))
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        body = response.read().decode()
        connection.close()
        return response.status, response.getheader("X-Cache"), body

    def purge(self, keys, source, header="xkey-purge"):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30, source_address=(source, 0))
        connection.request("PURGE", "/", headers={header: keys})
        status = connection.getresponse().status
        connection.close()
        return status

    def backend_requests(self):
        """How many requests Varnish has sent to the app so far."""
        out = subprocess.run(["varnishstat", "-n", str(self.folder / "work"), "-1", "-f", "MAIN.backend_req"],
                             capture_output=True, text=True, check=True).stdout
        return int(out.split()[1])


class Browser:
    """Cookies and CSRF tokens over urllib: enough to log in to the admin and post its forms."""

    def __init__(self, server):
        self.server = server
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path):
        """(status, text) of GET ``path``; errors are answers too."""
        try:
            with self.opener.open(self.server.url(path), timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post(self, path, data):
        """POST ``data`` to the form at ``path`` with the CSRF token that page carries."""
        _, form = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token.group(1) if token else ""}).encode()
        request = urllib.request.Request(self.server.url(path), data=body, headers={"Referer": self.server.url(path)})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def log_in(self, username, password):
        status, html = self.post("/admin/login/?next=/admin/", {"username": username, "password": password, "next": "/admin/"})
        if "/admin/logout/" not in html and "Log out" not in html:
            raise AssertionError(f"login failed ({status})")


def collect_static(env):
    """Collect static files into a new folder (DEBUG-off servers need the manifest); returns it."""
    folder = tempfile.mkdtemp(prefix="masthead-static-")
    manage({**env, "DJANGO_STATIC_ROOT": folder}, "collectstatic", "--no-input", "--verbosity", "0")
    return folder


def remove(folder):
    shutil.rmtree(folder, ignore_errors=True)
