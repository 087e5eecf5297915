"""A small LSP client over stdio for the tests and the server benches: Content-Length framing, JSON-RPC.

Every wait has a timeout, so a hung server fails a test instead of hanging it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SRC = Path(__file__).resolve().parent.parent / "src"

Message = dict[str, Any]


class ServerError(AssertionError):
    pass


def frame(msg: Message, header: str = "Content-Length") -> bytes:
    """A message framed as LSP frames it (``header``: another spelling of the header's name)."""
    body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
    return f"{header}: {len(body)}\r\n\r\n".encode("ascii") + body


class LspClient:
    def __init__(
        self, cwd: Path | None = None, env: dict[str, str] | None = None, command: list[str] | None = None
    ) -> None:
        """``command``: another stdio language server (default: ``tpkit server``)."""
        full_env = dict(os.environ)
        full_env["PYTHONPATH"] = str(SRC) + os.pathsep + full_env.get("PYTHONPATH", "")
        full_env.update(env or {})
        self.proc = subprocess.Popen(
            command or [sys.executable, "-m", "tpkit", "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=full_env,
        )
        self._next_id = 0
        self._responses: dict[int | str, Message] = {}
        #: responses with ``"id": null`` (a frame the server could not read far enough to know its id)
        self.orphans: list[Message] = []
        self._notes: list[Message] = []
        #: documents opened and not closed (a shared server's test closes its own)
        self.opened: set[str] = set()
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._err = bytearray()
        self._err_taken = 0
        self._err_thread = threading.Thread(target=self._drain_stderr, daemon=True)
        self._err_thread.start()

    # -- wire ------------------------------------------------------------------------------

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            with self._cond:
                self._err += line
                self._cond.notify_all()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    with self._cond:
                        self._cond.notify_all()
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
            if length is None:
                continue
            msg = json.loads(out.read(length).decode("utf-8"))
            with self._cond:
                if "id" in msg and "method" not in msg and msg["id"] is None:
                    self.orphans.append(msg)
                elif "id" in msg and "method" not in msg:
                    self._responses[msg["id"]] = msg
                elif "id" in msg:  # a request from the server: answer it (null result)
                    self._send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                else:
                    self._notes.append(msg)
                self._cond.notify_all()

    def _send(self, msg: Message) -> None:
        self.send_raw(frame(msg))

    def send_raw(self, data: bytes) -> None:
        """Bytes as they are: a bad frame, stray bytes."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def stderr_text(self, wait_for: str | None = None, timeout: float = 10.0) -> str:
        """What the server wrote on stderr since the last call (stderr is read by a thread of its own:
        ``wait_for`` waits until that text has arrived; after the server exited, until all of it has)."""
        if self.proc.poll() is not None:
            self._err_thread.join(timeout)
        needle = wait_for.encode("utf-8") if wait_for is not None else None
        deadline = time.monotonic() + timeout
        with self._cond:
            while needle is not None and needle not in self._err[self._err_taken :]:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            text = bytes(self._err[self._err_taken :])
            self._err_taken = len(self._err)
        return text.decode("utf-8", "replace")

    def wait_exit(self, timeout: float = 10.0) -> int:
        return self.proc.wait(timeout=timeout)

    # -- JSON-RPC ----------------------------------------------------------------------------

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = 10.0) -> Any:
        msg = self.call(method, params, timeout)
        if "error" in msg:
            raise ServerError(f"{method}: {msg['error']}")
        return msg.get("result")

    def error(self, method: str, params: Any, timeout: float = 10.0) -> Any:
        """The error a request is answered with (a result fails the test)."""
        msg = self.call(method, params, timeout)
        if "error" not in msg:
            raise AssertionError(f"{method}: a result where an error was expected: {msg.get('result')!r}")
        return msg["error"]

    def call(self, method: str, params: Any, timeout: float = 10.0) -> Message:
        """Send a request and wait for its response (result or error)."""
        self._next_id += 1
        rid = self._next_id
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.response(rid, timeout, method)

    def response(self, rid: int | str, timeout: float = 10.0, what: str = "") -> Message:
        """The response to request ``rid`` (sent by :meth:`call` or as raw bytes)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while rid not in self._responses:
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    raise ServerError(
                        f"no answer to {what or rid} in {timeout} s (server alive: {self.proc.poll() is None})"
                    )
                self._cond.wait(left)
            return self._responses.pop(rid)

    def wait_orphan(self, timeout: float = 10.0) -> Message:
        """The first response with ``"id": null`` not yet taken."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not self.orphans:
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    raise ServerError(f"no response with id null in {timeout} s (alive: {self.proc.poll() is None})")
                self._cond.wait(left)
            return self.orphans.pop(0)

    def wait_note(self, method: str, pred: Callable[[Any], bool] = lambda p: True, timeout: float = 10.0) -> Any:
        """The first notification ``method`` (not yet taken) whose params satisfy ``pred``; taken off the list."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for i, n in enumerate(self._notes):
                    if n.get("method") == method and pred(n.get("params")):
                        del self._notes[i]
                        return n.get("params")
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    raise ServerError(f"no {method} in {timeout} s (server alive: {self.proc.poll() is None})")
                self._cond.wait(left)

    def drop_notes(self) -> None:
        with self._cond:
            self._notes.clear()

    # -- LSP -----------------------------------------------------------------------------------

    def initialize(self, root: Path, capabilities: dict[str, Any] | None = None) -> Any:
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "capabilities": capabilities or {"textDocument": {"publishDiagnostics": {"versionSupport": True}}},
            },
        )
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        body = path.read_text(encoding="utf-8") if text is None else text
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": body}},
        )
        self.opened.add(uri)
        return uri

    def close_doc(self, uri: str) -> None:
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        self.opened.discard(uri)

    def sync(self) -> None:
        """A round trip: every notification the server sent before its answer is in hand."""
        self.request(
            "textDocument/hover",
            {"textDocument": {"uri": "file:///nowhere.yaml"}, "position": {"line": 0, "character": 0}},
        )

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )

    def diagnostics(self, uri: str, pred: Callable[[list[Any]], bool] = lambda d: True, timeout: float = 10.0) -> Any:
        params = self.wait_note(
            "textDocument/publishDiagnostics", lambda p: p["uri"] == uri and pred(p["diagnostics"]), timeout
        )
        return params["diagnostics"]

    def close(self, timeout: float = 10.0) -> int:
        """shutdown, exit, and the server's exit code."""
        try:
            if self.proc.poll() is None:
                self.request("shutdown", None, timeout=timeout)
                self.notify("exit", None)
            return self.proc.wait(timeout=timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait(timeout=timeout)
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                if stream is not None:
                    stream.close()
