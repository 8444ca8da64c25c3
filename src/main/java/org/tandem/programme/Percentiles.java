package org.tandem.programme;

import java.util.Arrays;
import java.util.Collection;

/**
 * Medians and percentiles as SQL's {@code percentile_cont} computes them: the values sorted, and the point a fraction
 * of the way from the first to the last, interpolated between its two neighbours.
 */
final class Percentiles {

  private final double[] sorted;

  private Percentiles(double[] sorted) {
    this.sorted = sorted;
  }

  static Percentiles of(Collection<? extends Number> values) {
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    return new Percentiles(sorted);
  }

  int count() {
    return sorted.length;
  }

  /** The value {@code fraction} (0 to 1) of the way through, or null for no values. */
  Double at(double fraction) {
    if (fraction < 0 || fraction > 1) {
      throw new IllegalArgumentException("A percentile lies between 0 and 1, not " + fraction);
    }
    if (sorted.length == 0) {
      return null;
    }
    double position = fraction * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  Double median() {
    return at(0.5);
  }

  Double p90() {
    return at(0.9);
  }

  Double mean() {
    return sorted.length == 0 ? null : Arrays.stream(sorted).average().orElseThrow();
  }
}
