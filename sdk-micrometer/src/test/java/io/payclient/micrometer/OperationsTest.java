package io.payclient.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operation names of every path the vendor clients call, with and without base-path prefixes. */
class OperationsTest {
  @ParameterizedTest
  @CsvSource({
    "POST, /api/v1/payments, payments.create",
    "GET, /api/v1/payments, payments.list",
    "GET, /api/v1/payments/lago_123, payments.retrieve",
    "POST, /api/v1/payment_requests, payment_requests.create",
    "GET, /api/v1/payment_requests, payment_requests.list",
    "GET, /api/v1/payment_requests/pr_1, payment_requests.retrieve",
    "GET, /api/v1/webhooks/public_key, webhooks.key",
    "GET, /api/v1/webhooks/json_public_key, webhooks.key",
    "POST, /payments, payments.create",
    "GET, /payments/pay_1/, payments.retrieve",
    "POST, /v0/payments, payments.create",
    "GET, /v0/payments/pay_9, payments.retrieve",
    "GET, /base/payments/payments, payments.retrieve",
    "POST, /v0/payments/pay_9, payments.post",
    "DELETE, /v0/payments/pay_9, payments.delete",
    "PATCH, /v0/payments, payments.patch",
    "GET, /v0/payments/pay_9/refunds, other",
    "GET, /v0/webhooks, other",
    "GET, /, other",
    "GET, '', other",
    "GET, /v0/customers/cus_1, other",
  })
  void namesTheOperationWithoutIds(String method, String path, String operation) {
    assertThat(Operations.of(method, path)).isEqualTo(operation);
  }
}
