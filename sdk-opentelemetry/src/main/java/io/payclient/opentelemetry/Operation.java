package io.payclient.opentelemetry;

import org.jspecify.annotations.Nullable;

/**
 * The low-cardinality name of a call ({@code payments.create}) and its URL template ({@code
 * /api/v1/payments/{id}}), as the vendor module names them on the call: ids never reach a span name
 * or a metric attribute.
 *
 * @param name {@code <resource>.<action>}, or {@code other}
 * @param template the path with its ids replaced by {@code {id}}, or {@code null} when unknown
 */
record Operation(String name, @Nullable String template) {}
