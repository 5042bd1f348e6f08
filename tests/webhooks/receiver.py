"""A real HTTP receiver on 127.0.0.1 (random port), in a thread: it answers each POST with the next of the
statuses it was given (the last one repeats) and keeps what it received."""

import hashlib
import hmac
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes


@dataclass
class Receiver:
    statuses: list
    delay: float = 0.0  # seconds to wait before answering
    location: str = ""  # sent with a 3xx
    received: list = field(default_factory=list)
    url: str = ""

    def verify(self, secret: str, request: Received) -> bool:
        """What a receiver does: recompute the HMAC of "<t>.<raw body>" with the secret."""
        parts = dict(item.split("=", 1) for item in request.headers["X-Praxis-Signature"].split(","))
        expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + request.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, parts["v1"])


def start(statuses, *, delay=0.0, location="") -> tuple[Receiver, ThreadingHTTPServer]:
    receiver = Receiver(statuses=list(statuses), delay=delay, location=location)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, body: bytes):
            with lock:
                receiver.received.append(Received(self.path, dict(self.headers.items()), body))
                index = min(len(receiver.received), len(receiver.statuses)) - 1
                status = receiver.statuses[index]
            if receiver.delay:
                time.sleep(receiver.delay)
            answer = f"answer {len(receiver.received)}: {status}".encode()
            self.send_response(status)
            if receiver.location:
                self.send_header("Location", receiver.location)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def do_POST(self):  # noqa: N802
            self._answer(self.rfile.read(int(self.headers.get("Content-Length", 0))))

        def do_GET(self):  # noqa: N802
            self._answer(b"")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    return receiver, server
