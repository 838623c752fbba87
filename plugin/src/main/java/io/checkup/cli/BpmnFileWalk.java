package io.checkup.cli;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;

/**
 * The BPMN files under a directory, as the command line finds them: links followed, as bpmnlint's
 * glob does (a loop of links is reported, not walked); an entry that cannot be read is reported and
 * the walk goes on.
 */
final class BpmnFileWalk {

  private BpmnFileWalk() {}

  /** What a walk meets. */
  interface Visitor {
    /**
     * A BPMN file and its size (of whatever it is, when not a regular file); false ends the walk.
     */
    boolean file(Path file, long size);

    /** An entry that cannot be read. */
    default void failed(Path entry, IOException e) {}
  }

  /** Named as the engine's deployer takes a resource for BPMN: {@code .bpmn}, case and all. */
  static boolean isBpmnFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  static void walk(Path directory, Visitor visitor) throws IOException {
    Files.walkFileTree(
        directory,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            // a BPMN name that is not a regular file (a link to nothing, a pipe) is handed on too:
            // the lint says what it is, as for a path named on the command line
            if (isBpmnFile(file) && !visitor.file(file, attributes.size())) {
              return FileVisitResult.TERMINATE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            visitor.failed(file, e);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
