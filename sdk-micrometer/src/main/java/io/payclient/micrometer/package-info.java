/**
 * PayClient calls as Micrometer Observations: {@link
 * io.payclient.micrometer.ObservationPaymentsListener}, its context, conventions and documented
 * names. Everything is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.payclient.micrometer;

import org.jspecify.annotations.NullMarked;
