package io.payclient.lago;

import static io.payclient.lago.LagoPaymentsTest.page;
import static io.payclient.lago.LagoPaymentsTest.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.payclient.core.RequestOptions;
import io.payclient.core.RequestValidationException;
import io.payclient.core.ServerException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lago reconciliation against a server that answers anything: it matches the invoice too, reads a
 * bounded number of pages inside the create's deadline, and never re-sends on a partial view.
 */
class LagoReconciliationTest {
  private static final String KEY = "lago-key-for-reconciliation";
  private static final String INVOICE = "486b147a-02a1-4ccf-8603-f3541fc25e7a";

  @StartStop MockWebServer server = new MockWebServer();
  private final AtomicInteger posts = new AtomicInteger();
  private final AtomicInteger gets = new AtomicInteger();
  private LagoClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private interface Pages {
    MockResponse page(int number);
  }

  private LagoClient client(String createAnswer, Pages pages) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getMethod().equals("POST")) {
              int n = posts.incrementAndGet();
              return n == 1
                  ? json(500, "{\"status\":500,\"error\":\"Internal Server Error\"}")
                  : json(200, createAnswer);
            }
            gets.incrementAndGet();
            HttpUrl url = request.getUrl();
            String page = url.queryParameter("page");
            return pages.page(page == null ? 1 : Integer.parseInt(page));
          }
        });
    client = LagoClient.builder().apiKey(KEY).baseUrl(server.url("/api/v1").toString()).build();
    return client;
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static LagoPaymentCreateRequest request() {
    return LagoPaymentCreateRequest.builder()
        .invoiceId(INVOICE)
        .amountCents(1099)
        .reference("order-1042")
        .build();
  }

  @Test
  void aPaymentOfAnotherInvoiceWithTheSameReferenceAndAmountIsNotTakenForThisOne() {
    String otherInvoice =
        payment("theirs", "order-1042", 1099)
            .replace(INVOICE, "0000aaaa-0000-0000-0000-000000000000");
    LagoClient c =
        client(
            "{\"payment\":" + payment("mine", "order-1042", 1099) + "}",
            n -> json(200, page(1, null, 1, 1, otherInvoice)));
    LagoPayment p = c.payments().create(request());
    assertThat(p.lagoId()).isEqualTo("mine");
    assertThat(posts).hasValue(2);
  }

  @Test
  void endlessPagesStopAtThePageCapInsideTheDeadlineAndNothingIsSentAgain() {
    LagoClient c =
        client(
            "{\"payment\":" + payment("dup", "order-1042", 1099) + "}",
            n -> json(200, page(n, n + 1, 1_000_000, 100_000_000, payment("p" + n, "other", 1))));
    long start = System.nanoTime();
    Throwable e =
        catchThrowable(
            () ->
                c.payments()
                    .create(
                        request(),
                        RequestOptions.builder().timeout(Duration.ofSeconds(10)).build()));
    long took = (System.nanoTime() - start) / 1_000_000;
    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(((ServerException) e).outcomeUnknown()).isTrue();
    assertThat(e.getSuppressed()).isNotEmpty();
    assertThat(posts).as("creates sent").hasValue(1);
    assertThat(gets.get()).isLessThanOrEqualTo(20);
    assertThat(took).isLessThan(10_000);
  }

  @Test
  void slowPagesAreChargedToTheCreatesDeadline() throws Exception {
    LagoClient c =
        client(
            "{\"payment\":" + payment("dup", "order-1042", 1099) + "}",
            n ->
                new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "application/json")
                    .body(page(n, n + 1, 99, 9900, payment("p" + n, "other", 1)))
                    .headersDelay(700, TimeUnit.MILLISECONDS)
                    .build());
    RequestOptions twoSeconds = RequestOptions.builder().timeout(Duration.ofSeconds(2)).build();
    long start = System.nanoTime();
    Throwable sync = catchThrowable(() -> c.payments().create(request(), twoSeconds));
    assertThat(sync).isInstanceOf(ServerException.class);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
    assertThat(posts).hasValue(1);

    posts.set(0);
    start = System.nanoTime();
    Throwable async =
        catchThrowable(
            () -> c.payments().createAsync(request(), twoSeconds).get(10, TimeUnit.SECONDS));
    assertThat(async).isInstanceOf(ExecutionException.class);
    assertThat(async.getCause()).isInstanceOf(ServerException.class);
    assertThat(((ServerException) async.getCause()).outcomeUnknown()).isTrue();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
    assertThat(posts).hasValue(1);
  }

  @Test
  void aReferenceThatUtf8CannotCarryIsRefusedBeforeAnyIo() {
    assertThatThrownBy(
            () ->
                LagoPaymentCreateRequest.builder()
                    .invoiceId(INVOICE)
                    .amountCents(1099)
                    .reference("order-\uD800")
                    .build())
        .isInstanceOfSatisfying(
            RequestValidationException.class,
            e ->
                assertThat(e.violations())
                    .anySatisfy(
                        v -> {
                          assertThat(v.field()).isEqualTo("reference");
                          assertThat(v.message()).contains("unpaired surrogate");
                        }));
    assertThat(server.getRequestCount()).isZero();
  }
}
