package org.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs against the real PostgreSQL named by {@code POSTGRES_URL} (with {@code POSTGRES_USER},
 * {@code POSTGRES_PASSWORD}), each test class in a schema of its own that is dropped afterwards. Without a reachable
 * PostgreSQL the test is reported as skipped, with the reason. Declare it before {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresExtension.class)
public @interface RequiresPostgres {
}
