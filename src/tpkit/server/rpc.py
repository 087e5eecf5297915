"""JSON-RPC over stdio for ``tpkit server``: frames, the LSP lifecycle, and an answer to every request.

pygls 2.x reads stdio with a case-sensitive ``Content-Length`` pattern, allocates whatever length a header
claims, swallows a request whose params do not structure (no response), answers nothing after ``shutdown``
and exits 0 on ``exit`` without ``shutdown`` (see ``docs/upstream/pygls.md``). So tpkit reads the frames
itself and hands pygls whole, structured messages; pygls still dispatches them to the handlers and writes
the responses.

- :class:`FrameReader` (a thread, blocking reads on the file descriptor): header names in any case; a
  ``Content-Length`` that is not a decimal number, stray bytes, a header block without a length: a
  :class:`Fault` (one line on stderr), then the bytes up to the next ``Content-Length`` header are skipped
  (resynchronisation); a frame over :data:`MAX_FRAME` is refused with an error response (``id`` null,
  nobody can know it without reading the body) and skipped the same way.
- :class:`Session` (the event loop): JSON that does not parse: -32700; not a JSON-RPC object: -32600;
  params that do not structure: -32602 with the request's id; a request before ``initialize``: -32002;
  a request after ``shutdown``: -32600; ``exit``: the exit code (0 after ``shutdown``, else 1).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import sys
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError
from dataclasses import dataclass
from typing import Any

from cattrs import transform_error
from cattrs.errors import ClassValidationError
from pygls.exceptions import JsonRpcException
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer

#: the largest frame read (a 10 MB buffer is a TP001 finding; 64 MiB leaves room for JSON escapes)
MAX_FRAME = 64 * 1024 * 1024
#: a header line longer than this is not a header
MAX_HEADER_LINE = 8 * 1024

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
SERVER_NOT_INITIALIZED = -32002

log = logging.getLogger("tpkit.server")

_TOKEN = re.compile(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
#: a Content-Length header at the end of a line: where reading starts again after a fault
_RESYNC = re.compile(rb"content-length[ \t]*:[ \t]*(\d+)[ \t]*\r?\n\Z", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Fault:
    """Something on stdin that is not a frame; ``refuse``: answer with an error response (id null)."""

    message: str
    refuse: bool = False


class FrameReader:
    """Frames from a byte source (``read(n)`` returns at most n bytes, ``b""`` at the end), one at a time.

    :meth:`read` returns a body, a :class:`Fault` (reading goes on after it at the next call), or ``None``
    at the end of the input. The state lives on the instance, so a fault in the middle of a header block
    is returned at once and the block continues at the next call.
    """

    def __init__(self, source: Callable[[int], bytes]) -> None:
        self._source = source
        self._buf = bytearray()
        self._eof = False
        self._length: int | None = None
        self._headers = False  # a header line was read in this block
        self._lost = False  # skipping bytes until the next Content-Length header
        self._carry = b""  # the tail of a long line while lost (a header may straddle two reads)
        #: the input ended inside a frame (its headers or its body)
        self.truncated = False

    def _fill(self) -> bool:
        if self._eof:
            return False
        chunk = self._source(65536)
        if not chunk:
            self._eof = True
            return False
        self._buf += chunk
        return True

    def _readline(self, limit: int) -> bytes:
        """Up to and including a newline, at most ``limit`` bytes (``b""`` at the end)."""
        start = 0
        while True:
            at = self._buf.find(b"\n", start, limit)
            if at >= 0:
                end = at + 1
                break
            if len(self._buf) >= limit:
                end = limit
                break
            start = len(self._buf)
            if not self._fill():
                end = len(self._buf)
                break
        line = bytes(self._buf[:end])
        del self._buf[:end]
        return line

    def _read(self, n: int) -> bytes:
        while len(self._buf) < n and self._fill():
            pass
        body = bytes(self._buf[:n])
        del self._buf[:n]
        return body

    def _lose(self, message: str, refuse: bool = False) -> Fault:
        self._lost = True
        self._carry = b""
        self._length = None
        self._headers = False
        return Fault(message + "; skipping to the next Content-Length header", refuse)

    def read(self) -> bytes | Fault | None:
        while True:
            line = self._readline(MAX_HEADER_LINE)
            if not line:
                self.truncated = self._headers
                return None
            if self._lost:
                if not line.endswith(b"\n"):
                    self._carry = (self._carry + line)[-64:]
                    continue
                found = _RESYNC.search(self._carry + line)
                self._carry = b""
                if found is None:
                    continue
                self._lost = False
                fault = self._length_from(found.group(1))
                if fault is not None:
                    return fault
                continue
            if not line.endswith(b"\n"):
                if len(line) < MAX_HEADER_LINE:  # the input ended inside a header
                    self.truncated = True
                    return None
                return self._lose(f"a header line longer than {MAX_HEADER_LINE} bytes")
            text = line.rstrip(b"\r\n")
            if not text:
                if not self._headers:
                    continue  # blank lines between frames
                if self._length is None:
                    return self._lose("a header block without Content-Length")
                return self._body()
            name, colon, value = text.partition(b":")
            if colon and name.strip().lower() == b"content-length":
                fault = self._length_from(value.strip())
                if fault is not None:
                    return fault
                continue
            glued = _RESYNC.search(line)
            if glued is not None:
                # stray bytes before a header (say, the rest of a body longer than its Content-Length said)
                return self._length_from(glued.group(1)) or Fault(
                    f"{glued.start()} stray bytes before a Content-Length header, skipped"
                )
            if not (colon and _TOKEN.fullmatch(name)):
                return self._lose(f"stray bytes instead of a header: {_show(text)}")
            self._headers = True  # Content-Type, or a header of a later protocol version: ignored

    def _length_from(self, value: bytes) -> Fault | None:
        self._headers = True
        if not value.isdigit():
            return self._lose(f"Content-Length is not a number: {_show(value)}")
        if len(value) > 12 or int(value) > MAX_FRAME:  # 12 digits: int() of any length is never tried
            size = int(value) if len(value) <= 12 else _show(value)
            return self._lose(f"a frame of {size} bytes is over the {MAX_FRAME // 2**20} MiB limit", refuse=True)
        self._length = int(value)
        return None

    def _body(self) -> bytes | None:
        length = self._length or 0
        self._length = None
        self._headers = False
        body = self._read(length)
        if len(body) < length:
            self.truncated = True
            return None
        return body


def _show(raw: bytes) -> str:
    text = raw[:40].decode("utf-8", "replace")
    return repr(text + ("…" if len(raw) > 40 else ""))


def _invalid_params(exc: JsonRpcException) -> str:
    """What did not structure, from cattrs's exception tree: paths, and the validators' own words."""
    cause = exc.__cause__
    if not isinstance(cause, ClassValidationError):
        return exc.message
    leaves: list[str] = []

    def walk(group: BaseException) -> None:
        for sub in getattr(group, "exceptions", ()):
            if isinstance(sub, ClassValidationError):
                walk(sub)
            elif isinstance(sub, ValueError):
                leaves.append(str(sub))

    walk(cause)
    where = "; ".join(transform_error(cause))
    return f"invalid params: {where}" + (f" ({'; '.join(leaves)})" if leaves else "")


def _is_id(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool)


class Session:
    """One client on stdio: reads frames in a thread, handles messages on the event loop."""

    def __init__(self, server: LanguageServer, source: Callable[[int], bytes], sink: Any) -> None:
        self.server = server
        self.reader = FrameReader(source)
        self.writer = StdoutWriter(sink)
        server.protocol.set_writer(self.writer)
        self.initialized = False
        self.shut_down = False
        self.exit_code: int | None = None

    # -- output ---------------------------------------------------------------------------------

    def error(self, msg_id: str | int | None, code: int, message: str) -> None:
        body = json.dumps({"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}})
        data = body.encode("utf-8")
        self.writer.write(f"Content-Length: {len(data)}\r\n\r\n".encode("ascii") + data)

    # -- input ----------------------------------------------------------------------------------

    def receive(self, body: bytes) -> None:
        """Handle one frame's body."""
        try:
            data = json.loads(body)
        except ValueError as exc:  # not UTF-8, or not JSON
            log.warning("a frame that is not JSON: %s", exc)
            self.error(None, PARSE_ERROR, f"parse error: {exc}")
            return
        if not isinstance(data, dict):
            log.warning("a frame that is not a JSON-RPC message (a JSON %s)", type(data).__name__)
            self.error(None, INVALID_REQUEST, "a JSON-RPC message is an object")
            return
        method = data.get("method")
        msg_id = data.get("id")
        has_id = "id" in data
        if data.get("jsonrpc") != "2.0" or (has_id and msg_id is not None and not _is_id(msg_id)):
            self.error(msg_id if _is_id(msg_id) else None, INVALID_REQUEST, 'not a JSON-RPC 2.0 message ("jsonrpc")')
            return
        if "method" in data and not isinstance(method, str):
            self.error(msg_id if _is_id(msg_id) else None, INVALID_REQUEST, '"method" is not a string')
            return
        if method is not None and not self._admit(method, msg_id if has_id else None, has_id):
            return
        try:
            message = self.server.protocol.structure_message(data)
        except JsonRpcException as exc:
            reason = _invalid_params(exc)
            if method is not None and has_id:
                self.error(msg_id, exc.code, f"{method}: {reason}")
            else:
                log.warning("%s: %s", method or "a response", reason)
            return
        if method == "initialize":
            self.initialized = True
        elif method == "shutdown":
            self.shut_down = True
        self.server.protocol.handle_message(message)
        self._forget_done()

    def _forget_done(self) -> None:
        """Drop the futures pygls keeps of finished handlers (a notification's are never removed).

        pygls stores a future per handler run under a fresh uuid and removes only a request's, when it
        answers it: two per ``didChange``, about 3 KB, for as long as the server runs (docs/upstream/pygls.md,
        6). A finished one is of no use to anybody: its result was sent or checked by its own callback.
        """
        futures = getattr(self.server.protocol, "_request_futures", None)  # a later pygls may rename it
        if not isinstance(futures, dict):
            return
        for key in [k for k, f in futures.items() if f.done()]:
            del futures[key]

    def _admit(self, method: str, msg_id: str | int | None, is_request: bool) -> bool:
        """The lifecycle: whether a request or notification reaches the handlers (else it is answered here)."""
        if method == "exit":
            self.exit_code = 0 if self.shut_down else 1
            return False
        if not self.initialized and method != "initialize":
            if is_request:
                self.error(msg_id, SERVER_NOT_INITIALIZED, f"{method}: the server is not initialized yet")
            return False
        if self.shut_down or (self.initialized and method == "initialize"):
            if is_request:
                what = "shut down" if self.shut_down else "already initialized"
                self.error(msg_id, INVALID_REQUEST, f"{method}: the server is {what}")
            return False
        return True

    # -- the loop -------------------------------------------------------------------------------

    async def run(self) -> int:
        loop = asyncio.get_running_loop()
        inbox: asyncio.Queue[bytes | Fault | None] = asyncio.Queue(maxsize=16)

        def pump() -> None:
            while True:
                try:
                    item = self.reader.read()
                except OSError as exc:
                    log.warning("reading stdin: %s", exc)
                    item = None
                try:
                    asyncio.run_coroutine_threadsafe(inbox.put(item), loop).result()
                except (RuntimeError, CancelledError):  # the loop is closed or closing: the server exited
                    return
                if item is None:
                    return

        threading.Thread(target=pump, name="tpkit-server-stdin", daemon=True).start()
        while self.exit_code is None:
            item = await inbox.get()
            if item is None:
                where = "inside a frame" if self.reader.truncated else "without exit"
                log.warning("stdin closed %s", where)
                return 0 if self.shut_down else 1
            if isinstance(item, Fault):
                log.warning("%s", item.message)
                if item.refuse:
                    self.error(None, INVALID_REQUEST, item.message)
                continue
            self.receive(item)
            await asyncio.sleep(0)  # let the handlers' tasks run between messages
        return self.exit_code


class _OneLine(logging.Formatter):
    """``tpkit server: <the first line of the message>``: no tracebacks on the editor's log unless --debug."""

    def format(self, record: logging.LogRecord) -> str:
        return "tpkit server: " + record.getMessage().split("\n", 1)[0]


def run(server: LanguageServer, *, debug: bool = False) -> int:
    """Serve on stdin/stdout until ``exit`` or the end of stdin; the exit code."""
    handler = logging.StreamHandler(sys.stderr)
    if not debug:
        handler.setFormatter(_OneLine())
    for name in ("tpkit.server", "pygls", "asyncio"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
        logger.setLevel(logging.DEBUG if debug else logging.WARNING)
    fd = sys.stdin.fileno()
    session = Session(server, lambda n: os.read(fd, n), sys.stdout.buffer)
    try:
        return asyncio.run(session.run())
    except BrokenPipeError:
        log.warning("the client closed stdout")
        return 0 if session.shut_down else 1
