package org.tandem.access;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.tandem.common.EngineLists;
import org.tandem.common.ProductException;

/**
 * The product's refusals come out of the engine as themselves. The engine wraps an exception of a task listener in
 * one of its own; a refused input or a rule the person broke is then unwrapped, after the transaction has rolled back,
 * so that every caller (the API, engine REST, Tasklist) answers it with its own status and words.
 */
@Component
class ProductRefusals extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        EngineLists.plus(configuration.getCustomPreCommandInterceptorsTxRequired(), new Unwrapping()));
  }

  /** Rethrows the product's refusal that a wrapped exception carries. */
  static final class Unwrapping extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        throw refusal(e);
      }
    }

    static RuntimeException refusal(RuntimeException thrown) {
      for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
        if (cause instanceof ProductException) {
          return (RuntimeException) cause;
        }
      }
      return thrown;
    }
  }
}
