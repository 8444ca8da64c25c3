package org.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that starts the application with a configuration of its own (another database, another profile).
 * Camunda's webapps and engine registry are static, one application per JVM, so Maven runs each such class in a
 * fresh JVM (the surefire execution {@code own-jvm-tests}); all other Spring Boot tests share one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnJvm.TAG)
public @interface OwnJvm {
  String TAG = "own-jvm";
}
