package io.payclient.benchmarks;

import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per contender (the three vendors of the SDK and stripe-java), on the canned transport:
 *
 * <ul>
 *   <li>{@code build}: build and validate the typed create request;
 *   <li>{@code create}: build the request and create the payment (serialize, send, parse);
 *   <li>{@code floor}: raw OkHttp posting the very bytes that contender sent, to the same URL with
 *       the same headers, and reading the canned answer as bytes.
 * </ul>
 *
 * {@code create - floor} is the client's own work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CreateBenchmark {
  @Param({"lago", "billingrails", "paygentic", "stripe"})
  public String target;

  private Contender contender;
  private OkHttpClient http;
  private Canned.Sent sent;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    contender = Contender.of(target);
    http = contender.http();
    sent = contender.canned.capture(contender::create);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    contender.close();
  }

  @Benchmark
  public Object build() {
    return contender.build();
  }

  @Benchmark
  public Object create() throws Exception {
    return contender.create();
  }

  @Benchmark
  public byte[] floor() throws Exception {
    return floor(http, sent);
  }

  static byte[] floor(OkHttpClient http, Canned.Sent sent) throws Exception {
    Request request =
        new Request.Builder()
            .url(sent.url())
            .headers(sent.headers())
            .post(RequestBody.create(sent.body(), sent.type()))
            .build();
    try (Response response = http.newCall(request).execute()) {
      return response.body().bytes();
    }
  }
}
