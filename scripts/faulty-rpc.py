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

Every other call passes through. Standard library only."""
import argparse
import json
import http.server
import threading
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
args = parser.parse_args()
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
