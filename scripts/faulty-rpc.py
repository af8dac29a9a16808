#!/usr/bin/env python3
"""A JSON-RPC proxy in front of the local validator that injects the faults a back office meets, for
scripts/e2e.sh:

  faulty-rpc.py PORT UPSTREAM --drop-send-responses N
      forwards the first N sendTransaction calls but answers the client with HTTP 502: the transaction
      lands and the client never hears (a dropped confirmation).
  faulty-rpc.py PORT UPSTREAM --swallow-sends N
      answers the first N sendTransaction calls with HTTP 502 without forwarding them: the transaction
      never lands and its blockhash expires while the client waits.
  faulty-rpc.py PORT UPSTREAM --fail-statuses N
      answers the first N getSignatureStatuses calls with HTTP 502: the RPC fails while the client
      confirms a transaction it has sent.
  faulty-rpc.py PORT UPSTREAM --lagging-statuses
      answers getSignatureStatuses as a node that has not seen the transactions (every status null), and
      getBlock with an error when --no-blocks is also given: the view of a lagging or pruned node.
  faulty-rpc.py PORT UPSTREAM --stale-status-slots
      answers getSignatureStatuses with every slot one lower than the real one (another backend's view).

  faulty-rpc.py PORT UPSTREAM --random RATE [--seed N] [--stats FILE]
      the soak: each call meets one fault with probability RATE, drawn from the kinds below (those that
      apply to its method), and FILE holds the counts by kind (JSON, rewritten after every fault):
        delay     sendTransaction answered 502 at once and delivered 2-20 s later (after the client gave up)
        drop      sendTransaction forwarded, the response dropped (502)
        swallow   sendTransaction not forwarded (502)
        http429   any call answered 429 Too Many Requests, not forwarded
        http5xx   any call answered 503, not forwarded
        null      getSignatureStatuses forwarded, every status answered null (a lagging node)
        stale     getSignatureStatuses forwarded, every slot answered one lower (another backend)
        invalid   isBlockhashValid answered false (a backend that has not seen the blockhash)
        lag       getBlockHeight / getSlot answered 5 lower (a lagging backend)
        outage    sendTransaction forwarded, then every call answered 503 for 12 s (counted as
                  outage-503): the client gives up not knowing, and its caller retries
      Expensive kinds (delay, swallow: the client waits out a blockhash) are drawn a tenth as often.

Every other call passes through. Standard library only."""
import argparse
import json
import http.server
import os
import random
import threading
import time
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("upstream")
parser.add_argument("--drop-send-responses", type=int, default=0)
parser.add_argument("--swallow-sends", type=int, default=0)
parser.add_argument("--fail-statuses", type=int, default=0)
parser.add_argument("--lagging-statuses", action="store_true")
parser.add_argument("--stale-status-slots", action="store_true")
parser.add_argument("--no-blocks", action="store_true")
parser.add_argument("--random", type=float, default=0.0)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--stats")
args = parser.parse_args()
rng = random.Random(args.seed)
stats = {}
KINDS = {
    "sendTransaction": [("delay", 1), ("drop", 10), ("swallow", 1), ("http429", 10), ("http5xx", 10), ("outage", 6)],
    "getSignatureStatuses": [("null", 10), ("stale", 10), ("http429", 10), ("http5xx", 10)],
    "isBlockhashValid": [("invalid", 10), ("http5xx", 10)],
    "getBlockHeight": [("lag", 10), ("http429", 10), ("http5xx", 10)],
    "getSlot": [("lag", 10), ("http5xx", 10)],
}
OTHER = [("http429", 10), ("http5xx", 10)]


outage_until = [0.0]


def draw(method):
    """The fault this call meets in --random mode, or None."""
    if args.random <= 0:
        return None
    with lock:
        if time.monotonic() < outage_until[0]:
            kind = "outage-503"
        elif rng.random() >= args.random:
            return None
        else:
            kinds = KINDS.get(method, OTHER)
            kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
        stats[kind] = stats.get(kind, 0) + 1
        if args.stats:
            with open(args.stats + ".tmp", "w") as f:
                json.dump(stats, f)
            os.replace(args.stats + ".tmp", args.stats)
        return kind


