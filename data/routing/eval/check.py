#!/usr/bin/env python3
"""Validate data/routing/eval/eval.jsonl and print its counts as Markdown (pasted into README.md).

Usage: python3 data/routing/eval/check.py [path/to/eval.jsonl]
Exits non-zero on the first invalid line.
"""

import collections
import json
import re
import sys
from pathlib import Path

PATH = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("eval.jsonl")
WORKSPACES = ("crewpay", "tracepoint", "mailgrove")
LANGS = ("en", "de", "fr")
QUEUES = ("billing", "account", "technical", "general", "security")
KEYS = {"id", "workspace", "lang", "subject", "description", "queue", "security", "context"}
CONTEXT_KEYS = {"pageUrl", "failedRequests", "consoleErrors"}
METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}


def fail(n, msg):
    sys.exit(f"{PATH}:{n}: {msg}")


def check_context(n, ctx):
    if not isinstance(ctx, dict) or not ctx or set(ctx) - CONTEXT_KEYS:
        fail(n, f"bad context keys {ctx!r}")
    if "pageUrl" in ctx and not re.match(r"^https://[^\s/]+/\S*$", ctx["pageUrl"]):
        fail(n, f"bad pageUrl {ctx['pageUrl']!r}")
    for r in ctx.get("failedRequests", []):
        if set(r) != {"method", "url", "status"} or r["method"] not in METHODS:
            fail(n, f"bad failed request {r!r}")
        if not isinstance(r["status"], int) or not 100 <= r["status"] <= 599 or not r["url"].startswith("https://"):
            fail(n, f"bad failed request {r!r}")
    errs = ctx.get("consoleErrors", [])
    if not isinstance(errs, list) or not all(isinstance(e, str) and e for e in errs):
        fail(n, "consoleErrors must be non-empty strings")


rows, ids, texts = [], set(), set()
for n, line in enumerate(PATH.read_text(encoding="utf-8").splitlines(), 1):
    try:
        r = json.loads(line)
    except json.JSONDecodeError as e:
        fail(n, f"invalid JSON: {e}")
    if set(r) - KEYS or not KEYS - {"context"} <= set(r):
        fail(n, f"keys {sorted(r)}")
    if not re.fullmatch(r"ev-\d{4}", r["id"]) or r["id"] in ids:
        fail(n, f"id {r['id']!r} malformed or duplicate")
    ids.add(r["id"])
    if r["workspace"] not in WORKSPACES or r["lang"] not in LANGS or r["queue"] not in QUEUES:
        fail(n, "workspace, lang or queue not allowed")
    if r["security"] is not (r["queue"] == "security"):
        fail(n, "security must be true exactly when queue is security")
    if not r["subject"].strip() or not r["description"].strip():
        fail(n, "empty subject or description")
    if r["description"] in texts:
        fail(n, "duplicate description")
    texts.add(r["description"])
    if "context" in r:
        check_context(n, r["context"])
    rows.append(r)


def table(title, key_a, values_a, key_b, values_b):
    c = collections.Counter((r[key_a], r[key_b]) for r in rows)
    print(f"\n{title}\n")
    print(f"| {key_a} \\ {key_b} | " + " | ".join(map(str, values_b)) + " | total |")
    print("|---" * (len(values_b) + 2) + "|")
    for a in values_a:
        print(f"| {a} | " + " | ".join(str(c[(a, b)]) for b in values_b) + f" | {sum(c[(a, b)] for b in values_b)} |")
    print("| total | " + " | ".join(str(sum(c[(a, b)] for a in values_a)) for b in values_b) + f" | {len(rows)} |")


words = sorted(len((r["subject"] + " " + r["description"]).split()) for r in rows)
with_ctx = [r for r in rows if "context" in r]
print(f"{len(rows)} tickets, all valid; {sum(r['security'] for r in rows)} with security=true.")
table("Queue per workspace:", "queue", QUEUES, "workspace", WORKSPACES)
table("Language per workspace:", "lang", LANGS, "workspace", WORKSPACES)
table("Queue per language:", "queue", QUEUES, "lang", LANGS)
print(f"\nWith context: {len(with_ctx)} ({100 * len(with_ctx) / len(rows):.0f} %): "
      f"{sum('pageUrl' in r['context'] for r in with_ctx)} with pageUrl, "
      f"{sum('failedRequests' in r['context'] for r in with_ctx)} with failedRequests, "
      f"{sum('consoleErrors' in r['context'] for r in with_ctx)} with consoleErrors.")
print(f"Length (subject + description, words): min {words[0]}, median {words[len(words) // 2]}, max {words[-1]}.")
