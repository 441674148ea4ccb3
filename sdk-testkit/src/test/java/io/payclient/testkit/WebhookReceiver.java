package io.payclient.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/** A webhook endpoint for tests: answers the scripted statuses in order, then {@code fallback}. */
final class WebhookReceiver implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
  private volatile int fallback = 200;

  WebhookReceiver() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            Integer next = script.pollFirst();
            return new MockResponse.Builder().code(next == null ? fallback : next).build();
          }
        });
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers these statuses to the next requests, in order. */
  WebhookReceiver thenAnswer(Integer... statuses) {
    script.addAll(java.util.List.of(statuses));
    return this;
  }

  /** Answers this status once the script is used up. */
  WebhookReceiver always(int status) {
    this.fallback = status;
    return this;
  }

  URI uri() {
    return server.url("/webhooks").uri();
  }

  int requestCount() {
    return server.getRequestCount();
  }

  @Nullable RecordedRequest take(long millis) throws InterruptedException {
    return server.takeRequest(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    server.close();
  }
}
