package io.payclient.fuzz;

import io.payclient.fuzz.ScriptedServer.Recorded;
import io.payclient.fuzz.ScriptedServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A faithful, stateful vendor behind the {@link ScriptedServer}, with hostile faults on top. It
 * keeps the payments it "created" (the reference exactly as its JSON text arrived, so that what is
 * listed back is byte for byte what was sent), honours Billingrails' and Paygentic's idempotency
 * keys (a repeat is a replay, not a new payment), and answers Lago's {@code GET
 * /payments?invoice_id=…} with the invoice's payments. The {@link Plan} decides, per attempt,
 * whether a create takes effect and what the client is answered.
 */
class FakeVendor implements ScriptedServer.Responder {
  /** What happens to the n-th POST (0-based): does it create, and what is answered instead. */
  record Step(boolean create, Reply reply) {
    /** Creates (or replays) and answers normally. */
    static final Step NORMAL = new Step(true, null);

    static Step createThen(Reply r) {
      return new Step(true, r);
    }

    static Step rejectWith(Reply r) {
      return new Step(false, r);
    }
  }

  /** The faults of one scenario. */
  interface Plan {
    Step post(int attempt);

    /** A reply to the n-th GET instead of the faithful one, or null. */
    default Reply get(int n, Recorded request, FakeVendor vendor) {
      return null;
    }
  }

  record Stored(String id, String invoice, String referenceJson, long amount, String key) {}

  final String vendor;
  final Plan plan;
  final List<Stored> payments = new CopyOnWriteArrayList<>();
  final List<Stored> preexisting = new ArrayList<>();
  private final AtomicInteger posts = new AtomicInteger();
  final AtomicInteger seenPosts = new AtomicInteger();
  private final AtomicInteger gets = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger();

  FakeVendor(String vendor, Plan plan) {
    this.vendor = vendor;
    this.plan = plan;
  }

  int creates() {
    return payments.size();
  }

  @Override
  public Reply reply(Recorded r, int index) {
    if (r.method.equals("POST")) {
      Step step = plan.post(posts.getAndIncrement());
      Stored stored = null;
      boolean replay = false;
      if (step.create()) {
        String key = Vendors.wireKey(vendor, r);
        if (key != null) {
          for (Stored s : payments) {
            if (key.equals(s.key())) {
              stored = s;
              replay = true;
            }
          }
        }
        if (stored == null) {
          stored = store(r, key);
        }
      }
      if (step.reply() != null) {
        return step.reply();
      }
      if (stored == null) {
        return Reply.json(500, "{}");
      }
      return Reply.json(vendor.equals("lago") || replay ? 200 : 201, success(stored));
    }
    int n = gets.getAndIncrement();
    Reply hostile = plan.get(n, r, this);
    if (hostile != null) {
      return hostile;
    }
    return faithfulGet(r);
  }

  private Stored store(Recorded r, String key) {
    String body = r.bodyText();
    String invoice = JsonText.field(body, "invoice_id");
    String ref = JsonText.field(body, vendor.equals("billingrails") ? "reference_id" : "reference");
    Long amount = JsonText.number(body, "amount_cents");
    Stored s =
        new Stored(
            vendor + "-" + ids.incrementAndGet(),
            invoice,
            ref == null ? null : "\"" + ref + "\"",
            amount == null ? 1000 : amount,
            key);
    payments.add(s);
    return s;
  }

  Reply faithfulGet(Recorded r) {
    String path = r.path();
    String collection = Vendors.paymentsPath(vendor);
    if (path.equals(collection)) {
      return Reply.json(200, listBody(r.target));
    }
    if (path.startsWith(collection + "/")) {
      String id = path.substring(collection.length() + 1);
      for (Stored s : payments) {
        if (s.id().equals(id)) {
          return Reply.json(200, success(s));
        }
      }
      return Reply.json(200, success(new Stored(id, Vendors.INVOICE, "\"ref\"", 1000, null)));
    }
    return Reply.json(404, Vendors.error(vendor, 404, "not found"));
  }

  String listBody(String target) {
    List<Stored> all = new ArrayList<>(preexisting);
    all.addAll(payments);
    String invoice = null;
    int q = target.indexOf("invoice_id=");
    if (q >= 0) {
      int end = target.indexOf('&', q);
      invoice = target.substring(q + "invoice_id=".length(), end < 0 ? target.length() : end);
    }
    StringBuilder items = new StringBuilder();
    for (Stored s : all) {
      if (invoice != null && s.invoice() != null && !s.invoice().equals(invoice)) {
        continue;
      }
      if (items.length() > 0) {
        items.append(',');
      }
      items.append(paymentJson(s));
    }
    return switch (vendor) {
      case "lago" ->
          "{\"payments\":["
              + items
              + "],\"meta\":{\"current_page\":1,\"next_page\":null,\"prev_page\":null,"
              + "\"total_pages\":1,\"total_count\":"
              + all.size()
              + "}}";
      case "billingrails" ->
          "{\"payments\":["
              + items
              + "],\"meta\":{\"request_id\":\"req_1\",\"current_page\":1,\"per_page\":100,"
              + "\"total_count\":"
              + all.size()
              + "}}";
      default ->
          "{\"object\":\"list\",\"data\":["
              + items
              + "],\"pagination\":{\"limit\":100,\"offset\":0,\"total\":"
              + all.size()
              + "}}";
    };
  }

  String paymentJson(Stored s) {
    String ref = s.referenceJson() == null ? "null" : s.referenceJson();
    return switch (vendor) {
      case "lago" ->
          "{\"lago_id\":\""
              + s.id()
              + "\",\"invoice_ids\":["
              + JsonText.quote(s.invoice())
              + "],\"amount_cents\":"
              + s.amount()
              + ",\"amount_currency\":\"USD\",\"payment_status\":\"succeeded\","
              + "\"type\":\"manual\",\"payable_type\":\"Invoice\",\"reference\":"
              + ref
              + ",\"created_at\":\"2026-01-01T00:00:00Z\"}";
      case "billingrails" ->
          "{\"object\":\"payment\",\"id\":\""
              + s.id()
              + "\",\"account_id\":\"acct-1\",\"amount\":1000,\"currency\":\"USD\","
              + "\"status\":\"succeeded\",\"reference_id\":"
              + ref
              + ",\"created_at\":\"2026-01-01T00:00:00Z\"}";
      default ->
          "{\"id\":\""
              + s.id()
              + "\",\"object\":\"payment\",\"amount\":\"10.00\",\"currency\":\"USD\","
              + "\"status\":\"completed\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"reference\":"
              + ref
              + (s.key() == null ? "" : ",\"idempotencyKey\":" + JsonText.quote(s.key()))
              + "}";
    };
  }

  String success(Stored s) {
    return switch (vendor) {
      case "lago" -> "{\"payment\":" + paymentJson(s) + "}";
      case "billingrails" ->
          "{\"payment\":" + paymentJson(s) + ",\"meta\":{\"request_id\":\"req_1\"}}";
      default -> paymentJson(s);
    };
  }
}
