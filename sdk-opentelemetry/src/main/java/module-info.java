/**
 * PayClient OpenTelemetry: {@link io.payclient.opentelemetry.PayClientTelemetry} turns PayClient's
 * listener events into OpenTelemetry spans and metrics.
 */
module io.payclient.opentelemetry {
  requires transitive io.payclient.core;
  requires transitive io.opentelemetry.api;
  requires transitive io.opentelemetry.context;
  requires static org.jspecify;

  exports io.payclient.opentelemetry;
}
