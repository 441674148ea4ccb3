package io.payclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.FieldError;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compiled checks must report exactly what Hibernate Validator reports, and must hand every
 * class they do not fully understand to Hibernate Validator.
 */
class ConstraintPlanTest {
  private static final long SEED = 0xC0DE_5EEDL;
  private static final String[] STRINGS = {
    "", " ", "\t\n", "\u2003", "\u00a0", "a", "ab", "abc", "abcd", "abcde", " x ", "é"
  };
  private static Locale before;

  @BeforeAll
  static void englishMessages() {
    before = Locale.getDefault();
    Locale.setDefault(Locale.US); // Hibernate Validator's messages follow the default locale
  }

  @AfterAll
  static void restoreLocale() {
    Locale.setDefault(before);
  }

  static class Base {
    @WireName("base_id")
    @NotBlank
    String baseId;
  }

  /** Every constraint and type the plan covers. */
  static final class Everything extends Base {
    static final int MAX = 4;

    @WireName("not_null")
    @NotNull
    Object notNull;

    @WireName("not_blank")
    @NotBlank
    String notBlank;

    @NotBlank StringBuilder notBlankBuilder;
    @NotEmpty String notEmptyString;
    @NotEmpty List<String> notEmptyList;
    @NotEmpty Map<String, String> notEmptyMap;

    @Size(min = 2, max = MAX)
    String sizeString;

    @Size(max = 2)
    List<String> sizeList;

    @Size(min = 1, max = 1)
    Map<String, String> sizeMap;

    @WireName("reference")
    @NotNull
    @Size(min = 1, max = 3, message = "must be {min} to {max} characters")
    String both;

    @Positive long positiveLong;
    @Positive int positiveInt;
    @Positive short positiveShort;
    @Positive Byte positiveByte;
    @Positive Long positiveLongBox;
    @Positive BigDecimal positiveDecimal;
    @Positive BigInteger positiveBig;

    @WireName("tags")
    List<@NotBlank String> tags;

    List<@Size(max = 2) String> shortTags;

    @SuppressWarnings("unused")
    static @NotNull String ignoredStatic;
  }

  @Test
  void theSdksConstraintsAreCovered() {
    assertThat(Validation.checkedWithoutBootstrap(Everything.class)).isTrue();
  }

  @Test
  void agreesWithHibernateValidatorOnGeneratedBeans() {
    Random random = new Random(SEED);
    int beans = 3_000;
    Map<String, Integer> failures = new HashMap<>();
    for (int i = 0; i < beans; i++) {
      Everything bean = randomBean(random);
      List<FieldError> fast = Validation.validate(bean);
      assertThat(fast).as("bean %d", i).isEqualTo(sorted(Validation.withHibernateValidator(bean)));
      fast.stream()
          .map(e -> e.field().replaceAll("\\[\\d+]$", ""))
          .distinct()
          .forEach(f -> failures.merge(f, 1, Integer::sum));
    }
    // Every rule both failed and passed somewhere in the sample.
    assertThat(failures)
        .hasSize(20)
        .allSatisfy((field, n) -> assertThat(n).isBetween(1, beans - 1));
  }

  @Test
  void aValidBeanHasNoViolations() {
    Everything bean = new Everything();
    bean.baseId = "b";
    bean.notNull = 1;
    bean.notBlank = "x";
    bean.notBlankBuilder = new StringBuilder("x");
    bean.notEmptyString = "x";
    bean.notEmptyList = List.of("x");
    bean.notEmptyMap = Map.of("k", "v");
    bean.both = "abc";
    bean.positiveLong = 1;
    bean.positiveInt = 1;
    bean.positiveShort = 1;
    assertThat(Validation.validate(bean)).isEmpty();
    bean.positiveLong = 0;
    bean.tags = List.of("ok", " ");
    assertThat(Validation.validate(bean))
        .containsExactly(
            FieldError.of("positiveLong", "must be greater than 0"),
            FieldError.of("tags[1]", "must not be blank"));
  }

  // Classes the plan must leave to Hibernate Validator, each with one violation it must not miss.

  static final class WithEmail {
    @Email String email = "not an email";
  }

  static final class WithCascade {
    @Valid Base base = new Base();
  }

