package org.tandem.engine;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What deployed models may run besides the product's own code.
 *
 * @param scriptLanguages the script languages an administrator enables for script tasks, script listeners and
 *     script conditions (for example {@code groovy}, once its engine is on the classpath); none by default, and a
 *     model with a script in another language is refused at deployment
 */
@ConfigurationProperties("tandem.engine")
record EngineSettings(@DefaultValue List<String> scriptLanguages) {

  boolean scriptsAllowed(String language) {
    return language != null && scriptLanguages.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(language.trim()));
  }
}
