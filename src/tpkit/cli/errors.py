"""The one-line user errors (exit 2) and the handling of whatever escapes a command."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NoReturn


class UsageError(Exception):
    """A one-line error for the user; exit 2."""


def fail(message: str) -> NoReturn:
    raise UsageError(message)


class _Pacified:
    """A stream whose flush ignores a broken pipe (what click's PacifyFlushWrapper does)."""

    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError:  # a closed pipe, or a full disk already reported
            pass

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.wrapped, attr)


def guarded(fn: Callable[[], int | None], *, debug: bool) -> int:
    """Run ``fn`` and turn what escapes it into the exit code and the one line a user sees.

    UsageError/ConfigError -> ``tpkit: message``, 2; Ctrl-C -> 130; a closed stdout pipe -> 1, quietly;
    an OSError about a file -> ``tpkit: FILE: reason``, 2; any other exception -> one line naming it, 2 (with ``debug`` it is re-raised: the traceback). SystemExit passes through.
    """
    try:
        code = fn() or 0
        try:
            sys.stdout.flush()  # a full disk under ``> file`` is found here, while it can still be said in one line
        except BrokenPipeError:  # the reader left after the command finished (a language client's exit)
            sys.stdout = _Pacified(sys.stdout)
        except ValueError:  # the command closed stdout itself (the language server does on exit): nothing to flush
            pass
        return code
    except SystemExit as exc:
        try:
            sys.stdout.flush()
        except ValueError:  # stdout closed by the command (the language server on exit): nothing to flush
            raise exc from None
        except OSError as err:
            sys.stdout = _Pacified(sys.stdout)
            if isinstance(err, BrokenPipeError):  # the reader left after the command finished: its code stands
                raise exc from None
            sys.stderr.write(f"tpkit: ошибка ввода-вывода / I/O error: {err.strerror or err}\n")
            return 2
        raise exc
    except KeyboardInterrupt:
        sys.stderr.write("tpkit: прервано / interrupted\n")
        return 130
    except BrokenPipeError:
        # the reader of the report went away (tpkit lint | head): exit 1 quietly, as typer does on the
        # typer path, and let the final flush at exit fail silently
        sys.stdout = _Pacified(sys.stdout)
        sys.stderr = _Pacified(sys.stderr)
        return 1
    except Exception as exc:
        from ..config import ConfigError

        if isinstance(exc, (UsageError, ConfigError)):
            sys.stderr.write(f"tpkit: {exc}\n")
            return 2
        if debug:
            raise
        if isinstance(exc, OSError) and exc.strerror:
            # a file the user named cannot be written or read (a folder, no permission, a full disk): their
            # file and the system's reason, not an "internal error"; stdout on a full disk has no file name
            if not isinstance(sys.stdout, _Pacified):
                sys.stdout = _Pacified(sys.stdout)  # what is left in its buffer cannot be written either
            if exc.filename is None:
                sys.stderr.write(f"tpkit: ошибка ввода-вывода / I/O error: {exc.strerror}\n")
            elif isinstance(exc, IsADirectoryError):  # an output named after a folder: the user's words, not errno's
                sys.stderr.write(f"tpkit: {exc.filename}: это папка, а нужен файл / a folder, not a file\n")
            else:
                sys.stderr.write(
                    f"tpkit: {exc.filename}: ошибка файловой системы / file system error: {exc.strerror}\n"
                )
            return 2
        sys.stderr.write(
            f"tpkit: внутренняя ошибка / internal error: {type(exc).__name__}: {exc} (подробности: --debug)\n"
        )
        return 2
