#!/usr/bin/env python3
"""Drives the README's run command as a user would: start it, wait until it prints that it runs,
call /api/v1/me with a demo token, store a preference, stop it with Ctrl-C (SIGINT), check that no
process and no port is left; then start it a second time and check that the data is still there."""
import json, os, signal, socket, subprocess, sys, time, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORTS = [8080, 8443, 9990, 8180, 9000]


def token():
    data = urllib.parse.urlencode({"grant_type": "password", "client_id": "carevault-cli",
                                   "username": "gp.peeters", "password": "demo"}).encode()
    with urllib.request.urlopen("http://localhost:8180/realms/carevault/protocol/openid-connect/token", data) as r:
        return json.load(r)["access_token"]


def call(method, path, body=None):
    request = urllib.request.Request("http://localhost:8080" + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + token(), "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as r:
        return r.status, json.load(r)


def port_open(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def leftovers():
    out = subprocess.run(["pgrep", "-af", os.path.join(ROOT, "run", "demo")], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if "check-run-command" not in line]


def run_once(check):
    started = time.time()
    # Ctrl-C must reach the script: restore the default SIGINT disposition that a background job loses.
    process = subprocess.Popen([os.path.join(ROOT, "bin", "run")], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    output = []
    for line in process.stdout:
        output.append(line)
        if "Press Ctrl-C to stop." in line:
            break
        if time.time() - started > 900:
            break
    else:
        print("".join(output[-60:]))
        sys.exit("run command ended before it was ready")
    ready = time.time() - started
    printed = "".join(output)
    for expected in ["http://localhost:8080/api/v1/me", "gp.peeters", "hospital-az", "Demo PKI"]:
        if expected not in printed:
            sys.exit("the run command did not print " + expected)
    check()
    interrupted = time.time()
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=90)
    except subprocess.TimeoutExpired:
        process.kill()
        sys.exit("the run command did not stop within 90 s of Ctrl-C")
    stopped = time.time()
    stop_seconds = stopped - interrupted
    while time.time() - stopped < 15 and (leftovers() or any(port_open(p) for p in PORTS)):
        time.sleep(0.5)
    if leftovers():
        sys.exit("processes left after Ctrl-C: %s" % leftovers())
    busy = [p for p in PORTS if port_open(p)]
    if busy:
        sys.exit("ports still open after Ctrl-C: %s" % busy)
    return ready, stop_seconds


def first():
    status, me = call("GET", "/api/v1/me")
    assert status == 200 and me["partyId"] == "72081012378" and me["role"] == "physician", me
    status, me = call("PUT", "/api/v1/me/preferences", {"language": "de"})
    assert status == 200 and me["language"] == "de", me


def second():
    status, me = call("GET", "/api/v1/me")
    assert status == 200 and me.get("language") == "de", "data of the first run is gone: %s" % me


for port in PORTS:
    if port_open(port):
        sys.exit("port %d is taken before the run command starts" % port)
ready1, stop1 = run_once(first)
ready2, stop2 = run_once(second)
print("run command: ready in %.0f s (first) and %.0f s (second); stopped in %.1f s and %.1f s after Ctrl-C; "
      "no process or port left; data kept across runs" % (ready1, ready2, stop1, stop2))
print("2 passed, 0 failed")
