package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class LenientReaderTest {
  private static JsonReader reader(String json) throws Exception {
    JsonReader r = JsonReader.of(new Buffer().writeUtf8(json));
    r.beginArray();
    return r;
  }

  @Test
  void everyFieldThatTypesLeavesNoRawText() throws Exception {
    JsonReader r =
        reader(
            "[\"a\", 7, 8, \"1.50\", true, \"2025-01-21T00:10:29Z\", \"2025-01-21\","
                + " \"https://x.test/p\", [\"i\", 2, null, false], {\"k\":\"v\",\"n\":1,\"z\":null},"
                + " {\"o\":{\"p\":[1,2.5]}}, [{\"a\":1}], null, null, null, null, null, null,"
                + " null, null, null, null, [], [], 3, false]");
    LenientReader f = new LenientReader();
    assertThat(f.string(r, "s")).isEqualTo("a");
    assertThat(f.longValue(r, "l")).isEqualTo(7L);
    assertThat(f.intValue(r, "i")).isEqualTo(8);
    assertThat(f.decimal(r, "d")).isEqualByComparingTo("1.50");
    assertThat(f.bool(r, "b")).isTrue();
    assertThat(f.instant(r, "t")).isEqualTo(Instant.parse("2025-01-21T00:10:29Z"));
    assertThat(f.date(r, "dt")).isEqualTo(LocalDate.parse("2025-01-21"));
    assertThat(Link.uri(f.link(r, "u"))).isEqualTo(URI.create("https://x.test/p"));
    assertThat(f.stringList(r, "sl")).containsExactly("i", "2", "false");
    assertThat(f.stringMap(r, "sm")).containsExactly(Map.entry("k", "v"), Map.entry("n", "1"));
    assertThat(f.object(r, "o")).containsKey("o");
    assertThat(f.objectList(r, "ol")).hasSize(1);
    assertThat(f.string(r, "s")).isNull();
    assertThat(f.longValue(r, "l")).isNull();
    assertThat(f.intValue(r, "i")).isNull();
    assertThat(f.decimal(r, "d")).isNull();
    assertThat(f.bool(r, "b")).isNull();
    assertThat(f.instant(r, "t")).isNull();
    assertThat(f.date(r, "dt")).isNull();
    assertThat(Link.uri(f.link(r, "u"))).isNull();
    assertThat(f.stringList(r, "sl")).isEmpty();
    assertThat(f.stringMap(r, "sm")).isEmpty();
    assertThat(f.stringMap(r, "sm2")).isEmpty(); // [] is an empty map
    assertThat(f.object(r, "o2")).isEmpty();
    assertThat(f.string(r, "num")).isEqualTo("3");
    assertThat(f.string(r, "bool")).isEqualTo("false");
    assertThat(f.untyped()).isEmpty();
    assertThat(f.untyped()).isSameAs(Map.of());
    assertThat(f.isUntyped("s")).isFalse();
  }

  @Test
  void timestampsAndLinksOutsideTheCommonShapeAreTypedAsTheParsersSay() throws Exception {
    JsonReader r =
        reader(
            "[\" 2025-01-21T00:10:29Z \", \"2025-01-21T01:10:29.5+01:00\","
                + " \"2025-02-30T00:00:00Z\", \"2025-01-21T00:10:29\","
                + " \" https://x.test/p \", \"mailto:a@b.test\", \"https://x.test/a b\"]");
    LenientReader f = new LenientReader();
    assertThat(f.instant(r, "blanks")).isEqualTo(Instant.parse("2025-01-21T00:10:29Z"));
    assertThat(f.instant(r, "offset")).isEqualTo(Instant.parse("2025-01-21T00:10:29.5Z"));
    assertThat(f.instant(r, "impossible")).isNull();
    assertThat(f.instant(r, "local")).isNull();
    assertThat(Link.uri(f.link(r, "blanks"))).isEqualTo(URI.create("https://x.test/p"));
    assertThat(Link.uri(f.link(r, "mail"))).isEqualTo(URI.create("mailto:a@b.test"));
    assertThat(Link.uri(f.link(r, "space"))).isNull();
    assertThat(f.untyped())
        .containsOnly(
            Map.entry("impossible", "2025-02-30T00:00:00Z"),
            Map.entry("local", "2025-01-21T00:10:29"),
            Map.entry("space", "https://x.test/a b"));
  }

  @Test
  void aValueThatCannotBeTypedIsEmptyAndKeepsItsRawText() throws Exception {
    JsonReader r =
        reader(
            "[{\"x\":1}, \"ten\", 1.5, 3000000000, \"1e99999999999\", 1e99999999999, \"yes\","
                + " \"yesterday\", \"21/01/2025\", \"http://bad host\", \"a,b\", [1, {\"y\":2}],"
                + " {\"k\":[1]}, \"str\", [1,2], 5, 7, true, [\"a\"], [[1]], \"\", \" \", {}]");
    LenientReader f = new LenientReader();
    assertThat(f.string(r, "s")).isNull();
    assertThat(f.longValue(r, "l")).isNull();
    assertThat(f.longValue(r, "frac")).isNull();
    assertThat(f.intValue(r, "i")).isNull();
    assertThat(f.decimal(r, "huge")).isNull();
    assertThat(f.decimal(r, "hugeNumber")).isNull();
    assertThat(f.bool(r, "b")).isNull();
    assertThat(f.instant(r, "t")).isNull();
    assertThat(f.date(r, "dt")).isNull();
    assertThat(Link.uri(f.link(r, "u"))).isNull();
    assertThat(f.stringList(r, "sl")).isEmpty();
    assertThat(f.stringList(r, "sl2")).isEmpty();
    assertThat(f.stringMap(r, "sm")).isEmpty();
    assertThat(f.stringMap(r, "sm2")).isEmpty();
    assertThat(f.stringMap(r, "sm3")).isEmpty();
    assertThat(f.object(r, "o")).isEmpty();
    assertThat(f.objectList(r, "ol")).isEmpty();
    assertThat(f.instant(r, "tb")).isNull();
    assertThat(f.object(r, "o2")).isEmpty();
    assertThat(f.objectList(r, "ol2")).isEmpty();
    assertThat(Link.uri(f.link(r, "blank"))).isNull();
    assertThat(Link.uri(f.link(r, "blank2"))).isNull();
    assertThat(f.longValue(r, "obj")).isNull();
    assertThat(f.untyped())
        .containsEntry("s", "{\"x\":1}")
        .containsEntry("l", "ten")
        .containsEntry("frac", "1.5")
        .containsEntry("i", "3000000000")
        .containsEntry("huge", "1e99999999999")
        .containsEntry("hugeNumber", "1e99999999999")
        .containsEntry("b", "yes")
        .containsEntry("t", "yesterday")
        .containsEntry("dt", "21/01/2025")
        .containsEntry("u", "http://bad host")
        .containsEntry("sl", "a,b")
        .containsEntry("sl2", "[1, {\"y\":2}]")
        .containsEntry("sm.k", "[1]")
        .containsEntry("sm2", "str")
        .containsEntry("sm3", "[1,2]")
        .containsEntry("o", "5")
        .containsEntry("ol", "7")
        .containsEntry("tb", "true")
        .containsEntry("o2", "[\"a\"]")
        .containsEntry("ol2", "[[1]]")
        .containsEntry("obj", "{}")
        .doesNotContainKey("blank");
    assertThat(f.isUntyped("s")).isTrue();
    assertThat(f.isUntyped("blank")).isFalse();
    assertThatThrownBy(() -> f.untyped().put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void plainValuesKeepNumbersExactAndNeverFailOnThem() throws Exception {
    JsonReader r = reader("[{\"a\":[1.50,null,true,\"s\",1e99999999999]}]");
    Object v = LenientReader.value(r);
    @SuppressWarnings("unchecked")
    List<Object> a = (List<Object>) ((Map<String, Object>) v).get("a");
    assertThat(a.get(0)).isEqualTo(new BigDecimal("1.50"));
    assertThat(a.get(1)).isNull();
    assertThat(a.get(2)).isEqualTo(true);
    assertThat(a.get(3)).isEqualTo("s");
    assertThat(a.get(4)).isEqualTo("1e99999999999");
  }

  @Test
  void numbersParseExactlyOrNotAtAll() {
    assertThat(LenientReader.parseLong(" 12 ")).isEqualTo(12L);
    assertThat(LenientReader.parseLong("")).isNull();
    assertThat(LenientReader.parseLong("9".repeat(65))).isNull();
    assertThat(LenientReader.parseLong("1e99999999999")).isNull();
    assertThat(LenientReader.parseDecimal("")).isNull();
    assertThat(LenientReader.parseDecimal("9".repeat(65))).isNull();
    assertThat(LenientReader.parseDecimal("x")).isNull();
  }

  @Test
  void anUnexpectedTokenIsNotAValue() throws Exception {
    JsonReader r = JsonReader.of(new Buffer().writeUtf8("{\"a\":1}"));
    r.beginObject();
    r.nextName();
    r.nextInt();
    assertThatThrownBy(() -> LenientReader.value(r))
        .isInstanceOf(com.squareup.moshi.JsonDataException.class);
  }
}
