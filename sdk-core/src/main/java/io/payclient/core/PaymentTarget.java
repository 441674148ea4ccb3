package io.payclient.core;

import java.util.Objects;

/**
 * What a payment pays for: an invoice, a payment request, a credit grant or an order.
 *
 * <pre>{@code
 * PaymentTarget target = PaymentTarget.invoice("486b147a-02a1-4ccf-8603-f3541fc25e7a");
 * }</pre>
 *
 * <p>Each vendor accepts only some kinds: Lago pays invoices, Billingrails invoices, payment
 * requests, credit grants and orders, and Paygentic takes no target at all. A kind the vendor
 * cannot express is rejected with a {@link RequestValidationException} before any I/O.
 */
public final class PaymentTarget {
  /** The kind of object being paid. */
  public enum Type {
    /** An invoice. */
    INVOICE,
    /** A payment request (a bundle of invoices). */
    PAYMENT_REQUEST,
    /** A credit grant. */
    CREDIT_GRANT,
    /** An order. */
    ORDER
  }

  private final Type type;
  private final String id;

  private PaymentTarget(Type type, String id) {
    this.type = type;
    this.id = requireId(id);
  }

  /**
   * An invoice.
   *
   * @throws IllegalArgumentException if {@code id} is null or blank
   */
  public static PaymentTarget invoice(String id) {
    return new PaymentTarget(Type.INVOICE, id);
  }

  /**
   * A payment request.
   *
   * @throws IllegalArgumentException if {@code id} is null or blank
   */
  public static PaymentTarget paymentRequest(String id) {
    return new PaymentTarget(Type.PAYMENT_REQUEST, id);
  }

  /**
   * A credit grant.
   *
   * @throws IllegalArgumentException if {@code id} is null or blank
   */
  public static PaymentTarget creditGrant(String id) {
    return new PaymentTarget(Type.CREDIT_GRANT, id);
  }

  /**
   * An order.
   *
   * @throws IllegalArgumentException if {@code id} is null or blank
   */
  public static PaymentTarget order(String id) {
    return new PaymentTarget(Type.ORDER, id);
  }

  /** The kind of object. */
  public Type type() {
    return type;
  }

  /** The vendor's id of the object. */
  public String id() {
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaymentTarget other && type == other.type && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, id);
  }

  @Override
  public String toString() {
    return type + "(" + id + ")";
  }

  private static String requireId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("target id must not be blank");
    }
    return id;
  }
}
