/** PayClient testkit: in-process fake vendor servers with fault injection, for tests and demos. */
module io.payclient.testkit {
  requires transitive mockwebserver3;
  requires static org.junit.jupiter.api; // only io.payclient.testkit.junit needs JUnit
  requires transitive okhttp3;
  requires com.squareup.moshi;
  requires okio;
  requires java.net.http; // webhook delivery
  requires static transitive org.jspecify;

  exports io.payclient.testkit;
  exports io.payclient.testkit.junit;
}
