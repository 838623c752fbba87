package io.checkup.report;

/**
 * A value with an id-like label ({@code "at-risk"}) that people read in words ({@code "at risk"}).
 */
interface Labelled {

  String label();

  /** The label in words, for people: {@code "at risk"} where JSON says {@code "at-risk"}. */
  default String words() {
    return label().replace('-', ' ');
  }
}
