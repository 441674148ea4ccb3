/**
 * JUnit 5 adapters of the fakes: {@code @RegisterExtension final FakeLagoExtension lago = new
 * FakeLagoExtension();}. The only part of the testkit that needs JUnit Jupiter, which the testkit
 * declares as an optional dependency: your own JUnit Jupiter (5.10 or later) is used.
 */
@NullMarked
package io.payclient.testkit.junit;

import org.jspecify.annotations.NullMarked;
