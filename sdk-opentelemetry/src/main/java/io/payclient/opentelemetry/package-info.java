/**
 * OpenTelemetry instrumentation of PayClient: {@link
 * io.payclient.opentelemetry.PayClientTelemetry}. Everything is non-null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package io.payclient.opentelemetry;

import org.jspecify.annotations.NullMarked;
