#!/usr/bin/env python3
"""Conformance check of lago-sandbox against Lago's official OpenAPI description.

Drives every endpoint lagotui uses (lists with each filter, gets, every action in allowed and
refused states, errors) against a running sandbox and validates each response with openapi-core
against the spec given with --spec (read at run time; never copied into the project).

Where the spec and the real server disagree (../shared/lago/BEHAVIOUR.md, which cites the
server source), the sandbox follows the real server. Each such disagreement is listed in
DEVIATIONS below with its reason, and the in-memory copy of the spec is patched accordingly
before validation, so only documented deviations pass.

Exit status: 0 when every check passed, 1 on failures, 2 when the spec or openapi-core is
unusable.
"""

import argparse
import copy
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

try:
    import yaml
    from openapi_core import OpenAPI
    from openapi_core.datatypes import RequestParameters
    from openapi_schema_validator import OAS31Validator
    from werkzeug.datastructures import Headers, ImmutableMultiDict
except ImportError as error:  # pragma: no cover - reported to the Swift test as a skip
    print(f"SKIP: openapi-core is not installed ({error})")
    sys.exit(2)


# ---------------------------------------------------------------------------------------------
# Deviations: spec 1.51.0 vs the real server (BEHAVIOUR.md section in brackets).
# ---------------------------------------------------------------------------------------------

# (schema, property, reason): the real server sends null where the spec has no null.
NULLABLE = [
    ("InvoiceObject", "payment_due_date", "null on drafts until finalization (§6, §7 Invoice: often null)"),
    ("InvoiceObject", "payment_dispute_lost_at", "null unless a dispute was lost (§7 Invoice: often null)"),
    ("InvoiceObject", "file_url", "null until the PDF is generated (§4.4, §7 Invoice)"),
    ("InvoiceObject", "sequential_id", "null on drafts (§7 Invoice: sequential_id often null)"),
    ("InvoiceObjectExtended", "payment_due_date", "as InvoiceObject"),
    ("InvoiceObjectExtended", "payment_dispute_lost_at", "as InvoiceObject"),
    ("InvoiceObjectExtended", "file_url", "as InvoiceObject"),
    ("InvoiceObjectExtended", "sequential_id", "as InvoiceObject"),
    ("CustomerBillingConfiguration", "payment_provider", "null when the customer has no PSP (§7 Customer)"),
    ("CustomerBillingConfiguration", "payment_provider_code", "null when the customer has no PSP (§7 Customer)"),
    ("CustomerBillingConfiguration", "invoice_grace_period", "null inherits the billing entity's (§7 Customer)"),
    ("CustomerBillingConfiguration", "document_locale", "null inherits the billing entity's (§7 Customer)"),
    ("FeeObject", "pricing_unit_details", "null without pricing units (§5.1 response example)"),
    ("CustomerChargeUsageObject", "pricing_unit_details", "null without pricing units (§5.1 response example)"),
    ("CustomerProjectedChargeUsageObject", "pricing_unit_details", "as CustomerChargeUsageObject"),
    ("PaymentMethodReference", "payment_method_id", "null when no method is pinned (§7 Subscription/Wallet)"),
    ("WalletObject", "purchase_order_number", "null when unset (§7 Wallet: often null)"),
    ("SubscriptionObject", "on_termination_credit_note", "the spec allows null by type but leaves it out of the enum (§7 Subscription)"),
    ("SubscriptionObject", "cancellation_reason", "the spec allows null by type but leaves it out of the enum (§7 Subscription)"),
    ("MrrObject", "currency", "null for a month without revenue when no currency is asked for (C7 mrr)"),
    ("InvoiceCollectionObject", "payment_status", "null for a month without invoices (C7 invoice_collection)"),
    ("InvoiceCollectionObject", "currency", "null for a month without invoices (C7 invoice_collection)"),
]

# (schema, dotted path inside a property, reason): nested fields the real server sends as null.
NESTED_NULLABLE = [
    ("CustomerProjectedChargeUsageObject", "charge.invoice_display_name",
     "null when the charge has no display name, as in current usage (§5.1 example, §5.3 same fields)"),
]

# (method, path template, root key, reason): the real controller wraps the object in a root key
# (`root_name:`) where the spec documents the bare object.
WRAPPED = [
    ("get", "/wallet_transactions/{lago_id}", "wallet_transaction", "the show action renders root_name wallet_transaction like every other"),
    ("get", "/payments/{lago_id}", "payment", "the show action renders root_name payment like every other"),
]

