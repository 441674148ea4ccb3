package io.payclient.core.internal;

import com.squareup.moshi.JsonReader;
import io.payclient.core.ApiError;
import java.io.IOException;

/** Reads a vendor's error body. One per vendor. */
public interface ErrorParser {
  /**
   * Parses an error body. The transport fills in the raw body, the request id from headers when the
   * parser found none, and the retry delay.
   *
   * @param httpStatus the status
   * @param reader a reader over the body (JSON expected)
   * @return the error; never {@code null}
   * @throws IOException or {@link com.squareup.moshi.JsonDataException} when the body is not the
   *     expected JSON; the transport then builds a generic error from the status
   */
  ApiError parse(int httpStatus, JsonReader reader) throws IOException;

  /**
   * Whether the error is transient and the same request may be sent again safely, given that it
   * carries an idempotency key (Billingrails: 409 while the first request is still in flight).
   */
  default boolean isTransient(ApiError error) {
    return false;
  }
}
