package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must accept exactly what java.time accepts, with the same value. */
class TimestampsTest {
  private static final long SEED = 0x5EED_7135L;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-01-21T00:10:29Z",
        "2025-01-21T00:10:29.5Z",
        "2025-01-21T00:10:29.123456789Z",
        "2024-02-29T23:59:59.000001+05:30",
        "1999-12-31T23:59:59-08:00",
        "2025-01-21T00:10:29-00:00",
        "2025-01-21T00:10:29+18:00",
        "0000-01-01T00:00:00Z",
        "0000-02-29T12:00:00Z", // year 0 is a leap year
        "2000-02-29T12:00:00Z", // divisible by 400: a leap year
        "1900-03-01T00:00:00+01:00", // 1900 is not
        "1969-12-31T23:59:59.999999999Z",
        "2100-12-31T12:00:00Z",
        "9999-12-31T23:59:59.999999999-18:00"
      })
  void commonShapesReadAsJavaTimeReadsThem(String text) {
    assertThat(Timestamps.parseInstant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-01-21t00:10:29z", // case-insensitive, through the formatter
        "2025-01-21T00:10Z", // no seconds
        "2025-01-21T00:10:29+05:30:15", // offset seconds
        "+12025-01-21T00:10:29Z", // five-digit year
        "2025-01-21T00:10:29.Z" // a point without digits
      })
  void rarerShapesStillReadThroughTheFormatter(String text) {
    assertThat(Timestamps.parseInstant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-02-29T00:00:00Z", // not a leap year
        "2025-13-01T00:00:00Z",
        "2025-01-21T24:00:00Z",
        "2025-01-21T23:59:60Z", // leap second: refused by ISO_OFFSET_DATE_TIME
        "2025-01-21T00:10:29.1234567891Z", // ten fraction digits
        "2025-01-21T00:10:29+19:00",
        "2025-01-21T00:10:29+18:01",
        "1900-02-29T00:00:00Z",
        "2025-04-31T00:00:00Z",
        "2025-00-10T00:00:00Z",
        "2025-01-00T00:00:00Z",
        "2025-01-21T00:60:00Z",
        "2025-01-21T00:10:29+05:60",
        "2025-01-21T00:10:29", // no offset
        "2025-01-21 00:10:29Z",
        "2025-01-21T00:10:29Zjunk",
        "２０２５-01-21T00:10:29Z" // non-ASCII digits
      })
  void invalidTextFailsAsJavaTimeFails(String text) {
    assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> Timestamps.parseInstant(text))
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void datesReadAsJavaTimeReadsThem() {
    assertThat(Timestamps.parseDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThatThrownBy(() -> Timestamps.parseDate("2025-02-29"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> Timestamps.parseDate("2025-1-21"))
        .isInstanceOf(DateTimeParseException.class);
    assertThat(Timestamps.parseDate("+12025-01-21")).isEqualTo(LocalDate.parse("+12025-01-21"));
  }

  /** Random valid timestamps, and each mutated by one character: same answer as java.time. */
  @Test
  void agreesWithJavaTimeOnGeneratedText() {
    Random random = new Random(SEED);
    String alphabet = "0123456789-+:.TZtz x";
    for (int i = 0; i < 20_000; i++) {
      String valid = randomTimestamp(random);
      assertSameOutcome(valid, Timestamps::parseInstant, s -> OffsetDateTime.parse(s).toInstant());
      StringBuilder mutated = new StringBuilder(valid);
      int at = random.nextInt(mutated.length());
      switch (random.nextInt(3)) {
        case 0 -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        case 1 -> mutated.deleteCharAt(at);
        default -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = mutated.toString();
      assertSameOutcome(text, Timestamps::parseInstant, s -> OffsetDateTime.parse(s).toInstant());
      assertSameOutcome(
          text.substring(0, Math.min(10, text.length())), Timestamps::parseDate, LocalDate::parse);
    }
  }

  private static String randomTimestamp(Random random) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%04d-%02d-%02dT%02d:%02d:%02d",
            random.nextInt(10_000),
            1 + random.nextInt(12),
            1 + random.nextInt(31),
            random.nextInt(24),
            random.nextInt(60),
            random.nextInt(60)));
    if (random.nextBoolean()) {
      int digits = 1 + random.nextInt(9);
      sb.append('.');
      for (int i = 0; i < digits; i++) {
        sb.append((char) ('0' + random.nextInt(10)));
      }
    }
    if (random.nextBoolean()) {
      sb.append('Z');
    } else {
      sb.append(random.nextBoolean() ? '+' : '-')
          .append(String.format("%02d:%02d", random.nextInt(19), random.nextInt(60)));
    }
    return sb.toString();
  }

  private static <T> void assertSameOutcome(
      String text, Function<String, T> fast, Function<String, T> reference) {
    T expected;
    try {
      expected = reference.apply(text);
    } catch (DateTimeParseException e) {
      assertThatThrownBy(() -> fast.apply(text))
          .as("%s is refused by java.time", text)
          .isInstanceOf(DateTimeParseException.class);
      return;
    }
    assertThat(fast.apply(text)).as(text).isEqualTo(expected);
  }
}
