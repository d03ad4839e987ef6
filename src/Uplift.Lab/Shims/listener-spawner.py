"""Starts the lab's API listeners (api-listener.py) for the lab's systemctl shim, forked from this one process that has
already loaded what they import: a listener then starts in a few milliseconds instead of a fresh Python's tens of
milliseconds, which matters because the lab benchmark measures Uplift's overhead on top of the lab's own commands.
Lab internals, not OpenStack.

Requests come on a FIFO, one line each (atomic: shorter than PIPE_BUF), tab-separated:
    reply-fifo  log-file  address  port  unit  node  version  delay  state
The forked listener writes its pid, then "ready" once it listens (api-listener.py), on the reply FIFO.
"""
import os
import signal
import sys
import traceback

# What api-listener.py and its modules import, loaded once here and shared by every fork.
import hashlib  # noqa: F401
import http.server  # noqa: F401
import json  # noqa: F401
import secrets  # noqa: F401
import time  # noqa: F401
import urllib.parse  # noqa: F401
import uuid  # noqa: F401

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lab_cinder  # noqa: E402,F401
import lab_cluster  # noqa: E402,F401
import lab_neutron  # noqa: E402,F401
import lab_nova  # noqa: E402,F401

LISTENER = os.path.join(HERE, "api-listener.py")


def serve(code, reply, log, argv):
    # The reply FIFO first: whatever fails after, the shim waiting on it sees its end of file.
    os.dup2(os.open(reply, os.O_WRONLY), 3)
    os.setsid()
    os.dup2(os.open("/dev/null", os.O_RDONLY), 0)
    out = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.dup2(out, 1)
    os.dup2(out, 2)
    os.closerange(4, 1024)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.write(3, b"%d\n" % os.getpid())
    sys.argv = [LISTENER] + argv
    exec(code, {"__name__": "__main__", "__file__": LISTENER})


def main():
    fifo, pidfile = sys.argv[1:3]
    with open(LISTENER) as f:
        code = compile(f.read(), LISTENER, "exec")
    # Listeners are reaped by the kernel: the systemctl shim tells a stopped one by its pid being gone.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    if not os.path.exists(fifo):
        os.mkfifo(fifo, 0o600)
    # Read and write: the FIFO never reaches end of file when no shim has it open.
    requests = os.fdopen(os.open(fifo, os.O_RDWR), "r")
    with open(pidfile + ".new", "w") as f:
        f.write("%d\n" % os.getpid())
    os.replace(pidfile + ".new", pidfile)
    for line in requests:
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 9:
            print("listener-spawner: ignored request %r" % line, file=sys.stderr, flush=True)
            continue
        try:
            child = os.fork()
        except OSError:
            traceback.print_exc()
            sys.stderr.flush()
            continue
        if child == 0:
            try:
                serve(code, fields[0], fields[1], fields[2:])
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(1)


main()
