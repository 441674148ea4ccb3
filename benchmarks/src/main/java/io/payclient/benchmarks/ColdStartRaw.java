package io.payclient.benchmarks;

import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Cold-start child: a fresh JVM that creates the same Lago payment with raw OkHttp (a hand-written
 * JSON body, the answer read as a string) and exits. Run with only OkHttp, Okio and Kotlin on the
 * class path.
 */
public final class ColdStartRaw {
  private ColdStartRaw() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    String json =
        "{\"payment\":{\"invoice_id\":\""
            + args[2]
            + "\",\"amount_cents\":1099,\"reference\":\""
            + args[3]
            + "\",\"paid_at\":\"2025-02-20\"}}";
    long t1 = System.nanoTime();
    OkHttpClient client = new OkHttpClient();
    Request request =
        new Request.Builder()
            .url(args[0] + "/payments")
            .header("Authorization", "Bearer " + args[1])
            .post(
                RequestBody.create(
                    json.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")))
            .build();
    String body;
    try (Response response = client.newCall(request).execute()) {
      body = response.body().string();
      if (response.code() != 200 || !body.contains("lago_id")) {
        throw new IllegalStateException(response.code() + " " + body);
      }
    }
    long t2 = System.nanoTime();
    System.out.println("build_us=" + (t1 - t0) / 1000 + " create_us=" + (t2 - t1) / 1000);
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }
}
