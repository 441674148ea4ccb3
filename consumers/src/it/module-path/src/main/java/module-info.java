/** A user's application module: it needs only the neutral API; vendors are services. */
module com.example.app {
  requires io.payclient.core;

  exports com.example.app;
}