# (schema, property, replacement schema, reason): the real server sends another type.
RETYPED = [
    ("OverdueBalanceObject", "amount_cents", {"type": "string", "pattern": r"^-?[0-9]+\.[0-9]+$"},
     "a decimal string from a SQL SUM, e.g. \"1000.0\" (§6 overdue_balance, controller spec)"),
    ("GrossRevenueObject", "amount_cents", {"type": "number"}, "a float8 SUM, e.g. 3000.0 (C7 table)"),
    ("GrossRevenueObject", "invoices_count", {"type": "string", "pattern": r"^[0-9]+\.[0-9]+$"}, "a numeric SUM of counts, e.g. \"1.0\" (C7 table)"),
    ("InvoiceCollectionObject", "amount_cents", {"type": "number"}, "a float8 SUM, e.g. 200.0 (C7 table)"),
    ("InvoicedUsageObject", "amount_cents", {"type": "number"}, "a float8 SUM, e.g. 700.0 (C7 table)"),
    ("MrrObject", "amount_cents", {"type": ["string", "null"], "pattern": r"^-?[0-9]+\.[0-9]+$"},
     "a numeric SUM as a decimal string, null for an empty month (C7 table, mrrs_controller_spec)"),
]

# (method, path template, status, error schema, reason): statuses the real server answers that
# the spec does not list for the operation; the body is checked against the error schema.
UNDOCUMENTED_STATUSES = [
    ("post", "/invoices/{lago_id}/void", 405, "ApiErrorNotAllowed", "not_voidable for non-finalized invoices (§4.5)"),
    ("put", "/invoices/{lago_id}/refresh", 403, "ApiErrorForbidden", "feature_unavailable for non-subscription invoices (§4.2)"),
    ("put", "/invoices/{lago_id}/finalize", 403, "ApiErrorForbidden", "feature_unavailable for non-subscription drafts (§4.1)"),
    ("post", "/invoices/{lago_id}/retry", 405, "ApiErrorNotAllowed", "invalid_status unless failed (§4.7 other actions)"),
    ("put", "/invoices/{lago_id}", 405, "ApiErrorNotAllowed", "update_on_voided_invoice and friends (§4.7)"),
    ("get", "/customers/{external_customer_id}/current_usage", 405, "ApiErrorNotAllowed", "no_active_subscription (§5.1)"),
    ("get", "/customers/{external_customer_id}/projected_usage", 405, "ApiErrorNotAllowed", "no_active_subscription (§5.3)"),
    ("get", "/customers", 404, "ApiErrorNotFound", "billing_entity_not_found for unknown billing_entity_codes[] (§3 customers)"),
    ("get", "/customers", 422, "ApiErrorUnprocessableEntity", "query-filter contract errors (§3 customers)"),
    ("get", "/invoices", 422, "ApiErrorUnprocessableEntity", "invalid status/payment_status/payment_overdue (§3 invoices)"),
    ("get", "/invoices", 404, "ApiErrorNotFound", "billing_entity_not_found (§3 invoices)"),
    ("get", "/subscriptions", 404, "ApiErrorNotFound", "billing_entity_not_found (§3 subscriptions)"),
    ("get", "/wallets", 404, "ApiErrorNotFound", "customer_not_found for an unknown external_customer_id (§3 wallets)"),
    ("get", "/payments", 422, "ApiErrorUnprocessableEntity", "invoice_id must be a UUID (§3 payments)"),
    ("get", "/wallet_transactions/{lago_id}", 404, "ApiErrorNotFound", "spec lists it; kept for symmetry"),
    ("get", "/events/{transaction_id}", 404, "ApiErrorNotFound", "spec lists it; kept for symmetry"),
]

# (method, path template, reason): a 200 with an empty body where the spec promises JSON.
EMPTY_200 = [
    ("post", "/invoices/{lago_id}/download", "first call while the PDF is generated: head :ok (§4.4)"),
]

# Spec-required keys the real serializer never sends, listed so they are not silently added.
# (schema, property, reason)
NOT_REQUIRED = [
    ("CustomerProjectedChargeUsageObject", "groups", "not in projected_usage_serializer; the sandbox sends [] anyway (§5.3)"),
    ("WalletObject", "balance", "V1::WalletSerializer sends balance_cents, never the legacy balance (serializers.json wallet)"),
]


