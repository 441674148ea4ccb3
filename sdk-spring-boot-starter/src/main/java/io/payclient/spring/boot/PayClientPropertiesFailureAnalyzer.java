package io.payclient.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up failed by a {@code payclient.*} property, naming it. */
final class PayClientPropertiesFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidPayClientPropertyException> {
  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, InvalidPayClientPropertyException cause) {
    return new FailureAnalysis(
        "Invalid PayClient configuration: " + cause.getMessage(), cause.action(), cause);
  }
}
