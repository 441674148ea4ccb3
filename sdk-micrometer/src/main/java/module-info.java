/**
 * PayClient for Micrometer: {@link io.payclient.micrometer.ObservationPaymentsListener} turns the
 * events of a {@link io.payclient.core.PaymentsListener} into Micrometer Observations.
 */
module io.payclient.micrometer {
  requires transitive io.payclient.core;
  requires transitive micrometer.observation;
  requires transitive micrometer.commons; // KeyValues, KeyName in the convention's signatures

  exports io.payclient.micrometer;
}
