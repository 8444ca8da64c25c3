package org.tandem.engine;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The script engines a model may use at run time: those of the languages an administrator enabled, and none other,
 * whatever script engines the classpath holds. The deployment check refuses such models first; this is the lock
 * behind it.
 */
final class EnabledScripts implements ScriptEngineResolver {

  private final ScriptEngineResolver engines;
  private final EngineSettings settings;

  EnabledScripts(ScriptEngineResolver engines, EngineSettings settings) {
    this.engines = engines;
    this.settings = settings;
  }

  @Override
  public void addScriptEngineFactory(ScriptEngineFactory factory) {
    engines.addScriptEngineFactory(factory);
  }

  @Override
  public ScriptEngineManager getScriptEngineManager() {
    return engines.getScriptEngineManager();
  }

  @Override
  public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
    if (!settings.scriptsAllowed(language)) {
      throw new ProcessEngineException("Scripts in '" + language + "' are off; an administrator enables a language "
          + "with tandem.engine.script-languages.");
    }
    return engines.getScriptEngine(language, resolveFromCache);
  }
}
