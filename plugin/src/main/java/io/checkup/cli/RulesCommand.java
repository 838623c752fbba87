package io.checkup.cli;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Lists the rule catalog: id, default severity, summary. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule with its default severity.")
final class RulesCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    for (Rule rule : RuleCatalog.standard().rules()) {
      spec.commandLine().getOut().printf("%-38s %-6s %s%n", rule.id(), rule.info().severity().label(), rule.info().summary());
    }
    return CheckupCli.EXIT_OK;
  }
}
