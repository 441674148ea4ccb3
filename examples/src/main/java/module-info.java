/** Runnable demos; its tests run on the module path, proving the SDK's module descriptors. */
module io.payclient.examples {
  requires io.payclient.lago;
  requires io.payclient.billingrails;
  requires io.payclient.paygentic;
  requires io.payclient.testkit;
  requires io.payclient.opentelemetry; // the README's observability snippet
  requires java.logging; // the README's logging snippet
  requires java.net.http; // the tour posts a tampered webhook
  requires jdk.httpserver; // the tour's webhook endpoint
}
