package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.testing.ProjectPaths;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every setting of the catalog, with its plugin and its Spring Boot
 * property.
 */
class SettingsDocsTest {

  @Test
  void everySettingHasItsRowInTheConfigurationReference() throws Exception {
    List<String> lines = Files.readAllLines(ProjectPaths.docs("configuration.md"));

    for (Setting<?> setting : CheckupSettings.ALL) {
      assertThat(lines)
          .as(setting.property())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("| `" + setting.springProperty() + "`")
                      .contains("| `" + setting.property() + "` |"));
    }
  }

  @Test
  void theCatalogNamesEverySettingOnce() {
    assertThat(CheckupSettings.ALL.stream().map(Setting::property)).doesNotHaveDuplicates();
    assertThat(CheckupSettings.ALL.stream().map(Setting::springProperty)).doesNotHaveDuplicates();
  }
}
