package io.payclient.benchmarks;

import io.payclient.core.Money;
import io.payclient.lago.LagoClient;
import io.payclient.lago.LagoPayment;
import io.payclient.lago.LagoPaymentCreateRequest;
import java.time.LocalDate;

/**
 * Cold-start child: a fresh JVM that creates one Lago payment through the SDK and exits. Run by
 * {@link ColdStart} with only sdk-lago's runtime class path. Prints the time from {@code main} to
 * the request built (the first validation happens here) and to the payment created.
 */
public final class ColdStartSdk {
  private ColdStartSdk() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    LagoPaymentCreateRequest request =
        LagoPaymentCreateRequest.builder()
            .invoiceId(args[2])
            .amount(Money.of("10.99", "USD"))
            .reference(args[3])
            .paidAt(LocalDate.of(2025, 2, 20))
            .build();
    long t1 = System.nanoTime();
    LagoClient client = LagoClient.builder().apiKey(args[1]).baseUrl(args[0]).build();
    LagoPayment payment = client.payments().create(request);
    long t2 = System.nanoTime();
    if (payment.lagoId().isEmpty()) {
      throw new IllegalStateException("no payment");
    }
    System.out.println("build_us=" + (t1 - t0) / 1000 + " create_us=" + (t2 - t1) / 1000);
    System.out.flush();
    // OkHttp's pool threads would keep the JVM alive: end now, as ColdStartRaw does.
    Runtime.getRuntime().halt(0);
  }
}
