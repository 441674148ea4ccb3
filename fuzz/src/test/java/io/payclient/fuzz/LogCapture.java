package io.payclient.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what the SDK logs. {@code System.Logger} goes to java.util.logging by default; the
 * transport's logger is {@code io.payclient.transport}. Installed once, at level ALL, not passed to
 * the console.
 */
final class LogCapture extends Handler {
  static final LogCapture INSTANCE = new LogCapture();

  // Kept strongly: java.util.logging holds loggers weakly and would drop the level.
  private static final Logger[] LOGGERS = {
    Logger.getLogger("io.payclient.transport"), Logger.getLogger("io.payclient")
  };

  static {
    for (Logger l : LOGGERS) {
      l.setLevel(Level.ALL);
      l.setUseParentHandlers(false);
      l.addHandler(INSTANCE);
    }
    INSTANCE.setLevel(Level.ALL);
  }

  private final SimpleFormatter formatter = new SimpleFormatter();
  private final List<String> records = new CopyOnWriteArrayList<>();

  private LogCapture() {}

  static LogCapture install() {
    return INSTANCE;
  }

  @Override
  public void publish(LogRecord record) {
    StringBuilder b = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + ": ");
    b.append(formatter.formatMessage(record));
    if (record.getThrown() != null) {
      StringWriter sw = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(sw));
      b.append('\n').append(sw);
    }
    records.add(b.toString());
  }

  List<String> records() {
    return List.copyOf(records);
  }

  int size() {
    return records.size();
  }

  void clear() {
    records.clear();
  }

  /** No piece of the key in any record logged since the last clear. */
  void assertNoKey() {
    for (String r : records) {
      Invariants.assertNoKey("a log record", r);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
