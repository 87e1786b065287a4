"""A fork server for fault injection: ``practice`` commands killed by strace.

Starting a Python process that imports the app takes about a second, too slow for a
sweep of kill points, so this file run as a script imports the app once, prints
``ready``, then for each line ``run [DIR, ENV, ARG…]`` (JSON) on stdin forks a child
that waits for SIGUSR1 and prints ``pid N``. The parent attaches strace to it with
the fault to inject, sends SIGUSR1, and then ``reap N``; the server waits for the
child and prints ``dead N STATUS`` (negative: killed by that signal). The child runs
``practice ARG…`` in DIR with ENV_JSON added to its environment, its output in
``DIR/out.txt``.

New key files use the test cost (:data:`_crypto_fixtures.FAST`): the cost of the key
derivation changes nothing about what a crash leaves behind.
"""

from __future__ import annotations

import json
import os
import signal
import sys


def _child(folder: str, env: dict[str, str], argv: list[str]) -> None:  # pragma: no cover
    from practice.cli import main

    signal.sigwait({signal.SIGUSR1})  # until strace is attached
    os.chdir(folder)
    os.environ.update(env)
    fd = os.open("out.txt", os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    try:
        code = main(argv)
    except BaseException:  # noqa: BLE001 - any escape is a failed command here
        import traceback

        traceback.print_exc()
        code = 70
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def serve() -> None:  # pragma: no cover - runs as a child process
    from _crypto_fixtures import FAST

    import practice.cli  # noqa: F401  (imported once, before any fork)
    from practice.db import encryption

    for function in (encryption.encrypt, encryption.change_passphrase):
        assert function.__kwdefaults__ is not None
        function.__kwdefaults__["params"] = FAST
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})  # children inherit it
    print("ready", flush=True)
    for line in sys.stdin:
        word, _, rest = line.rstrip("\n").partition(" ")
        if word == "run":
            folder, env, *argv = json.loads(rest)
            pid = os.fork()
            if pid == 0:
                _child(folder, env, argv)
            print(f"pid {pid}", flush=True)
        elif word == "reap":
            _, status = os.waitpid(int(rest), 0)
            code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
            print(f"dead {rest} {code}", flush=True)


if __name__ == "__main__":  # pragma: no cover
    serve()
