package io.payclient.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.payclient.fuzz.ScriptedServer.End;
import io.payclient.fuzz.ScriptedServer.Reply;
import java.nio.charset.StandardCharsets;

/**
 * Builds one hostile reply from fuzz data: the status line (well formed or not, its reason maybe
 * the API key), headers ({@code Content-Length} right, missing, short or long; echoed request ids;
 * {@code Retry-After}), the body (a vendor template with fuzzed text, the key echoed, padding that
 * puts the key across the 2048-character cut, raw bytes), the timing and how the connection ends.
 */
final class HostileReplies {
  static final int[] STATUSES = {
    200, 201, 200, 201, 204, 301, 302, 400, 401, 403, 404, 405, 408, 409, 422, 429, 500, 502, 503,
    504, 100, 199, 299, 399, 418, 499, 599, 600, 999
  };

  static final String[] RETRY_AFTER = {
    "0",
    "1",
    "1000000001",
    "-1",
    "99999999999999999999",
    "Wed, 21 Oct 2015 07:28:00 GMT",
    "Fri, 31 Dec 9999 23:59:59 GMT",
    "1.5",
    "",
    Invariants.API_KEY
  };

  /** Delay, in ms, of a reply that comes after the client's read timeout. */
  final int stallMs;

  HostileReplies(int stallMs) {
    this.stallMs = stallMs;
  }

  /** A description of the reply for failure messages: head and the start of the body. */
  static String describe(Reply r) {
    String head =
        r.head() == null ? "(nothing)" : new String(r.head(), StandardCharsets.ISO_8859_1);
    String body =
        r.body() == null
            ? ""
            : new String(r.body(), 0, Math.min(r.body().length, 200), StandardCharsets.UTF_8);
    return "{delay "
        + r.headDelayMs()
        + "+"
        + r.bodyDelayMs()
        + " ms, end "
        + r.end()
        + ", head \""
        + Invariants.escape(head)
        + "\", body "
        + (r.body() == null ? 0 : r.body().length)
        + " bytes \""
        + Invariants.escape(body)
        + "\"}";
  }

  Reply next(FuzzedDataProvider d, String vendor) {
    int status = d.pickValue(STATUSES);
    String text = slot(d);
    String body = body(d, vendor, status, text);
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);

    StringBuilder head = new StringBuilder();
    switch (d.consumeInt(0, 9)) {
      case 0 -> head.append("HTTP/1.1 ").append(status).append(' ').append(Invariants.API_KEY);
      case 1 -> head.append("HTTP/1.1 ").append(Invariants.API_KEY);
      case 2 -> head.append(d.consumeString(40)); // anything at all
      case 3 -> head.append("HTTP/1.1 ").append(status); // no reason
      case 4 -> head.append("HTTP/1.1 ").append(status).append(' ').append(d.consumeString(30));
      default -> head.append("HTTP/1.1 ").append(status).append(" Reason");
    }
    head.append("\r\n");
    if (d.consumeBoolean()) {
      head.append("Content-Type: application/json\r\n");
    } else if (d.consumeBoolean()) {
      head.append("Content-Type: text/html\r\n");
    }
    switch (d.consumeInt(0, 5)) {
      case 0 -> {} // close-delimited
      case 1 ->
          head.append("Content-Length: ")
              .append(Math.max(0, bodyBytes.length - d.consumeInt(1, 50)))
              .append("\r\n");
      case 2 ->
          head.append("Content-Length: ")
              .append(bodyBytes.length + d.consumeInt(1, 50))
              .append("\r\n");
      case 3 ->
          head.append("Content-Length: ")
              .append(d.consumeString(12).replaceAll("[\r\n]", ""))
              .append("\r\n");
      default -> head.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
    }
    if (d.consumeBoolean()) {
      head.append("X-Request-Id: ")
          .append(d.consumeBoolean() ? Invariants.API_KEY : headerSafe(text))
          .append("\r\n");
    }
    if (d.consumeBoolean()) {
      head.append("Retry-After: ").append(d.pickValue(RETRY_AFTER)).append("\r\n");
    }
    if (d.consumeBoolean()) {
      head.append("X-RateLimit-Reset: ").append(d.pickValue(RETRY_AFTER)).append("\r\n");
    }
    if (d.consumeBoolean()) {
      head.append("X-Echo: Bearer ").append(Invariants.API_KEY).append("\r\n");
    }
    if (d.consumeBoolean()) {
      head.append(headerSafe(d.consumeString(40))).append("\r\n"); // any header line
    }
    if (d.consumeBoolean()) {
      head.append("Location: /elsewhere\r\n");
    }
    head.append("\r\n");

