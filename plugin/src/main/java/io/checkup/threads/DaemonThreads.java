package io.checkup.threads;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

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

  /** One scheduling thread of this name. */
  public static ScheduledExecutorService scheduler(String name, boolean background) {
    return Executors.newSingleThreadScheduledExecutor(named(name, background));
  }
}
