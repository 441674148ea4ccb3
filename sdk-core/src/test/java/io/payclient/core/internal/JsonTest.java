package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static JsonReader reader(String json) throws Exception {
    JsonReader r = JsonReader.of(new Buffer().writeUtf8(json));
    r.beginArray();
    return r;
  }

  @Test
  void strings() throws Exception {
    JsonReader r = reader("[\"a\", null, 12.50, true, {}]");
    assertThat(Json.nextString(r)).isEqualTo("a");
    assertThat(Json.nextString(r)).isNull();
    assertThat(Json.nextString(r)).isEqualTo("12.50");
    assertThat(Json.nextString(r)).isEqualTo("true");
    assertThatThrownBy(() -> Json.nextString(r)).isInstanceOf(JsonDataException.class);
  }

  @Test
  void longsAreExactAndBounded() throws Exception {
    JsonReader r = reader("[42, null, \"7\", 1.0, 1.5, 9223372036854775808, \"x\"]");
    assertThat(Json.nextLong(r)).isEqualTo(42L);
    assertThat(Json.nextLong(r)).isNull();
    assertThat(Json.nextLong(r)).isEqualTo(7L);
    assertThat(Json.nextLong(r)).isEqualTo(1L);
    assertThatThrownBy(() -> Json.nextLong(r)).isInstanceOf(JsonDataException.class);
    assertThatThrownBy(() -> Json.nextLong(r)).hasMessageContaining("long range");
    assertThatThrownBy(() -> Json.nextLong(r)).isInstanceOf(JsonDataException.class);
  }

  @Test
  void integerTextIsReadExactlyAsBigDecimalWouldRead() {
    List<String> samples =
        new java.util.ArrayList<>(
            List.of(
                "0",
                "-0",
                "7",
                "-7",
                "007",
                "+5",
                "-",
                "",
                "1.0",
                "1.5",
                "1e3",
                "1E-1",
                "12a",
                " 1",
                "--1",
                "999999999999999999",
                "-999999999999999999",
                "1000000000000000000",
                "9223372036854775807",
                "-9223372036854775808",
                "9223372036854775808",
                "-9223372036854775809",
                "99999999999999999999",
                "0x10",
                "١٢"));
    java.util.Random random = new java.util.Random(42);
    String alphabet = "0123456789-+.eE ";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(22);
      for (int j = 0; j < length; j++) {
        // mostly digits, so that many samples are valid integers of every length
        sb.append(
            random.nextInt(4) == 0
                ? alphabet.charAt(random.nextInt(alphabet.length()))
                : (char) ('0' + random.nextInt(10)));
      }
      samples.add(sb.toString());
    }
    for (String text : samples) {
      Object expected;
      try {
        expected = Json.boundedDecimal(text).longValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        expected = e.getClass();
      }
      Object actual;
      try {
        actual = Json.longValueExact(text);
      } catch (NumberFormatException | ArithmeticException e) {
        actual = e.getClass();
      }
      assertThat(actual).as("'%s'", text).isEqualTo(expected);
    }
  }

  @Test
  void decimalsStayExact() throws Exception {
    JsonReader r = reader("[\"10.50\", 0.1, null, \"ten\"]");
    assertThat(Json.nextDecimal(r)).isEqualTo(new BigDecimal("10.50"));
    assertThat(Json.nextDecimal(r)).isEqualTo(new BigDecimal("0.1"));
    assertThat(Json.nextDecimal(r)).isNull();
    assertThatThrownBy(() -> Json.nextDecimal(r)).isInstanceOf(JsonDataException.class);
  }

  @Test
  void booleansTimesDatesAndUris() throws Exception {
    JsonReader r =
        reader(
            "[true, null, \"2025-01-21T00:10:29Z\", \"2025-01-21T02:10:29+02:00\", null, \"yesterday\","
                + " \"2025-02-20\", null, \"20/02\", \"https://x.test/a b\", \"https://x.test/p\", \"\", null]");
    assertThat(Json.nextBoolean(r)).isTrue();
    assertThat(Json.nextBoolean(r)).isNull();
    assertThat(Json.nextInstant(r)).isEqualTo(Instant.parse("2025-01-21T00:10:29Z"));
    assertThat(Json.nextInstant(r)).isEqualTo(Instant.parse("2025-01-21T00:10:29Z"));
    assertThat(Json.nextInstant(r)).isNull();
    assertThatThrownBy(() -> Json.nextInstant(r)).isInstanceOf(JsonDataException.class);
    assertThat(Json.nextDate(r)).isEqualTo(LocalDate.of(2025, 2, 20));
    assertThat(Json.nextDate(r)).isNull();
    assertThatThrownBy(() -> Json.nextDate(r)).isInstanceOf(JsonDataException.class);
    assertThat(Json.nextUri(r)).isNull(); // unparseable: null, never a failure
    assertThat(Json.nextUri(r)).isEqualTo(URI.create("https://x.test/p"));
    assertThat(Json.nextUri(r)).isNull();
    assertThat(Json.nextUri(r)).isNull();
  }

  @Test
  void collections() throws Exception {
    JsonReader r =
        reader(
            "[[\"a\", null, \"b\"], null, {\"k\":\"v\",\"n\":null,\"i\":3}, [], null,"
                + " {\"o\":{\"deep\":[1,2.5,true,null,\"s\"]}}, null, []]");
    assertThat(Json.nextStringList(r)).containsExactly("a", "b");
    assertThat(Json.nextStringList(r)).isEmpty();
    assertThat(Json.nextStringMap(r)).containsExactly(Map.entry("k", "v"), Map.entry("i", "3"));
    assertThat(Json.nextStringMap(r)).isEmpty();
    assertThat(Json.nextStringMap(r)).isEmpty();
    Map<String, Object> tree = Json.nextObject(r);
    assertThat(tree.get("o"))
        .isEqualTo(
            Map.of(
                "deep",
                java.util.Arrays.asList(
                    new BigDecimal("1"), new BigDecimal("2.5"), true, null, "s")));
    assertThat(Json.nextObject(r)).isEmpty();
    assertThat(Json.nextObject(r)).isEmpty();
  }

  @Test
  void writing() {
    byte[] bytes =
        Json.write(
            w -> {
              w.beginObject();
              Json.writeOptional(w, "present", "x\"y");
              Json.writeOptional(w, "absent", null);
              w.endObject();
            });
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"present\":\"x\\\"y\"}");
    assertThat(List.of()).isEmpty();
  }

  @Test
  void hostileNumbersAreBoundedBeforeAnyArithmetic() throws Exception {
    JsonReader r = reader("[1e99999999999, 1E+999999999, 2.50]");
    assertThat(Json.nextValue(r)).isEqualTo("1e99999999999"); // kept as text, no exception
    assertThat(Json.nextValue(r)).isEqualTo("1E+999999999");
    assertThat(Json.nextValue(r)).isEqualTo(new BigDecimal("2.50"));

    JsonReader decimals = reader("[\"1E+999999999\", \"" + "7".repeat(700_000) + "\"]");
    assertThatThrownBy(() -> Json.nextDecimal(decimals)).isInstanceOf(JsonDataException.class);
    assertThatThrownBy(() -> Json.nextDecimal(decimals)).isInstanceOf(JsonDataException.class);

    assertThatThrownBy(() -> Json.longValueExact("1e-999999999"))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Json.longValueExact("9".repeat(700_000)))
        .isInstanceOf(ArithmeticException.class);
    JsonReader longs = reader("[" + "9".repeat(700_000) + "]");
    assertThatThrownBy(() -> Json.nextLong(longs)).isInstanceOf(JsonDataException.class);
  }

  @Test
  void aHugeDocumentIsMaterialisedOnlyUpToTheValueBudget() throws Exception {
    StringBuilder json = new StringBuilder("{\"codes\":[");
    for (int i = 0; i < 50_000; i++) {
      json.append(i == 0 ? "" : ",").append("\"invalid_value\"");
    }
    json.append("],\"after\":{\"x\":1}}");
    JsonReader r = JsonReader.of(new Buffer().writeUtf8(json.toString()));
    Map<String, Object> read = Json.nextObject(r);
    assertThat((List<?>) read.get("codes")).hasSizeLessThan(Json.MAX_VALUES);
    assertThat(read).doesNotContainKey("after"); // skipped unread, past the budget
    assertThat(r.peek()).isEqualTo(JsonReader.Token.END_DOCUMENT);
  }

  @Test
  void aPlainDecimalIsTheSameValueAndScaleAsTheGeneralParsersOrLeftToIt() {
    for (String text :
        new String[] {
          "10.50",
          "-3",
          "0",
          "-0",
          "00",
          "007.5",
          "0.000",
          "-0.00",
          "1050",
          "999999999999999999",
          "-99999999999999999.9",
          "0.00000000000000001",
          "5000.00"
        }) {
      BigDecimal plain = Json.plainDecimal(text);
      assertThat(plain).as(text).isNotNull();
      assertThat(plain.unscaledValue()).as(text).isEqualTo(new BigDecimal(text).unscaledValue());
      assertThat(plain.scale()).as(text).isEqualTo(new BigDecimal(text).scale());
      assertThat(Json.boundedDecimal(text)).as(text).isEqualTo(new BigDecimal(text));
    }
    // 19 digits, exponents, signs, points without digits, other digits: the general parser's
    for (String text :
        new String[] {
          "1234567890123456789",
          "0.000000000000000001",
          "1e3",
          "1E-2",
          "+1",
          "1.",
          ".5",
          "-.5",
          "-",
          "",
          "1.2.3",
          " 1",
          "1_000",
          "\u0661"
        }) {
      assertThat(Json.plainDecimal(text)).as(text).isNull();
    }
    assertThat(Json.boundedDecimal("1234567890123456789"))
        .isEqualTo(new BigDecimal("1234567890123456789"));
    assertThat(Json.boundedDecimal("1.")).isEqualTo(new BigDecimal("1."));
    assertThat(Json.boundedDecimal("\u0661")).isEqualTo(new BigDecimal("\u0661"));
    assertThatThrownBy(() -> Json.boundedDecimal("1.2.3"))
        .isInstanceOf(NumberFormatException.class);
    // decimal(): the plain path or BigDecimal's own, same value, scale and refusals, no bounds
    for (String text : new String[] {"10.50", "1e3", "+1", ".5", "1234567890123456789"}) {
      BigDecimal d = Json.decimal(text);
      assertThat(d.unscaledValue()).as(text).isEqualTo(new BigDecimal(text).unscaledValue());
      assertThat(d.scale()).as(text).isEqualTo(new BigDecimal(text).scale());
    }
    assertThat(Json.decimal("1e999").scale()).isEqualTo(-999);
    assertThatThrownBy(() -> Json.decimal("ten")).isInstanceOf(NumberFormatException.class);
    java.util.Random random = new java.util.Random(19);
    for (int k = 0; k < 10_000; k++) {
      StringBuilder b = new StringBuilder(random.nextBoolean() ? "-" : "");
      int digits = 1 + random.nextInt(18);
      int point = random.nextInt(digits + 1);
      for (int d = 0; d < digits; d++) {
        if (d == point && d > 0) {
          b.append('.');
        }
        b.append((char) ('0' + random.nextInt(10)));
      }
      String text = b.toString();
      BigDecimal plain = Json.plainDecimal(text);
      assertThat(plain).as(text).isNotNull();
      assertThat(plain.unscaledValue()).as(text).isEqualTo(new BigDecimal(text).unscaledValue());
      assertThat(plain.scale()).as(text).isEqualTo(new BigDecimal(text).scale());
    }
  }
}
