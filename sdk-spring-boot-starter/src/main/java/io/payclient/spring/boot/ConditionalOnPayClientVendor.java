package io.payclient.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when a vendor's client is configured: its module is on the class path and at least one of
 * its {@code payclient.<vendor>.*} properties other than {@code webhook-secret} is set. Without a
 * vendor named, matches when any vendor is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnPayClientVendorCondition.class)
@interface ConditionalOnPayClientVendor {
  /** {@code "lago"}, {@code "billingrails"} or {@code "paygentic"}; none means any of them. */
  String[] value() default {};
}
