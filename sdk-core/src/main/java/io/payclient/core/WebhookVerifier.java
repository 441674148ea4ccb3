package io.payclient.core;

import java.util.function.Function;

/**
 * Checks that a webhook request really comes from the vendor, then reads it. Implemented per vendor
 * by {@code LagoWebhooks}, {@code BillingrailsWebhooks} and {@code PaygenticWebhooks}.
 * Framework-free: give it the raw request body and a header lookup.
 *
 * <pre>{@code
 * WebhookEvent event = verifier.verify(body, request::getHeader); // servlet
 * if (alreadySeen(event.id())) return; // vendors retry: de-duplicate by id()
 * event.payment().ifPresent(p -> update(p.id(), p.status()));
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe: build one per endpoint and share it.
 */
public interface WebhookVerifier {
  /**
   * Verifies the signature over the exact bytes received, then reads the event.
   *
   * @param rawBody the request body exactly as received (never a re-serialisation of parsed JSON)
   * @param header looks up a request header by name, case-insensitively; returns {@code null} when
   *     the header is absent. A header sent twice should reach it as the values joined with a comma
   *     (RFC 9110), which is refused as malformed.
   * @return the verified event; never {@code null}
   * @throws WebhookVerificationException if any check fails ({@link
   *     WebhookVerificationException#reason()} says which): answer the request with a 4xx and do
   *     not act on it
   */
  WebhookEvent verify(byte[] rawBody, Function<String, String> header);
}
