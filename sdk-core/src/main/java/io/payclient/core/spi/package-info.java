/**
 * The service-provider interface through which vendor modules register with {@link
 * io.payclient.core.PaymentsClients}.
 */
@NullMarked
package io.payclient.core.spi;

import org.jspecify.annotations.NullMarked;
