package io.checkup.stats;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How a command's counts learn that its transaction has ended where Spring manages the
 * transactions: one synchronisation of Spring's own, told of every end, committed, rolled back or
 * unknown. Camunda's listeners on a Spring transaction hear only a commit or a rollback: when the
 * database failed at the commit itself (a lost connection), Spring ends the transaction with status
 * unknown, neither is called, and the command's counts, with its whole command context, stayed with
 * the thread for good. Loaded only when the engine's transaction context is Spring's, so a plain
 * engine never needs Spring.
 */
final class SpringCommandEnd implements TransactionSynchronization {

  /** The transaction context Camunda's Spring integration opens for each command. */
  static final String CONTEXT = "org.camunda.bpm.engine.spring.SpringTransactionContext";

  private final ThreadCounts.Command command;
  private final CommandContext context;

  private SpringCommandEnd(ThreadCounts.Command command, CommandContext context) {
    this.command = command;
    this.context = context;
  }

  /** Has {@code command}'s end reported by Spring's transaction, whatever it is. */
  static void watch(ThreadCounts.Command command, CommandContext context) {
    TransactionSynchronizationManager.registerSynchronization(
        new SpringCommandEnd(command, context));
  }

  /**
   * Committed counts are kept; those of a rollback are dropped, and so are those of an unknown
   * outcome, as the engine's caller was told the command failed.
   */
  @Override
  public void afterCompletion(int status) {
    command.ended(context, status == STATUS_COMMITTED);
  }
}
