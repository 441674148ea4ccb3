package io.payclient.core.internal;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Not API: a URI read from a response (a payment's pay-here link), checked when it is read and
 * built as a {@link URI} only when someone asks for it.
 *
 * <p>Parsing a payment link with {@link URI#URI(String)} was a fifth of a Billingrails payment's
 * read, and most readers of a payment (a webhook handler, a waiter, a list) never look at the link.
 * So {@link #parse} accepts the common shape of a link, {@code http(s)://} followed by URI
 * characters only, with one linear scan, and keeps the text; the {@code URI} is built on first use.
 * Any other text is parsed by {@code URI} at once, exactly as before, so what is refused (and so
 * goes to a payment's {@code untyped()}) is unchanged.
 *
 * <p>Equality is the {@code URI}'s; {@link #toString()} is the text, which is what {@link
 * URI#toString()} gives for a URI parsed from it. Immutable and thread-safe.
 */
public final class Link {
  /** The ASCII characters {@link #isPlainHttpUrl} takes as they are (all legal in any part). */
  private static final boolean[] PLAIN = new boolean[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      PLAIN[c] = true;
      PLAIN[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      PLAIN[c] = true;
    }
    // RFC 2396 unreserved marks, and the reserved characters java.net.URI takes in a registry
    // authority, a path and a query alike ('/' and '?' only end the authority or the path).
    for (char c : "-_.!~*'()$,;:@&=+/?".toCharArray()) {
      PLAIN[c] = true;
    }
  }

  private final String text;
  private volatile @Nullable URI uri;

  private Link(String text, @Nullable URI uri) {
    this.text = text;
    this.uri = uri;
  }

  /**
   * The link for {@code text}, which must be what {@code new URI(text)} accepts.
   *
   * @throws URISyntaxException if {@code URI} refuses the text
   */
  public static Link parse(String text) throws URISyntaxException {
    Link plain = plainOrNull(text);
    return plain != null ? plain : new Link(text, new URI(text));
  }

  /**
   * The link for {@code text} when it is a plain http(s) URL that {@code new URI(text)} takes as it
   * stands (checked without building it), else {@code null}: whether {@code URI} takes any other
   * text is for {@link #parse} to say.
   */
  static @Nullable Link plainOrNull(String text) {
    return isPlainHttpUrl(text) ? new Link(text, null) : null;
  }

  /** The link for {@code text}, or {@code null} if it is {@code null} or not a URI. */
  public static @Nullable Link parseOrNull(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return parse(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The link of a URI the caller already has, or {@code null}. */
  public static @Nullable Link of(@Nullable URI uri) {
    return uri == null ? null : new Link(uri.toString(), uri);
  }

  /** {@code link}'s URI, or {@code null}. */
  public static @Nullable URI uri(@Nullable Link link) {
    return link == null ? null : link.uri();
  }

  /** The URI, built on the first call. */
  public URI uri() {
    URI u = uri;
    if (u == null) {
      u = URI.create(text); // cannot fail: parse let only URI-legal text through unparsed
      uri = u;
    }
    return u;
  }

  /**
   * Whether {@code s} is {@code http://} or {@code https://}, a first character that starts an
   * authority, and then only characters of {@link #PLAIN} or {@code %} with two hex digits: text
   * that {@link URI#URI(String)} always accepts, as its authority is at worst a registry name (it
   * never fails over a host or port it cannot read as a server), and its path and query hold only
   * characters legal in them. No {@code #}, no brackets, nothing outside ASCII: those go to {@code
   * URI} itself.
   */
  static boolean isPlainHttpUrl(String s) {
    int i;
    if (s.startsWith("https://")) {
      i = 8;
    } else if (s.startsWith("http://")) {
      i = 7;
    } else {
      return false;
    }
    int n = s.length();
    if (i == n || s.charAt(i) == '/' || s.charAt(i) == '?') {
      return false; // an empty authority: let URI decide
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128 && PLAIN[c]) {
        continue;
      }
      if (c == '%' && i + 2 < n && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        i += 2;
        continue;
      }
      return false;
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return this == other || (other instanceof Link l && uri().equals(l.uri()));
  }

  @Override
  public int hashCode() {
    return uri().hashCode();
  }

  /** The link's text, as {@link URI#toString()} gives it. */
  @Override
  public String toString() {
    return text;
  }
}
