package io.checkup.threads;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The plugin's background threads: daemons, so an engine that is not closed never keeps a JVM
 * alive, each named for what it does and for which engine or node, so a thread dump says whose it
 * is.
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  /**
   * Threads of this name; at the lowest priority when {@code background} (work nobody waits on).
   */
  public static ThreadFactory named(String name, boolean background) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      if (background) {
        thread.setPriority(Thread.MIN_PRIORITY);
      }
      return thread;
    };
  }

  /**
   * Waits up to five seconds for a stopped executor's task under way, and says so at DEBUG when it
   * does not end in time (it then fails against the closed engine, harmlessly).
   */
  public static void awaitStopped(ExecutorService executor, String what) {
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LoggerFactory.getLogger("io.checkup")
            .debug("camunda-checkup: {} is still finishing while the engine closes", what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One scheduling thread of this name. */
  public static ScheduledExecutorService scheduler(String name, boolean background) {
    return Executors.newSingleThreadScheduledExecutor(named(name, background));
  }
}
