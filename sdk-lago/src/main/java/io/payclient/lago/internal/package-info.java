/** Lago wire format and mapping. Not public API. */
@NullMarked
package io.payclient.lago.internal;

import org.jspecify.annotations.NullMarked;
