/** Runnable demos. */
@NullMarked
package io.payclient.examples;

import org.jspecify.annotations.NullMarked;
