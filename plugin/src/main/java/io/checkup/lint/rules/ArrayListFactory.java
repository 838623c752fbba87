package io.checkup.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code computeIfAbsent(key, ArrayListFactory.INSTANCE)} without a lambda (which costs on a cold
 * start).
 */
final class ArrayListFactory<K, V> implements Function<K, List<V>> {

  @SuppressWarnings("rawtypes")
  static final ArrayListFactory INSTANCE = new ArrayListFactory();

  @Override
  public List<V> apply(K key) {
    return new ArrayList<>(2);
  }
}
