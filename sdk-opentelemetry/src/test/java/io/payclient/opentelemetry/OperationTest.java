package io.payclient.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationTest {
  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "POST,   /api/v1/payments,                   payments.create,         /api/v1/payments",
        "GET,    /api/v1/payments,                   payments.list,           /api/v1/payments",
        "GET,    /api/v1/payments/,                  payments.list,           /api/v1/payments",
        "GET,    /api/v1/payments/b3dd-5a7,          payments.retrieve,       /api/v1/payments/{id}",
        "DELETE, /api/v1/payments/b3dd-5a7,          payments.delete,         /api/v1/payments/{id}",
        "PUT,    /v1/payments,                       payments.put,            /v1/payments",
        "POST,   /v0/payments,                       payments.create,         /v0/payments",
        "GET,    /v0/payments/pay_123,               payments.retrieve,       /v0/payments/{id}",
        "POST,   /api/v1/payment_requests,           payment_requests.create, /api/v1/payment_requests",
        "GET,    /api/v1/payment_requests/pr_1,      payment_requests.retrieve, /api/v1/payment_requests/{id}",
        "GET,    /api/v1/webhooks/json_public_key,   webhooks.public_key,     /api/v1/webhooks/json_public_key",
        "GET,    /api/v1/webhooks/public_key,        webhooks.public_key,     /api/v1/webhooks/public_key",
        "POST,   /v1/payments/pay_1/refund,          payments.post,           -",
        "GET,    /v1/customers/cus_1,                other,                   -",
        "GET,    /,                                  other,                   -",
        "GET,    '',                                 other,                   -",
      })
  void namesTheOperationWithoutIds(String method, String path, String name, String template) {
    Operation op = Operation.of(method, path);
    assertThat(op.name()).isEqualTo(name);
    assertThat(op.template()).isEqualTo(template);
  }
}
