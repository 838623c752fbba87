package io.checkup.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin for Operaton (plugin/operaton) is built from the same sources as camunda-checkup, so
 * it needs the same dependencies: Maven has no way to share a jar module's dependency list, so the
 * two poms list them both, and this test keeps them in step.
 */
class EnginePomsTest {

  private static final Pattern DEPENDENCY = Pattern.compile("(?s)<dependency>(.*?)</dependency>");

  @Test
  void theOperatonPluginHasTheDependenciesOfTheCamundaPlugin() throws IOException {
    List<String> camunda = dependencies("plugin/pom.xml");
    List<String> operaton = dependencies("plugin/operaton/pom.xml");

    assertThat(camunda).hasSizeGreaterThan(10);
    assertThat(operaton).isEqualTo(camunda);
  }

  private static List<String> dependencies(String pom) throws IOException {
    String text =
        Files.readString(ProjectPaths.root(pom.split("/"))).replaceAll("(?s)<!--.*?-->", "");
    List<String> dependencies = new ArrayList<>();
    Matcher dependency = DEPENDENCY.matcher(text);
    while (dependency.find()) {
      dependencies.add(dependency.group(1).replaceAll("\\s+", ""));
    }
    return dependencies;
  }
}