def patch_spec(spec):
    """Applies the documented deviations to an in-memory copy of the spec."""
    spec = copy.deepcopy(spec)
    schemas = spec["components"]["schemas"]

    def owner(schema, prop, seen=()):
        """The properties dict that defines `prop`, following allOf parts and $refs."""
        if "$ref" in schema:
            name = schema["$ref"].split("/")[-1]
            if name in seen:
                return None
            return owner(schemas[name], prop, seen + (name,))
        if prop in schema.get("properties", {}):
            return schema["properties"]
        for part in schema.get("allOf", []):
            found = owner(part, prop, seen)
            if found is not None:
                return found
        return None

    def props_for(name, prop):
        found = owner(schemas[name], prop)
        if found is None:
            raise KeyError(f"{name}.{prop} is not in the spec any more; update the deviation list")
        return found

    for name, prop, _ in NULLABLE:
        p = props_for(name, prop)
        current = p[prop]
        if "$ref" in current or "allOf" in current or "oneOf" in current:
            p[prop] = {"anyOf": [current, {"type": "null"}]}
        else:
            kind = current.get("type", "string")
            kinds = kind if isinstance(kind, list) else [kind]
            if "null" not in kinds:
                current["type"] = kinds + ["null"]
            if "enum" in current and None not in current["enum"]:
                current["enum"] = current["enum"] + [None]
    def unrequire(schema, prop, seen=()):
        """Drops `prop` from the required lists of a schema, its allOf parts and $refs;
        returns whether any list named it."""
        if "$ref" in schema:
            name = schema["$ref"].split("/")[-1]
            return name not in seen and unrequire(schemas[name], prop, seen + (name,))
        found = prop in schema.get("required", [])
        if found:
            schema["required"] = [p for p in schema["required"] if p != prop]
        for part in schema.get("allOf", []):
            found = unrequire(part, prop, seen) or found
        return found

    for name, prop, _ in NOT_REQUIRED:
        if not unrequire(schemas[name], prop):
            raise KeyError(f"{name} does not require {prop} any more; update the deviation list")
    for name, prop, replacement, _ in RETYPED:
        props_for(name, prop)[prop] = replacement
    for name, dotted, _ in NESTED_NULLABLE:
        head, leaf = dotted.split(".")
        field = props_for(name, head)[head]["properties"][leaf]
        kinds = field.get("type", "string")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "null" not in kinds:
            field["type"] = kinds + ["null"]
    for method, template, root, _ in WRAPPED:
        content = spec["paths"][template][method]["responses"]["200"]["content"]["application/json"]
        content["schema"] = {"type": "object", "required": [root], "properties": {root: content["schema"]}}
    return spec


# ---------------------------------------------------------------------------------------------
# HTTP plumbing and openapi-core adapters.
# ---------------------------------------------------------------------------------------------

class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except ValueError:
            return None


class CoreRequest:
    def __init__(self, host_url, path, method, query):
        self.host_url = host_url
        self.path = path
        self.method = method
        self.parameters = RequestParameters(query=ImmutableMultiDict(query), header=Headers(), cookie=ImmutableMultiDict())
        self.content_type = "application/json"
        self.body = None


class CoreResponse:
    def __init__(self, reply):
        self.status_code = reply.status
        self.headers = Headers(reply.headers)
        self.content_type = reply.headers.get("content-type", "application/json").lower()
        self.data = reply.body


