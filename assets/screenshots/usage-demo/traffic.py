#!/usr/bin/env python3
"""Sends demo traffic through Signalbox. usage: traffic.py BASE_URL MINUTES"""
import json, math, random, sys, threading, time, urllib.request
base, minutes = sys.argv[1], float(sys.argv[2])
KEYS = {"alice": "sk-sb-a11ce0000000000000000000000000000001", "bob": "sk-sb-b0b000000000000000000000000000000002",
        "ci-bot": "sk-sb-c1b0700000000000000000000000000000003"}
ROUTES = [("chat", 5), ("code", 3), ("summarize", 2), ("local", 1)]
def pick(items): return random.choices([i[0] for i in items], [i[1] for i in items])[0]
def send():
    key = random.choices(list(KEYS), [5, 3, 2])[0]
    route = pick(ROUTES if key != 'ci-bot' else [('code', 3), ('summarize', 2)])
    body = {"model": route, "messages": [{"role": "user", "content": "Summarise this paragraph " * random.randint(5, 80)}]}
    if random.random() < 0.35: body["stream"] = True
    req = urllib.request.Request(base + "/chat/completions", json.dumps(body).encode(),
                                 {"Content-Type": "application/json", "Authorization": "Bearer " + KEYS[key]})
    try:
        with urllib.request.urlopen(req, timeout=30) as r: r.read()
    except Exception as e:
        pass
end = time.time() + minutes * 60
start = time.time()
while time.time() < end:
    t = (time.time() - start) / 60
    rate = 1.5 + 1.2 * math.sin(t / 1.7) + random.random()  # requests per second, varying
    threading.Thread(target=send, daemon=True).start()
    time.sleep(1 / max(rate, 0.3))
print("traffic done", flush=True)
