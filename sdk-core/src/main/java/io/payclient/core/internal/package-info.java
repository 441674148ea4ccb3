/** Implementation shared by the vendor modules. Not public API: it may change in any release. */
@NullMarked
package io.payclient.core.internal;

import org.jspecify.annotations.NullMarked;
