package com.example.app;

import io.payclient.core.PaymentCreateRequest;
import io.payclient.core.PaymentsClient;
import io.payclient.core.RequestValidationException;

/**
 * Run with java --module-path ... --module com.example.app/com.example.app.Main: every vendor is
 * found by ServiceLoader from a named module, and each validates (Jakarta/Hibernate Validator on
 * the module path) before any I/O. Exits non-zero on any failure.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (Main.class.getModule().getName() == null) {
      throw new AssertionError("not on the module path");
    }
    System.out.println("module-path: Java " + Runtime.version());
    for (String vendor : new String[] {"lago", "billingrails", "paygentic"}) {
      try (PaymentsClient client = Payments.client(vendor, "key", "http://127.0.0.1:9")) {
        try {
          client.create(PaymentCreateRequest.builder().reference("").build());
          throw new AssertionError(vendor + ": an empty request was accepted");
        } catch (RequestValidationException expected) {
          System.out.println(
              "module-path: " + client.vendor() + " found by ServiceLoader in "
                  + client.getClass().getModule().getName() + "; refused before I/O: "
                  + expected.violations().size() + " violation(s)");
        }
      }
    }
  }
}