def forward(body):
    request = urllib.request.Request(args.upstream, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def random_fault(handler, body, method, kind):
    """Answers `handler` as the fault `kind` would; returns False when the call must pass on as usual."""
    if kind == "outage":
        forward(body)
        with lock:
            outage_until[0] = time.monotonic() + 12
        handler.send_response(502)
        handler.end_headers()
        return True
    if kind in ("http429", "http5xx", "swallow", "outage-503"):
        handler.send_response(429 if kind == "http429" else 503 if kind == "http5xx" else 502)
        handler.end_headers()
        return True
    if kind == "delay":
        delay = 2 + rng.random() * 18
        threading.Timer(delay, lambda: forward(body)).start()
        handler.send_response(502)
        handler.end_headers()
        return True
    if kind == "drop":
        forward(body)
        handler.send_response(502)
        handler.end_headers()
        return True
    answer = json.loads(forward(body))
    if kind in ("null", "stale"):
        for i, status in enumerate(answer.get("result", {}).get("value", []) or []):
            if status is None:
                continue
            if kind == "null":
                answer["result"]["value"][i] = None
            else:
                status["slot"] -= 1
    elif kind == "invalid" and "result" in answer:
        answer["result"]["value"] = False
    elif kind == "lag" and isinstance(answer.get("result"), int):
        answer["result"] = max(0, answer["result"] - 5)
    reply = json.dumps(answer).encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(reply)))
    handler.end_headers()
    handler.wfile.write(reply)
    return True
counts = {"statuses": 0, "blocks": 0}


def rewrite(body, reply):
    """The reply as the faulty node would give it."""
    try:
        method = json.loads(body).get("method")
    except (ValueError, AttributeError):
        return reply
    if method == "getSignatureStatuses" and (args.lagging_statuses or args.stale_status_slots):
        answer = json.loads(reply)
        statuses = answer.get("result", {}).get("value", [])
        for i, status in enumerate(statuses):
            if status is None:
                continue
            counts["statuses"] += 1
            if args.lagging_statuses:
                statuses[i] = None
            else:
                status["slot"] -= 1
        print(f"faulty-rpc: getSignatureStatuses rewritten ({counts['statuses']} statuses so far)", flush=True)
        return json.dumps(answer).encode()
    if method == "getBlock" and args.no_blocks:
        counts["blocks"] += 1
        print(f"faulty-rpc: getBlock refused ({counts['blocks']} so far)", flush=True)
        request = json.loads(body)
        return json.dumps({"jsonrpc": "2.0", "id": request.get("id"), "error": {"code": -32004, "message": "Block not available for slot"}}).encode()
    return reply
lock = threading.Lock()
faults = {"drop": args.drop_send_responses, "swallow": args.swallow_sends, "statuses": args.fail_statuses}


class Proxy(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if args.random > 0:
            try:
                method = json.loads(body).get("method")
            except (ValueError, AttributeError):
                method = None
            kind = draw(method)
            if kind is not None and random_fault(self, body, method, kind):
                return
        fault = None
        if b'"sendTransaction"' in body:
            with lock:
                for kind in ("swallow", "drop"):
                    if faults[kind] > 0:
                        faults[kind] -= 1
                        fault = kind
                        break
        elif b'"getSignatureStatuses"' in body:
            with lock:
                if faults["statuses"] > 0:
                    faults["statuses"] -= 1
                    fault = "statuses"
        if fault == "statuses":
            print("faulty-rpc: getSignatureStatuses failed", flush=True)
            self.send_response(502)
            self.end_headers()
            return
        if fault != "swallow":
            request = urllib.request.Request(args.upstream, data=body, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=30) as response:
                reply = rewrite(body, response.read())
        if fault:
            print(f"faulty-rpc: sendTransaction {'swallowed' if fault == 'swallow' else 'forwarded, response dropped'}", flush=True)
            self.send_response(502)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *_):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Proxy).serve_forever()
