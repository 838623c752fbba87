package io.checkup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar users add to their engine changes nothing but what it is for: the only services it
 * registers are its own (its relocated libraries') and its Cockpit plugin. A registration of a JDK
 * interface, such as the StAX factories Aalto's jar declares, would make the plugin's shaded
 * library the provider of every other library in the application.
 */
class PluginJarContentsIT {

  @Test
  void thePluginJarRegistersNoServiceOfTheJdkOrOfOtherLibraries() throws Exception {
    Path jar = Path.of(System.getProperty("checkup.plugin.jar", "target/camunda-checkup.jar"));
    assertThat(jar).as("the plugin jar, built by mvn package").isRegularFile();
    List<String> services = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        if (entry.getName().startsWith("META-INF/services/") && !entry.isDirectory()) {
          services.add(entry.getName().substring("META-INF/services/".length()));
        }
      }
    }
    assertThat(services)
        .contains("org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin")
        .allMatch(
            name ->
                name.startsWith("io.checkup.")
                    || name.equals("org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin"),
            "the plugin's own, or its relocated libraries'");
  }
}
