package io.payclient.benchmarks;

import com.squareup.moshi.JsonReader;
import com.stripe.model.PaymentIntent;
import com.stripe.net.ApiResource;
import com.stripe.net.FormEncoder;
import com.stripe.param.PaymentIntentCreateParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The wire format alone, per contender: {@code serialize} turns the (already built and validated)
 * create request into the request body bytes; {@code parse} turns the canned response bytes into
 * the typed payment. PayClient's JSON classes are internal: this module runs on the class path, so
 * it calls them directly, exactly as the clients do. stripe-java's row is its form encoder and its
 * Gson deserialization of a PaymentIntent, the work its client does per create.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerdeBenchmark {
  private static final String IDEMPOTENCY_KEY = "3f1e8d2c-0b7a-4c55-9d1e-6a2b4c8d0e1f";

  @Param({"lago", "billingrails", "paygentic", "stripe"})
  public String target;

  private Object request;
  private byte[] response;
  private String responseText;
  private JsonReader.@Nullable Options names;

  @Setup(Level.Trial)
  public void setUp() {
    request = Contender.request(target);
    response =
        Canned.resource(
            target.equals("stripe") ? "stripe-payment-intent.json" : target + "-payment.json");
    responseText = new String(response, StandardCharsets.UTF_8);
    if (!target.equals("stripe")) {
      names = JsonReader.Options.of(names(response).toArray(new String[0]));
    }
  }

  /** Every member name the JSON holds, at any depth, once each. */
  private static Set<String> names(byte[] json) {
    Set<String> out = new LinkedHashSet<>();
    try (JsonReader r = JsonReader.of(new Buffer().write(json))) {
      collectNames(r, out);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable canned response", e);
    }
    return out;
  }

  private static void collectNames(JsonReader r, Set<String> out) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT -> {
        r.beginObject();
        while (r.hasNext()) {
          out.add(r.nextName());
          collectNames(r, out);
        }
        r.endObject();
      }
      case BEGIN_ARRAY -> {
        r.beginArray();
        while (r.hasNext()) {
          collectNames(r, out);
        }
        r.endArray();
      }
      default -> r.skipValue();
    }
  }

  @Benchmark
  public Object serialize() throws Exception {
    if (target.equals("stripe")) {
      return FormEncoder.createQueryString(((PaymentIntentCreateParams) request).toMap())
          .getBytes(StandardCharsets.UTF_8);
    }
    return VendorJson.write(target, request, IDEMPOTENCY_KEY);
  }

  /**
   * The floor of any streaming reader of these bytes: tokenize the whole response and keep nothing
   * (Moshi's {@code JsonReader.skipValue()}, which PayClient's readers are built on; stripe-java:
   * Gson's).
   */
  @Benchmark
  public Object tokenize() throws IOException {
    if (target.equals("stripe")) {
      com.google.gson.stream.JsonReader r =
          new com.google.gson.stream.JsonReader(new java.io.StringReader(responseText));
      r.skipValue();
      return r;
    }
    Buffer body = new Buffer().write(response);
    try {
      JsonReader r = JsonReader.of(body);
      r.skipValue();
      return r;
    } finally {
      body.clear();
    }
  }

  /**
   * The floor of any reader that keeps the values: Moshi walks the whole response and builds every
   * name and scalar as a {@code String} (numbers too, booleans as booleans), keeping nothing else:
   * no types, no objects, no checks. PayClient's vendors only ({@link SerdeRounds} measures it).
   */
  public Object materialize() throws IOException {
    Buffer body = new Buffer().write(response);
    try {
      JsonReader r = JsonReader.of(body);
      return materialize(r);
    } finally {
      body.clear();
    }
  }

  private static int materialize(JsonReader r) throws IOException {
    int kept = 0;
    switch (r.peek()) {
      case BEGIN_OBJECT -> {
        r.beginObject();
        while (r.hasNext()) {
          kept += r.nextName().length();
          kept += materialize(r);
        }
        r.endObject();
      }
      case BEGIN_ARRAY -> {
        r.beginArray();
        while (r.hasNext()) {
          kept += materialize(r);
        }
        r.endArray();
      }
      case STRING, NUMBER -> kept += r.nextString().length();
      case BOOLEAN -> kept += r.nextBoolean() ? 1 : 0;
      default -> r.skipValue();
    }
    return kept;
  }

  /**
   * The floor of a reader built as PayClient's are: Moshi walks the same bytes matching every name
   * with {@code selectName} (one {@code Options} of every name the response holds, so no name is
   * built as a string), and builds every scalar as a {@code String} (booleans as booleans), keeping
   * nothing else: no types, no objects, no checks. PayClient's vendors only ({@link SerdeRounds}
   * measures it).
   */
  public Object select() throws IOException {
    JsonReader.Options options = Objects.requireNonNull(names, "names");
    Buffer body = new Buffer().write(response);
    try {
      return select(JsonReader.of(body), options);
    } finally {
      body.clear();
    }
  }

  private static int select(JsonReader r, JsonReader.Options options) throws IOException {
    int kept = 0;
    switch (r.peek()) {
      case BEGIN_OBJECT -> {
        r.beginObject();
        while (r.hasNext()) {
          if (r.selectName(options) < 0) {
            r.skipName();
            r.skipValue();
          } else {
            kept += select(r, options);
          }
        }
        r.endObject();
      }
      case BEGIN_ARRAY -> {
        r.beginArray();
        while (r.hasNext()) {
          kept += select(r, options);
        }
        r.endArray();
      }
      case STRING, NUMBER -> kept += r.nextString().length();
      case BOOLEAN -> kept += r.nextBoolean() ? 1 : 0;
      default -> r.skipValue();
    }
    return kept;
  }

  @Benchmark
  public Object parse() throws IOException {
    if (target.equals("stripe")) {
      // What stripe-java does with a response body: Gson into the typed PaymentIntent.
      return ApiResource.GSON.fromJson(responseText, PaymentIntent.class);
    }
    Buffer body = new Buffer().write(response);
    try {
      return VendorJson.read(target, JsonReader.of(body));
    } finally {
      body.clear(); // gives Okio's segment back to its pool, as a consumed response body does
    }
  }
}
