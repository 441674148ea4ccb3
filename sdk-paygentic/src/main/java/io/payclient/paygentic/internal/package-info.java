/** Paygentic wire format and mapping. Not public API. */
@NullMarked
package io.payclient.paygentic.internal;

import org.jspecify.annotations.NullMarked;
