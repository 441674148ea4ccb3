package io.payclient.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The configuration processor generated the metadata IDEs complete the properties from. */
class ConfigurationMetadataTest {
  @Test
  void metadataListsEveryProperty() throws Exception {
    Path file = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    assertThat(file).exists();
    String json = Files.readString(file);
    for (String vendor : new String[] {"lago", "billingrails", "paygentic"}) {
      for (String name :
          new String[] {
            "api-key",
            "base-url",
            "webhook-secret",
            "connect-timeout",
            "read-timeout",
            "write-timeout",
            "timeout",
            "max-retries"
          }) {
        assertThat(json).contains("\"payclient." + vendor + "." + name + "\"");
      }
    }
    assertThat(json)
        .contains(
            "\"payclient.lago.region\"",
            "\"payclient.lago.self-hosted\"",
            "\"payclient.billingrails.environment\"",
            "\"payclient.paygentic.environment\"",
            "\"payclient.paygentic.merchant-id\"",
            "\"payclient.connect-timeout\"",
            "\"payclient.read-timeout\"",
            "\"payclient.write-timeout\"",
            "\"payclient.timeout\"",
            "\"payclient.max-retries\"");
    // the vendor-specific descriptions of additional-spring-configuration-metadata.json
    assertThat(json).contains("Lago's HMAC signature token", "sk_test_... for environment=sandbox");
  }

  @Test
  void theFailureAnalyzerIsRegistered() {
    assertThat(
            org.springframework.core.io.support.SpringFactoriesLoader.forDefaultResourceLocation()
                .load(
                    org.springframework.boot.diagnostics.FailureAnalyzer.class,
                    null,
                    org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler
                        .logging(
                            org.apache.commons.logging.LogFactory.getLog(
                                ConfigurationMetadataTest.class))))
        .hasAtLeastOneElementOfType(PayClientPropertiesFailureAnalyzer.class);
  }

  @Test
  void theAutoConfigurationIsRegistered() throws Exception {
    Path imports =
        Path.of(
            "target/classes/META-INF/spring/"
                + "org.springframework.boot.autoconfigure.AutoConfiguration.imports");
    assertThat(Files.readAllLines(imports)).contains(PayClientAutoConfiguration.class.getName());
  }
}
