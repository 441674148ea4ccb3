package io.payclient.core.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * ISO-8601 timestamps and dates as the vendors send them, read without {@link
 * java.time.format.DateTimeFormatter} on the common shapes ({@code 2025-01-21T00:10:29Z}, with a
 * fraction of 1 to 9 digits, or with a {@code ±HH:MM} offset; {@code 2025-01-21}). The formatter
 * costs a few microseconds and kilobytes per value, which made timestamps the largest single cost
 * of parsing a payment. Anything else goes to {@link OffsetDateTime#parse} / {@link
 * LocalDate#parse}, so the accepted language and the errors are exactly theirs.
 */
public final class Timestamps {
  private static final int NANO_DIGITS = 9;

  private Timestamps() {}

  /**
   * The instant of an ISO-8601 date-time with an offset.
   *
   * @throws DateTimeParseException if {@link OffsetDateTime#parse} would refuse the text
   */
  public static Instant parseInstant(String text) {
    Instant fast = fastInstant(text);
    return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
  }

  /**
   * An ISO-8601 local date ({@code 2025-01-21}).
   *
   * @throws DateTimeParseException if {@link LocalDate#parse} would refuse the text
   */
  public static LocalDate parseDate(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      if ((year | month | day) >= 0) {
        try {
          return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
          // an impossible date: let the formatter word the error
        }
      }
    }
    return LocalDate.parse(text);
  }

  /** The simple shapes, or {@code null} for the formatter to decide (including every error). */
  static @Nullable Instant fastInstant(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < NANO_DIGITS && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0 || (i < n && isDigit(s.charAt(i)))) {
        return null;
      }
      for (int k = count; k < NANO_DIGITS; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = offsetSeconds(s, i);
    if (offsetSeconds == NO_OFFSET
        || month < 1
        || month > 12
        || day < 1
        || day > daysInMonth(year, month)
        || hour > 23
        || minute > 59
        || second > 59) {
      return null; // the formatter words the error (or accepts what this does not cover)
    }
    long epochSecond =
        epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** What {@link #offsetSeconds} returns for a shape it does not read. */
  private static final int NO_OFFSET = Integer.MIN_VALUE;

  /** Days from 0000-01-01 to 1970-01-01, as in {@link LocalDate}. */
  private static final long DAYS_0000_TO_1970 = (146_097L * 5L) - (30L * 365L + 7L);

  /**
   * The offset in seconds of {@code Z} or {@code ±HH:MM} ending the text at {@code i}, within
   * ±18:00 as {@link java.time.ZoneOffset} allows; else {@link #NO_OFFSET}.
   */
  private static int offsetSeconds(String s, int i) {
    int n = s.length();
    if (i == n - 1 && s.charAt(i) == 'Z') {
      return 0;
    }
    if (i != n - 6 || s.charAt(i + 3) != ':') {
      return NO_OFFSET;
    }
    char sign = s.charAt(i);
    int hours = digits(s, i + 1, 2);
    int minutes = digits(s, i + 4, 2);
    if ((sign != '+' && sign != '-')
        || (hours | minutes) < 0
        || hours > 18
        || minutes > 59
        || (hours == 18 && minutes > 0)) {
      return NO_OFFSET;
    }
    int seconds = hours * 3600 + minutes * 60;
    return sign == '+' ? seconds : -seconds;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /**
   * Days from 1970-01-01 to a valid date of years 0 to 9999 (the arithmetic of {@link
   * LocalDate#toEpochDay}, without building a {@code LocalDateTime} per timestamp).
   */
  private static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!isLeap(year)) {
        total--;
      }
    }
    return total - DAYS_0000_TO_1970;
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
