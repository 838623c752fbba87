package io.checkup.lint.analysis;

import java.util.Arrays;

/**
 * A growable list of ints in insertion order: the edges at a node of the token game. A list of
 * boxed integers cost a third of building and reducing the game at deploy time.
 */
final class IntList {

  private int[] items;
  private int size;

  IntList(int capacity) {
    items = new int[capacity];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return items[index];
  }

  void add(int value) {
    if (size == items.length) {
      items = Arrays.copyOf(items, Math.max(2, size * 2));
    }
    items[size++] = value;
  }

  void addAll(IntList other) {
    for (int i = 0; i < other.size; i++) {
      add(other.items[i]);
    }
  }

  /** Removes the first occurrence of {@code value}, keeping the order of the rest. */
  void removeValue(int value) {
    for (int i = 0; i < size; i++) {
      if (items[i] == value) {
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        size--;
        return;
      }
    }
  }

  /** Keeps only the values whose flag is set, in their order. */
  void retain(boolean[] keep) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (keep[items[i]]) {
        items[kept++] = items[i];
      }
    }
    size = kept;
  }

  void clear() {
    size = 0;
  }
}
