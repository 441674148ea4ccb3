package io.payclient.spring.boot;

/**
 * A {@code payclient.*} property is missing or unusable. The message names the property and never
 * contains an API key or a secret.
 */
final class InvalidPayClientPropertyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final String action;

  InvalidPayClientPropertyException(
      String property,
      String reason,
      String action,
      @org.jspecify.annotations.Nullable Throwable cause) {
    super(property + ": " + reason, cause);
    this.property = property;
    this.action = action;
  }

  /** The property at fault, such as {@code payclient.lago.api-key}. */
  String property() {
    return property;
  }

  /** What to do about it. */
  String action() {
    return action;
  }
}
