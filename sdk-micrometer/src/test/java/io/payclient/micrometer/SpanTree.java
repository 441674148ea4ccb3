package io.payclient.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.ArrayList;
import java.util.List;

/** Renders the observations a test recorded as the tree a tracer would show (for the README). */
final class SpanTree {
  private SpanTree() {}

  static String render(TestObservationRegistry registry) {
    List<Observation.Context> all = new ArrayList<>();
    registry.assertThat().hasHandledContextsThatSatisfy(all::addAll);
    StringBuilder out = new StringBuilder();
    for (Observation.Context c : all) {
      if (c.getParentObservation() == null || !all.contains(parent(c))) {
        append(out, c, all, 0);
      }
    }
    return out.toString();
  }

  private static Observation.ContextView parent(Observation.Context c) {
    return c.getParentObservation().getContextView();
  }

  private static void append(
      StringBuilder out, Observation.Context c, List<Observation.Context> all, int depth) {
    out.append("  ".repeat(depth)).append(depth == 0 ? "" : "└─ ").append(c.getContextualName());
    List<String> keys = new ArrayList<>();
    for (KeyValue kv : c.getLowCardinalityKeyValues()) {
      if (!kv.getKey().equals("vendor")
          && !kv.getKey().equals("operation")
          && !kv.getKey().equals("method")) {
        keys.add(kv.getKey() + "=" + kv.getValue());
      }
    }
    out.append("  [").append(String.join(" ", keys)).append("]\n");
    for (Observation.Context child : all) {
      if (child.getParentObservation() != null && parent(child) == c) {
        append(out, child, all, depth + 1);
      }
    }
  }
}
