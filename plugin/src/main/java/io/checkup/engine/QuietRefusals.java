package io.checkup.engine;

import java.util.function.Predicate;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;

/**
 * Command contexts that log a strict-mode refusal the way the engine logs other refused requests (a
 * bad user request, a failed authorization): at DEBUG, without the ERROR line and stack trace
 * ({@code ENGINE-16004}) it logs for failures of its own. The refusal still reaches the caller
 * whole, and the plugin has logged each finding. A deployment the engine itself also found errors
 * in is logged as the engine always does.
 */
final class QuietRefusals extends CommandContextFactory {

  private final Predicate<String> ownProblem;

  /**
   * @param ownProblem whether a problem message is one the plugin added
   */
  QuietRefusals(ProcessEngineConfigurationImpl configuration, Predicate<String> ownProblem) {
    this.ownProblem = ownProblem;
    setProcessEngineConfiguration(configuration);
  }

  @Override
  public CommandContext createCommandContext() {
    return new CommandContext(processEngineConfiguration) {
      @Override
      protected boolean shouldLogFine(Throwable exception) {
        return super.shouldLogFine(exception) || isRefusal(exception);
      }
    };
  }

  boolean isRefusal(Throwable exception) {
    if (!(exception instanceof ParseException parse) || parse.getResorceReports() == null) {
      return false;
    }
    boolean any = false;
    for (ResourceReport report : parse.getResorceReports()) {
      for (Problem problem : report.getErrors()) {
        if (problem.getMessage() == null || !ownProblem.test(problem.getMessage())) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }
}
