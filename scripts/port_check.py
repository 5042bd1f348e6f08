"""Port checks for scripts/start (standard library only; prints one Chinese line when it fails).

    port_check.py free HOST PORT        exit 1 if HOST:PORT cannot be bound (in use, or no such address)
    port_check.py wait HOST PORT PID    exit 0 once http://HOST:PORT/healthz answers; 1 if PID exits first
                                        or nothing answers within 60 seconds
"""

import os
import socket
import sys
import time
import urllib.error
import urllib.request

WAIT_SECONDS = 60


def _address(host: str) -> tuple[int, str]:
    host = host.strip("[]")
    return (socket.AF_INET6 if ":" in host else socket.AF_INET), host


def free(host: str, port: int) -> int:
    family, address = _address(host)
    try:
        with socket.socket(family) as probe:
            # As gunicorn binds: a port left in TIME_WAIT by a previous run counts as free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((address, port))
    except OSError as error:
        print(f"无法在 {host}:{port} 启动：{error.strerror}"
              "（端口已被占用或地址不可用；换一个端口：PORT=8080 scripts/start）", file=sys.stderr)
        return 1
    return 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:  # an exited child its shell has not reaped yet still answers kill(0)
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def wait(host: str, port: int, pid: int) -> int:
    family, address = _address(host)
    if address in ("0.0.0.0", "", "::"):
        address = "::1" if family == socket.AF_INET6 else "127.0.0.1"
    url = f"http://[{address}]:{port}/healthz" if ":" in address else f"http://{address}:{port}/healthz"
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if not _alive(pid):
            print("网站进程 (gunicorn) 已退出，未能启动；原因见上方日志", file=sys.stderr)
            return 1
        try:
            urllib.request.urlopen(url, timeout=10).close()
            return 0
        except urllib.error.HTTPError:
            return 0  # it answered, e.g. 400 for a host name outside ALLOWED_HOSTS
        except OSError:
            time.sleep(0.3)
    print(f"网站在 {WAIT_SECONDS} 秒内没有应答 {url}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    command, host, port, *rest = sys.argv[1:]
    if command == "free":
        sys.exit(free(host, int(port)))
    sys.exit(wait(host, int(port), int(rest[0])))
