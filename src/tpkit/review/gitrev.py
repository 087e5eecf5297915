"""A registry at a git revision, read with plumbing only.

``git ls-tree`` lists the registry's files at a commit and one
``git cat-file --batch`` reads them all: the working tree and the index are
never touched, so review works on a dirty checkout and in a CI job alike.

A revision is user input, and it goes to git as data: one that starts with
``-`` is refused before git sees it, and the one call that takes it
(``rev-parse``) gets ``--end-of-options`` first. Every later call uses the
full commit id. git runs without a shell, so ``$(touch x)`` is only a
revision name that does not exist.

Errors a user can fix (no git, not a repository, no such revision) are
:class:`GitError` with a one-line message; bad files at the revision become
problems on their :class:`~tpkit.registry.source.SourceFile`, as on disk.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..registry.files import DATA_KINDS, is_data, kind_of
from ..registry.problem import UNREADABLE, Problem
from ..registry.source import SourceFile, bad_name, source_from_bytes, too_large
from ..registry.yaml import MAX_FILE_BYTES

#: how the working tree is named in reports
WORKTREE = "WORKTREE"

_MAX_LINKS = 8


class GitError(Exception):
    """git cannot give what review needs; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Repo:
    """The git repository that holds a registry, and where the registry stands in it."""

    root: Path
    #: the registry folder relative to the repository top, POSIX, ``""`` or ending in ``/``
    prefix: str


@dataclass(frozen=True, slots=True)
class Entry:
    mode: str
    type: str
    sha: str
    size: int | None


def _printable(rev: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in rev)[:200]


def check_revision(rev: str) -> None:
    """Refuse what must not reach git: an empty name, an option, control characters."""
    if not rev.strip():
        raise GitError("пустое имя ревизии / an empty revision name")
    if rev.startswith("-"):
        raise GitError(
            f"ревизия «{_printable(rev)}» начинается с «-» и не принимается (это похоже на параметр) / "
            "a revision that starts with '-' is refused"
        )
    if any(not ch.isprintable() for ch in rev):
        raise GitError(
            f"в имени ревизии «{_printable(rev)}» есть управляющие символы / the revision name holds control characters"
        )


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "GIT_OPTIONAL_LOCKS": "0",  # never refresh the index, even where git would like to
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_PAGER": "cat",
            "LC_ALL": "C",
        }
    )
    return env


