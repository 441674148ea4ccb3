/** Billingrails wire format and mapping. Not public API. */
@NullMarked
package io.payclient.billingrails.internal;

import org.jspecify.annotations.NullMarked;
