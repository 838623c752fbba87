package io.checkup.stats;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionContext;
import org.camunda.bpm.engine.impl.cfg.TransactionContextFactory;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cfg.standalone.StandaloneTransactionContext;
import org.camunda.bpm.engine.impl.cfg.standalone.StandaloneTransactionContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * How a command's counts learn that its transaction has committed or rolled back, where the engine
 * runs its own transactions (a plain engine's default, {@link
 * StandaloneTransactionContextFactory}): the engine's transaction context, of a subclass that tells
 * the command's counts when it fires its committed or rolled-back event, before the listeners of
 * that event run. That costs a command nothing, where two transaction listeners cost it a map and
 * two lists in the transaction context. Under Spring's or a JTA transaction manager, or with
 * another transaction context factory, the counts listen to the transaction instead ({@link
 * ThreadCounts}).
 */
final class CommandEnds implements TransactionContextFactory {

  private CommandEnds() {}

  /**
   * Puts this factory in place of the engine's own. Call in {@code postInit}, when the engine has
   * chosen its factory and before it runs a command.
   */
  static void install(ProcessEngineConfigurationImpl configuration) {
    TransactionContextFactory transactions = configuration.getTransactionContextFactory();
    if (transactions != null
        && transactions.getClass() == StandaloneTransactionContextFactory.class) {
      configuration.setTransactionContextFactory(new CommandEnds());
    }
  }

  @Override
  public TransactionContext openTransactionContext(CommandContext commandContext) {
    return new Watched(commandContext);
  }

  /**
   * The engine's own transaction context, and the counts of its command. The committed event comes
   * after the database has committed; a listener of it that throws makes the engine roll back
   * (nothing left to undo) and fire the rolled-back event, which then finds the counts gone.
   */
  static final class Watched extends StandaloneTransactionContext {
    private ThreadCounts.Command counts;
    private Object owner;
    private boolean ended;

    Watched(CommandContext commandContext) {
      super(commandContext);
    }

    /**
     * Watches {@code command}'s counts, which belong to {@code owner}'s statistics, until the
     * transaction ends. False when it has ended already (work done now is never written) or watches
     * other counts.
     */
    boolean watch(ThreadCounts.Command command, Object owner) {
      if (ended || counts != null) {
        return false;
      }
      counts = command;
      this.owner = owner;
      return true;
    }

    /**
     * The counts of this command for {@code owner}'s statistics while the transaction is open; null
     * before the command's first count and after the end. The hot path's way to its command: the
     * engine's command context and this object are in the processor's caches anyway, where a
     * thread-local look-up reads objects of the statistics' own.
     */
    ThreadCounts.Command countsOf(Object owner) {
      return this.owner == owner ? counts : null;
    }

    @Override
    protected void fireTransactionEvent(TransactionState state) {
      if (state == TransactionState.COMMITTED || state == TransactionState.ROLLED_BACK) {
        ended = true;
        ThreadCounts.Command command = counts;
        if (command != null) {
          counts = null;
          command.ended(state == TransactionState.COMMITTED);
        }
      }
      super.fireTransactionEvent(state);
    }
  }
}
