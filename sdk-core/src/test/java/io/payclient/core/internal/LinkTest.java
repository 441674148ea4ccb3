package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkTest {
  /**
   * The fast check's promise: any text it lets through unparsed is text {@code new URI(text)}
   * accepts, so building the URI later cannot fail. Random texts of URL characters, of every
   * character class the check treats differently, and of characters URI refuses.
   */
  @Test
  void whatTheFastCheckLetsThroughUriAlwaysAccepts() {
    String plainChars = "aZ09-_.!~*'()$,;:@&=+/?%%%fF";
    String alphabet = plainChars + "#[] \"<>\\^`{|}é\u0000\u00a0";
    SplittableRandom random = new SplittableRandom(20261206L);
    String[] prefixes = {"https://", "http://", "https:", "http:/", "ftp://", "", "HTTPS://"};
    int plain = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder s = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
      int length = random.nextInt(24);
      String chars = random.nextBoolean() ? plainChars : alphabet;
      for (int i = 0; i < length; i++) {
        s.append(chars.charAt(random.nextInt(chars.length())));
      }
      String text = s.toString();
      URI expected;
      try {
        expected = new URI(text);
      } catch (URISyntaxException e) {
        expected = null;
      }
      if (Link.isPlainHttpUrl(text)) {
        plain++;
        assertThat(expected).as(text).isNotNull();
      }
      Link link = Link.parseOrNull(text);
      if (expected == null) {
        assertThat(link).as(text).isNull();
      } else {
        assertThat(link).as(text).isNotNull();
        assertThat(link.uri()).as(text).isEqualTo(expected);
        assertThat(link.uri().toString()).isEqualTo(text);
        assertThat(link.uri().getRawAuthority()).isEqualTo(expected.getRawAuthority());
      }
    }
    assertThat(plain).as("texts that took the fast path").isGreaterThan(10_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://pay.billingrails.test/p/pl_123?session=abc&x=1",
        "http://127.0.0.1:8080/pay/p_1",
        "https://user:pw@host.test:99999/a;b/c?d=e%20f",
        "https://h/%41%7e"
      })
  void commonLinksTakeTheFastPathAndGiveTheSameUri(String text) throws Exception {
    assertThat(Link.isPlainHttpUrl(text)).isTrue();
    Link link = Link.parse(text);
    assertThat(link.toString()).isEqualTo(text);
    assertThat(link.uri()).isEqualTo(new URI(text));
    assertThat(link.uri()).isSameAs(link.uri()); // built once
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://[::1]:8443/pay",
        "https://h/p#frag",
        "https://hé.test/p",
        "mailto:a@b.test",
        "/relative/path",
        "http:///no-authority",
        "https://h/%zz"
      })
  void otherTextIsDecidedByUriItself(String text) {
    assertThat(Link.isPlainHttpUrl(text)).isFalse();
    URI expected;
    try {
      expected = new URI(text);
    } catch (URISyntaxException e) {
      assertThatThrownBy(() -> Link.parse(text)).isInstanceOf(URISyntaxException.class);
      assertThat(Link.parseOrNull(text)).isNull();
      return;
    }
    assertThat(Link.uri(Link.parseOrNull(text))).isEqualTo(expected);
  }

  @Test
  void equalityIsTheUris() throws Exception {
    Link a = Link.parse("https://HOST.test/p");
    Link b = Link.parse("https://host.test/p");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Link.parse("https://host.test/q"));
    assertThat(Link.of(URI.create("https://host.test/p"))).isEqualTo(b);
    assertThat(Link.of(null)).isNull();
    assertThat(Link.uri(null)).isNull();
  }
}
