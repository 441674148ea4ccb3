/**
 * Lago payments: {@link io.payclient.lago.LagoClient}, typed create, retrieve and list. Everything
 * is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.payclient.lago;

import org.jspecify.annotations.NullMarked;
