package io.checkup.testing;

import java.nio.file.Path;

/**
 * Where tests find the project's files: the docs, and the sources this build compiles (a module's
 * own {@code src}, or their rewrite for another engine). Maven passes both; run elsewhere (an IDE),
 * the plugin module's layout is assumed.
 */
public final class ProjectPaths {

  private ProjectPaths() {}

  /** A file or folder under docs/. */
  public static Path docs(String... parts) {
    return Path.of(System.getProperty("checkup.docs.dir", "../docs"), parts);
  }

  /** A file or folder under the project's root folder. */
  public static Path root(String... parts) {
    return docs().toAbsolutePath().normalize().getParent().resolve(Path.of("", parts));
  }

  /** A file or folder under the sources this build compiles, e.g. {@code src("main", "java")}. */
  public static Path src(String... parts) {
    return Path.of(System.getProperty("checkup.src.dir", "src"), parts);
  }
}
