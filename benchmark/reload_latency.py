#!/usr/bin/env python3
"""Measures `handbook serve`: from saving a page to the reload event on the
live-reload socket. Usage: benchmark/reload_latency.py [CONTENT] [RUNS]

Starts the release binary on a copy of CONTENT (default Content/), touches a
page RUNS times (default 20) and prints the median and worst latency.
"""
import base64
import os
import pathlib
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
# HANDBOOK_BINARY picks another build, to compare two side by side.
BINARY = pathlib.Path(os.environ.get("HANDBOOK_BINARY", ROOT / ".build/release/handbook"))


def websocket(port):
    sock = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /__handbook/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        buffer += sock.recv(4096)
    rest = buffer.split(b"\r\n\r\n", 1)[1]
    return sock, rest


def messages(sock, buffer):
    while True:
        while len(buffer) < 2:
            buffer += sock.recv(65536)
        length = buffer[1] & 0x7F
        offset = 2
        if length == 126:
            while len(buffer) < 4:
                buffer += sock.recv(65536)
            length, offset = int.from_bytes(buffer[2:4], "big"), 4
        while len(buffer) < offset + length:
            buffer += sock.recv(65536)
        payload, buffer = buffer[offset:offset + length], buffer[offset + length:]
        if buffer[:0] == b"" and payload:
            yield payload.decode()


def main():
    content_source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "Content"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    subprocess.run(["swift", "build", "-c", "release", "--product", "handbook"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as folder:
        content = pathlib.Path(folder) / "Content"
        shutil.copytree(content_source, content)
        server = subprocess.Popen([str(BINARY), "serve", "--content", str(content), "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            port = None
            while port is None:
                match = re.search(r"127\.0\.0\.1:(\d+)/", server.stdout.readline())
                port = int(match.group(1)) if match else None
            sock, rest = websocket(port)
            stream = messages(sock, rest)
            next(stream)  # the current state
            page = next(content.glob("*/index.md"))
            original = page.read_text(encoding="utf-8")
            latencies = []
            for run in range(runs):
                time.sleep(0.25)
                start = time.perf_counter()
                page.write_text(original + f"\nEdit {run}.\n", encoding="utf-8")
                next(stream)
                latencies.append((time.perf_counter() - start) * 1000)
        finally:
            server.send_signal(2)
            server.wait(timeout=10)
    print(f"save → reload event over {runs} saves of {page.relative_to(content)}: "
          f"median {statistics.median(latencies):.0f} ms, worst {max(latencies):.0f} ms")


if __name__ == "__main__":
    main()
