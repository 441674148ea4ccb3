/**
 * The vendor-neutral API: {@link io.payclient.core.PaymentsClient}, the payment model, {@link
 * io.payclient.core.Money}, options and exceptions. Everything is non-null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package io.payclient.core;

import org.jspecify.annotations.NullMarked;
