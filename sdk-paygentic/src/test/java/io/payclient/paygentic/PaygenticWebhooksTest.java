package io.payclient.paygentic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.payclient.core.PaymentStatus;
import io.payclient.core.WebhookEvent;
import io.payclient.core.WebhookVerificationException;
import io.payclient.core.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Signatures here are computed independently of the SDK: Svix's published example vector, and
 * {@code javax.crypto.Mac} over literal bodies following Svix's "verifying payloads manually".
 */
class PaygenticWebhooksTest {
  // Svix's documented example (svix-webhooks libraries' tests and docs).
  private static final String SVIX_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String SVIX_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long SVIX_TS = 1614265330L;
  private static final String SVIX_BODY = "{\"test\": 2432232314}";
  private static final String SVIX_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private static final String SECRET = "whsec_" + b64("a test secret of 32 bytes, ok!!!");
  private static final long NOW = 1_780_000_000L;
  private static final String PAYMENT_EVENT =
      "{\"eventType\":\"payment.completed.v0\",\"eventId\":\"evt_1\","
          + "\"timestamp\":\"2026-06-01T10:00:00Z\",\"data\":{\"id\":\"pay_9\",\"object\":\"payment\","
          + "\"amount\":\"10.50\",\"currency\":\"USD\",\"status\":\"completed\","
          + "\"paymentUrl\":\"https://pay.paygentic.io/p/9\",\"brandNewField\":[1,2]}}";

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Svix's algorithm, written out: Base64(HMAC-SHA256(b64decode(secret), id.ts.body)). */
  private static String sign(String secret, String id, long ts, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
  }

