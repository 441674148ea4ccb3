package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class WireValuesTest {
  enum Color {
    RED("red"),
    DARK_RED("Dark_Red"),
    ALSO_RED("RED"),
    UNKNOWN(null);

    final @Nullable String wire;

    Color(@Nullable String wire) {
      this.wire = wire;
    }
  }

  @Test
  void findsTheValueAsSentThenIgnoringCase() {
    WireValues<Color> exact = WireValues.of(Color.values(), c -> c.wire, false);
    assertThat(exact.find("red")).isEqualTo(Color.RED);
    assertThat(exact.find("RED")).isEqualTo(Color.ALSO_RED); // as sent wins
    assertThat(exact.find("Red")).isEqualTo(Color.RED); // of two equal but for case, the first
    assertThat(exact.find("dark_red")).isEqualTo(Color.DARK_RED);
    assertThat(exact.find("Dark_Red")).isEqualTo(Color.DARK_RED);
    assertThat(exact.find(" red")).isNull(); // no trimming unless asked
    assertThat(exact.find("blue")).isNull();
    assertThat(exact.find("")).isNull();
    assertThat(exact.find(null)).isNull();
  }

  @Test
  void trimsWhenAsked() {
    WireValues<Color> trimming = WireValues.of(Color.values(), c -> c.wire, true);
    assertThat(trimming.find(" red\t")).isEqualTo(Color.RED);
    assertThat(trimming.find(" DARK_RED ")).isEqualTo(Color.DARK_RED);
    assertThat(trimming.find("  ")).isNull();
  }
}
