/**
 * Billingrails payments: {@link io.payclient.billingrails.BillingrailsClient}, typed create,
 * retrieve and list. Everything is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.payclient.billingrails;

import org.jspecify.annotations.NullMarked;
