package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SendableText#check} finds an unpaired surrogate wherever a request holds text, each place
 * alone: the well-formed case is decided without building paths, so a place that check skipped
 * would lose its violation.
 */
class SendableTextTest {
  static final class Line {
    @WireName("description_text")
    String description = "tea";

    List<String> tags = new ArrayList<>(List.of("a"));
  }

  /** Final, its text one level down: walked (only a type with no text at all is skipped). */
  static final class Wrapper {
    Line line = new Line();
    BigDecimal amount = BigDecimal.ONE;
  }

  /** Not final and without text: a subclass may carry text, so a field of this type is walked. */
  static class Base {
    int n = 1;
  }

  static final class Derived extends Base {
    String text = "t";
  }

  /** Final, no text: its fields are never walked. */
  static final class Amount {
    BigDecimal value = BigDecimal.TEN;
    Currency currency = Currency.getInstance("EUR");
  }

  static final class Bean {
    @WireName("reference_id")
    String reference = "ref";

    List<String> notes = new ArrayList<>(List.of("n"));
    Map<Object, Object> metadata = new LinkedHashMap<>(Map.of("k", "v"));
    Line line = new Line();
    List<Line> lines = new ArrayList<>(List.of(new Line(), new Line()));
    Object anything = "x";
    int count = 3;
    Wrapper wrapper = new Wrapper();
    Base base = new Derived();
    Amount amount = new Amount();
  }

  private static final String BAD = "x\uD800y";

  private static List<FieldError> check(Bean bean) {
    List<FieldError> errors = new ArrayList<>();
    SendableText.check(bean, SendableText.of(Bean.class), errors);
    return errors;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "reference_id",
        "notes[0]",
        "metadata[?]",
        "metadata[k]",
        "line.description_text",
        "line.tags[0]",
        "lines[1].description_text",
        "lines[1].tags[0]",
        "anything",
        "anything.description_text",
        "anything[0]",
        "anything[k]",
        "wrapper.line.description_text",
        "base.text",
      })
  void anUnpairedSurrogateIsFoundInEachPlaceAlone(String where) {
    Bean bean = new Bean();
    switch (where) {
      case "reference_id" -> bean.reference = BAD;
      case "notes[0]" -> bean.notes.set(0, BAD);
      case "metadata[?]" -> bean.metadata = new LinkedHashMap<>(Map.of(BAD, "v"));
      case "metadata[k]" -> bean.metadata.put("k", BAD);
      case "line.description_text" -> bean.line.description = BAD;
      case "line.tags[0]" -> bean.line.tags.set(0, BAD);
      case "lines[1].description_text" -> bean.lines.get(1).description = BAD;
      case "lines[1].tags[0]" -> bean.lines.get(1).tags.set(0, BAD);
      case "anything" -> bean.anything = BAD;
      case "anything.description_text" -> { // a nested value of another type than declared
        Line line = new Line();
        line.description = BAD;
        bean.anything = line;
      }
      case "anything[0]" -> bean.anything = List.of(BAD);
      case "anything[k]" -> bean.anything = Map.of("k", BAD);
      case "wrapper.line.description_text" -> bean.wrapper.line.description = BAD;
      case "base.text" -> ((Derived) bean.base).text = BAD;
      default -> throw new IllegalArgumentException(where);
    }
    assertThat(check(bean)).extracting(FieldError::field).containsExactly(where);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "emoji \uD83D\uDE00 paired", "日本語"})
  void wellFormedTextEverywhereGivesNoViolation(String text) {
    Bean bean = new Bean();
    bean.reference = text;
    bean.notes.add(text);
    bean.metadata.put(text, text);
    bean.lines.get(0).description = text;
    assertThat(check(bean)).isEmpty();
  }
}
