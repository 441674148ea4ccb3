package io.payclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.payclient.core.PayClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * A seeded, randomized reliability campaign: many creates, each preceded (half of them) by one to
 * four random faults, then a check of every logical create against what the fake server really
 * holds.
 *
 * <ul>
 *   <li>duplicate: the server holds two or more payments for one logical create;
 *   <li>silent loss: the SDK said "created" and the server holds none, or the SDK said "definitely
 *       not created" ({@code outcomeUnknown() == false}) and the server holds one.
 * </ul>
 *
 * Size: {@code -Dcampaign.size=10000} (default 300, to keep {@code mvn verify} fast); seed: {@code
 * -Dcampaign.seed=…} (default 20261123).
 */
final class Campaign {
  static final int SIZE = Integer.getInteger("campaign.size", 300);
  static final long SEED = Long.getLong("campaign.seed", 20261123L);

  /** What one logical create ended as. */
  enum Result {
    CREATED,
    FAILED_NOTHING_CREATED,
    FAILED_OUTCOME_UNKNOWN
  }

  /** The figures of one campaign. */
  record Report(
      String vendor,
      int creates,
      int faultsInjected,
      int created,
      int failedClean,
      int failedUnknown,
      int unknownThatExisted,
      int duplicates,
      int silentLosses,
      Duration took) {
    @Override
    public String toString() {
      return String.format(
          "%s: %d creates, %d faults injected -> %d created, %d failed cleanly, %d failed with"
              + " outcome unknown (%d of those had been created); duplicates %d, silent losses %d;"
              + " %d ms (seed %d)",
          vendor,
          creates,
          faultsInjected,
          created,
          failedClean,
          failedUnknown,
          unknownThatExisted,
          duplicates,
          silentLosses,
          took.toMillis(),
          SEED);
    }
  }

  private Campaign() {}

  /**
   * Runs the campaign.
   *
   * @param vendor the name for the report
   * @param fake the server (faults are queued on it)
   * @param faults the faults to draw from
   * @param create runs logical create {@code i} through the SDK; throws on failure
   * @param serverCount how many payments the server holds for logical create {@code i}
   */
  static Report run(
      String vendor,
      FakeServer fake,
      List<Fault> faults,
      IntFunction<?> create,
      IntUnaryOperator serverCount) {
    Random random = new Random(SEED);
    List<Result> results = new ArrayList<>(SIZE);
    int injected = 0;
    long start = System.nanoTime();
    for (int i = 0; i < SIZE; i++) {
      fake.clearFaults();
      if (random.nextInt(100) < 50) {
        int n = 1 + random.nextInt(4);
        for (int k = 0; k < n; k++) {
          fake.failNext(faults.get(random.nextInt(faults.size())));
          injected++;
        }
      }
      try {
        create.apply(i);
        results.add(Result.CREATED);
      } catch (PayClientException e) {
        results.add(
            e.outcomeUnknown() ? Result.FAILED_OUTCOME_UNKNOWN : Result.FAILED_NOTHING_CREATED);
      }
    }
    fake.clearFaults();
    int created = 0;
    int clean = 0;
    int unknown = 0;
    int unknownExisted = 0;
    int duplicates = 0;
    int losses = 0;
    for (int i = 0; i < SIZE; i++) {
      int onServer = serverCount.applyAsInt(i);
      if (onServer > 1) {
        duplicates++;
      }
      switch (results.get(i)) {
        case CREATED -> {
          created++;
          if (onServer == 0) {
            losses++;
          }
        }
        case FAILED_NOTHING_CREATED -> {
          clean++;
          if (onServer > 0) {
            losses++;
          }
        }
        case FAILED_OUTCOME_UNKNOWN -> {
          unknown++;
          if (onServer > 0) {
            unknownExisted++;
          }
        }
      }
    }
    Report report =
        new Report(
            vendor,
            SIZE,
            injected,
            created,
            clean,
            unknown,
            unknownExisted,
            duplicates,
            losses,
            Duration.ofNanos(System.nanoTime() - start));
    System.out.println("[campaign] " + report);
    assertThat(report.duplicates()).as("duplicates: " + report).isZero();
    assertThat(report.silentLosses()).as("silent losses: " + report).isZero();
    assertThat(report.created()).as("most creates succeed: " + report).isGreaterThan(SIZE / 2);
    return report;
  }

  /** The fault kinds every vendor faces; {@code extra} adds vendor-specific ones. */
  static List<Fault> commonFaults(Duration delayPastReadTimeout, Fault... extra) {
    List<Fault> list =
        new ArrayList<>(
            List.of(
                Fault.resetBeforeProcessing(),
                Fault.resetAfterProcessing(),
                Fault.delay(delayPastReadTimeout),
                Fault.truncatedBody(),
                Fault.rateLimited(Duration.ZERO),
                Fault.serverError(500),
                Fault.serverError(502),
                Fault.serverError(503),
                Fault.serverErrorAfterProcessing(500),
                Fault.htmlPage(502)));
    list.addAll(List.of(extra));
    return list;
  }
}