    int headDelay =
        switch (d.consumeInt(0, 15)) {
          case 5, 6 -> 20;
          case 7, 8 -> 80;
          case 9 -> stallMs;
          default -> 0;
        };
    int bodyDelay = d.consumeInt(0, 19) == 19 ? stallMs : 0;
    // HANG costs a read timeout per execution: rarer than the others.
    End end =
        d.pickValue(
            new End[] {
              End.KEEP, End.KEEP, End.KEEP, End.CLOSE, End.CLOSE, End.CLOSE, End.RESET, End.RESET,
              End.HANG
            });
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (d.consumeInt(0, 31) == 0) {
      headBytes = null; // answer nothing
    }
    return new Reply(headBytes, bodyBytes, headDelay, bodyDelay, end);
  }

  private static String headerSafe(String s) {
    return s.replaceAll("[\r\n]", " ");
  }

  /** A text slot: fuzz text, the key, the key inside text, or a long text. */
  private static String slot(FuzzedDataProvider d) {
    return switch (d.consumeInt(0, 5)) {
      case 0 -> Invariants.API_KEY;
      case 1 -> "invalid key " + Invariants.API_KEY + " (Bearer " + Invariants.API_KEY + ")";
      case 2 -> "x".repeat(d.consumeInt(0, 5000)) + Invariants.API_KEY;
      default -> d.consumeString(60);
    };
  }

  private String body(FuzzedDataProvider d, String vendor, int status, String text) {
    String body =
        switch (d.consumeInt(0, 7)) {
          case 0 -> Vendors.payment(vendor, text);
          case 1 -> Vendors.list(vendor, text, d.consumeBoolean() ? null : 2L);
          case 2, 3 -> Vendors.error(vendor, status, text);
          case 4 -> "<html><body><h1>502 Bad Gateway</h1>" + text + "</body></html>";
          case 5 -> "";
          case 6 ->
              new String(Expander.expand(d.consumeBytes(400)), StandardCharsets.UTF_8); // raw bytes
          default ->
              "{\"n\":" + d.pickValue(NUMBERS) + ",\"message\":" + JsonText.quote(text) + "}";
        };
    switch (d.consumeInt(0, 7)) {
      case 0 -> {
        // the key across the 2048-character cut of the rawBody excerpt
        int before = 2048 - d.consumeInt(0, Invariants.API_KEY.length());
        String pad = "p".repeat(Math.max(0, before - 8));
        body =
            "{\"pad\":\""
                + pad
                + Invariants.API_KEY
                + "\",\"tail\":"
                + (body.isEmpty() ? "0" : JsonText.quote(body))
                + "}";
      }
      case 1 ->
          body =
              body + " ".repeat(d.consumeInt(1000, 20_000)); // oversized (maxResponseBytes 4 KiB)
      default -> {}
    }
    return body;
  }

  static final String[] NUMBERS = {
    "1e99999999999",
    "-1e99999999999",
    "1E+999999999",
    "9223372036854775808",
    "1e-99999999999",
    "0.00000000000000000000000000001",
    "NaN",
    "1" + "0".repeat(5000)
  };
}
