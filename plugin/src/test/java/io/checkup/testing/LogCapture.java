package io.checkup.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what a logger writes, so tests can assert on the log lines users see. */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    appender.start();
    logger.addAppender(appender);
  }

  public static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  // reads hold the appender's own lock: logback appends under it (AppenderBase.doAppend is
  // synchronized), not under the list's, so a thread logging meanwhile cannot change the list

  /** Formatted messages, in order. */
  public List<String> lines() {
    synchronized (appender) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  public List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  public List<String> linesContaining(String text) {
    return lines().stream().filter(line -> line.contains(text)).toList();
  }

  public void clear() {
    synchronized (appender) {
      appender.list.clear();
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
