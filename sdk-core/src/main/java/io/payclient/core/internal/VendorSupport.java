package io.payclient.core.internal;

import io.payclient.core.ClientOptions;
import io.payclient.core.PayClientException;
import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** What every vendor client does the same way: keys, base URLs, idempotency keys, async errors. */
public final class VendorSupport {
  private static volatile Function<String, @Nullable String> environment = System::getenv;

  private VendorSupport() {}

  /**
   * The API key from the options, else from the environment variable.
   *
   * @throws IllegalArgumentException if neither gives a usable key; the key is never in the message
   */
  public static String apiKey(ClientOptions options, String vendor, String envVar) {
    String key = options.apiKey().orElseGet(() -> environment.apply(envVar));
    return Secrets.requireValidApiKey(key, vendor, envVar);
  }

  /**
   * The base URL from the options, else the default, checked for transport security.
   *
   * @throws IllegalArgumentException if the URL is unusable or insecure
   */
  public static HttpUrl baseUrl(ClientOptions options, String defaultBaseUrl) {
    return Urls.baseUrl(options.baseUrl().orElse(defaultBaseUrl), options.allowInsecureHttp());
  }

  /**
   * The idempotency key for a create: the one from {@link RequestOptions} wins over the request's;
   * when neither is given a random UUID v4 is generated.
   *
   * @throws RequestValidationException if the key is longer than {@code maxLength} or not printable
   *     ASCII (it must be safe in a header or body)
   */
  public static String idempotencyKey(
      String vendor,
      String wireField,
      @Nullable String fromRequest,
      RequestOptions options,
      int maxLength) {
    String key = options.idempotencyKey().orElse(fromRequest);
    if (key == null) {
      return RandomKeys.uuid();
    }
    Violations v = new Violations(vendor);
    v.require(!key.isBlank(), wireField, "must not be blank");
    if (key.length() > maxLength) {
      v.add(wireField, "must be at most " + maxLength + " characters");
    }
    v.require(
        Secrets.isPrintableAscii(key),
        wireField,
        "must contain only printable ASCII characters (no control characters)");
    v.throwIfAny();
    return key;
  }

  /**
   * Runs {@code work}, turning a {@link PayClientException} or bad argument into a failed future.
   */
  public static <T> CompletableFuture<T> async(Supplier<CompletableFuture<T>> work) {
    try {
      return work.get();
    } catch (PayClientException | IllegalArgumentException | IllegalStateException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Replaces how environment variables are read, for tests of the API-key fallback; pass {@code
   * System::getenv} to restore.
   */
  public static void environmentLookup(Function<String, @Nullable String> lookup) {
    environment = lookup;
  }
}
