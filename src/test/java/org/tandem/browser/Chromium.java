package org.tandem.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The machine's Chromium and chromedriver (Debian's {@code chromium} and {@code chromium-driver}), found at
 * {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN} or on their usual paths. A test class that needs them is skipped,
 * saying what to install, on a machine without them; nothing is ever downloaded.
 */
public final class Chromium {

  /** Runs the annotated class only where Chromium and its driver are installed. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @ExtendWith(Condition.class)
  public @interface Required {
  }

  static final class Condition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (browser().isPresent() && driver().isPresent()) {
        return ConditionEvaluationResult.enabled("Chromium at " + browser().get() + ", driver at " + driver().get());
      }
      String reason = "*** Browser tests SKIPPED: no Chromium and chromedriver on this machine. Install them with "
          + "'apt-get install chromium chromium-driver' (.ci/run does), or point CHROMIUM_BIN and CHROMEDRIVER_BIN "
          + "at them.";
      System.out.println(reason);
      return ConditionEvaluationResult.disabled(reason);
    }
  }

  private Chromium() {
  }

  static Optional<Path> browser() {
    return find("CHROMIUM_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser");
  }

  static Optional<Path> driver() {
    return find("CHROMEDRIVER_BIN", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
  }

  private static Optional<Path> find(String variable, String... usual) {
    String configured = System.getenv(variable);
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    for (String path : usual) {
      if (Files.isExecutable(Path.of(path))) {
        return Optional.of(Path.of(path));
      }
    }
    return Optional.empty();
  }
}
