/** PayClient testkit: in-process fake vendor servers with fault injection, for tests and demos. */
module io.payclient.testkit {
  requires transitive mockwebserver3;
  requires transitive org.junit.jupiter.api;
  requires transitive okhttp3;
  requires com.squareup.moshi;
  requires okio;
  requires static transitive org.jspecify;

  exports io.payclient.testkit;
}
