package io.payclient.billingrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.payclient.core.PaymentStatus;
import io.payclient.core.WebhookEvent;
import io.payclient.core.WebhookVerificationException;
import io.payclient.core.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Signatures are computed independently of the SDK, with {@code javax.crypto.Mac} over literal
 * bodies, as Billingrails documents: Base64(HMAC-SHA256(secret, body)).
 */
class BillingrailsWebhooksTest {
  private static final String SECRET = "whsec_br_test_3f9a0c";
  private static final String PAYMENT_EVENT =
      "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"created_at\":\"2026-06-01T10:00:00Z\","
          + "\"data\":{\"object\":\"payment\",\"id\":\"pay_1\",\"account_id\":\"acc_1\","
          + "\"amount\":1099,\"currency\":\"USD\",\"status\":\"succeeded\","
          + "\"reference_id\":\"ref-1\",\"new_field\":{\"x\":[1]}}}";

  // RFC 4231-style fixed vector: HMAC-SHA256(key "key", "The quick brown fox jumps over the lazy
  // dog") = f7bc83f4…d8, in base64.
  private static final String FOX = "The quick brown fox jumps over the lazy dog";
  private static final String FOX_SIGNATURE = "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=";

  private static String sign(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(body));
  }

  private static Function<String, String> headers(String... pairs) {
    Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m::get;
  }

  private static final BillingrailsWebhooks WEBHOOKS =
      BillingrailsWebhooks.builder().secret(SECRET).build();

  private static BillingrailsWebhookEvent verify(String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return WEBHOOKS.verifyEvent(bytes, headers("X-Billingrails-Signature", sign(SECRET, bytes)));
  }

  private static void assertRefused(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.vendor()).isEqualTo("billingrails");
              assertThat(e.getMessage()).contains(reason.name()).doesNotContain(SECRET);
            });
  }

  @Test
  void aFixedVectorVerifies() {
    BillingrailsWebhooks w = BillingrailsWebhooks.builder().secret("key").build();
    byte[] body = ("{\"type\":\"x\",\"fox\":\"" + FOX + "\"}").getBytes(StandardCharsets.UTF_8);
    // the fox vector itself is not JSON: it verifies, then is refused as unparseable
    assertRefused(
        () ->
            w.verify(
                FOX.getBytes(StandardCharsets.US_ASCII),
                headers("x-billingrails-signature", FOX_SIGNATURE)),
        Reason.UNPARSEABLE_BODY);
    assertRefused(
        () -> w.verify(body, headers("x-billingrails-signature", FOX_SIGNATURE)),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void aPaymentEventCarriesThePaymentMappedAsTheRestApiDoes() throws Exception {
    BillingrailsWebhookEvent event = verify(PAYMENT_EVENT);
    assertThat(event.id()).isEqualTo("evt_1");
    assertThat(event.eventId()).contains("evt_1");
    assertThat(event.type()).isEqualTo("payment.succeeded");
    BillingrailsPayment p = event.payment().orElseThrow();
    assertThat(p.id()).isEqualTo("pay_1");
    assertThat(p.status()).isEqualTo(BillingrailsPaymentStatus.SUCCEEDED);
    WebhookEvent neutral = event.toWebhookEvent();
    assertThat(neutral.vendor()).isEqualTo("billingrails");
    assertThat(neutral.id()).isEqualTo("evt_1");
    assertThat(neutral.payment().orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(neutral.payment().orElseThrow().reference()).isEqualTo("ref-1");
    assertThat(neutral.unwrap(BillingrailsWebhookEvent.class)).isSameAs(event);
    assertThat(new String(event.rawBody(), StandardCharsets.UTF_8)).isEqualTo(PAYMENT_EVENT);
    assertThat(event.toString()).contains("evt_1");

    byte[] bytes = PAYMENT_EVENT.getBytes(StandardCharsets.UTF_8);
    assertThat(
            WEBHOOKS.verify(bytes, headers("x-billingrails-signature", sign(SECRET, bytes))).id())
        .isEqualTo("evt_1");
  }

  @Test
  void otherEnvelopeShapesAreReadTolerantly() throws Exception {
    BillingrailsWebhookEvent wrapped =
        verify(
            "{\"event\":\"payment.failed\",\"data\":{\"payment\":{\"id\":\"pay_2\",\"status\":\"failed\"}}}");
    assertThat(wrapped.type()).isEqualTo("payment.failed");
    assertThat(wrapped.toWebhookEvent().payment().orElseThrow().status())
        .isEqualTo(PaymentStatus.FAILED);
    BillingrailsWebhookEvent topLevel =
        verify(
            "{\"payment\":{\"id\":\"pay_3\",\"status\":\"canceled\"},\"event_type\":\"payment.canceled\",\"event_id\":\"e3\"}");
    assertThat(topLevel.id()).isEqualTo("e3");
    assertThat(topLevel.payment().orElseThrow().id()).isEqualTo("pay_3");
    assertThat(topLevel.toWebhookEvent().payment().orElseThrow().status())
        .isEqualTo(PaymentStatus.CANCELLED);
  }

  @Test
  void unknownTypesAndUnreadablePaymentsNeverFail() throws Exception {
    String body = "{\"type\":\"invoice.paid\",\"data\":{\"id\":\"inv_1\"},\"more\":[{}]}";
    BillingrailsWebhookEvent invoice = verify(body);
    assertThat(invoice.type()).isEqualTo("invoice.paid");
    assertThat(invoice.payment()).isEmpty();
    // no event id: the body's hash is the de-duplication key
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    assertThat(invoice.id()).isEqualTo("sha256:" + hash);
    assertThat(invoice.eventId()).isEmpty();
    assertThat(
            verify("{\"type\":\"payment.succeeded\",\"data\":{\"status\":\"succeeded\"}}")
                .payment())
        .isEmpty();
    assertThat(verify("{\"type\":\"payment.succeeded\",\"data\":\"pay_1\",\"id\":{}}").payment())
        .isEmpty();
    assertThat(verify("{}").type()).isEmpty();
  }

  @Test
  void missingDuplicatedAndMalformedHeadersAreRefused() throws Exception {
    byte[] body = PAYMENT_EVENT.getBytes(StandardCharsets.UTF_8);
    String sig = sign(SECRET, body);
    assertRefused(() -> WEBHOOKS.verify(body, headers()), Reason.MISSING_HEADER);
    assertRefused(
        () -> WEBHOOKS.verify(body, headers("x-billingrails-signature", "")),
        Reason.MISSING_HEADER);
    assertRefused(
        () -> WEBHOOKS.verify(body, headers("x-billingrails-signature", sig + ", " + sig)),
        Reason.MALFORMED_HEADER);
    for (String bad :
        new String[] {"sha256=" + sig, "not base64!", sig.replace('+', '-') + "-", "A"}) {
      assertRefused(
          () -> WEBHOOKS.verify(body, headers("x-billingrails-signature", bad)),
          Reason.MALFORMED_HEADER);
    }
    assertRefused(
        () -> WEBHOOKS.verify(body, headers("x-billingrails-signature", sig + "\r\nX-Evil: 1")),
        Reason.MALFORMED_HEADER);
    // base64 of the wrong length is just no match
    assertRefused(
        () -> WEBHOOKS.verify(body, headers("x-billingrails-signature", "AAAA")),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void aSignatureOverAnotherBodyIsRefused() throws Exception {
    byte[] body = PAYMENT_EVENT.getBytes(StandardCharsets.UTF_8);
    Function<String, String> h = headers("x-billingrails-signature", sign(SECRET, body));
    byte[] oneByte = body.clone();
    oneByte[10] ^= 1;
    assertRefused(() -> WEBHOOKS.verify(oneByte, h), Reason.BAD_SIGNATURE);
    byte[] reserialised = PAYMENT_EVENT.replace("\":", "\": ").getBytes(StandardCharsets.UTF_8);
    assertRefused(() -> WEBHOOKS.verify(reserialised, h), Reason.BAD_SIGNATURE);
    assertRefused(
        () -> BillingrailsWebhooks.builder().secret("other").build().verify(body, h),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void aTenMegabyteBodyIsRefusedQuickly() throws Exception {
    byte[] huge = new byte[10 * 1024 * 1024];
    Arrays.fill(huge, (byte) '{');
    Function<String, String> h = headers("x-billingrails-signature", sign(SECRET, huge));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> assertRefused(() -> WEBHOOKS.verify(huge, h), Reason.BODY_TOO_LARGE));
  }

  @Test
  void anAuthenticBodyThatIsNotAJsonObjectIsUnparseable() {
    for (String body :
        new String[] {"not json", "", "[]", "{\"type\":", "{}{}", "[".repeat(10_000)}) {
      assertRefused(() -> verify(body), Reason.UNPARSEABLE_BODY);
    }
  }

  @Test
  void theBuilderNeedsASecret() {
    assertThatThrownBy(() -> BillingrailsWebhooks.builder().secret(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BillingrailsWebhooks.builder().build())
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void theClientGivesAVerifierForItsWebhookSecret() throws Exception {
    byte[] body = PAYMENT_EVENT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (BillingrailsClient client =
        BillingrailsClient.builder()
            .apiKey("br-api-key-0123456789")
            .baseUrl("http://127.0.0.1:9/v1")
            .webhookSecret(SECRET)
            .build()) {
      assertThat(
              client
                  .webhooks()
                  .verify(body, headers("x-billingrails-signature", sign(SECRET, body)))
                  .vendor())
          .isEqualTo("billingrails");
      assertThat(client.toString()).doesNotContain(SECRET);
    }
    try (BillingrailsClient noSecret =
        BillingrailsClient.builder()
            .apiKey("br-api-key-0123456789")
            .baseUrl("http://127.0.0.1:9/v1")
            .build()) {
      assertThatThrownBy(noSecret::webhooks)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("webhookSecret");
    }
    assertThatThrownBy(
            () ->
                BillingrailsClient.builder()
                    .apiKey("br-api-key-0123456789")
                    .baseUrl("http://127.0.0.1:9/v1")
                    .webhookSecret("")
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
