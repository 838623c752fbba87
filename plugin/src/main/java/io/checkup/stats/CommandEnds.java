package io.checkup.stats;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.standalone.StandaloneTransactionContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * How a command's counts learn that its transaction has ended, where the engine runs its own
 * transactions (a plain engine's default, {@link StandaloneTransactionContext}): they are a session
 * of the command context, which the engine closes after the commit or the rollback. That costs a
 * command one entry in the context's session map, where two transaction listeners cost it a map and
 * two lists. Under Spring's or a JTA transaction manager the transaction commits after the command
 * context has closed, so there the counts keep listening to the transaction; which one applies is
 * decided per command, by the class of its transaction context.
 */
final class CommandEnds implements SessionFactory {

  private final ThreadLocal<ThreadCounts> threads;

  private CommandEnds(ThreadLocal<ThreadCounts> threads) {
    this.threads = threads;
  }

  /**
   * Registers the session factory with the engine. Call once the engine's session factories are set
   * up ({@code postInit}), before it runs a command.
   *
   * @return whether commands can end as sessions
   */
  static boolean install(
      ProcessEngineConfigurationImpl configuration, ThreadLocal<ThreadCounts> threads) {
    if (configuration.getSessionFactories() == null) {
      return false;
    }
    configuration.getSessionFactories().put(ThreadCounts.Command.class, new CommandEnds(threads));
    return true;
  }

  /**
   * Whether the engine itself commits the transaction of {@code context} when the context closes.
   */
  static boolean ownTransaction(CommandContext context) {
    return context.getTransactionContext().getClass() == StandaloneTransactionContext.class;
  }

  @Override
  public Class<?> getSessionType() {
    return ThreadCounts.Command.class;
  }

  /** The counts the current thread is opening for its command ({@link ThreadCounts#opening()}). */
  @Override
  public Session openSession() {
    return threads.get().opening();
  }
}
