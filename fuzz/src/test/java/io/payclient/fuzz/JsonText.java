package io.payclient.fuzz;

/** Tiny JSON text helpers for the scripted server (no parser needed for what it reads). */
final class JsonText {
  private JsonText() {}

  /** A JSON string literal; every char outside printable ASCII escaped as \\uXXXX. */
  static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** The raw (still escaped) text of the first string field with this name, or null. */
  static String field(String json, String name) {
    String marker = "\"" + name + "\":";
    int at = json.indexOf(marker);
    if (at < 0) {
      return null;
    }
    int i = at + marker.length();
    while (i < json.length() && json.charAt(i) == ' ') {
      i++;
    }
    if (i >= json.length() || json.charAt(i) != '"') {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (i++; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\' && i + 1 < json.length()) {
        b.append(c).append(json.charAt(++i));
      } else if (c == '"') {
        return b.toString();
      } else {
        b.append(c);
      }
    }
    return null;
  }

  /** The long value of the first numeric field with this name, or null. */
  static Long number(String json, String name) {
    String marker = "\"" + name + "\":";
    int at = json.indexOf(marker);
    if (at < 0) {
      return null;
    }
    int i = at + marker.length();
    int j = i;
    while (j < json.length() && (Character.isDigit(json.charAt(j)) || json.charAt(j) == '-')) {
      j++;
    }
    try {
      return Long.parseLong(json.substring(i, j));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
