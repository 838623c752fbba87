package io.checkup.engine;

import io.checkup.lint.LintConfig;
import io.checkup.lint.rules.FormFieldRule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The custom form types ({@code customFormTypes}) and form field validators ({@code
 * customFormFieldValidators}) an engine is configured with, as names for {@code form-field}'s
 * options, beside those the configuration names.
 */
final class EngineForms {

  private EngineForms() {}

  static void addTo(LintConfig.Builder builder, ProcessEngineConfigurationImpl engine) {
    Set<String> types = new LinkedHashSet<>();
    var customTypes = engine.getCustomFormTypes();
    if (customTypes != null) {
      customTypes.forEach(type -> types.add(type.getName()));
    }
    var customValidators = engine.getCustomFormFieldValidators();
    Set<String> validators = new LinkedHashSet<>();
    if (customValidators != null) {
      validators.addAll(customValidators.keySet());
    }
    if (types.isEmpty() && validators.isEmpty()) {
      return;
    }
    LintConfig configured = builder.build();
    types.addAll(configured.names(FormFieldRule.ID, FormFieldRule.TYPES));
    validators.addAll(configured.names(FormFieldRule.ID, FormFieldRule.VALIDATORS));
    builder.options(
        FormFieldRule.ID,
        Map.of(
            FormFieldRule.TYPES,
            List.copyOf(types),
            FormFieldRule.VALIDATORS,
            List.copyOf(validators)));
  }
}
