package io.checkup.cli;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * How large a file the command line lints within this JVM's heap. Reading, parsing and linting a
 * file holds up to about {@value #HEAP_PER_FILE_BYTE} times its size (measured on 20 and 50 MB
 * files, a long chain of tasks and one huge documentation text, and on 5 MB of the densest models,
 * diamonds of tasks and gateways without a diagram, which need 96 MB of heap): a file larger than
 * the heap allows is refused with a message saying how much heap it needs, instead of the run
 * ending in an {@code OutOfMemoryError} that loses every file's findings. A large file (over half
 * the limit) is linted alone, while no other file is in memory; smaller ones share the heap two at
 * a time.
 */
final class HeapBudget {

  /** Bytes of heap a lint holds per byte of the file, at most. */
  static final long HEAP_PER_FILE_BYTE = 18;

  private static final long MB = 1024 * 1024;

  private final long heap;
  private final ReadWriteLock inMemory = new ReentrantReadWriteLock();

  HeapBudget(long heap) {
    this.heap = heap;
  }

  /** The budget of this JVM's heap ({@code -Xmx}). */
  static HeapBudget ofThisJvm() {
    return new HeapBudget(Runtime.getRuntime().maxMemory());
  }

  /** The largest file this heap lets the linter hold. */
  long largestFile() {
    return heap / HEAP_PER_FILE_BYTE;
  }

  /** Why a file of {@code size} bytes is not linted here, or null when it fits. */
  String refusal(long size) {
    if (size <= largestFile()) {
      return null;
    }
    long needed = (size * HEAP_PER_FILE_BYTE + 256 * MB - 1) / (256 * MB) * 256;
    return String.format(
        "cannot be read: %,.1f MB is more than the linter can hold in this JVM's %,d MB of heap"
            + " (files up to %,.1f MB; it needs about %d times a file's size): give Java more"
            + " memory, e.g. java -Xmx%dm -jar checkup-cli.jar",
        size / (double) MB, heap / MB, largestFile() / (double) MB, HEAP_PER_FILE_BYTE, needed);
  }

  /**
   * The lock to hold while a file of {@code size} bytes is in memory: shared for a small file,
   * exclusive for a large one.
   */
  Lock lockFor(long size) {
    return size > largestFile() / 2 ? inMemory.writeLock() : inMemory.readLock();
  }
}