def _git(cwd: Path, *args: str, stdin: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        proc = subprocess.run(
            ["git", "--no-pager", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=_env(),
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git не найден: установите git / git is not installed") from None
    except OSError as exc:
        raise GitError(f"git не запустился: {exc} / git could not be run") from None
    if check and proc.returncode != 0:
        raise GitError(_first_line(proc.stderr) or f"git {args[0]}: exit {proc.returncode}")
    return proc


def _first_line(raw: bytes) -> str:
    for line in raw.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if line:
            return line.removeprefix("fatal: ").removeprefix("error: ")
    return ""


def open_repo(root: Path) -> Repo:
    """The repository that holds the registry folder ``root``."""
    proc = _git(root, "rev-parse", "--show-prefix", check=False)
    if proc.returncode != 0:
        detail = _first_line(proc.stderr)
        raise GitError(
            f"{root}: папка реестра не в репозитории git ({detail}) / the registry folder is not in a git repository"
        )
    prefix = proc.stdout.decode("utf-8", "surrogateescape").strip()
    return Repo(root, prefix)


def _shallow_hint(repo: Repo, rev: str, lang: str) -> str:
    """Advice for a shallow clone (CI's usual one), where the base revision is often just not fetched: ``git fetch
    origin BRANCH`` for ``origin/BRANCH``."""
    proc = _git(repo.root, "rev-parse", "--is-shallow-repository", check=False)
    if proc.returncode != 0 or proc.stdout.strip() != b"true":
        return ""
    remote, _, branch = rev.partition("/")
    fetch = f"git fetch {_printable(remote)} {_printable(branch)}" if branch else "git fetch --unshallow --tags"
    if lang == "ru":
        return f" (неполный клон: загрузите ее, например {fetch}, или клонируйте глубже)"
    return f" (a shallow clone: fetch it, e.g. {fetch}, or clone deeper)"


def resolve(repo: Repo, rev: str) -> str:
    """The full commit id of ``rev``; a revision is passed to git as data.

    The name is resolved as git resolves it (``:/message`` searches the log; appending ``^{commit}`` to it would
    search for that text instead), then peeled to a commit; a tree or a file is not a commit, and says so.
    """
    check_revision(rev)
    proc = _git(repo.root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev, check=False)
    sha = proc.stdout.decode("ascii", "replace").strip()
    if proc.returncode != 0 or not sha:
        raise GitError(
            f"ревизия «{_printable(rev)}» не найдена в репозитории{_shallow_hint(repo, rev, 'ru')} / revision not "
            f"found: {_printable(rev)}{_shallow_hint(repo, rev, 'en')}"
        )
    kind = _git(repo.root, "cat-file", "-t", sha, check=False).stdout.decode("ascii", "replace").strip()
    if kind == "tag":
        proc = _git(repo.root, "rev-parse", "--verify", "--quiet", f"{sha}^{{commit}}", check=False)
        peeled = proc.stdout.decode("ascii", "replace").strip()
        if proc.returncode == 0 and peeled:
            return peeled
        kind = "tag"
    if kind != "commit":
        what = {"tree": "дерево (папка)", "blob": "файл", "tag": "метка не коммита"}.get(kind, kind or "?")
        raise GitError(
            f"ревизия «{_printable(rev)}» — это {what}, а не коммит; укажите коммит (ветку, метку, HEAD~1) / "
            f"a {kind or 'non-commit object'} is not a commit: name a commit"
        )
    return sha


def _ls_tree(repo: Repo, sha: str) -> dict[str, Entry] | None:
    """Every path under the registry folder at commit ``sha`` (None: the folder is absent there)."""
    prefix = repo.prefix.rstrip("/")
    treeish = f"{sha}:{prefix}" if prefix else f"{sha}^{{tree}}"
    proc = _git(repo.root, "ls-tree", "-r", "-t", "-z", "--long", "--full-tree", treeish, check=False)
    if proc.returncode != 0:
        # the folder does not exist at that commit (or is not a folder there)
        return None
    out: dict[str, Entry] = {}
    for record in proc.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        parts = meta.split()
        if len(parts) < 4:
            continue
        mode, kind, obj, size = (p.decode("ascii", "replace") for p in parts[:4])
        path = raw_path.decode("utf-8", "surrogateescape")
        out[path] = Entry(mode, kind, obj, int(size) if size.isdigit() else None)
    return out


def _cat_batch(repo: Repo, shas: list[str]) -> dict[str, bytes]:
    """Read many blobs with one ``git cat-file --batch``."""
    if not shas:
        return {}
    proc = _git(repo.root, "cat-file", "--batch", stdin=("\n".join(shas) + "\n").encode("ascii"))
    data = proc.stdout
    out: dict[str, bytes] = {}
    pos = 0
    n = len(data)
    while pos < n:
        nl = data.find(b"\n", pos)
        if nl < 0:
            break
        header = data[pos:nl].split()
        pos = nl + 1
        if len(header) < 3:  # "<sha> missing"
            continue
        size = int(header[2])
        out[header[0].decode("ascii")] = data[pos : pos + size]
        pos += size + 1
    return out


def _follow_links(repo: Repo, tree: dict[str, Entry], links: list[str]) -> dict[str, Entry | Problem]:
    """What each symbolic link among ``links`` leads to (their blobs hold the target paths), or why it cannot be read."""
    targets: dict[str, Entry | Problem] = {}
    pending = {p: tree[p] for p in links}
    for _ in range(_MAX_LINKS):
        if not pending:
            break
        blobs = _cat_batch(repo, sorted({e.sha for e in pending.values()}))
        nxt: dict[str, Entry] = {}
        for p, e in pending.items():
            target = blobs.get(e.sha, b"").decode("utf-8", "surrogateescape")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(p), target))
            if target.startswith("/") or resolved == ".." or resolved.startswith("../"):
                targets[p] = Problem(
                    UNREADABLE,
                    "символическая ссылка ведет за пределы реестра: файл не прочитан",
                    "a symbolic link that leaves the registry: the file was not read",
                )
                continue
            t = tree.get(resolved)
            if t is None:
                targets[p] = Problem(
                    UNREADABLE,
                    f"символическая ссылка ведет на несуществующий файл {resolved}",
                    f"a symbolic link to a missing file {resolved}",
                )
            elif t.mode == "120000":
                nxt[p] = t
            else:
                targets[p] = t
        pending = nxt
    for p in pending:
        targets[p] = Problem(UNREADABLE, "слишком длинная цепочка символических ссылок", "too many symbolic links")
    return targets


def _unreadable(rel: str, kind: str, ru: str, en: str) -> SourceFile:
    return SourceFile(rel, kind, problems=[Problem(UNREADABLE, ru, en)])


def _source(
    rel: str, kind: str, picked: Entry | Problem, blobs: dict[str, bytes], cache: dict[str, SourceFile] | None
) -> SourceFile:
    """One registry file from what its tree entry (or its link) gave."""
    bad = bad_name(rel, kind)
    if bad is not None:
        return bad
    if isinstance(picked, Problem):
        return SourceFile(rel, kind, problems=[picked])
    e = picked
    if e.type == "tree":
        return _unreadable(rel, kind, "это папка, а не файл YAML", "this is a folder, not a YAML file")
    if e.type != "blob":
        return _unreadable(rel, kind, "это подмодуль git, а не файл YAML", "this is a git submodule, not a YAML file")
    if e.size is not None and e.size > MAX_FILE_BYTES:
        return SourceFile(rel, kind, problems=[too_large(e.size)])
    if cache is not None and e.sha in cache:
        return reuse(cache, e.sha, rel, kind, None)
    if e.sha not in blobs:
        return _unreadable(rel, kind, "файл не прочитан из git", "the file could not be read from git")
    return reuse(cache, e.sha, rel, kind, blobs[e.sha])


def read_sources(repo: Repo, sha: str, cache: dict[str, SourceFile] | None = None) -> list[SourceFile]:
    """The registry's files at commit ``sha``, parsed; bad files carry problems, never raise."""
    tree = _ls_tree(repo, sha)
    if tree is None:
        return []
    wanted = sorted(
        ((p, k) for p in tree if is_data(k := kind_of(p))),
        key=lambda pk: (DATA_KINDS.index(pk[1]), pk[0].rsplit("/", 1)[-1]),
    )
    links = [p for p, _ in wanted if tree[p].mode == "120000"]
    targets = _follow_links(repo, tree, links) if links else {}
    chosen: dict[str, Entry | Problem] = {p: targets[p] if tree[p].mode == "120000" else tree[p] for p, _ in wanted}
    blobs = _cat_batch(
        repo,
        sorted(
            {
                e.sha
                for e in chosen.values()
                if isinstance(e, Entry)
                and e.type == "blob"
                and (e.size is None or e.size <= MAX_FILE_BYTES)
                and (cache is None or e.sha not in cache)  # parsed already: the other side has it
            }
        ),
    )
    return [_source(p, kind, chosen[p], blobs, cache) for p, kind in wanted]


def blob_id(raw: bytes) -> str:
    """The git object id (SHA-1) of a file's bytes: a parse cache key shared by git and the disk."""
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()


def reuse(cache: dict[str, SourceFile] | None, key: str, rel: str, kind: str, raw: bytes | None) -> SourceFile:
    """A parsed file; a file with the same bytes parsed before (the other side of a review) is not parsed again.

    The text, data and problems are shared read-only; each side gets its own
    :class:`SourceFile` (its own validity and located spans).
    """
    bad = bad_name(rel, kind)
    if bad is not None:
        return bad
    if cache is not None:
        hit = cache.get(key)
        if hit is not None:
            return SourceFile(rel, kind, text=hit.text, data=hit.data, problems=list(hit.problems), marks=hit.marks)
    assert raw is not None
    src = source_from_bytes(rel, kind, raw)
    if cache is not None:
        cache[key] = src
    return src