  private static PaygenticWebhooks webhooks(String secret, long nowSeconds) {
    return PaygenticWebhooks.builder()
        .secret(secret)
        .clock(Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC))
        .build();
  }

  private static Function<String, String> headers(String... pairs) {
    Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m::get;
  }

  private static Function<String, String> signed(String id, long ts, byte[] body) throws Exception {
    return headers(
        "Svix-Id",
        id,
        "Svix-Timestamp",
        Long.toString(ts),
        "Svix-Signature",
        sign(SECRET, id, ts, body));
  }

  private static PaygenticWebhookEvent verify(String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return webhooks(SECRET, NOW).verifyEvent(bytes, signed("msg_1", NOW, bytes));
  }

  private static void assertRefused(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.vendor()).isEqualTo("paygentic");
              assertThat(e.getMessage())
                  .contains(reason.name())
                  .doesNotContain(SECRET.substring(6, 20))
                  .doesNotContain("whsec_");
            });
  }

  @Test
  void svixPublishedVectorVerifies() {
    byte[] body = SVIX_BODY.getBytes(StandardCharsets.UTF_8);
    PaygenticWebhookEvent event =
        webhooks(SVIX_SECRET, SVIX_TS)
            .verifyEvent(
                body,
                headers(
                    "svix-id", SVIX_ID,
                    "svix-timestamp", Long.toString(SVIX_TS),
                    "svix-signature", SVIX_SIGNATURE));
    assertThat(event.id()).isEqualTo(SVIX_ID);
    assertThat(event.signedAt()).isEqualTo(Instant.ofEpochSecond(SVIX_TS));
    assertThat(event.type()).isEmpty();
    assertThat(event.payment()).isEmpty();
    assertThat(event.rawBody()).isEqualTo(body);
  }

  @Test
  void aPaymentEventCarriesThePaymentMappedAsTheRestApiDoes() throws Exception {
    PaygenticWebhookEvent event = verify(PAYMENT_EVENT);
    assertThat(event.type()).isEqualTo("payment.completed.v0");
    assertThat(event.eventId()).contains("evt_1");
    assertThat(event.timestamp()).contains("2026-06-01T10:00:00Z");
    PaygenticPayment p = event.payment().orElseThrow();
    assertThat(p.id()).isEqualTo("pay_9");
    assertThat(p.status()).isEqualTo(PaygenticPaymentStatus.COMPLETED);

    WebhookEvent neutral =
        webhooks(SECRET, NOW)
            .verify(
                PAYMENT_EVENT.getBytes(StandardCharsets.UTF_8),
                signed("msg_1", NOW, PAYMENT_EVENT.getBytes(StandardCharsets.UTF_8)));
    assertThat(neutral.vendor()).isEqualTo("paygentic");
    assertThat(neutral.id()).isEqualTo("msg_1");
    assertThat(neutral.type()).isEqualTo("payment.completed.v0");
    assertThat(neutral.payment().orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(neutral.payment().orElseThrow().id()).isEqualTo("pay_9");
    assertThat(neutral.unwrap(PaygenticWebhookEvent.class).payment()).isPresent();
    assertThat(new String(neutral.rawBody(), StandardCharsets.UTF_8)).isEqualTo(PAYMENT_EVENT);
    assertThatThrownBy(() -> neutral.unwrap(String.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(neutral.toString()).contains("msg_1").contains("payment.completed.v0");
    assertThat(event.toString()).contains("msg_1");
    assertThat(event.toWebhookEvent()).isSameAs(event.toWebhookEvent());
  }

  @Test
  void unknownTypesAndFieldsNeverFailAndCarryNoPayment() throws Exception {
    PaygenticWebhookEvent event =
        verify(
            "{\"data\":{\"id\":\"inv_1\",\"status\":\"paid\"},\"eventType\":\"invoice.paid.v0\","
                + "\"extra\":{\"deep\":[{}]},\"eventId\":null,\"timestamp\":{\"odd\":1}}");
    assertThat(event.type()).isEqualTo("invoice.paid.v0");
    assertThat(event.payment()).isEmpty();
    assertThat(event.eventId()).isEmpty();
    assertThat(event.timestamp()).isEmpty();
    assertThat(event.toWebhookEvent().payment()).isEmpty();
  }

  @Test
  void paymentDataThatIsNotAPaymentLeavesPaymentEmpty() throws Exception {
    assertThat(
            verify("{\"eventType\":\"payment.completed.v0\",\"data\":{\"status\":\"x\"}}")
                .payment())
        .isEmpty();
    assertThat(verify("{\"eventType\":\"payment.completed.v0\",\"data\":[1]}").payment()).isEmpty();
    assertThat(verify("{\"eventType\":\"payment.completed.v0\"}").payment()).isEmpty();
    PaygenticWebhookEvent dataFirst =
        verify(
            "{\"data\":{\"id\":\"pay_1\",\"status\":\"expired\"},\"eventType\":\"payment.expired.v0\"}");
    assertThat(dataFirst.toWebhookEvent().payment().orElseThrow().status())
        .isEqualTo(PaymentStatus.EXPIRED);
  }

  @Test
  void anyOfSeveralSignaturesPassesAndOtherVersionsAreIgnored() throws Exception {
    byte[] body = PAYMENT_EVENT.getBytes(StandardCharsets.UTF_8);
    String good = sign(SECRET, "msg_1", NOW, body);
    String other = sign("whsec_" + b64("another secret"), "msg_1", NOW, body);
    PaygenticWebhookEvent event =
        webhooks(SECRET, NOW)
            .verifyEvent(
                body,
                headers(
                    "svix-id",
                    "msg_1",
                    "svix-timestamp",
                    Long.toString(NOW),
                    "svix-signature",
                    "v2,abc " + other + " v1,not*base64 " + good));
    assertThat(event.id()).isEqualTo("msg_1");
    PaygenticWebhooks w = webhooks(SECRET, NOW);
    // entries separated by more than one space, a "v1" without a comma, an empty v1 entry
    for (String header : new String[] {"v2,abc  " + good, "v1 " + good, "v1, " + good}) {
      assertThat(w.verifyEvent(body, signedNow(header)).id()).as(header).isEqualTo("msg_1");
    }
    assertRefused(
        () -> w.verify(body, signedNow("v1x," + good.substring(3) + " v2,abc")),
        Reason.MALFORMED_HEADER);
    assertRefused(
        () -> w.verify(body, signedNow(other + "  " + good.substring(3))), Reason.BAD_SIGNATURE);
  }

  /** The headers of message {@code msg_1} signed at {@code NOW} with {@code signature}. */
  private static Function<String, String> signedNow(String signature) {
    return headers(
        "svix-id", "msg_1", "svix-timestamp", Long.toString(NOW), "svix-signature", signature);
  }

  @Test
  void missingHeadersAreNamed() throws Exception {
    byte[] body = PAYMENT_EVENT.getBytes(StandardCharsets.UTF_8);
    String sig = sign(SECRET, "msg_1", NOW, body);
    String ts = Long.toString(NOW);
    PaygenticWebhooks w = webhooks(SECRET, NOW);
    assertRefused(
        () -> w.verify(body, headers("svix-timestamp", ts, "svix-signature", sig)),
        Reason.MISSING_HEADER);
    assertRefused(
        () -> w.verify(body, headers("svix-id", "msg_1", "svix-signature", sig)),
        Reason.MISSING_HEADER);
    assertRefused(
        () -> w.verify(body, headers("svix-id", "msg_1", "svix-timestamp", ts)),
        Reason.MISSING_HEADER);
    assertRefused(
        () -> w.verify(body, headers("svix-id", " ", "svix-timestamp", ts, "svix-signature", sig)),
        Reason.MISSING_HEADER);
    assertThatThrownBy(() -> w.verify(body, headers())).hasMessageContaining("svix-id");
  }

  @Test
  void duplicatedAndMalformedHeadersAreRefused() throws Exception {
    byte[] body = PAYMENT_EVENT.getBytes(StandardCharsets.UTF_8);
    String sig = sign(SECRET, "msg_1", NOW, body);
    String ts = Long.toString(NOW);
    PaygenticWebhooks w = webhooks(SECRET, NOW);
    // A header sent twice reaches the lookup joined with ", " (RFC 9110).
    assertRefused(
        () ->
            w.verify(
                body,
                headers("svix-id", "msg_1, msg_1", "svix-timestamp", ts, "svix-signature", sig)),
        Reason.MALFORMED_HEADER);
    assertRefused(
        () ->
            w.verify(
                body,
                headers(
                    "svix-id", "msg_1", "svix-timestamp", ts + ", " + ts, "svix-signature", sig)),
        Reason.MALFORMED_HEADER);
    for (String badTs : new String[] {"abc", "-1", "1.5", "99999999999999999999"}) {
      assertRefused(
          () ->
              w.verify(
                  body,
                  headers("svix-id", "msg_1", "svix-timestamp", badTs, "svix-signature", sig)),
          Reason.MALFORMED_HEADER);
    }
    for (String badSig : new String[] {"garbage", "v2,abc", sig.substring(3)}) {
      assertRefused(
          () ->
              w.verify(
                  body,
                  headers("svix-id", "msg_1", "svix-timestamp", ts, "svix-signature", badSig)),
          Reason.MALFORMED_HEADER);
    }
    assertRefused(
        () ->
            w.verify(
                body, headers("svix-id", "msg\n1", "svix-timestamp", ts, "svix-signature", sig)),
        Reason.MALFORMED_HEADER);
    assertRefused(
        () ->
            w.verify(
                body,
                headers("svix-id", "m".repeat(300), "svix-timestamp", ts, "svix-signature", sig)),
        Reason.MALFORMED_HEADER);
    assertRefused(
        () ->
            w.verify(
                body,
                headers(
                    "svix-id",
                    "msg_1",
                    "svix-timestamp",
                    ts,
                    "svix-signature",
                    "v1," + "A".repeat(20_000))),
        Reason.MALFORMED_HEADER);
    // a well-formed but undecodable v1 entry is simply no match
    assertRefused(
        () ->
            w.verify(
                body,
                headers("svix-id", "msg_1", "svix-timestamp", ts, "svix-signature", "v1,@@@")),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void aSignatureOverAnotherBodyIsRefused() throws Exception {
    byte[] body = PAYMENT_EVENT.getBytes(StandardCharsets.UTF_8);
    Function<String, String> h = signed("msg_1", NOW, body);
    PaygenticWebhooks w = webhooks(SECRET, NOW);
    byte[] oneByte = body.clone();
    oneByte[oneByte.length - 3] ^= 1;
    assertRefused(() -> w.verify(oneByte, h), Reason.BAD_SIGNATURE);
    byte[] reserialised = PAYMENT_EVENT.replace(",", ", ").getBytes(StandardCharsets.UTF_8);
    assertRefused(() -> w.verify(reserialised, h), Reason.BAD_SIGNATURE);
    assertRefused(() -> w.verify(Arrays.copyOf(body, body.length - 1), h), Reason.BAD_SIGNATURE);
    // the id and the timestamp are signed too
    assertRefused(
        () ->
            w.verify(
                body,
                headers(
                    "svix-id",
                    "msg_2",
                    "svix-timestamp",
                    Long.toString(NOW),
                    "svix-signature",
                    h.apply("svix-signature"))),
        Reason.BAD_SIGNATURE);
    assertRefused(
        () ->
            w.verify(
                body,
                headers(
                    "svix-id",
                    "msg_1",
                    "svix-timestamp",
                    Long.toString(NOW + 1),
                    "svix-signature",
                    h.apply("svix-signature"))),
        Reason.BAD_SIGNATURE);
    assertRefused(
        () -> webhooks("whsec_" + b64("wrong"), NOW).verify(body, h), Reason.BAD_SIGNATURE);
  }

  @Test
  void timestampsMoreThanFiveMinutesAwayAreRefused() throws Exception {
    byte[] body = PAYMENT_EVENT.getBytes(StandardCharsets.UTF_8);
    PaygenticWebhooks w = webhooks(SECRET, NOW);
    assertRefused(() -> w.verify(body, signed("msg_1", NOW - 360, body)), Reason.STALE_TIMESTAMP);
    assertRefused(() -> w.verify(body, signed("msg_1", NOW + 360, body)), Reason.STALE_TIMESTAMP);
    assertRefused(() -> w.verify(body, signed("msg_1", 0, body)), Reason.STALE_TIMESTAMP);
    assertThat(w.verify(body, signed("msg_1", NOW - 300, body)).id()).isEqualTo("msg_1");
    assertThat(w.verify(body, signed("msg_1", NOW + 300, body)).id()).isEqualTo("msg_1");
    PaygenticWebhooks lenient =
        PaygenticWebhooks.builder()
            .secret(SECRET)
            .tolerance(Duration.ofMinutes(10))
            .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
            .build();
    assertThat(lenient.verify(body, signed("msg_1", NOW - 360, body)).id()).isEqualTo("msg_1");
  }

  @Test
  void aTenMegabyteBodyIsRefusedQuickly() throws Exception {
    byte[] huge = new byte[10 * 1024 * 1024];
    Arrays.fill(huge, (byte) ' ');
    Function<String, String> h = signed("msg_1", NOW, huge);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> assertRefused(() -> webhooks(SECRET, NOW).verify(huge, h), Reason.BODY_TOO_LARGE));
  }

  @Test
  void anAuthenticBodyThatIsNotAJsonObjectIsUnparseable() throws Exception {
    for (String body :
        new String[] {
          "not json",
          "",
          "[1,2]",
          "\"text\"",
          "{\"eventType\":",
          "{} {}",
          "{\"a\":1}x",
          "{".repeat(5000)
        }) {
      assertRefused(() -> verify(body), Reason.UNPARSEABLE_BODY);
    }
  }

  @Test
  void theBuilderRefusesBadSecretsWithoutQuotingThem() {
    assertThatThrownBy(() -> PaygenticWebhooks.builder().secret("whsec_not*base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not*base64");
    assertThatThrownBy(() -> PaygenticWebhooks.builder().secret("whsec_"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaygenticWebhooks.builder().build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PaygenticWebhooks.builder().tolerance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    // the prefix may be left out
    byte[] body = SVIX_BODY.getBytes(StandardCharsets.UTF_8);
    assertThat(
            PaygenticWebhooks.builder()
                .secret(SVIX_SECRET.substring(6))
                .clock(Clock.fixed(Instant.ofEpochSecond(SVIX_TS), ZoneOffset.UTC))
                .build()
                .verify(
                    body,
                    headers(
                        "svix-id", SVIX_ID,
                        "svix-timestamp", Long.toString(SVIX_TS),
                        "svix-signature", SVIX_SIGNATURE))
                .id())
        .isEqualTo(SVIX_ID);
  }

  @Test
  void theClientGivesAVerifierForItsWebhookSecret() throws Exception {
    byte[] body = PAYMENT_EVENT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long now = java.time.Instant.now().getEpochSecond();
    try (PaygenticClient client =
        PaygenticClient.builder()
            .apiKey("pg-api-key-0123456789")
            .baseUrl("http://127.0.0.1:9")
            .webhookSecret(SECRET)
            .build()) {
      assertThat(client.webhooks().verify(body, signed("msg_1", now, body)).id())
          .isEqualTo("msg_1");
      assertThat(client.toString()).doesNotContain(SECRET);
    }
    try (PaygenticClient noSecret =
        PaygenticClient.builder()
            .apiKey("pg-api-key-0123456789")
            .baseUrl("http://127.0.0.1:9")
            .build()) {
      assertThatThrownBy(noSecret::webhooks)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("webhookSecret");
    }
    assertThatThrownBy(
            () ->
                PaygenticClient.builder()
                    .apiKey("pg-api-key-0123456789")
                    .baseUrl("http://127.0.0.1:9")
                    .webhookSecret("not-a-whsec")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not-a-whsec");
  }

  @Test
  void theClientsListenerHearsOfEveryVerificationAndRefusal() throws Exception {
    java.util.List<String> heard = new java.util.ArrayList<>();
    io.payclient.core.PaymentsListener listener =
        new io.payclient.core.PaymentsListener() {
          @Override
          public void webhookVerified(String vendor, String type) {
            heard.add("verified " + vendor + " " + type);
          }

          @Override
          public void webhookRefused(String vendor, Reason reason) {
            heard.add("refused " + vendor + " " + reason);
          }
        };
    byte[] body = PAYMENT_EVENT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long now = java.time.Instant.now().getEpochSecond();
    try (PaygenticClient client =
        PaygenticClient.builder()
            .apiKey("pg-api-key-0123456789")
            .baseUrl("http://127.0.0.1:9")
            .webhookSecret(SECRET)
            .listener(listener)
            .build()) {
      String type = client.webhooks().verify(body, signed("msg_1", now, body)).type();
      byte[] tampered = body.clone();
      tampered[3] ^= 1;
      assertThatThrownBy(() -> client.webhooks().verify(tampered, signed("msg_1", now, body)))
          .isInstanceOf(WebhookVerificationException.class);
      assertThat(heard)
          .containsExactly("verified paygentic " + type, "refused paygentic BAD_SIGNATURE");
    }
  }
}