  static final class WithCascadedElements {
    List<@Valid Base> bases = List.of(new Base());
  }

  static final class WithGetter {
    @AssertTrue
    boolean isConsistent() {
      return false;
    }
  }

  interface Named {
    @NotBlank
    String getName();
  }

  static final class WithInterfaceGetter implements Named {
    @Override
    public String getName() {
      return " ";
    }
  }

  static final class WithGroups {
    interface Strict {}

    @NotBlank(groups = Strict.class)
    String strictOnly = " ";

    @NotNull String plain = null;
  }

  static final class WithMessageKey {
    @NotNull(message = "{custom.key}")
    String value;
  }

  static final class WithSetElements {
    Set<@NotBlank String> values = Set.of(" ");
  }

  static final class WithMapKeys {
    Map<@NotBlank String, String> values = Map.of(" ", "v");
  }

  static final class WithArray {
    @NotEmpty String[] values = {};
  }

  static final class WithPositiveDouble {
    @Positive double value = -1;
  }

  @Target({ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = NeverValid.Validator.class)
  @interface NeverValid {
    String message() default "never valid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<NeverValid, Object> {
      @Override
      public boolean isValid(Object value, ConstraintValidatorContext context) {
        return false;
      }
    }
  }

  @NeverValid
  static final class WithClassConstraint {
    @NotNull String value = "x";
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        WithEmail.class,
        WithCascade.class,
        WithCascadedElements.class,
        WithGetter.class,
        WithInterfaceGetter.class,
        WithGroups.class,
        WithMessageKey.class,
        WithSetElements.class,
        WithMapKeys.class,
        WithArray.class,
        WithPositiveDouble.class,
        WithClassConstraint.class
      })
  void anythingElseGoesToHibernateValidator(Class<?> type) throws Exception {
    assertThat(Validation.checkedWithoutBootstrap(type)).isFalse();
    var constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    Object bean = constructor.newInstance();
    List<FieldError> errors = Validation.validate(bean);
    assertThat(errors).isNotEmpty().isEqualTo(sorted(Validation.withHibernateValidator(bean)));
  }

  private static Everything randomBean(Random random) {
    Everything b = new Everything();
    b.baseId = string(random);
    b.notNull = random.nextInt(4) == 0 ? null : "x";
    b.notBlank = string(random);
    String s = string(random);
    b.notBlankBuilder = s == null ? null : new StringBuilder(s);
    b.notEmptyString = string(random);
    b.notEmptyList = list(random);
    b.notEmptyMap = map(random);
    b.sizeString = string(random);
    b.sizeList = list(random);
    b.sizeMap = map(random);
    b.both = string(random);
    b.positiveLong = random.nextInt(3) - 1;
    b.positiveInt = random.nextInt(3) - 1;
    b.positiveShort = (short) (random.nextInt(3) - 1);
    b.positiveByte = random.nextBoolean() ? null : (byte) (random.nextInt(3) - 1);
    b.positiveLongBox = random.nextBoolean() ? null : (long) random.nextInt(3) - 1;
    b.positiveDecimal =
        random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(3) - 1, random.nextInt(3));
    b.positiveBig = random.nextBoolean() ? null : BigInteger.valueOf(random.nextInt(3) - 1);
    b.tags = list(random);
    b.shortTags = list(random);
    return b;
  }

  private static String string(Random random) {
    int i = random.nextInt(STRINGS.length + 2);
    return i >= STRINGS.length ? null : STRINGS[i];
  }

  private static List<String> list(Random random) {
    if (random.nextInt(5) == 0) {
      return null;
    }
    List<String> out = new ArrayList<>(); // may hold null elements, as a caller's list may
    for (int n = random.nextInt(4); n > 0; n--) {
      out.add(string(random));
    }
    return out;
  }

  private static Map<String, String> map(Random random) {
    if (random.nextInt(5) == 0) {
      return null;
    }
    Map<String, String> out = new HashMap<>();
    for (int n = random.nextInt(3); n > 0; n--) {
      out.put("k" + n, "v");
    }
    return out;
  }

  private static List<FieldError> sorted(List<FieldError> errors) {
    List<FieldError> out = new ArrayList<>(errors);
    out.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    return out;
  }
}
