#!/usr/bin/env python3
"""Fake OpenAI-compatible upstreams for the demo: three ports, three behaviours.
usage: upstream.py PORT_OK PORT_FLAKY PORT_NOUSAGE"""
import json, random, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = "the quick brown fox jumps over a lazy dog while routing tokens through a tiny proxy".split()

def make_handler(kind):
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def log_message(self, *a): pass
        def do_GET(self):
            body = json.dumps({"object": "list", "data": []}).encode()
            self.send_response(200); self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
        def do_POST(self):
            n = int(self.headers.get("Content-Length", "0"))
            req = json.loads(self.rfile.read(n) or b"{}")
            model = req.get("model", "m")
            if kind == "flaky":
                r = random.random()
                if r < 0.22:
                    return self.error(429, "rate limited, slow down", {"Retry-After": "1"})
                if r < 0.30:
                    return self.error(500, "upstream overloaded")
            if kind == "nousage" and random.random() < 0.06:
                return self.error(503, "model is loading")
            time.sleep(random.uniform(0.05, 0.35))
            prompt = sum(len(m.get("content", "")) for m in req.get("messages", [])) // 4 + random.randint(20, 400)
            completion = random.randint(15, 600)
            text = " ".join(random.choice(WORDS) for _ in range(min(completion, 40)))
            usage = {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
            if req.get("stream"):
                self.send_response(200); self.send_header("Content-Type", "text/event-stream")
                self.send_header("Transfer-Encoding", "chunked"); self.end_headers()
                def chunk(obj):
                    data = ("data: " + (obj if isinstance(obj, str) else json.dumps(obj)) + "\n\n").encode()
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data)); self.wfile.flush()
                for w in text.split():
                    chunk({"id": "c", "object": "chat.completion.chunk", "model": model,
                           "choices": [{"index": 0, "delta": {"content": w + " "}, "finish_reason": None}]})
                chunk({"id": "c", "object": "chat.completion.chunk", "model": model,
                       "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
                if kind != "nousage" and req.get("stream_options", {}).get("include_usage"):
                    chunk({"id": "c", "object": "chat.completion.chunk", "model": model, "choices": [], "usage": usage})
                chunk("[DONE]")
                self.wfile.write(b"0\r\n\r\n"); self.wfile.flush()
                return
            answer = {"id": "chatcmpl-1", "object": "chat.completion", "model": model,
                      "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}]}
            if kind != "nousage":
                answer["usage"] = usage
            body = json.dumps(answer).encode()
            self.send_response(200); self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
        def error(self, status, message, headers=None):
            body = json.dumps({"error": {"message": message, "type": "server_error", "code": None}}).encode()
            self.send_response(status); self.send_header("Content-Type", "application/json")
            for k, v in (headers or {}).items(): self.send_header(k, v)
            self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    return H

servers = [ThreadingHTTPServer(("127.0.0.1", int(p)), make_handler(k)) for p, k in zip(sys.argv[1:4], ["ok", "flaky", "nousage"])]
for s in servers:
    threading.Thread(target=s.serve_forever, daemon=True).start()
print("PORTS " + " ".join(str(s.server_address[1]) for s in servers), flush=True)
while True: time.sleep(3600)
