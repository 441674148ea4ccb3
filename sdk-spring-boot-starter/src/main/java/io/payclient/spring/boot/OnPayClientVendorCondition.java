package io.payclient.spring.boot;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/** See {@link ConditionalOnPayClientVendor}. */
final class OnPayClientVendorCondition extends SpringBootCondition {
  /** Each vendor and its client class, whose presence says the vendor's module is there. */
  static final Map<String, String> VENDORS =
      Map.of(
          "lago", "io.payclient.lago.LagoClient",
          "billingrails", "io.payclient.billingrails.BillingrailsClient",
          "paygentic", "io.payclient.paygentic.PaygenticClient");

  private static final Bindable<Map<String, Object>> PROPERTIES =
      Bindable.mapOf(String.class, Object.class);

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    Map<String, @Nullable Object> attributes =
        metadata.getAnnotationAttributes(ConditionalOnPayClientVendor.class.getName());
    String[] named = attributes == null ? new String[0] : (String[]) attributes.get("value");
    String[] vendors =
        named == null || named.length == 0 ? VENDORS.keySet().toArray(new String[0]) : named;
    Binder binder = Binder.get(context.getEnvironment());
    for (String vendor : vendors) {
      String clientClass = VENDORS.get(vendor);
      if (clientClass != null
          && isConfigured(binder, vendor)
          && ClassUtils.isPresent(clientClass, context.getClassLoader())) {
        return ConditionOutcome.match("payclient." + vendor + ".* is set");
      }
    }
    return ConditionOutcome.noMatch(
        "no client properties under payclient." + String.join("/", vendors) + " (or no module)");
  }

  /** Whether any property under {@code payclient.<vendor>} other than the webhook secret is set. */
  static boolean isConfigured(Binder binder, String vendor) {
    Map<String, Object> set = binder.bind("payclient." + vendor, PROPERTIES).orElse(null);
    if (set == null) {
      return false;
    }
    for (String name : set.keySet()) {
      String n = name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
      if (!n.equals("webhooksecret")) {
        return true;
      }
    }
    return false;
  }
}
