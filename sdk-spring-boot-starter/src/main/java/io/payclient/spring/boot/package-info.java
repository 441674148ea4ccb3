/**
 * Spring Boot auto-configuration of PayClient: vendor clients, webhook verifiers and a shared
 * OkHttp client from {@code payclient.*} properties ({@link
 * io.payclient.spring.boot.PayClientProperties}). Everything is non-null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package io.payclient.spring.boot;

import org.jspecify.annotations.NullMarked;
