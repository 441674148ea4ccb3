#!/usr/bin/env python3
"""Writes the reader targets' seed corpora from the vendor modules' own test fixtures.

Run from the repository root: python3 fuzz/make-seeds.py. Seeds are named seed-*; inputs that
reproduce a defect are named crash-* and written by hand (or copied from Jazzer's findings).
The first byte of an input picks the reader (b % readers) and the status (see ReaderFuzzTest).
"""
import json, os

ROOT = 'fuzz/src/test/resources/io/payclient/fuzz/ReaderFuzzTestInputs'
STATUSES = [400, 401, 403, 404, 405, 408, 409, 422, 429, 500, 502, 503, 504]


def selector(readers, which, status=422):
    return bytes([which + readers * STATUSES.index(status)])


def write(target, name, data):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def res(path):
    with open(path, 'rb') as f:
        return f.read()


def minify(b):
    return json.dumps(json.loads(b), separators=(',', ':')).encode()


L = 'sdk-lago/src/test/resources/lago/'
B = 'sdk-billingrails/src/test/resources/billingrails/'
P = 'sdk-paygentic/src/test/resources/paygentic/'

# Lago: 0 payment envelope, 1 payment list, 2 payment-request envelope, 3 payment-request list, 4 error
for f in ['payment-manual', 'payment-provider', 'payment-fixture-sparse', 'payment-unknown-enums']:
    write('lagoReaders', 'seed-envelope-' + f, selector(5, 0) + minify(res(L + f + '.json')))
pay = json.loads(res(L + 'payment-manual.json'))['payment']
meta = {'current_page': 1, 'next_page': 2, 'prev_page': None, 'total_pages': 9, 'total_count': 900}
write('lagoReaders', 'seed-list', selector(5, 1) + minify(json.dumps({'payments': [pay, pay], 'meta': meta})))
write('lagoReaders', 'seed-pr-envelope', selector(5, 2) + minify(res(L + 'payment-request.json')))
pr = json.loads(res(L + 'payment-request.json'))['payment_request']
write('lagoReaders', 'seed-pr-list', selector(5, 3) + minify(json.dumps({'payment_requests': [pr], 'meta': meta})))
for k, v in json.loads(res(L + 'error-bodies.json')).items():
    status = int(k[:3]) if k[:3].isdigit() and int(k[:3]) in STATUSES else 422
    write('lagoReaders', 'seed-error-' + k, selector(5, 4, status) + minify(json.dumps(v)))

# Billingrails: 0 envelope, 1 list, 2 bare payment, 3 error
for f in ['create-payment-response', 'retrieve-payment-online', 'legacy-record-payment-response']:
    write('billingrailsReaders', 'seed-envelope-' + f, selector(4, 0) + minify(res(B + f + '.json')))
write('billingrailsReaders', 'seed-list', selector(4, 1) + minify(res(B + 'list-payments.json')))
write('billingrailsReaders', 'seed-payment', selector(4, 2) + minify(json.dumps(json.loads(res(B + 'create-payment-response.json'))['payment'])))
write('billingrailsReaders', 'seed-unknown-enums', selector(4, 2) + minify(res(B + 'payment-unknown-enums.json')))
for k, v in json.loads(res(B + 'error-bodies.json')).items():
    status = int(k[:3]) if k[:3].isdigit() and int(k[:3]) in STATUSES else 422
    write('billingrailsReaders', 'seed-error-' + k, selector(4, 3, status) + minify(json.dumps(v)))

# Paygentic: 0 payment, 1 replayed payment, 2 list, 3 error
write('paygenticReaders', 'seed-created', selector(4, 0) + minify(res(P + 'payment-created.json')))
write('paygenticReaders', 'seed-replayed', selector(4, 1) + minify(res(P + 'payment-replayed.json')))
write('paygenticReaders', 'seed-unknown-status', selector(4, 0) + minify(res(P + 'payment-unknown-status.json')))
write('paygenticReaders', 'seed-list', selector(4, 2) + minify(res(P + 'payment-list.json')))
for f, st in [('error-business', 400), ('error-not-found', 404), ('error-validation', 400)]:
    write('paygenticReaders', 'seed-' + f, selector(4, 3, st) + minify(res(P + f + '.json')))

# Known defects of issue 14, as regression inputs (FF FE n k = repeat the k%16+1 bytes before 2^n times).
FF = lambda n, k: bytes([0xFF, 0xFE, n, k])
write('lagoReaders', 'crash-number-overflow-in-error-details', selector(5, 4, 422)
      + b'{"status":422,"error":"x","error_details":{"amount_cents":[1e99999999999]}}')
write('paygenticReaders', 'crash-number-overflow-in-error-details', selector(4, 3, 400)
      + b'{"message":"x","details":{"n":1e99999999999}}')
# Inputs that expand to hundreds of kilobytes go to the *LargeInputs targets: replayed by verify,
# but kept out of the fuzzed targets' corpora, where every mutation of them would cost seconds.
write('lagoReadersLargeInputs', 'crash-256k-error-detail-codes', selector(5, 4, 422)
      + b'{"status":422,"error":"x","error_details":{"f":["a","a","a"' + FF(17, 7) + b']}}')
write('paygenticReaders', 'crash-amount-1e999999999', selector(4, 0)
      + b'{"id":"pay_1","object":"payment","amount":"1E+999999999","currency":"USD","status":"pending","createdAt":"2026-01-01T00:00:00Z"}')
write('paygenticReadersLargeInputs', 'crash-amount-262k-digits', selector(4, 0)
      + b'{"id":"pay_1","object":"payment","amount":"1' + FF(18, 0)
      + b'","currency":"USD","status":"pending","createdAt":"2026-01-01T00:00:00Z"}')
write('lagoReadersLargeInputs', 'crash-amount-cents-262k-digits', selector(5, 0)
      + b'{"payment":{"lago_id":"x","amount_cents":1' + FF(18, 0) + b'}}')
write('billingrailsReadersLargeInputs', 'crash-128k-error-details', selector(4, 3, 422)
      + b'{"error":{"type":"x","code":"x","message":"x","details":[{"field":"a"},{"field":"a"}' + FF(17, 13) + b']}}')
