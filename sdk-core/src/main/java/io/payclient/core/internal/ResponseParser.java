package io.payclient.core.internal;

import com.squareup.moshi.JsonReader;
import java.io.IOException;

/**
 * Reads a successful response body.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface ResponseParser<T> {
  /**
   * Parses the body.
   *
   * @param httpStatus the 2xx status (Paygentic: 200 means an idempotent replay)
   * @param reader a reader over the body
   * @throws IOException or {@link com.squareup.moshi.JsonDataException} when the body cannot be
   *     read; the transport turns it into a {@link io.payclient.core.ResponseFormatException}
   */
  T parse(int httpStatus, JsonReader reader) throws IOException;
}
