package io.payclient.micrometer;

import java.util.Locale;

/**
 * Names the operation of a call from its method and path, keeping ids out: the resource is the
 * leftmost known segment ({@code payments}, {@code payment_requests}, {@code webhooks}) followed by
 * at most one more segment (an id, or the key's name for webhooks), so a base URL's own path prefix
 * ({@code /api/v1}, {@code /v0}) does not matter.
 */
final class Operations {
  private Operations() {}

  static String of(String method, String path) {
    String[] segments = path.split("/", -1);
    int n = segments.length;
    while (n > 0 && segments[n - 1].isEmpty()) {
      n--; // a trailing slash
    }
    for (int i = 0; i < n; i++) {
      int rest = n - 1 - i;
      if (rest > 1) {
        continue;
      }
      String s = segments[i];
      if (s.equals("payments") || s.equals("payment_requests")) {
        return s + "." + verb(method, rest == 1);
      }
      if (s.equals("webhooks") && rest == 1) {
        return "webhooks.key";
      }
    }
    return "other";
  }

  private static String verb(String method, boolean withId) {
    switch (method) {
      case "POST":
        return withId ? "post" : "create";
      case "GET":
        return withId ? "retrieve" : "list";
      default:
        return method.toLowerCase(Locale.ROOT);
    }
  }
}