class Checker:
    def __init__(self, base_url, spec, api_key):
        self.base_url = base_url.rstrip("/")
        parsed = urllib.parse.urlparse(self.base_url)
        self.host_url = f"{parsed.scheme}://{parsed.netloc}"
        self.prefix = parsed.path
        self.api_key = api_key
        self.raw_spec = spec
        patched = patch_spec(spec)
        patched["servers"] = [{"url": self.base_url}]
        self.spec = patched
        self.api = OpenAPI.from_dict(patched)
        self.validated = 0
        self.deviations_used = set()
        self.failures = []
        self.templates = sorted(spec["paths"].keys(), key=lambda p: (p.count("{"), -len(p)))

    # -- HTTP ---------------------------------------------------------------------------------
    def http(self, method, path, query=None, body=None, key=None, root=None):
        query = query or []
        url = (root or self.base_url) + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(url, data=data, method=method.upper())
        request.add_header("Authorization", f"Bearer {key if key is not None else self.api_key}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return Reply(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
        except urllib.error.HTTPError as error:
            return Reply(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())

    # -- validation ---------------------------------------------------------------------------
    def template_for(self, path):
        parts = path.strip("/").split("/")
        for template in self.templates:
            tparts = template.strip("/").split("/")
            if len(tparts) == len(parts) and all(t.startswith("{") or t == p for t, p in zip(tparts, parts)):
                return template
        return None

    def fail(self, label, message):
        self.failures.append(f"{label}: {message}")

    def validate(self, label, method, path, query, reply):
        template = self.template_for(path)
        if template is None:
            self.fail(label, f"no spec path for {path}")
            return
        op = self.spec["paths"][template].get(method)
        if op is None:
            self.fail(label, f"spec has no {method.upper()} {template}")
            return
        documented = str(reply.status) in op.get("responses", {})
        if reply.status == 200 and not reply.body:
            if (method, template) in [(m, t) for m, t, _ in EMPTY_200]:
                self.deviations_used.add(f"empty 200 {method.upper()} {template}")
                self.validated += 1
                return
            content = op["responses"].get("200", {}).get("content")
            if content:
                self.fail(label, "empty 200 body where the spec promises JSON")
            self.validated += 1
            return
        if not documented:
            match = [d for d in UNDOCUMENTED_STATUSES if d[0] == method and d[1] == template and d[2] == reply.status]
            if not match:
                self.fail(label, f"status {reply.status} is not documented for {method.upper()} {template}: {reply.body[:300]!r}")
                return
            self.deviations_used.add(f"{reply.status} on {method.upper()} {template}")
            root = {"$ref": f"#/components/schemas/{match[0][3]}", "components": self.spec["components"]}
            errors = list(OAS31Validator(root).iter_errors(reply.json))
            if errors:
                self.fail(label, f"error body does not match {match[0][3]}: {errors[0].message}")
            self.validated += 1
            return
        try:
            self.api.validate_response(CoreRequest(self.host_url, self.prefix + path, method, query or []), CoreResponse(reply))
            self.validated += 1
        except Exception as error:  # openapi-core raises a family of validation errors
            detail = error
            cause = getattr(error, "__cause__", None)
            if cause is not None and hasattr(cause, "schema_errors"):
                detail = "; ".join(f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in list(cause.schema_errors)[:5])
            self.fail(label, f"{type(error).__name__}: {detail}")

    def call(self, label, method, path, query=None, body=None, expect=200, key=None, check=None):
        reply = self.http(method, path, query, body, key)
        if expect is not None and reply.status != expect:
            self.fail(label, f"expected {expect}, got {reply.status}: {reply.body[:300]!r}")
            return reply
        self.validate(label, method, path, query, reply)
        if check is not None:
            try:
                message = check(reply)
            except Exception as error:  # a malformed body fails the check, not the run
                message = f"check raised {type(error).__name__}: {error}"
            if message:
                self.fail(label, message)
        return reply


# ---------------------------------------------------------------------------------------------
# The scenario.
# ---------------------------------------------------------------------------------------------

def expect_code(code):
    return lambda r: None if (r.json or {}).get("code") == code else f"expected code {code}, got {r.json}"


def expect_empty_meta(key):
    def check(reply):
        body = reply.json
        if body.get(key) != [] or body.get("meta", {}).get("current_page") != 0:
            return f"expected an empty page with current_page 0, got {body.get('meta')}"
    return check


def run(c):
    # Errors that need no data.
    unknown = c.http("get", "/no_such_route", key="")
    if unknown.status != 404 or unknown.json != {"status": 404, "error": "Not Found", "code": "resource_not_found"}:
        c.fail("unknown route", f"expected 404 resource_not_found before auth, got {unknown.status} {unknown.body[:200]!r}")
    reply = c.http("get", "/customers", key="not-the-key")
    if reply.status != 401 or reply.json != {"status": 401, "error": "Unauthorized"}:
        c.fail("bad key", f"expected 401 Unauthorized, got {reply.status} {reply.body[:200]!r}")
    else:
        c.validate("bad key", "get", "/customers", [], reply)

    # Customers.
    customers = c.call("customers", "get", "/customers", [("per_page", "100")]).json["customers"]
    first = customers[0]["external_id"]
    for label, query in [
        ("search_term", [("search_term", "a")]),
        ("external_id", [("external_id", first)]),
        ("countries[]", [("countries[]", customers[0].get("country") or "US")]),
        ("states[]", [("states[]", "NY")]),
        ("zipcodes[]", [("zipcodes[]", "10001")]),
        ("currencies[]", [("currencies[]", "EUR"), ("currencies[]", "JPY")]),
        ("account_type[]", [("account_type[]", "partner")]),
        ("customer_type", [("customer_type", "individual")]),
        ("has_customer_type", [("has_customer_type", "false")]),
        ("has_tax_identification_number", [("has_tax_identification_number", "true")]),
        ("metadata", [("metadata[segment]", "enterprise")]),
        ("metadata absent", [("metadata[segment]", "")]),
        ("billing_entity_codes[]", [("billing_entity_codes[]", "acme_eu")]),
        ("page past the end", [("page", "99")]),
    ]:
        c.call(f"customers {label}", "get", "/customers", query)
    c.call("customers no match", "get", "/customers", [("search_term", "zzzz-no-such-customer")], check=expect_empty_meta("customers"))
    c.call("customers unknown entity", "get", "/customers", [("billing_entity_codes[]", "nope")], expect=404, check=expect_code("billing_entity_not_found"))
    c.call("customers bad country", "get", "/customers", [("countries[]", "zz")], expect=422)
    c.call("customers bad combination", "get", "/customers", [("customer_type", "company"), ("has_customer_type", "false")], expect=422)
    c.call("customer", "get", f"/customers/{first}")
    c.call("customer unknown", "get", "/customers/nope", expect=404, check=expect_code("customer_not_found"))

    # Subscriptions.
    subs = c.call("subscriptions default", "get", "/subscriptions",
                  check=lambda r: None if all(s["status"] == "active" for s in r.json["subscriptions"]) else "default must be active only").json["subscriptions"]
    for status in ["active", "pending", "terminated", "canceled"]:
        c.call(f"subscriptions {status}", "get", "/subscriptions", [("status[]", status)])
    c.call("subscriptions invalid status", "get", "/subscriptions", [("status[]", "bogus")])
    c.call("subscriptions plan_code", "get", "/subscriptions", [("plan_code", subs[0]["plan_code"])])
    c.call("subscriptions currency", "get", "/subscriptions", [("currency", "USD")])
    c.call("subscriptions customer", "get", "/subscriptions", [("external_customer_id", subs[0]["external_customer_id"])])
    c.call("subscriptions unknown customer", "get", "/subscriptions", [("external_customer_id", "nope")], check=expect_empty_meta("subscriptions"))
    c.call("subscriptions entity", "get", "/subscriptions", [("billing_entity_codes[]", "acme_us")])
    c.call("subscriptions unknown entity", "get", "/subscriptions", [("billing_entity_codes[]", "nope")], expect=404)
    c.call("customer subscriptions", "get", f"/customers/{subs[0]['external_customer_id']}/subscriptions", [("status[]", "terminated"), ("status[]", "active")])
    c.call("customer subscriptions unknown", "get", "/customers/nope/subscriptions", expect=404, check=expect_code("customer_not_found"))
    c.call("subscription", "get", f"/subscriptions/{subs[0]['external_id']}")
    terminated = c.http("get", "/subscriptions", [("status[]", "terminated")]).json["subscriptions"]
    if terminated:
        c.call("subscription terminated", "get", f"/subscriptions/{terminated[0]['external_id']}", [("status", "terminated")])
        c.call("subscription terminated without status", "get", f"/subscriptions/{terminated[0]['external_id']}", expect=None)
    c.call("subscription unknown", "get", "/subscriptions/nope", expect=404)
    c.call("lifetime usage", "get", f"/subscriptions/{subs[0]['external_id']}/lifetime_usage")

    # Invoices: lists and filters.
    invoices = c.call("invoices", "get", "/invoices", [("per_page", "50")]).json["invoices"]
    for label, query in [
        ("status", [("status", "draft")]),
        ("statuses[]", [("statuses[]", "finalized"), ("statuses[]", "voided")]),
        ("payment_status", [("payment_status", "failed")]),
        ("payment_statuses[]", [("payment_statuses[]", "pending"), ("payment_statuses[]", "succeeded")]),
        ("payment_overdue", [("payment_overdue", "true")]),
        ("payment_dispute_lost", [("payment_dispute_lost", "true")]),
        ("invoice_type", [("invoice_type", "credit")]),
        ("invoice_type array", [("invoice_type[]", "one_off"), ("invoice_type[]", "add_on")]),
        ("currency", [("currency", "GBP")]),
        ("issuing dates", [("issuing_date_from", "2020-01-01"), ("issuing_date_to", "2099-12-31")]),
        ("bad issuing date ignored", [("issuing_date_from", "not-a-date")]),
        ("amounts", [("amount_from", "1000"), ("amount_to", "100000")]),
        ("search_term", [("search_term", invoices[0]["number"][:6])]),
        ("self_billed", [("self_billed", "false")]),
        ("customer", [("external_customer_id", invoices[0]["customer"]["external_id"])]),
        ("billing_entity_codes[]", [("billing_entity_codes[]", "acme_jp")]),
        ("metadata", [("metadata[po_reference]", "")]),
        ("page 2", [("page", "2"), ("per_page", "3")]),
    ]:
        c.call(f"invoices {label}", "get", "/invoices", query)
    c.call("invoices unknown customer", "get", "/invoices", [("external_customer_id", "nope")], check=expect_empty_meta("invoices"))
    c.call("invoices bad status", "get", "/invoices", [("status", "open")], expect=422)
    c.call("invoices bad payment status", "get", "/invoices", [("payment_status", "paid")], expect=422)
    c.call("invoices bad overdue", "get", "/invoices", [("payment_overdue", "maybe")], expect=422)
    c.call("invoices unknown entity", "get", "/invoices", [("billing_entity_codes[]", "nope")], expect=404)
    customer_with_invoices = invoices[0]["customer"]["external_id"]
    c.call("customer invoices", "get", f"/customers/{customer_with_invoices}/invoices", [("status", "finalized")])
    c.call("customer invoices unknown", "get", "/customers/nope/invoices", expect=404)
    c.call("invoice", "get", f"/invoices/{invoices[0]['lago_id']}")
    c.call("invoice unknown", "get", "/invoices/00000000-0000-4000-8000-000000000000", expect=404, check=expect_code("invoice_not_found"))

    def find(predicate):
        for invoice in c.http("get", "/invoices", [("per_page", "100000")]).json["invoices"]:  # unvalidated: fast
            if predicate(invoice):
                return invoice
        return None

    # Invoice actions, allowed and refused.
    draft = find(lambda i: i["status"] == "draft" and i["invoice_type"] == "subscription")
    if draft:
        c.call("refresh draft", "put", f"/invoices/{draft['lago_id']}/refresh")
        c.call("retry_payment draft", "post", f"/invoices/{draft['lago_id']}/retry_payment", expect=405, check=expect_code("invalid_status"))
        c.call("void draft", "post", f"/invoices/{draft['lago_id']}/void", expect=405, check=expect_code("not_voidable"))
        c.call("download draft", "post", f"/invoices/{draft['lago_id']}/download", expect=404)
        c.call("lose_dispute draft", "post", f"/invoices/{draft['lago_id']}/lose_dispute", expect=405, check=expect_code("not_disputable"))
        c.call("finalize draft", "put", f"/invoices/{draft['lago_id']}/finalize",
               check=lambda r: None if r.json["invoice"]["status"] == "finalized" and not r.json["invoice"]["number"].endswith("DRAFT") else "finalize must number the invoice")
        c.call("finalize twice", "put", f"/invoices/{draft['lago_id']}/finalize", expect=404, check=expect_code("invoice_not_found"))
        c.call("download while generating", "post", f"/invoices/{draft['lago_id']}/download",
               check=lambda r: None if r.body == b"" else "first download must be an empty 200")
        done = c.call("download generated", "post", f"/invoices/{draft['lago_id']}/download",
                      check=lambda r: None if r.json["invoice"].get("file_url") else "file_url expected once generated")
        if done.status == 200 and done.json:
            pdf = c.http("get", "", root=done.json["invoice"]["file_url"])
            if pdf.status != 200 or not pdf.body.startswith(b"%PDF-1.4") or pdf.headers.get("content-type") != "application/pdf":
                c.fail("pdf file", f"expected a PDF, got {pdf.status} {pdf.headers.get('content-type')}")
    else:
        c.fail("invoice actions", "no draft subscription invoice in the seed")
    finalized = find(lambda i: i["status"] == "finalized" and i["payment_status"] != "succeeded" and i["invoice_type"] == "subscription")
    if finalized:
        c.call("refresh finalized (no-op)", "put", f"/invoices/{finalized['lago_id']}/refresh")
        c.call("retry_payment", "post", f"/invoices/{finalized['lago_id']}/retry_payment",
               check=lambda r: None if r.body == b"" else "retry_payment answers an empty 200")
        c.call("retry taxes on finalized", "post", f"/invoices/{finalized['lago_id']}/retry", expect=405)
        c.call("lose_dispute", "post", f"/invoices/{finalized['lago_id']}/lose_dispute")
        c.call("void", "post", f"/invoices/{finalized['lago_id']}/void",
               check=lambda r: None if r.json["invoice"]["status"] == "voided" else "void must void")
        c.call("void twice", "post", f"/invoices/{finalized['lago_id']}/void", expect=405, check=expect_code("not_voidable"))
        c.call("update voided", "put", f"/invoices/{finalized['lago_id']}", body={"invoice": {"payment_status": "succeeded"}}, expect=405)
    paid = find(lambda i: i["status"] == "finalized" and i["payment_status"] == "succeeded")
    if paid:
        c.call("retry_payment paid", "post", f"/invoices/{paid['lago_id']}/retry_payment", expect=405, check=expect_code("invalid_status"))
        c.call("void paid", "post", f"/invoices/{paid['lago_id']}/void")
    failed = find(lambda i: i["status"] == "failed")
    if failed:
        c.call("retry taxes", "post", f"/invoices/{failed['lago_id']}/retry")
        c.call("download failed", "post", f"/invoices/{failed['lago_id']}/download", expect=404)
    credit = find(lambda i: i["invoice_type"] != "subscription" and i["status"] == "finalized")
    if credit:
        c.call("refresh non-subscription", "put", f"/invoices/{credit['lago_id']}/refresh", expect=403, check=expect_code("feature_unavailable"))
    other_draft = find(lambda i: i["status"] == "draft")
    if other_draft:
        c.call("update draft payment status", "put", f"/invoices/{other_draft['lago_id']}", body={"invoice": {"payment_status": "succeeded"}}, expect=405)
    c.call("update without root", "put", f"/invoices/{invoices[0]['lago_id']}", body={"payment_status": "x"}, expect=400)
    c.call("retry_payment unknown", "post", "/invoices/00000000-0000-4000-8000-000000000000/retry_payment", expect=404)

    # Wallets and top-ups.
    wallets = c.call("wallets", "get", "/wallets").json["wallets"]
    active = next(w for w in wallets if w["status"] == "active")
    terminated_wallet = next((w for w in wallets if w["status"] == "terminated"), None)
    c.call("wallets customer", "get", "/wallets", [("external_customer_id", active["external_customer_id"])])
    c.call("wallets currency", "get", "/wallets", [("currency", "EUR")])
    c.call("wallets unknown customer", "get", "/wallets", [("external_customer_id", "nope")], expect=404, check=expect_code("customer_not_found"))
    c.call("customer wallets", "get", f"/customers/{active['external_customer_id']}/wallets")
    c.call("customer wallet by code", "get", f"/customers/{active['external_customer_id']}/wallets/{active['code']}")
    c.call("wallet", "get", f"/wallets/{active['lago_id']}")
    c.call("wallet unknown", "get", "/wallets/00000000-0000-4000-8000-000000000000", expect=404, check=expect_code("wallet_not_found"))
    c.call("wallet transactions", "get", f"/wallets/{active['lago_id']}/wallet_transactions")
    for name, value in [("status", "settled"), ("transaction_status", "granted"), ("transaction_type", "inbound"), ("status", "bogus")]:
        c.call(f"wallet transactions {name}={value}", "get", f"/wallets/{active['lago_id']}/wallet_transactions", [(name, value)])
    granted = c.call("top-up granted", "post", "/wallet_transactions",
                     body={"wallet_transaction": {"wallet_id": active["lago_id"], "granted_credits": "10.0"}},
                     check=lambda r: None if r.json["wallet_transactions"][0]["status"] == "settled" else "granted credits settle at once")
    if granted.status == 200:
        tx = granted.json["wallet_transactions"][0]["lago_id"]
        c.call("wallet transaction", "get", f"/wallet_transactions/{tx}")
    purchase = c.call("top-up paid", "post", "/wallet_transactions",
                      body={"wallet_transaction": {"wallet_id": active["lago_id"], "paid_credits": "1000", "ignore_paid_top_up_limits": True}},
                      check=lambda r: None if r.json["wallet_transactions"][0]["status"] == "pending" else "paid credits stay pending")
    if purchase.status == 200:
        tx = purchase.json["wallet_transactions"][0]["lago_id"]
        later = c.call("paid top-up transaction", "get", f"/wallet_transactions/{tx}",
                       check=lambda r: None if r.json["wallet_transaction"]["lago_invoice_id"] else "the credit invoice is attached later")
        invoice_id = later.json["wallet_transaction"]["lago_invoice_id"] if later.status == 200 else None
        if invoice_id:
            c.call("mark credit invoice paid", "put", f"/invoices/{invoice_id}", body={"invoice": {"payment_status": "succeeded"}})
            c.call("settled top-up", "get", f"/wallet_transactions/{tx}",
                   check=lambda r: None if r.json["wallet_transaction"]["status"] == "settled" else "paying the credit invoice settles the top-up")
    c.call("top-up unknown wallet", "post", "/wallet_transactions",
           body={"wallet_transaction": {"wallet_id": "00000000-0000-4000-8000-000000000000", "granted_credits": "1"}},
           expect=422, check=lambda r: None if r.json["error_details"] == {"wallet_id": ["wallet_not_found"]} else f"got {r.json}")
    if terminated_wallet:
        c.call("top-up terminated wallet", "post", "/wallet_transactions",
               body={"wallet_transaction": {"wallet_id": terminated_wallet["lago_id"], "granted_credits": "1"}},
               expect=422, check=lambda r: None if r.json["error_details"] == {"wallet_id": ["wallet_is_terminated"]} else f"got {r.json}")
    c.call("top-up invalid amount", "post", "/wallet_transactions",
           body={"wallet_transaction": {"wallet_id": active["lago_id"], "paid_credits": "abc"}}, expect=422)
    c.call("top-up without root", "post", "/wallet_transactions", body={"wallet_id": active["lago_id"]}, expect=400)

    # Usage.
    active_sub = subs[0]
    customer = active_sub["external_customer_id"]
    c.call("current usage", "get", f"/customers/{customer}/current_usage", [("external_subscription_id", active_sub["external_id"])])
    c.call("current usage without taxes", "get", f"/customers/{customer}/current_usage",
           [("external_subscription_id", active_sub["external_id"]), ("apply_taxes", "false")])
    c.call("current usage missing subscription", "get", f"/customers/{customer}/current_usage", expect=405, check=expect_code("no_active_subscription"))
    c.call("current usage unknown customer", "get", "/customers/nope/current_usage", [("external_subscription_id", "x")], expect=404)
    if terminated:
        c.call("current usage terminated", "get", f"/customers/{terminated[0]['external_customer_id']}/current_usage",
               [("external_subscription_id", terminated[0]["external_id"])], expect=405)
    c.call("projected usage", "get", f"/customers/{customer}/projected_usage", [("external_subscription_id", active_sub["external_id"])])
    c.call("past usage", "get", f"/customers/{customer}/past_usage", [("external_subscription_id", active_sub["external_id"])])
    c.call("past usage metric", "get", f"/customers/{customer}/past_usage",
           [("external_subscription_id", active_sub["external_id"]), ("billable_metric_code", "api_calls"), ("periods_count", "2")])
    c.call("past usage without subscription", "get", f"/customers/{customer}/past_usage", expect=422)

    # Catalog.
    for resource, code_key in [("billable_metrics", "code"), ("plans", "code"), ("coupons", "code"), ("add_ons", "code"), ("taxes", "code")]:
        items = c.call(resource, "get", f"/{resource}").json[resource]
        c.call(f"{resource} show", "get", f"/{resource}/{items[0][code_key]}")
        c.call(f"{resource} unknown", "get", f"/{resource}/nope", expect=404)
    entities = c.call("billing entities", "get", "/billing_entities",
                      check=lambda r: None if "meta" not in r.json else "billing entities have no meta").json["billing_entities"]
    c.call("billing entity", "get", f"/billing_entities/{entities[0]['code']}")

    # Fees, payments, credit notes.
    fees = c.call("fees", "get", "/fees", [("per_page", "20")]).json["fees"]
    for label, query in [
        ("fee_type", [("fee_type", "charge")]),
        ("payment_status", [("payment_status", "succeeded")]),
        ("customer", [("external_customer_id", first)]),
        ("subscription", [("external_subscription_id", active_sub["external_id"])]),
        ("currency", [("currency", "usd")]),
        ("metric", [("billable_metric_code", "api_calls")]),
        ("created_at", [("created_at_from", "2020-01-01T00:00:00Z"), ("created_at_to", "2099-01-01")]),
    ]:
        c.call(f"fees {label}", "get", "/fees", query + [("per_page", "20")])
    c.call("fees bad type", "get", "/fees", [("fee_type", "bogus")], expect=422)
    c.call("fees bad date", "get", "/fees", [("created_at_from", "yesterday")], expect=422)
    c.call("fee", "get", f"/fees/{fees[0]['lago_id']}")
    payments = c.call("payments", "get", "/payments").json["payments"]
    c.call("payments customer", "get", "/payments", [("external_customer_id", payments[0]["external_customer_id"])])
    c.call("payments invoice", "get", "/payments", [("invoice_id", payments[0]["invoice_ids"][0])])
    c.call("payments bad invoice id", "get", "/payments", [("invoice_id", "nope")], expect=422)
    c.call("customer payments", "get", f"/customers/{payments[0]['external_customer_id']}/payments")
    c.call("payment", "get", f"/payments/{payments[0]['lago_id']}")
    notes = c.call("credit notes", "get", "/credit_notes").json["credit_notes"]
    for label, query in [
        ("reason", [("reason", "other")]), ("credit_status", [("credit_status", "available")]),
        ("refund_status", [("refund_status[]", "succeeded")]), ("currency", [("currency", "EUR")]),
        ("dates", [("issuing_date_from", "2020-01-01")]), ("amounts", [("amount_from", "1")]), ("search_term", [("search_term", "CN")]),
    ]:
        c.call(f"credit notes {label}", "get", "/credit_notes", query)
    if notes:
        c.call("credit note", "get", f"/credit_notes/{notes[0]['lago_id']}")
        c.call("customer credit notes", "get", f"/customers/{notes[0].get('customer', {}).get('external_id', first)}/credit_notes", expect=None)

    # Events.
    events = c.call("events", "get", "/events").json["events"]
    c.call("events code", "get", "/events", [("code", "api_calls")])
    c.call("events subscription", "get", "/events", [("external_subscription_id", active_sub["external_id"]), ("timestamp_from_started_at", "true")])
    c.call("events timestamps", "get", "/events", [("timestamp_from", "2020-01-01T00:00:00Z"), ("timestamp_to", "2099-01-01T00:00:00Z")])
    c.call("events bad timestamp", "get", "/events", [("timestamp_from", "nope")], expect=422)
    c.call("event", "get", f"/events/{events[0]['transaction_id']}")
    c.call("create event", "post", "/events", body={"event": {"transaction_id": "conformance-1", "external_subscription_id": active_sub["external_id"],
                                                               "code": "api_calls", "properties": {}}})
    c.call("duplicate event", "post", "/events", body={"event": {"transaction_id": "conformance-1", "external_subscription_id": active_sub["external_id"],
                                                                 "code": "api_calls"}}, expect=422)

    # Analytics and API logs.
    c.call("overdue balance", "get", "/analytics/overdue_balance")
    c.call("overdue balance filtered", "get", "/analytics/overdue_balance", [("currency", "usd"), ("months", "12"), ("billing_entity_code", "nope")])
    c.call("gross revenue", "get", "/analytics/gross_revenue", [("months", "6")])
    c.call("mrr", "get", "/analytics/mrr", [("currency", "EUR")])
    c.call("invoice collection", "get", "/analytics/invoice_collection")
    c.call("mrr, every month", "get", "/analytics/mrr", [("months", "24")])
    c.call("invoiced usage", "get", "/analytics/invoiced_usage", [("months", "12")])
    logs = c.call("api logs", "get", "/api_logs", [("http_methods[]", "post"), ("http_statuses[]", "succeeded")]).json["api_logs"]
    if logs:
        c.call("api log", "get", f"/api_logs/{logs[0]['request_id']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="sandbox API root, e.g. http://127.0.0.1:8080/api/v1")
    parser.add_argument("--spec", required=True, help="path to Lago's openapi.yaml")
    parser.add_argument("--api-key", default="lago-sandbox-key")
    args = parser.parse_args()
    try:
        with open(args.spec, encoding="utf-8") as handle:
            spec = yaml.safe_load(handle)
    except OSError as error:
        print(f"SKIP: cannot read the spec ({error})")
        return 2
    checker = Checker(args.base_url, spec, args.api_key)
    run(checker)
    print(f"validated {checker.validated} responses against {spec['info']['version']}; "
          f"{len(checker.deviations_used)} documented deviations exercised")
    for deviation in sorted(checker.deviations_used):
        print(f"  deviation: {deviation}")
    if checker.failures:
        print(f"{len(checker.failures)} FAILURES:")
        for failure in checker.failures:
            print(f"  FAIL {failure}")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
