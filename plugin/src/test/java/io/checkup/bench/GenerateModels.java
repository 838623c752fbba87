package io.checkup.bench;

import io.checkup.testing.ModelGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the benchmark's set of realistic models: {@code count} deployable processes of 40 to 440
 * flow nodes.
 */
public final class GenerateModels {

  private GenerateModels() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[0]));
    int count = Integer.parseInt(args[1]);
    Random random = new Random(42);
    for (int i = 0; i < count; i++) {
      Files.writeString(
          dir.resolve(String.format("model-%03d.bpmn", i)),
          ModelGenerator.structured("process" + i, 40 + random.nextInt(400)));
    }
  }
}
