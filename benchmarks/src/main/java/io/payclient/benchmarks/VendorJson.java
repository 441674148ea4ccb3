package io.payclient.benchmarks;

import com.squareup.moshi.JsonReader;
import io.payclient.billingrails.BillingrailsPaymentCreateRequest;
import io.payclient.billingrails.internal.BillingrailsJson;
import io.payclient.lago.LagoPaymentCreateRequest;
import io.payclient.lago.internal.LagoJson;
import io.payclient.paygentic.PaygenticPaymentCreateRequest;
import io.payclient.paygentic.internal.PaygenticJson;
import java.io.IOException;

/**
 * Each PayClient vendor's JSON writer and reader, called directly, exactly as the vendor clients
 * call them. They are internal classes; this module runs on the class path, so it can reach them.
 */
public final class VendorJson {
  private VendorJson() {}

  /**
   * The create body for {@code request}, as the vendor's client writes it.
   *
   * @param idempotencyKey sent in the body by Paygentic; the others send it as a header or have
   *     none
   */
  public static byte[] write(String vendor, Object request, String idempotencyKey) {
    return switch (vendor) {
      case "lago" -> LagoJson.createBody((LagoPaymentCreateRequest) request);
      case "billingrails" ->
          BillingrailsJson.createBody((BillingrailsPaymentCreateRequest) request);
      case "paygentic" ->
          PaygenticJson.createBody((PaygenticPaymentCreateRequest) request, idempotencyKey, null);
      default -> throw new IllegalArgumentException("not a PayClient vendor: " + vendor);
    };
  }

  /** Reads a create's response body into the vendor's typed payment. */
  public static Object read(String vendor, JsonReader r) throws IOException {
    return switch (vendor) {
      case "lago" -> LagoJson.readPaymentEnvelope(r);
      case "billingrails" -> BillingrailsJson.readPaymentEnvelope(r);
      case "paygentic" -> PaygenticJson.readPayment(r, false);
      default -> throw new IllegalArgumentException("not a PayClient vendor: " + vendor);
    };
  }
}
