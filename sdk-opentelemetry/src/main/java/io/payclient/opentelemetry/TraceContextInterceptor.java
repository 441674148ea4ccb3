package io.payclient.opentelemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Adds {@code traceparent} (and {@code tracestate}) of the current span to each request. Only the
 * W3C trace context: never baggage, which may hold the application's own data and would leave for a
 * third party.
 */
final class TraceContextInterceptor implements Interceptor {
  private static final TextMapSetter<Request.Builder> SETTER =
      (Request.@Nullable Builder carrier, String key, String value) -> {
        if (carrier != null) {
          carrier.header(key, value);
        }
      };

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Context context = Context.current();
    if (!Span.fromContext(context).getSpanContext().isValid()) {
      return chain.proceed(request); // nothing to propagate
    }
    Request.Builder builder = request.newBuilder();
    W3CTraceContextPropagator.getInstance().inject(context, builder, SETTER);
    return chain.proceed(builder.build());
  }

  @Override
  public String toString() {
    return "PayClientTelemetry.tracingInterceptor()";
  }
}
