/**
 * Paygentic payments: {@link io.payclient.paygentic.PaygenticClient}, typed create, retrieve and
 * list. Everything is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.payclient.paygentic;

import org.jspecify.annotations.NullMarked;
