#!/usr/bin/env python3
"""Prepares the write scenarios of bench/run.sh through the Store API, as a storefront would:
variants to add (variants.txt), carts to add them to (add-carts.txt) and ready carts (ready-carts.txt: email, US address,
a line, the first shipping option and an authorized test payment) that the checkout scenario completes once each.

usage: prepare.py <base url> <publishable key> <catalog size> <add carts> <ready carts> <out dir>
"""
import http.client
import json
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse

base, key, size, add_carts, ready_carts, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
host = urlparse(base)
local = threading.local()
ADDRESS = {"firstName": "Ada", "lastName": "Lovelace", "line1": "1 Main Street", "city": "Springfield",
           "postalCode": "12345", "countryCode": "US", "phone": "+1 555 0100"}


def call(method, path, body=None, expect=(200, 201)):
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    headers = {"X-Publishable-Key": key, "Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body)
        headers["Content-Type"] = "application/json"
    local.conn.request(method, path, body=data, headers=headers)
    response = local.conn.getresponse()
    text = response.read()
    if response.status not in expect:
        raise RuntimeError(f"{method} {path} -> {response.status}: {text[:500]!r}")
    return json.loads(text) if text else None


regions = call("GET", "/store/regions")
region = next((r for r in regions["items"] if r.get("currency") == "USD"), regions["items"][0])["id"]
# Variants of up to 200 products spread over the catalog: no single stock row takes every order.
handles = sorted({i * size // min(size, 200) for i in range(min(size, 200))})
with ThreadPoolExecutor(8) as pool:
    products = list(pool.map(lambda n: call("GET", f"/store/products/gen-{n}?region={region}"), handles))
variants = [v["id"] for p in products for v in p["variants"]]


def new_cart(_):
    return call("POST", "/store/carts", {"regionId": region, "email": f"shopper-{uuid.uuid4().hex[:12]}@example.com"})["id"]


def ready(j):
    cart = new_cart(j)
    call("POST", f"/store/carts/{cart}/line-items", {"variantId": variants[j % len(variants)], "quantity": 1})
    call("PATCH", f"/store/carts/{cart}", {"shippingAddress": ADDRESS})
    option = call("GET", f"/store/carts/{cart}/shipping-options")["items"][0]["id"]
    call("POST", f"/store/carts/{cart}/shipping-method", {"optionId": option})
    call("POST", f"/store/carts/{cart}/payment", {"provider": "test", "data": {"token": "tok_success"}})
    return cart


with ThreadPoolExecutor(8) as pool:
    carts = list(pool.map(new_cart, range(add_carts)))
    ready_ids = list(pool.map(ready, range(ready_carts)))
for name, ids in (("variants.txt", variants), ("add-carts.txt", carts), ("ready-carts.txt", ready_ids)):
    with open(f"{out}/{name}", "w") as f:
        f.write("\n".join(ids) + "\n")
print(f"prepared {len(variants)} variants, {len(carts)} carts to add to, {len(ready_ids)} ready carts; region {region}")
