package org.tandem.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tandem.identity.Roles;
import org.tandem.support.DatabaseScan;
import org.tandem.support.DrivenLifecycleTest;
import org.tandem.support.LifecycleDriver;

/**
 * How long an erasure takes as the database grows. The erasure reads every table for the person (a full scan of each,
 * by design: it must find them wherever they are), so its time grows with the whole database, not with the person.
 * Measures the same erasure over a small and a larger database in one run, and prints the figures; asserts only that
 * the person is gone. Not part of {@code ./mvnw verify}: run it with {@code ./mvnw -Pbenchmark test}.
 */
@Tag("benchmark")
abstract class ErasureBenchmark extends DrivenLifecycleTest {

  static final int SMALL = 50;
  static final int LARGE = 500;

  abstract String database();

  @Test
  void erasure_time_over_a_growing_database() {
    int made = 0;
    StringBuilder report = new StringBuilder();
    for (int size : List.of(SMALL, LARGE)) {
      long filling = System.nanoTime();
      for (; made < size; made++) {
        relationship(driver, "bench" + made);
      }
      double fillSeconds = (System.nanoTime() - filling) / 1e9;
      long rows = rows();
      String person = "bench" + (size - 1);
      long[] millis = erase(driver, person);
      assertThat(DatabaseScan.find(dataSource, person + "@")).isEmpty();
      report.append("  %4d relationships, %,9d rows in all tables (filled in %.0f s): stop %,6d ms, erase %,6d ms%n"
          .formatted(size, rows, fillSeconds, millis[0], millis[1]));
    }
    System.out.printf("Erasure benchmark on %s%nMachine: %d cores, %s %s, Java %s%n%s", database(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"), report);
  }

  /** A client with a relationship in force, a session with notes, their feedback and the coach's reflection. */
  private void relationship(LifecycleDriver driver, String client) {
    var user = engine.getIdentityService().newUser(client);
    user.setFirstName("Bench");
    user.setLastName("Client " + client);
    user.setEmail(client + "@bench.example");
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(client, Roles.CLIENTS);
    String id = driver.inForce(LifecycleDriver.COACH, client, null, "COACHING", driver.contract());
    driver.holdSession(id, LifecycleDriver.COACH, Map.of("confidentialKeyPoints", "Notes about " + client));
    driver.complete(id, "Task_GiveFeedback", client, Map.of("confidentialWorkedWell", "Useful"));
  }

  private long[] erase(LifecycleDriver driver, String person) {
    String erasure = driver.startByForm("erasure-request", person, Map.of("understood", true));
    driver.claimAndComplete(erasure, "Task_VerifyErasure", LifecycleDriver.COORDINATOR,
        Map.of("identityVerified", true, "erasureDecision", "ERASE"));
    long[] millis = new long[2];
    for (int step = 0; step < 2; step++) {
      Job job = engine.getManagementService().createJobQuery()
          .processInstanceId(driver.instance(erasure, "erasure-request").getId()).singleResult();
      long started = System.nanoTime();
      engine.getManagementService().executeJob(job.getId());
      millis[step] = (System.nanoTime() - started) / 1_000_000;
    }
    return millis;
  }

  private long rows() {
    long rows = 0;
    for (Map.Entry<String, Integer> table : DatabaseScan.rowCounts(dataSource).entrySet()) {
      rows += table.getValue();
    }
    return rows;
  }
}
