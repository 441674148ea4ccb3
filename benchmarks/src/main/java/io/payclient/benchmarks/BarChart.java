package io.payclient.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts as SVG for the generated benchmark pages: groups of labelled bars, each
 * scaled to its group's largest value (plus error bar), with the value written after the bar.
 */
public final class BarChart {
  /**
   * One bar.
   *
   * @param error the half-width of an error bar, or {@code NaN} for none
   * @param text written after the bar (the value, formatted)
   */
  public record Bar(String label, double value, double error, String color, String text) {}

  /** A titled group of bars. */
  public record Group(String title, List<Bar> bars) {}

  private BarChart() {}

  /**
   * The chart.
   *
   * @param width the image width
   * @param left where bars start (labels go before)
   * @param barMax the width of a group's longest bar
   * @param rowH the height of one bar's row
   */
  public static String svg(int width, int left, int barMax, int rowH, List<Group> groups) {
    int height = 30;
    for (Group g : groups) {
      height += 40 + g.bars().size() * rowH;
    }
    StringBuilder s = new StringBuilder();
    s.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                    + " font-family=\"sans-serif\" font-size=\"13\">%n",
                width,
                height))
        .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    int y = 10;
    for (Group g : groups) {
      y = group(s, y, g, left, barMax, rowH) + 20;
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static int group(StringBuilder s, int y, Group g, int left, int barMax, int rowH) {
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s</text>%n",
            y + 16,
            g.title()));
    y += 30;
    double max = 0;
    for (Bar b : g.bars()) {
      max = Math.max(max, b.value() + errorOf(b));
    }
    for (Bar b : g.bars()) {
      double w = Math.max(0, b.value()) / max * barMax;
      double e = errorOf(b) / max * barMax;
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"10\" y=\"%d\">%s</text>%n"
                  + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
              y + 15,
              b.label(),
              left,
              y + 3,
              w,
              rowH - 8,
              b.color()));
      if (!Double.isNaN(b.error())) {
        s.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                left + Math.max(0, w - e),
                left + w + e,
                y + rowH / 2,
                y + rowH / 2));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
              left + w + e + 6,
              y + 15,
              b.text()));
      y += rowH;
    }
    return y;
  }

  private static double errorOf(Bar b) {
    return Double.isNaN(b.error()) ? 0 : b.error();
  }
}
