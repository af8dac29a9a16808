#!/usr/bin/env python3
"""A JSON-RPC proxy in front of the local validator that injects the faults a back office meets, for
scripts/e2e.sh:

  faulty-rpc.py PORT UPSTREAM --drop-send-responses N
      forwards the first N sendTransaction calls but answers the client with HTTP 502: the transaction
      lands and the client never hears (a dropped confirmation).
  faulty-rpc.py PORT UPSTREAM --swallow-sends N
      answers the first N sendTransaction calls with HTTP 502 without forwarding them: the transaction
      never lands and its blockhash expires while the client waits.

Every other call passes through. Standard library only."""
import argparse
import http.server
import threading
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("upstream")
parser.add_argument("--drop-send-responses", type=int, default=0)
parser.add_argument("--swallow-sends", type=int, default=0)
args = parser.parse_args()
lock = threading.Lock()
faults = {"drop": args.drop_send_responses, "swallow": args.swallow_sends}


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
        if fault != "swallow":
            request = urllib.request.Request(args.upstream, data=body, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=30) as response:
                reply = response.read()
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
