package io.payclient.opentelemetry;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The low-cardinality name of a call ({@code payments.create}) and its URL template ({@code
 * /api/v1/payments/{id}}), derived from the HTTP method and path: ids never reach a span name or a
 * metric attribute.
 *
 * @param name {@code <resource>.<action>}, or {@code other} for a path PayClient does not know
 * @param template the path with its id segment replaced by {@code {id}}, or {@code null} when the
 *     path is unknown (it might hold an id)
 */
record Operation(String name, @Nullable String template) {

  /** Derives the operation; never throws (an unknown path gives {@code other}). */
  static Operation of(String method, String path) {
    String[] segments = path.split("/", -1);
    int end = segments.length;
    while (end > 0 && segments[end - 1].isEmpty()) {
      end--; // a trailing slash
    }
    for (int i = end - 1; i >= 0; i--) {
      String resource = segments[i];
      if (!isResource(resource)) {
        continue;
      }
      String prefix = String.join("/", java.util.Arrays.copyOfRange(segments, 0, i + 1));
      if (i == end - 1) {
        String action =
            switch (method) {
              case "POST" -> "create";
              case "GET" -> "list";
              default -> method.toLowerCase(Locale.ROOT);
            };
        return new Operation(resource + "." + action, prefix);
      }
      if (i == end - 2) {
        if (resource.equals("webhooks")) {
          // the fixed key documents (public_key, json_public_key): no id in the path
          return new Operation("webhooks.public_key", prefix + "/" + segments[i + 1]);
        }
        String action = method.equals("GET") ? "retrieve" : method.toLowerCase(Locale.ROOT);
        return new Operation(resource + "." + action, prefix + "/{id}");
      }
      return new Operation(resource + "." + method.toLowerCase(Locale.ROOT), null);
    }
    return new Operation("other", null);
  }

  private static boolean isResource(String segment) {
    return segment.equals("payments")
        || segment.equals("payment_requests")
        || segment.equals("webhooks");
  }
}
