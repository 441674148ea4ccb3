/**
 * In-process fake vendor servers for tests and demos: {@link io.payclient.testkit.FakeLago} (and
 * the other vendors' fakes), with {@link io.payclient.testkit.Fault} injection. They bind to
 * 127.0.0.1 only.
 */
@NullMarked
package io.payclient.testkit;

import org.jspecify.annotations.NullMarked;
