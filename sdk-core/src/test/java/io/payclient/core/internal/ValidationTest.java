package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.FieldError;
import io.payclient.core.RequestValidationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ValidationTest {
  static final class Item {
    @WireName("unit_amount")
    @NotBlank
    final String amount;

    Item(String amount) {
      this.amount = amount;
    }
  }

  static final class Bean {
    @WireName("reference_id")
    @Size(max = 3, message = "must be at most {max} characters")
    final String referenceId;

    @WireName("line_items")
    final List<@Valid Item> items;

    @WireName("tags")
    final List<@NotBlank String> tags = List.of("ok", " ");

    final String unnamed;

    Bean(String referenceId, List<Item> items, String unnamed) {
      this.referenceId = referenceId;
      this.items = items;
      this.unnamed = unnamed;
    }
  }

  @Test
  void violationsAreNamedByWireFieldWithInterpolatedMessages() {
    List<FieldError> errors =
        Validation.validate(new Bean("abcd", List.of(new Item("1"), new Item(" ")), "x"));
    assertThat(errors)
        .containsExactly(
            FieldError.of("line_items[1].unit_amount", "must not be blank"),
            FieldError.of("reference_id", "must be at most 3 characters"),
            FieldError.of("tags[1]", "must not be blank"));
  }

  @Test
  void violationsCollectorThrowsAllAtOnceAndCanSkipFields() {
    Violations v = new Violations("testvendor");
    v.add("amount", "precise message")
        .validate(new Bean("abcd", List.of(), "x"), "reference_id", "tags[1]");
    assertThat(v.has("reference_id")).isFalse();
    v.require(false, "mode", "bad mode");
    try {
      v.throwIfAny();
      throw new AssertionError("expected an exception");
    } catch (RequestValidationException e) {
      assertThat(e.violations())
          .containsExactly(
              FieldError.of("amount", "precise message"), FieldError.of("mode", "bad mode"));
      assertThat(e.getMessage()).startsWith("Invalid testvendor request (nothing was sent): ");
    }
    new Violations("x").throwIfAny(); // nothing recorded: no exception
  }

  @Test
  void bootstrapIsQuiet() {
    Validation.validate(new Bean("a", List.of(), "x"));
    // Hibernate Validator announces itself at INFO through jboss-logging -> java.util.logging,
    // which prints to stderr. The SDK raises that one logger to WARNING unless the app set it.
    Logger versionLogger = Logger.getLogger("org.hibernate.validator.internal.util.Version");
    assertThat(versionLogger.isLoggable(Level.INFO)).isFalse();
    assertThat(versionLogger.isLoggable(Level.WARNING)).isTrue();
  }
}
